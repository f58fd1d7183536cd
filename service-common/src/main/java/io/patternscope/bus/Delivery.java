package io.patternscope.bus;

import io.nats.client.Message;

/** One delivered message as a handler sees it; acknowledgement is the bus's job, not the handler's. */
public final class Delivery {

    private final String subject;
    private final byte[] data;
    private final java.util.function.LongSupplier deliveredCount;

    Delivery(Message message) {
        this(message.getSubject(), message.getData(), () -> message.metaData().deliveredCount());
    }

    private Delivery(String subject, byte[] data, java.util.function.LongSupplier deliveredCount) {
        this.subject = subject;
        this.data = data;
        this.deliveredCount = deliveredCount;
    }

    /** A delivery made by hand, for a handler's unit test. */
    public static Delivery of(String subject, byte[] data, long deliveredCount) {
        return new Delivery(subject, data, () -> deliveredCount);
    }

    public String subject() {
        return subject;
    }

    public byte[] data() {
        return data;
    }

    /** 1 on first delivery; more after a crash or a failed attempt. */
    public long deliveredCount() {
        return deliveredCount.getAsLong();
    }
}
