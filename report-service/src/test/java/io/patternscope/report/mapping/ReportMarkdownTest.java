package io.patternscope.report.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.api.ApiViews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

    @Test
    void hostileLabelValuesAreRenderedInert() {
        String evil = "x</td><script>alert(1)</script>|`rm -rf`*[a](http://evil)";
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        ApiViews.FindingView finding = new ApiViews.FindingView(1, "m{pod=\"" + evil + "\"}", "m", Map.of("pod", evil), "GAUGE",
                "LEVEL_SHIFT_UP", 1, 0.9, false, 7.37, 1e-20, 1e-18, 0.8, 12.5, "up", t, "m{pod=\"" + evil + "\"}", evil,
                List.of("KS"), null, null);
        ApiViews.ReportView report = new ApiViews.ReportView("id", "east", "COMPLETED", null,
                new ApiViews.AlertView("HighLatency", Map.of(), t.plusSeconds(600)),
                new ApiViews.WindowView(t.minusSeconds(7200), t, t.plusSeconds(600), 15), "pattern-cnn@2", "remote_read_chunks",
                0.01, 3, null, "PRECEDING", new ApiViews.SummaryView(10, 10, 10, 9, 1, 0, 0, 0, 0, 2, 1, 1, Map.of("LEVEL_SHIFT_UP", 1), List.of(),
                List.of()),
                List.of(new ApiViews.ComponentView(1, evil, 12.5, "changed; " + evil, t, 1,
                        List.of(new ApiViews.EvidenceView(finding.series(), "LEVEL_SHIFT_UP", 12.5, t)))),
                null, new ApiViews.ServiceGraphView(List.of(), 0, List.of()),
                List.of(new ApiViews.GroupView(1, "m{pod=\"" + evil + "\"}", "LEVEL_SHIFT_UP", 1, t, 1, List.of(finding.series()))),
                List.of(finding), List.of(), t);
        String md = ReportMarkdown.render(report);
        // Code spans show their content literally (the PromQL must stay copy-pasteable); outside them
        // nothing may be live markup.
        String outsideCode = md.replaceAll("(`+) .*? \\1", "");
        assertFalse(outsideCode.contains("<script>"), outsideCode);
        assertFalse(outsideCode.contains("](http://evil)"), outsideCode);
        assertTrue(md.contains("&lt;script&gt;"));
        assertTrue(md.contains("| 1 | -10 min | LEVEL\\_SHIFT\\_UP |"), md);
        // Each table row still has exactly 8 unescaped cell separators.
        String row = md.lines().filter(l -> l.startsWith("| 1 | -10 min")).findFirst().orElseThrow();
        assertEquals(8, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
        // The component row: 6 separators, whatever the component's name holds.
        String component = md.lines().filter(l -> l.startsWith("| 1 | x")).findFirst().orElseThrow();
        assertEquals(6, component.replace("\\|", "").chars().filter(c -> c == '|').count(), component);
        assertTrue(md.contains("``"), "PromQL holding a backtick gets a longer fence");
    }
}
