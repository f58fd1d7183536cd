package io.patternscope.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.wire.SeriesBatch;
import java.io.IOException;

/**
 * Encoding of the wire records: JSON, except a {@link SeriesBatch}, which travels as a binary
 * {@link SeriesBatchFrame} (its values are nearly all of the pipeline's bytes). In JSON NaN and
 * ±Inf travel as the strings "NaN", "Infinity", "-Infinity" (Jackson's default), which keeps gaps
 * as gaps. Thread-safe.
 */
public final class WireCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WireCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object message) {
        if (message instanceof SeriesBatch batch) {
            return SeriesBatchFrame.encode(batch);
        }
        return encodeJson(message);
    }

    static byte[] encodeJson(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** @throws PoisonMessageException when the payload is not a valid {@code type} */
    public static <T> T decode(byte[] payload, Class<T> type) {
        if (type == SeriesBatch.class && SeriesBatchFrame.isFrame(payload)) {
            return type.cast(SeriesBatchFrame.decode(payload));
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (IOException e) {
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
