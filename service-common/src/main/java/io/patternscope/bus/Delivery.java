package io.patternscope.bus;

import io.nats.client.Message;

/** One delivered message as a handler sees it; acknowledgement is the bus's job, not the handler's. */
public final class Delivery {

    private final Message message;

    Delivery(Message message) {
        this.message = message;
    }

    public String subject() {
        return message.getSubject();
    }

    public byte[] data() {
        return message.getData();
    }

    /** 1 on first delivery; more after a crash or a failed attempt. */
    public long deliveredCount() {
        return message.metaData().deliveredCount();
    }
}
