package io.patternscope.fetcher.service;

import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.LabelPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an analysis's discovered series into shards of at most {@code maxSeries}: small metric
 * names packed whole (one remote-read matcher per name), a larger one cut into parts by the label
 * that tells its series apart best (pod, instance, le, ...), each part read with one regex matcher
 * on that label. A shard's ids travel deflated; one still over {@link #MAX_DEFLATED_IDS} is halved.
 */
final class ShardSplitter {

    /** Far under NATS's 1 MiB default payload, leaving room for the request it carries. */
    static final int MAX_DEFLATED_IDS = 512 * 1024;

    /** One shard before it is numbered: whole metric names, or a part of one. */
    record Planned(List<String> metrics, LabelPartition partition, List<String> ids) {
    }

    private ShardSplitter() {
    }

    static List<Planned> split(Map<String, Map<String, String>> discovered, int maxSeries) {
        Map<String, List<String>> idsByMetric = new TreeMap<>();
        discovered.forEach((id, labels) -> idsByMetric.computeIfAbsent(labels.getOrDefault("__name__", ""),
                k -> new ArrayList<>()).add(id));
        List<Planned> out = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, List<String>> metric : idsByMetric.entrySet()) {
            if (metric.getValue().size() > maxSeries) {
                out.addAll(parts(metric.getKey(), metric.getValue(), discovered, maxSeries));
                continue;
            }
            if (!ids.isEmpty() && ids.size() + metric.getValue().size() > maxSeries) {
                out.add(new Planned(List.copyOf(metrics), null, List.copyOf(ids)));
                metrics.clear();
                ids.clear();
            }
            metrics.add(metric.getKey());
            ids.addAll(metric.getValue());
        }
        if (!ids.isEmpty()) {
            out.add(new Planned(List.copyOf(metrics), null, List.copyOf(ids)));
        }
        List<Planned> fitting = new ArrayList<>();
        for (Planned shard : out) {
            fitting.addAll(fit(shard, discovered));
        }
        return fitting;
    }

    /**
     * Cuts one metric by the label with the most distinct values into consecutive value ranges of
     * at most {@code maxSeries} series (a single value with more stays one part).
     */
    private static List<Planned> parts(String metric, List<String> ids, Map<String, Map<String, String>> discovered,
                                       int maxSeries) {
        String label = mostDistinctLabel(ids, discovered);
        TreeMap<String, List<String>> idsByValue = new TreeMap<>();
        for (String id : ids) {
            idsByValue.computeIfAbsent(discovered.get(id).getOrDefault(label, ""), k -> new ArrayList<>()).add(id);
        }
        List<Planned> parts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> partIds = new ArrayList<>();
        for (Map.Entry<String, List<String>> value : idsByValue.entrySet()) {
            if (!partIds.isEmpty() && partIds.size() + value.getValue().size() > maxSeries) {
                parts.add(new Planned(List.of(metric), new LabelPartition(label, List.copyOf(values)), List.copyOf(partIds)));
                values.clear();
                partIds.clear();
            }
            values.add(value.getKey());
            partIds.addAll(value.getValue());
        }
        parts.add(new Planned(List.of(metric), new LabelPartition(label, List.copyOf(values)), List.copyOf(partIds)));
        return parts;
    }

    static String mostDistinctLabel(List<String> ids, Map<String, Map<String, String>> discovered) {
        Map<String, java.util.Set<String>> valuesByLabel = new TreeMap<>();
        for (String id : ids) {
            discovered.get(id).forEach((name, value) -> {
                if (!name.equals("__name__")) {
                    valuesByLabel.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(value);
                }
            });
        }
        String best = "__name__";
        int most = 0;
        for (Map.Entry<String, java.util.Set<String>> e : valuesByLabel.entrySet()) {
            if (e.getValue().size() > most) {
                best = e.getKey();
                most = e.getValue().size();
            }
        }
        return best;
    }

    /** Halves a shard whose deflated ids are too large: by its values, its metrics, or (one metric) into parts. */
    private static List<Planned> fit(Planned shard, Map<String, Map<String, String>> discovered) {
        if (shard.ids().size() < 2 || FetchShard.deflate(shard.ids()).length <= MAX_DEFLATED_IDS) {
            return List.of(shard);
        }
        List<Planned> halves;
        if (shard.partition() != null && shard.partition().values().size() > 1) {
            List<String> values = shard.partition().values();
            halves = List.of(restrict(shard, values.subList(0, values.size() / 2), discovered),
                    restrict(shard, values.subList(values.size() / 2, values.size()), discovered));
        } else if (shard.metrics().size() > 1) {
            List<String> metrics = shard.metrics();
            halves = List.of(ofMetrics(shard, metrics.subList(0, metrics.size() / 2), discovered),
                    ofMetrics(shard, metrics.subList(metrics.size() / 2, metrics.size()), discovered));
        } else if (shard.partition() == null) {
            halves = parts(shard.metrics().get(0), shard.ids(), discovered, Math.max(1, shard.ids().size() / 2));
        } else {
            return List.of(shard); // one label value holds them all: nothing left to split by
        }
        List<Planned> out = new ArrayList<>();
        for (Planned half : halves) {
            out.addAll(fit(half, discovered));
        }
        return out;
    }

    private static Planned restrict(Planned shard, List<String> values, Map<String, Map<String, String>> discovered) {
        LabelPartition part = new LabelPartition(shard.partition().label(), List.copyOf(values));
        java.util.Set<String> kept = java.util.Set.copyOf(values);
        return new Planned(shard.metrics(), part, shard.ids().stream()
                .filter(id -> kept.contains(discovered.get(id).getOrDefault(part.label(), ""))).toList());
    }

    private static Planned ofMetrics(Planned shard, List<String> metrics, Map<String, Map<String, String>> discovered) {
        java.util.Set<String> kept = java.util.Set.copyOf(metrics);
        return new Planned(List.copyOf(metrics), null,
                shard.ids().stream().filter(id -> kept.contains(discovered.get(id).getOrDefault("__name__", ""))).toList());
    }
}
