package io.patternscope.demo;

import java.time.Duration;

/**
 * The story injected into the incident cluster, with offsets before the data's end:
 * a memory leak in one cart pod (the root cause) starts first; the pod's own latency and GC follow;
 * then latency of its callers (checkout, frontend) shifts up and their 5xx rate rises. The demo
 * alert fires on the frontend's p99 latency — a symptom, as real alerts usually are.
 *
 * <p>Two of the leaking pod's symptoms change shape, not level, so KS cannot see them and the
 * discord detector can: its young-generation heap, a sawtooth of one GC every 5–7 minutes, fills
 * every 2 minutes once GC rises (the same range, a shorter period); and its open file descriptors,
 * which always move with connections, stick at one value when its latency rises (the pool is
 * exhausted and nothing is opened or closed).</p>
 */
public final class Incident {

    public static final String ROOT_CAUSE_METRIC = "container_memory_working_set_bytes";
    public static final String ROOT_CAUSE_SERVICE = "cart";
    public static final String ALERT_NAME = "FrontendLatencyHigh";

    public static final Duration LEAK_STARTS = Duration.ofMinutes(52);
    public static final Duration GC_RISES = Duration.ofMinutes(44);
    public static final Duration CART_LATENCY_RISES = Duration.ofMinutes(40);
    public static final Duration CALLER_LATENCY_SHIFTS = Duration.ofMinutes(30);
    public static final Duration CALLER_ERRORS_RISE = Duration.ofMinutes(25);

    /** The shape-only symptoms, both on the leaking pod. */
    public static final String PERIOD_CHANGE_METRIC = "jvm_memory_young_used_bytes";
    public static final String STUCK_VALUE_METRIC = "process_open_fds";
    static final Duration FAST_GC_PERIOD = Duration.ofMinutes(2);

    private Incident() {
    }

    /** Pod name of the leaking pod in the incident cluster. */
    public static String rootCausePod(DemoTopology topology) {
        return topology.pods(ROOT_CAUSE_SERVICE).get(0).name();
    }

    /** The Prometheus alerting rule that fires on the symptom. */
    public static String alertRules() {
        return """
                groups:
                  - name: patternscope-demo
                    interval: 5s
                    rules:
                      # The demo's data is a recording that ends 10 minutes after the demo starts:
                      # last_over_time keeps its alert firing for 12 hours while the demo runs.
                      - alert: FrontendLatencyHigh
                        expr: max by (cluster, service) (last_over_time(http_request_latency_seconds{service="frontend",quantile="0.99"}[12h])) > 0.8
                        for: 0s
                        labels:
                          severity: page
                          # Label values are attacker-controllable text: the UI must show this, not run it.
                          note: '<img src=x onerror="window.__xss=1">'
                        annotations:
                          summary: frontend p99 latency above 800 ms in {{ $labels.cluster }}
                """;
    }
}
