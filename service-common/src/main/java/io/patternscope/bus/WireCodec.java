package io.patternscope.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON encoding of the wire records. NaN and ±Inf travel as the strings "NaN", "Infinity",
 * "-Infinity" (Jackson's default), which keeps gaps as gaps. Thread-safe.
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
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** @throws PoisonMessageException when the payload is not a valid {@code type} */
    public static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return MAPPER.readValue(payload, type);
        } catch (IOException e) {
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
