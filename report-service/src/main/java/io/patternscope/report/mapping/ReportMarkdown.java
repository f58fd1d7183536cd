package io.patternscope.report.mapping;

import io.patternscope.core.api.ApiViews;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report as Markdown, for pasting into an incident ticket or chat: summary, the ranked groups
 * with their best member's evidence, and the PromQL to reproduce each. Metric names and label values
 * come from the monitored systems and may hold anything, so every one is escaped (Markdown and HTML
 * metacharacters) before it is written.
 */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(ApiViews.ReportView r) {
        StringBuilder md = new StringBuilder();
        md.append("# Patternscope report — ").append(escape(r.cluster())).append("\n\n");
        if (r.alert() != null) {
            md.append("Alert **").append(escape(r.alert().name())).append("**, active since ").append(r.alert().activeAt())
                    .append(".  \n");
        }
        md.append("Window ").append(r.window().start()).append(" – ").append(r.window().end()).append(", test window from ")
                .append(r.window().testStart()).append(", step ").append(r.window().stepSeconds()).append(" s.  \n");
        md.append("Status **").append(r.status()).append("**");
        if (r.statusReason() != null) {
            md.append(": ").append(escape(r.statusReason()));
        }
        md.append(". Model `").append(escape(String.valueOf(r.model()))).append("`, fetched with `")
                .append(escape(String.valueOf(r.fetchMethod()))).append("`.\n\n");
        ApiViews.SummaryView s = r.summary();
        md.append(String.format(Locale.ROOT, "%d series screened: %d tested, %d insufficient data, %d constant, %d unconverted "
                        + "counters, %d errors%s; %d changed (q ≤ %s, |effect| ≥ %s%s).%n%n", s.seriesScreened(), s.tested(),
                s.insufficientData(), s.constant(), s.unconvertedCounter(), s.errors(),
                s.notScreened() > 0 ? "; " + s.notScreened() + " fetched series never screened" : "", s.changed(), r.fdrLevel(),
                r.minEffectSize(), r.discordThreshold() == null ? "" : ", or discord ≥ " + r.discordThreshold()));
        for (String note : s.notes()) {
            md.append("> ").append(escape(note)).append("\n\n");
        }
        renderComponents(md, r);
        Map<String, ApiViews.FindingView> byId = new HashMap<>();
        r.findings().forEach(f -> byId.put(f.series(), f));
        md.append("| # | onset | pattern | finding | p | effect | PromQL |\n|---|---|---|---|---|---|---|\n");
        int shown = 0;
        for (ApiViews.GroupView g : r.groups()) {
            if (shown++ == 25) {
                break;
            }
            ApiViews.FindingView best = byId.get(g.members().get(0));
            String onset = g.onset() == null || r.alert() == null ? String.valueOf(g.onset())
                    : String.format(Locale.ROOT, "%+d min", Duration.between(r.alert().activeAt(), g.onset()).toMinutes());
            md.append("| ").append(g.rank()).append(" | ").append(onset).append(" | ").append(escape(g.pattern()))
                    .append(best != null && best.uncertain() ? " (uncertain)" : "")
                    .append(" | ").append(escape(g.title())).append(" | ")
                    .append(best == null ? "" : String.format(Locale.ROOT, "%.1e", best.pValue())).append(" | ")
                    .append(best == null ? "" : String.format(Locale.ROOT, "%.1f", best.effectSize())).append(" | ")
                    .append(best == null ? "" : code(best.promql())).append(" |\n");
        }
        if (r.groups().size() > 25) {
            md.append("\n").append(r.groups().size() - 25).append(" more groups in the JSON report.\n");
        }
        renderKnownNormal(md, r);
        return md.toString();
    }

    private static void renderComponents(StringBuilder md, ApiViews.ReportView r) {
        if (r.likelyRootCauses() == null || r.likelyRootCauses().isEmpty()) {
            return;
        }
        md.append("## Likely root-cause components\n\n| # | component | score | why | evidence |\n|---|---|---|---|---|\n");
        for (ApiViews.ComponentView c : r.likelyRootCauses()) {
            md.append("| ").append(c.rank()).append(" | ").append(escape(c.component())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", c.score())).append(" | ").append(escape(c.reason())).append(" | ");
            for (ApiViews.EvidenceView e : c.evidence()) {
                md.append(escape(e.series())).append(" (").append(escape(String.valueOf(e.pattern())))
                        .append(String.format(Locale.ROOT, ", %.1f σ", e.effectSize())).append(")<br>");
            }
            md.append(" |\n");
        }
        if (r.alertingComponent() != null) {
            md.append("\nAlerting component: **").append(escape(r.alertingComponent().component())).append("** (")
                    .append(r.alertingComponent().findings()).append(" findings; the symptom the alert already shows).\n");
        }
        if (r.serviceGraph() != null && r.serviceGraph().edgeCount() > 0) {
            md.append("\nService graph: ").append(r.serviceGraph().edgeCount()).append(" edges from ")
                    .append(escape(String.join(", ", r.serviceGraph().sources()))).append(".\n");
        }
        md.append("\n## Findings\n\n");
    }

    /** The changed series that features profiles matched: listed, not ranked. */
    private static void renderKnownNormal(StringBuilder md, ApiViews.ReportView r) {
        if (r.knownNormal() == null || r.knownNormal().isEmpty()) {
            return;
        }
        md.append("\n## Matched known-normal\n\n| series | pattern | profile | matched by |\n|---|---|---|---|\n");
        for (ApiViews.KnownNormalView k : r.knownNormal()) {
            md.append("| ").append(escape(k.series())).append(" | ").append(escape(String.valueOf(k.pattern()))).append(" | ")
                    .append(k.profileId()).append(" (generation ").append(k.profileGeneration()).append(") | ")
                    .append(escape(k.matchedBy())).append(k.learnt() ? "; learnt a new generation" : "").append(" |\n");
        }
    }

    /** Markdown and HTML metacharacters become inert: escaped, or entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Inline code that cannot be closed early: a fence longer than any backtick run inside. */
    static String code(String text) {
        String flat = text.replace('\n', ' ').replace("|", "\\|");
        String fence = "`";
        while (flat.contains(fence)) {
            fence += "`";
        }
        return fence + " " + flat + " " + fence;
    }
}
