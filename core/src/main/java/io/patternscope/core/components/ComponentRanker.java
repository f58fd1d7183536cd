package io.patternscope.core.components;

import io.patternscope.core.ranking.PatternWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks components as likely root causes of an incident, from the findings of their series and the
 * service graph.
 *
 * <p><b>Strength.</b> A finding's strength is {@code min(|effect|, 50) × weight(pattern)} (effects
 * in reference standard deviations, measured over the anomalous part; the cap keeps a constant
 * reference's relative change from drowning the rest; the pattern weights are the report's, so
 * NONE counts nothing and a recovered pattern little). A set of findings scores its strongest plus
 * half its second: one loud metric, or two that agree.
 *
 * <p><b>Explained findings.</b> The traversal of the PetShop benchmark's baseline (Hardt et al.,
 * "The PetShop Dataset — Finding Causes of Performance Issues across Microservices", 2023) ranks
 * first the anomalous components whose callees are normal: a failure propagates from a callee to
 * its callers. That holds for latency and errors, not for load, which propagates the other way (a
 * surge at the edge reaches every service below it). So each finding is judged by its
 * {@link SignalKind}:
 * <ul>
 *   <li>latency or errors are explained when a callee shows latency or errors too, beginning no
 *       later (within a tolerance), and that callee's own trouble is not merely more load;</li>
 *   <li>load is explained when a caller's load moved the same way, beginning no later;</li>
 *   <li>saturation is explained when the component's load is explained (more work arrived).</li>
 * </ul>
 * A component's score is the strength of its unexplained findings; components whose findings are
 * all explained (symptoms) follow, by their total strength. Without a graph nothing is explained
 * and the strength alone decides. Ties: earlier onset first, then the name.
 *
 * <p>The alerting component (the one whose metric fired the alert) is the symptom the operator
 * already knows: it is reported apart and ranked as a cause only when no other component changed.
 * Thread-safe.
 */
public final class ComponentRanker {

    /** Effects beyond this many σ count the same. */
    public static final double EFFECT_CAP = 50;

    /** The findings listed as a component's evidence. */
    public static final int EVIDENCE = 3;

    /** One finding of a component; onsetMs &lt; 0 when unknown (compatible with any order). */
    public record Evidence(String component, String series, String pattern, double effectSize, long onsetMs,
                          SignalKind kind) {
    }

    /**
     * @param score    the strength of its unexplained findings (its total strength when {@code explained})
     * @param explained every finding is explained by a neighbour: likely a symptom
     * @param reason   one sentence on why it ranks where it does
     * @param evidence its strongest findings, strongest first (at most {@value #EVIDENCE})
     */
    public record RankedComponent(int rank, String component, double score, boolean explained, String reason,
                                  long onsetMs, int findings, List<Evidence> evidence) {
    }

    public record Ranking(List<RankedComponent> causes, RankedComponent alerting) {
    }

    private final PatternWeights weights;
    private final long onsetToleranceMs;

    /** @param onsetToleranceMs how much later than the finding it explains a neighbour's change may begin */
    public ComponentRanker(PatternWeights weights, long onsetToleranceMs) {
        this.weights = weights;
        this.onsetToleranceMs = onsetToleranceMs;
    }

    public double strength(Evidence e) {
        double effect = Double.isFinite(e.effectSize()) ? Math.min(Math.abs(e.effectSize()), EFFECT_CAP) : 0;
        return effect * weights.weight(e.pattern());
    }

