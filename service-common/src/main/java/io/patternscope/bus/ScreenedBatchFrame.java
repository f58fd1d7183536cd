package io.patternscope.bus;

import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesData;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frame of a {@link ScreenedBatch}, which the detector writes and the classifier and
 * report-service read (the classifier also writes it again): a small JSON header, then each
 * series' verdict in binary. Statistics are raw doubles and labels plain strings, so reading a
 * verdict is copying, not parsing JSON numbers and maps; a candidate's values are raw doubles, so a
 * batch of candidates fits wherever its input did. {@code PSS1} frames (the verdicts as JSON) are
 * still read, for messages published before an upgrade.
 *
 * <pre>
 * "PSS2" | int headerLength | header JSON {analysisId, batchNo, model} | int seriesCount |
 *   per series: str id | int labelCount (-1: none) | (str name, str value)* (sorted by name) | str kind | str status |
 *               byte candidate | double ksStatistic | double pValue | double effectSize | int direction | long onsetMs |
 *               long startMs | long stepMs | int valueCount (-1: none) | double* | str pattern | double confidence |
 *               byte uncertain | double ksPValue | int detectorCount (-1: none) | str detector* | double recentZ |
 *               int recentRun | double discordScore | str reference | str referenceNote | str error
 *               (str = int byteLength, -1 for none, + UTF-8 bytes; enums by name; big-endian)
 * "PSS1" | int jsonLength | JSON (values: null) | int seriesCount | per series: int valueCount (-1: none) | double*
 * </pre>
 */
public final class ScreenedBatchFrame {

    static final byte[] MAGIC = {'P', 'S', 'S', '2'};
    private static final byte[] JSON_VERDICTS_MAGIC = {'P', 'S', 'S', '1'};

    private record Header(String analysisId, int batchNo, String model) {
    }

    private ScreenedBatchFrame() {
    }

    public static boolean isFrame(byte[] payload) {
        return FrameParts.startsWith(payload, MAGIC) || FrameParts.startsWith(payload, JSON_VERDICTS_MAGIC);
    }

    public static byte[] encode(ScreenedBatch batch) {
        byte[] header = WireCodec.encodeJson(new Header(batch.analysisId(), batch.batchNo(), batch.model()));
        Sink out = new Sink(MAGIC.length + 8 + header.length + 512 * batch.series().size());
        out.ensure(MAGIC.length + 8 + header.length).put(MAGIC).putInt(header.length).put(header).putInt(batch.series().size());
        for (ScreenedSeries s : batch.series()) {
            out.string(s.id());
            if (s.labels() == null) {
                out.ensure(4).putInt(-1);
            } else {
                out.ensure(4).putInt(s.labels().size());
                // Sorted by name: the same verdict always makes the same bytes, whatever map holds it.
                for (Map.Entry<String, String> label : new TreeMap<>(s.labels()).entrySet()) {
                    out.string(label.getKey());
                    out.string(label.getValue());
                }
            }
            out.string(s.kind() == null ? null : s.kind().name());
            out.string(s.status() == null ? null : s.status().name());
            out.ensure(1 + 3 * 8 + 4 + 3 * 8 + 4).put((byte) (s.candidate() ? 1 : 0)).putDouble(s.ksStatistic())
                    .putDouble(s.pValue()).putDouble(s.effectSize()).putInt(s.direction()).putLong(s.onsetMs())
                    .putLong(s.startMs()).putLong(s.stepMs());
            if (s.values() == null) {
                out.ensure(4).putInt(-1);
            } else {
                FrameParts.putDoubles(out.ensure(4 + 8 * s.values().length).putInt(s.values().length), s.values());
            }
            out.string(s.pattern());
            out.ensure(8 + 1 + 8).putDouble(s.confidence()).put((byte) (s.uncertain() ? 1 : 0)).putDouble(s.ksPValue());
            if (s.detectors() == null) {
                out.ensure(4).putInt(-1);
            } else {
                out.ensure(4).putInt(s.detectors().size());
                for (Detector d : s.detectors()) {
                    out.string(d.name());
                }
            }
            out.ensure(8 + 4 + 8).putDouble(s.recentZ()).putInt(s.recentRun()).putDouble(s.discordScore());
            out.string(s.reference());
            out.string(s.referenceNote());
            out.string(s.error());
        }
        return out.bytes();
    }

