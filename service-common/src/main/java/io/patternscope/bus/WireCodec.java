package io.patternscope.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.SeriesBatch;
import java.io.IOException;

/**
 * Encoding of the wire records: JSON, except the two that carry series values, whose values travel
 * as raw doubles: a {@link SeriesBatch} as a {@link SeriesBatchFrame}, a {@link ScreenedBatch} as a
 * {@link ScreenedBatchFrame}. In JSON NaN and
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
        if (message instanceof ScreenedBatch batch) {
            return ScreenedBatchFrame.encode(batch);
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

    /**
     * The JSON part of any message: the whole of a JSON one, the header of a frame (both frames
     * start with 4 magic bytes and a length-prefixed JSON part holding analysisId and batchNo).
     */
    public static JsonNode envelope(byte[] payload) throws IOException {
        if (SeriesBatchFrame.isFrame(payload) || ScreenedBatchFrame.isFrame(payload)) {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(payload);
            int length;
            try {
                length = FrameParts.jsonLength(in);
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
                throw new IOException("not a frame: " + e.getMessage(), e);
            }
            return MAPPER.readTree(payload, in.position(), length);
        }
        return MAPPER.readTree(payload);
    }

    /** @throws PoisonMessageException when the payload is not a valid {@code type} */
    public static <T> T decode(byte[] payload, Class<T> type) {
        if (type == SeriesBatch.class && SeriesBatchFrame.isFrame(payload)) {
            return type.cast(SeriesBatchFrame.decode(payload));
        }
        if (type == ScreenedBatch.class && ScreenedBatchFrame.isFrame(payload)) {
            return type.cast(ScreenedBatchFrame.decode(payload));
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (IOException e) {
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