    /**
     * @param findings          the report's findings that belong to a component
     * @param graph             the service graph, possibly empty
     * @param alertingComponent the component of the alert, or null
     */
    public Ranking rank(List<Evidence> findings, ServiceGraph graph, String alertingComponent) {
        Map<String, List<Evidence>> byComponent = new HashMap<>();
        for (Evidence e : findings) {
            if (e.component() != null && strength(e) > 0) {
                byComponent.computeIfAbsent(e.component(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<String> loadDriven = new LinkedHashSet<>();
        for (Map.Entry<String, List<Evidence>> entry : byComponent.entrySet()) {
            if (entry.getValue().stream().anyMatch(e -> e.kind() == SignalKind.LOAD
                    && explainer(e, graph.callers(entry.getKey()), byComponent, Set.of()) != null)) {
                loadDriven.add(entry.getKey());
            }
        }
        List<RankedComponent> scored = new ArrayList<>();
        RankedComponent alerting = null;
        for (Map.Entry<String, List<Evidence>> entry : byComponent.entrySet()) {
            String component = entry.getKey();
            List<Evidence> evidence = new ArrayList<>(entry.getValue());
            evidence.sort(Comparator.comparingDouble((Evidence e) -> -strength(e)).thenComparing(Evidence::series));
            List<Evidence> unexplained = new ArrayList<>();
            Set<String> explainers = new LinkedHashSet<>();
            for (Evidence e : evidence) {
                String by = explanation(e, component, graph, byComponent, loadDriven);
                if (by == null) {
                    unexplained.add(e);
                } else {
                    explainers.add(by);
                }
            }
            boolean explained = unexplained.isEmpty();
            double score = topTwo(explained ? evidence : unexplained);
            long onset = evidence.stream().mapToLong(Evidence::onsetMs).filter(o -> o >= 0).min().orElse(-1);
            RankedComponent ranked = new RankedComponent(0, component, score, explained,
                    reason(graph, component, unexplained, explainers), onset, evidence.size(),
                    List.copyOf(evidence.subList(0, Math.min(EVIDENCE, evidence.size()))));
            if (component.equals(alertingComponent)) {
                alerting = ranked;
            } else {
                scored.add(ranked);
            }
        }
        if (scored.isEmpty() && alerting != null) {
            scored.add(alerting); // nothing else changed: the alerting component is its own best explanation
        }
        scored.sort(Comparator.comparing(RankedComponent::explained)
                .thenComparingDouble(c -> -c.score())
                .thenComparingLong(c -> c.onsetMs() < 0 ? Long.MAX_VALUE : c.onsetMs())
                .thenComparing(RankedComponent::component));
        List<RankedComponent> causes = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            RankedComponent c = scored.get(i);
            causes.add(new RankedComponent(i + 1, c.component(), c.score(), c.explained(), c.reason(), c.onsetMs(),
                    c.findings(), c.evidence()));
        }
        return new Ranking(causes, alerting);
    }

    private double topTwo(List<Evidence> evidence) {
        double first = 0;
        double second = 0;
        for (Evidence e : evidence) {
            double s = strength(e);
            if (s > first) {
                second = first;
                first = s;
            } else if (s > second) {
                second = s;
            }
        }
        return first + 0.5 * second;
    }

    /** The neighbour that explains a finding, or null when it is the component's own. */
    private String explanation(Evidence e, String component, ServiceGraph graph, Map<String, List<Evidence>> byComponent,
                               Set<String> loadDriven) {
        return switch (e.kind()) {
            case LATENCY, ERRORS -> explainer(e, graph.callees(component), byComponent, loadDriven);
            case LOAD -> explainer(e, graph.callers(component), byComponent, Set.of());
            case SATURATION -> loadDriven.contains(component) ? "more load from its callers" : null;
        };
    }

    /**
     * A neighbour whose findings explain {@code e}: of a kind that travels the same way (latency or
     * errors for latency or errors; load in the same direction for load), beginning no later than
     * {@code e} plus the tolerance, and not in {@code excluded}.
     */
    private String explainer(Evidence e, Set<String> neighbours, Map<String, List<Evidence>> byComponent,
                             Set<String> excluded) {
        for (String neighbour : neighbours) {
            if (excluded.contains(neighbour)) {
                continue;
            }
            for (Evidence n : byComponent.getOrDefault(neighbour, List.of())) {
                boolean sameWay = e.kind() == SignalKind.LOAD
                        ? n.kind() == SignalKind.LOAD && Math.signum(n.effectSize()) == Math.signum(e.effectSize())
                        : n.kind().flowsUp();
                boolean notLater = e.onsetMs() < 0 || n.onsetMs() < 0 || n.onsetMs() <= e.onsetMs() + onsetToleranceMs;
                if (sameWay && notLater) {
                    return neighbour;
                }
            }
        }
        return null;
    }

    private static String reason(ServiceGraph graph, String component, List<Evidence> unexplained, Set<String> explainers) {
        if (graph.isEmpty()) {
            return "changed; no service graph, so ranked by the strength of its changes";
        }
        if (unexplained.isEmpty()) {
            return "its changes follow " + String.join(", ", explainers) + " (likely a symptom)";
        }
        Set<SignalKind> kinds = new LinkedHashSet<>();
        unexplained.forEach(e -> kinds.add(e.kind()));
        String own = String.join(", ", kinds.stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return "its own " + own + " changed, which nothing it calls or is called by explains"
                + (explainers.isEmpty() ? "" : "; other changes follow " + String.join(", ", explainers));
    }
}
