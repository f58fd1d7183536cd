package io.patternscope.core.series;

import java.util.Map;
import java.util.TreeMap;

/** Canonical series identities and the PromQL selectors that reproduce them. */
public final class SeriesIds {

    private SeriesIds() {
    }

    /** {@code name{a="1",b="2"}} with labels sorted by name, {@code __name__} left out of the braces. */
    public static String canonical(Map<String, String> labels) {
        StringBuilder out = new StringBuilder(labels.getOrDefault("__name__", ""));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
        }
        return out.append('}').toString();
    }

    /** The metric name of a canonical id: {@code up{job="x"}} → {@code up}. */
    public static String metric(String canonicalId) {
        int brace = canonicalId.indexOf('{');
        return brace < 0 ? canonicalId : canonicalId.substring(0, brace);
    }

    /** Escapes a label value for use inside double quotes in PromQL. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /**
     * Adds an equality matcher to a PromQL series selector: {@code up} becomes
     * {@code up{cluster="a"}}, {@code {job="x"}} becomes {@code {cluster="a",job="x"}}.
     */
    public static String withMatcher(String selector, String label, String value) {
        String matcher = label + "=\"" + escape(value) + "\"";
        String s = selector.strip();
        int brace = s.indexOf('{');
        if (brace < 0) {
            return s + "{" + matcher + "}";
        }
        String inside = s.substring(brace + 1, s.lastIndexOf('}')).strip();
        return s.substring(0, brace) + "{" + matcher + (inside.isEmpty() ? "" : "," + inside) + "}";
    }
}
