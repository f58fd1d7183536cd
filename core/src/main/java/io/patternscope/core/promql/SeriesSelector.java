package io.patternscope.core.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * A PromQL series selector, {@code metric{label="v", other=~"re", x!="y", z!~"w"}}, parsed into
 * label matchers (the metric name becomes {@code __name__="metric"}). Supports the escapes
 * {@code \"}, {@code \\} and {@code \n} in values. Throws {@link IllegalArgumentException} with the
 * position of the problem for anything else (functions, ranges, offsets).
 */
public final class SeriesSelector {

    public enum MatchType { EQ, NEQ, RE, NRE }

    public record Matcher(MatchType type, String name, String value) {
    }

    private SeriesSelector() {
    }

    public static List<Matcher> parse(String selector) {
        String s = selector.strip();
        List<Matcher> matchers = new ArrayList<>();
        int i = 0;
        while (i < s.length() && isNameChar(s.charAt(i), i == 0)) {
            i++;
        }
        if (i > 0) {
            matchers.add(new Matcher(MatchType.EQ, "__name__", s.substring(0, i)));
        }
        if (i == s.length()) {
            if (matchers.isEmpty()) {
                throw new IllegalArgumentException("empty series selector");
            }
            return matchers;
        }
        if (s.charAt(i) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new IllegalArgumentException("not a series selector at position " + i + ": " + selector);
        }
        String body = s.substring(i + 1, s.length() - 1);
        int p = 0;
        while (true) {
            p = skipSpaces(body, p);
            if (p >= body.length()) {
                break;
            }
            int nameStart = p;
            while (p < body.length() && isNameChar(body.charAt(p), p == nameStart)) {
                p++;
            }
            String name = body.substring(nameStart, p);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("label name expected at position " + (i + 1 + p) + ": " + selector);
            }
            p = skipSpaces(body, p);
            MatchType type;
            if (body.startsWith("=~", p)) {
                type = MatchType.RE;
                p += 2;
            } else if (body.startsWith("!~", p)) {
                type = MatchType.NRE;
                p += 2;
            } else if (body.startsWith("!=", p)) {
                type = MatchType.NEQ;
                p += 2;
            } else if (body.startsWith("=", p)) {
                type = MatchType.EQ;
                p += 1;
            } else {
                throw new IllegalArgumentException("matcher operator expected at position " + (i + 1 + p) + ": " + selector);
            }
            p = skipSpaces(body, p);
            if (p >= body.length() || (body.charAt(p) != '"' && body.charAt(p) != '\'')) {
                throw new IllegalArgumentException("quoted label value expected at position " + (i + 1 + p) + ": " + selector);
            }
            char quote = body.charAt(p++);
            StringBuilder value = new StringBuilder();
            while (p < body.length() && body.charAt(p) != quote) {
                char c = body.charAt(p++);
                if (c == '\\' && p < body.length()) {
                    char e = body.charAt(p++);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            if (p >= body.length()) {
                throw new IllegalArgumentException("unterminated label value: " + selector);
            }
            p++;
            matchers.add(new Matcher(type, name, value.toString()));
            p = skipSpaces(body, p);
            if (p < body.length()) {
                if (body.charAt(p) != ',') {
                    throw new IllegalArgumentException("',' expected at position " + (i + 1 + p) + ": " + selector);
                }
                p++;
            }
        }
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a selector needs at least one matcher: " + selector);
        }
        return matchers;
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isNameChar(char c, boolean first) {
        return Character.isLetter(c) || c == '_' || c == ':' || (!first && Character.isDigit(c));
    }
}