    /** @throws PoisonMessageException when the bytes are not a whole, valid frame */
    public static ScreenedBatch decode(byte[] payload) {
        try {
            if (FrameParts.startsWith(payload, JSON_VERDICTS_MAGIC)) {
                return decodeJsonVerdicts(payload);
            }
            ByteBuffer in = ByteBuffer.wrap(payload);
            if (!FrameParts.startsWith(payload, MAGIC)) {
                throw new IllegalArgumentException("no screened batch magic");
            }
            int headerLength = FrameParts.jsonLength(in);
            com.fasterxml.jackson.databind.JsonNode header = WireCodec.mapper().readTree(payload, in.position(), headerLength);
            in.position(in.position() + headerLength);
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new IllegalArgumentException("series count " + count);
            }
            List<ScreenedSeries> series = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                series.add(verdict(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last series");
            }
            return new ScreenedBatch(header.path("analysisId").asText(), header.path("batchNo").asInt(),
                    header.path("model").isNull() ? null : header.path("model").asText(null), series);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException | java.io.IOException e) {
            throw new PoisonMessageException("not a valid screened batch frame: " + e.getMessage(), e);
        }
    }

    private static ScreenedSeries verdict(ByteBuffer in) {
        String id = string(in);
        int labelCount = in.getInt();
        Map<String, String> labels = null;
        if (labelCount != -1) {
            if (labelCount < 0 || labelCount > in.remaining()) {
                throw new IllegalArgumentException("label count " + labelCount);
            }
            labels = new HashMap<>(Math.max(4, labelCount * 2));
            for (int l = 0; l < labelCount; l++) {
                labels.put(FrameParts.getString(in), FrameParts.getString(in));
            }
        }
        String kind = string(in);
        String status = string(in);
        boolean candidate = in.get() != 0;
        double ksStatistic = in.getDouble();
        double pValue = in.getDouble();
        double effectSize = in.getDouble();
        int direction = in.getInt();
        long onsetMs = in.getLong();
        long startMs = in.getLong();
        long stepMs = in.getLong();
        int valueCount = in.getInt();
        double[] values = valueCount == -1 ? null : FrameParts.getDoubles(in, valueCount);
        String pattern = string(in);
        double confidence = in.getDouble();
        boolean uncertain = in.get() != 0;
        double ksPValue = in.getDouble();
        int detectorCount = in.getInt();
        List<Detector> detectors = null;
        if (detectorCount != -1) {
            if (detectorCount < 0 || detectorCount > in.remaining()) {
                throw new IllegalArgumentException("detector count " + detectorCount);
            }
            detectors = new ArrayList<>(detectorCount);
            for (int d = 0; d < detectorCount; d++) {
                detectors.add(Detector.valueOf(FrameParts.getString(in)));
            }
        }
        double recentZ = in.getDouble();
        int recentRun = in.getInt();
        double discordScore = in.getDouble();
        return new ScreenedSeries(id, labels, kind == null ? null : SeriesData.ValueKind.valueOf(kind),
                status == null ? null : ScreeningStatus.valueOf(status), candidate, ksStatistic, pValue, effectSize, direction,
                onsetMs, startMs, stepMs, values, pattern, confidence, uncertain, ksPValue, detectors, recentZ, recentRun,
                discordScore, string(in), string(in), string(in));
    }

    private static ScreenedBatch decodeJsonVerdicts(byte[] payload) throws java.io.IOException {
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
    }

    /** A string that may be absent (length -1). */
    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        in.position(in.position() - 4);
        return FrameParts.getString(in);
    }

    /** A big-endian buffer that grows as verdicts are written: their text's size is known only once encoded. */
    private static final class Sink {
        private ByteBuffer buffer;

        Sink(int initial) {
            buffer = ByteBuffer.allocate(initial);
        }

        ByteBuffer ensure(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            return buffer;
        }

        void string(String value) {
            if (value == null) {
                ensure(4).putInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length).putInt(bytes.length).put(bytes);
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
