package io.patternscope.core.components;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which component (service, workload) a series belongs to, read from its labels: the first label of
 * a configured list that the series carries names it. A {@code pod} label names its workload: the
 * pod's name without the hashes Kubernetes appends ({@code cart-7d9f8b6c5d-x2x4k} → {@code cart},
 * {@code db-2} → {@code db}). Series with none of the labels (node metrics, say) belong to no
 * component. Immutable, thread-safe.
 */
public final class ComponentResolver {

    /**
     * The default order: explicit component and service names first, then Kubernetes workloads,
     * then the scrape job, then the pod's workload.
     */
    public static final List<String> DEFAULT_LABELS = List.of("component", "service", "microservice",
            "service_name", "workload", "deployment", "statefulset", "daemonset", "app_kubernetes_io_name", "app",
            "job", "pod");

    /**
     * A Deployment pod: name-{replicaset hash}-{pod hash}; a StatefulSet pod: name-{ordinal}; a
     * DaemonSet pod: name-{hash}. Kubernetes writes hashes in an alphabet without vowels (so a word
     * such as "exporter" is never taken for one).
     */
    private static final String HASH = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("-" + HASH + "{6,10}-" + HASH + "{5}$");
    private static final Pattern STATEFUL_OR_DAEMON_POD = Pattern.compile("-([0-9]+|" + HASH + "{5})$");

    private final List<String> labels;

    public ComponentResolver(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("the component labels must name at least one label");
        }
        this.labels = List.copyOf(labels);
    }

    public static ComponentResolver defaults() {
        return new ComponentResolver(DEFAULT_LABELS);
    }

    public List<String> labels() {
        return labels;
    }

    /** The component of a series, or null when none of the labels is present and non-empty. */
    public String componentOf(Map<String, String> seriesLabels) {
        if (seriesLabels == null) {
            return null;
        }
        for (String label : labels) {
            String value = seriesLabels.get(label);
            if (value != null && !value.isBlank()) {
                return "pod".equals(label) || "pod_name".equals(label) ? workloadOfPod(value) : value;
            }
        }
        return null;
    }

    /** The workload a pod name belongs to. */
    public static String workloadOfPod(String pod) {
        String withoutDeployment = DEPLOYMENT_POD.matcher(pod).replaceFirst("");
        if (!withoutDeployment.equals(pod)) {
            return withoutDeployment;
        }
        String stripped = STATEFUL_OR_DAEMON_POD.matcher(pod).replaceFirst("");
        return stripped.isEmpty() ? pod : stripped;
    }
}
