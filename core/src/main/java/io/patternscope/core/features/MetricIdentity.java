package io.patternscope.core.features;

import io.patternscope.core.ranking.FindingGrouper;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a features profile is for: a metric name and its labels without those that change on a
 * redeploy or tell replicas apart ({@link FindingGrouper#INSTANCE_LABELS}: pod, instance,
 * container id, ...), so a profile made on one pod still holds for its successor.
 */
public final class MetricIdentity {

    private MetricIdentity() {
    }

    /** {@code metric{a="1",b="2"}}: labels sorted, instance labels and {@code __name__} left out. */
    public static String of(String metric, Map<String, String> labels) {
        Map<String, String> kept = new TreeMap<>(labels);
        kept.keySet().removeAll(FindingGrouper.INSTANCE_LABELS);
        kept.remove("__name__");
        StringBuilder identity = new StringBuilder(metric).append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : kept.entrySet()) {
            identity.append(first ? "" : ",").append(label.getKey()).append("=\"")
                    .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            first = false;
        }
        return identity.append('}').toString();
    }
}
