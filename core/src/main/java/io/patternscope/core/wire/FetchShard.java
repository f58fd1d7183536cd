package io.patternscope.core.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One shard of an analysis's fetch: whole metric names, or one part of a single large metric
 * ({@code partition}), taken by whichever fetcher replica pulls it. Its batches are numbered
 * {@code shardNo × SHARD_BATCH_SPAN + k}.
 *
 * @param partition   null for whole metrics; else the one metric's part the shard reads
 * @param deflatedIds the discovered series of the shard (after exclusions and the cap), one id per
 *                    line, deflated: label strings repeat so much that 2,500 ids take tens of KiB
 */
public record FetchShard(String analysisId, AnalysisRequested request, int shardNo, int shardCount, List<String> metrics,
                         LabelPartition partition, byte[] deflatedIds) {

    /** Batch numbers reserved per shard. */
    public static final int SHARD_BATCH_SPAN = 100_000;

    public static FetchShard of(String analysisId, AnalysisRequested request, int shardNo, int shardCount, List<String> metrics,
                                LabelPartition partition, List<String> seriesIds) {
        return new FetchShard(analysisId, request, shardNo, shardCount, metrics, partition, deflate(seriesIds));
    }

    /** The shard's series ids, in the order they were planned. */
    public List<String> seriesIds() {
        return inflate(deflatedIds);
    }

    public static byte[] deflate(List<String> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED))) {
            out.write(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<String> inflate(byte[] deflated) {
        if (deflated == null || deflated.length == 0) {
            return List.of();
        }
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        } catch (IOException e) {
            throw new IllegalArgumentException("a fetch shard's series ids are not valid deflate data", e);
        }
    }
}
