package io.patternscope.bus;

import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a {@link ScreenedBatch}: its JSON with every series' values left out, then the
 * values as raw doubles. A batch where most series are candidates carries most of its input's
 * values; as JSON text they would take more than twice the bytes of the series batch they came
 * from and could exceed the server's max payload, as raw doubles they take no more.
 *
 * <pre>
 * "PSS1" | int jsonLength | JSON (values: null) | int seriesCount | per series: int valueCount (-1: none) | double*
 * </pre>
 */
public final class ScreenedBatchFrame {

    static final byte[] MAGIC = {'P', 'S', 'S', '1'};

    private ScreenedBatchFrame() {
    }

    public static boolean isFrame(byte[] payload) {
        return FrameParts.startsWith(payload, MAGIC);
    }

    public static byte[] encode(ScreenedBatch batch) {
        List<ScreenedSeries> bare = new ArrayList<>(batch.series().size());
        int valueBytes = 0;
        for (ScreenedSeries s : batch.series()) {
            bare.add(s.withValues(null));
            valueBytes += 4 + (s.values() == null ? 0 : 8 * s.values().length);
        }
        byte[] json = WireCodec.encodeJson(new ScreenedBatch(batch.analysisId(), batch.batchNo(), batch.model(), bare));
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + json.length + 4 + valueBytes);
        out.put(MAGIC).putInt(json.length).put(json).putInt(batch.series().size());
        for (ScreenedSeries s : batch.series()) {
            if (s.values() == null) {
                out.putInt(-1);
            } else {
                out.putInt(s.values().length);
                FrameParts.putDoubles(out, s.values());
            }
        }
        return out.array();
    }

    /** @throws PoisonMessageException when the bytes are not a whole, valid frame */
    public static ScreenedBatch decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            int jsonLength = FrameParts.jsonLength(in);
            ScreenedBatch bare = WireCodec.mapper().readValue(payload, in.position(), jsonLength, ScreenedBatch.class);
            in.position(in.position() + jsonLength);
            int count = in.getInt();
            if (bare.series() == null || count != bare.series().size()) {
                throw new IllegalArgumentException(count + " value arrays for " + (bare.series() == null ? 0 : bare.series().size())
                        + " series");
            }
            List<ScreenedSeries> series = new ArrayList<>(count);
            for (ScreenedSeries s : bare.series()) {
                int n = in.getInt();
                series.add(s.withValues(n == -1 ? null : FrameParts.getDoubles(in, n)));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last series");
            }
            return new ScreenedBatch(bare.analysisId(), bare.batchNo(), bare.model(), series);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException | java.io.IOException e) {
            throw new PoisonMessageException("not a valid screened batch frame: " + e.getMessage(), e);
        }
    }
}
