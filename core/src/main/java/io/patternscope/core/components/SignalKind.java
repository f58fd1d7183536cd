package io.patternscope.core.components;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a metric says about its component, read from its name (and a status-code label), because the
 * kinds travel differently through a call graph: latency and errors flow up from a callee to its
 * callers, load flows down from a caller to its callees, saturation stays where it is.
 */
public enum SignalKind {
    /** Response times: {@code *latency*}, {@code *duration*}, {@code *response_time*}, or seconds/milliseconds of something else. */
    LATENCY,
    /** Failures and availability: {@code *error*}, {@code *fail*}, {@code *availability*}, {@code *timeout*}, a 5xx code label. */
    ERRORS,
    /** Work arriving: {@code *request*}, {@code *rps*}, {@code *qps*}, {@code *throughput*}, {@code *invocation*}, {@code *calls*}. */
    LOAD,
    /** Resources and everything else: CPU, memory, GC, queues, disks, connections. */
    SATURATION;

    private static final Pattern ERRORS_NAME = Pattern.compile(
            "error|fail|5xx|exception|availab|unavailable|timeout|reject|success_rate|panic");
    private static final Pattern SATURATION_NAME = Pattern.compile(
            "cpu|memory|mem_|heap|gc_|garbage|queue|disk|_fd|file_desc|thread|connection|utilization|saturation|load1|load5|swap");
    private static final Pattern LATENCY_NAME = Pattern.compile("latency|duration|response_time|rtt|elapsed");
    private static final Pattern LOAD_NAME = Pattern.compile("request|rps|qps|throughput|invocation|calls|hits|traffic");
    private static final Pattern TIME_UNIT = Pattern.compile("seconds|_ms$|_ms_|millis|_us$");

    public static SignalKind of(String metric, Map<String, String> labels) {
        String name = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
        if (ERRORS_NAME.matcher(name).find() || isErrorCode(labels)) {
            return ERRORS;
        }
        if (SATURATION_NAME.matcher(name).find()) {
            return SATURATION;
        }
        if (LATENCY_NAME.matcher(name).find()) {
            return LATENCY;
        }
        if (LOAD_NAME.matcher(name).find()) {
            return LOAD;
        }
        if (TIME_UNIT.matcher(name).find()) {
            return LATENCY;
        }
        return SATURATION;
    }

    /** Latency and errors are what a caller inherits from a callee. */
    boolean flowsUp() {
        return this == LATENCY || this == ERRORS;
    }

    private static boolean isErrorCode(Map<String, String> labels) {
        if (labels == null) {
            return false;
        }
        for (String key : new String[] {"code", "status", "status_code", "response_code", "grpc_code"}) {
            String v = labels.get(key);
            if (v != null && (v.startsWith("5") || v.equalsIgnoreCase("error") || v.equalsIgnoreCase("5xx"))) {
                return true;
            }
        }
        return false;
    }
}
