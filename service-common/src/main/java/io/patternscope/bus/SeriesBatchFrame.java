package io.patternscope.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary frame of a {@link SeriesBatch}, the one message that carries every series' values:
 * a small JSON header (analysis, batch, screening parameters) and then each series as
 * length-prefixed UTF-8 strings and raw IEEE-754 doubles. A value costs 8 bytes instead of about
 * 18 characters of JSON text, and decoding is a copy instead of number parsing. Other messages
 * stay JSON.
 *
 * <pre>
 * "PSB2" | int headerLength | header JSON | int seriesCount |
 *   per series: str id | int labelCount | (str name, str value)* (sorted by name) | byte kind | long startMs | long stepMs |
 *               int valueCount | double* | int pastCount | (long offsetMs | int valueCount | double*)*
 *                                                 (str = int byteLength + UTF-8 bytes; big-endian)
 * </pre>
 */
public final class SeriesBatchFrame {

    private static final byte[] MAGIC = {'P', 'S', 'B', '2'};
    private static final SeriesData.ValueKind[] KINDS = SeriesData.ValueKind.values();

    private record Header(String analysisId, long testStartMs, ScreeningParameters screening, int batchNo) {
    }

    private SeriesBatchFrame() {
    }

    public static boolean isFrame(byte[] payload) {
        return FrameParts.startsWith(payload, MAGIC);
    }

    /** The bytes one series adds to a frame: what a batch publisher counts against its limit. */
    public static int encodedSize(SeriesData series) {
        return encodedSize(series, textBytes(series));
    }

    /** id, kind, start, step, values and past windows, and a length prefix for the id and each label name and value. */
    private static int encodedSize(SeriesData series, int textBytes) {
        int past = 4;
        for (SeriesData.PastWindow w : series.past()) {
            past += 8 + 4 + 8 * w.values().length;
        }
        return textBytes + 4 * (2 + 2 * series.labels().size()) + 1 + 8 + 8 + 4 + 8 * series.values().length + past;
    }

    /** The UTF-8 bytes of the series' id and of its labels' names and values. */
    private static int textBytes(SeriesData series) {
        int bytes = utf8Length(series.id());
        for (Map.Entry<String, String> label : series.labels().entrySet()) {
            bytes += utf8Length(label.getKey()) + utf8Length(label.getValue());
        }
        return bytes;
    }

    /**
     * What a series may cost a batch publisher's budget: its frame bytes plus what its verdict adds
     * in the screened batch made from this one (its id and labels again, and about 768 bytes of
     * statistics and names), so that screened batch fits wherever this one does.
     */
    public static int budgetSize(SeriesData series) {
        int textBytes = textBytes(series);
        return encodedSize(series, textBytes) + textBytes + 6 * series.labels().size() + 768;
    }

    /** The frame's fixed part for a batch's header: magic, header and series count. */
    public static int envelopeSize(String analysisId, ScreeningParameters screening) {
        return MAGIC.length + 4 + header(new Header(analysisId, Long.MAX_VALUE, screening, Integer.MAX_VALUE)).length + 4;
    }

    public static byte[] encode(SeriesBatch batch) {
        byte[] header = header(new Header(batch.analysisId(), batch.testStartMs(), batch.screening(), batch.batchNo()));
        int size = MAGIC.length + 4 + header.length + 4;
        for (SeriesData series : batch.series()) {
            size += encodedSize(series);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(MAGIC).putInt(header.length).put(header).putInt(batch.series().size());
        for (SeriesData series : batch.series()) {
            FrameParts.putString(out, series.id());
            out.putInt(series.labels().size());
            // Sorted by name: the same series always makes the same bytes, whatever map holds it.
            for (Map.Entry<String, String> label : new java.util.TreeMap<>(series.labels()).entrySet()) {
                FrameParts.putString(out, label.getKey());
                FrameParts.putString(out, label.getValue());
            }
            out.put((byte) series.kind().ordinal()).putLong(series.startMs()).putLong(series.stepMs())
                    .putInt(series.values().length);
            FrameParts.putDoubles(out, series.values());
            out.putInt(series.past().size());
            for (SeriesData.PastWindow w : series.past()) {
                out.putLong(w.offsetMs()).putInt(w.values().length);
                FrameParts.putDoubles(out, w.values());
            }
        }
        return out.array();
    }

    /** @throws PoisonMessageException when the bytes are not a whole, valid frame */
    public static SeriesBatch decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            int headerLength = FrameParts.jsonLength(in);
            JsonNode header = WireCodec.mapper().readTree(payload, in.position(), headerLength);
            in.position(in.position() + headerLength);
            int count = in.getInt();
            if (count < 0 || count > payload.length) {
                throw new IllegalArgumentException("series count " + count);
            }
            List<SeriesData> series = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                String id = FrameParts.getString(in);
                int labelCount = in.getInt();
                Map<String, String> labels = new HashMap<>(Math.max(4, labelCount * 2));
                for (int l = 0; l < labelCount; l++) {
                    labels.put(FrameParts.getString(in), FrameParts.getString(in));
                }
                SeriesData.ValueKind kind = KINDS[in.get()];
                long startMs = in.getLong();
                long stepMs = in.getLong();
                double[] values = FrameParts.getDoubles(in, in.getInt());
                int pastCount = in.getInt();
                if (pastCount < 0 || pastCount > in.remaining()) {
                    throw new IllegalArgumentException("past window count " + pastCount);
                }
                List<SeriesData.PastWindow> past = new ArrayList<>(pastCount);
                for (int w = 0; w < pastCount; w++) {
                    long offsetMs = in.getLong();
                    past.add(new SeriesData.PastWindow(offsetMs, FrameParts.getDoubles(in, in.getInt())));
                }
                series.add(new SeriesData(id, labels, startMs, stepMs, values, kind, past));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last series");
            }
            return new SeriesBatch(header.path("analysisId").asText(), header.path("testStartMs").asLong(),
                    WireCodec.mapper().treeToValue(header.path("screening"), ScreeningParameters.class),
                    header.path("batchNo").asInt(), series);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException | java.io.IOException e) {
            throw new PoisonMessageException("not a valid series batch frame: " + e.getMessage(), e);
        }
    }

    private static byte[] header(Header header) {
        return WireCodec.encodeJson(header);
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
