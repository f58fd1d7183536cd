package io.patternscope.core.wire;

import java.util.List;

/**
 * A part of one metric name: the series whose {@code label} has one of {@code values} ("" for a
 * series without the label). A metric with more series than a shard holds is read in such parts,
 * each with one matcher, instead of whole by every shard that needs some of it.
 */
public record LabelPartition(String label, List<String> values) {

    private static final String REGEX_SPECIALS = "\\.+*?()|[]{}^$";

    /** An RE2 alternation of the values as literals (Prometheus anchors it); "" also matches a missing label. */
    public String regex() {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append('|');
            }
            first = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (REGEX_SPECIALS.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return values.size() == 1 ? out.toString() : "(?:" + out + ")";
    }
}
