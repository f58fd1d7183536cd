package io.patternscope.core.components;

import io.patternscope.core.ranking.PatternWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks components as likely root causes of an incident, from the findings of their series and the
 * service graph.
 *
 * <p><b>Component score.</b> Each finding's strength is {@code min(|effect|, 50) × weight(pattern)}
 * (effects are in reference standard deviations, measured over the anomalous part; the cap keeps a
 * constant reference's relative change from drowning everything else; the pattern weights are the
 * report's, so NONE counts nothing and a recovered pattern little). A component's score is its
 * strongest finding plus half its second strongest: one loud metric, or two that agree.
 *
 * <p><b>Graph method.</b> The traversal of Hardt et al.'s PetShop baseline ("The PetShop Dataset —
 * Finding Causes of Performance Issues across Microservices", 2023), which on that benchmark beats
 * random-walk methods such as MicroRCA: a failure propagates from a callee to its callers, so an
 * anomalous component whose callees are all normal is where the propagation starts. Components in
 * that position rank first, by score; then the anomalous components that call an anomalous one (they
 * may be symptoms), by score. Without a graph every anomalous component is in the first tier and
 * the score alone decides. Ties: earlier onset first (causes precede symptoms), then the name.
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

    /** One finding of a component. */
    public record Evidence(String component, String series, String pattern, double effectSize, long onsetMs) {
    }

    /**
     * @param tier     0: its callees are normal (or no graph); 1: it calls an anomalous component
     * @param reason   one sentence on why it ranks where it does
     * @param evidence its strongest findings, strongest first (at most {@value #EVIDENCE})
     */
    public record RankedComponent(int rank, String component, double score, int tier, String reason, long onsetMs,
                                  int findings, List<Evidence> evidence) {
    }

    public record Ranking(List<RankedComponent> causes, RankedComponent alerting) {
    }

    private final PatternWeights weights;

    public ComponentRanker(PatternWeights weights) {
        this.weights = weights;
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
        Set<String> anomalous = byComponent.keySet();
        List<RankedComponent> scored = new ArrayList<>();
        RankedComponent alerting = null;
        for (Map.Entry<String, List<Evidence>> entry : byComponent.entrySet()) {
            String component = entry.getKey();
            List<Evidence> evidence = new ArrayList<>(entry.getValue());
            evidence.sort(Comparator.comparingDouble((Evidence e) -> -strength(e)).thenComparing(Evidence::series));
            double score = strength(evidence.get(0)) + (evidence.size() > 1 ? 0.5 * strength(evidence.get(1)) : 0);
            long onset = evidence.stream().mapToLong(Evidence::onsetMs).filter(o -> o >= 0).min().orElse(-1);
            Set<String> anomalousCallees = new TreeSet<>(graph.callees(component));
            anomalousCallees.retainAll(anomalous);
            int tier = anomalousCallees.isEmpty() ? 0 : 1;
            String reason = reason(graph, component, anomalousCallees);
            RankedComponent ranked = new RankedComponent(0, component, score, tier, reason, onset, evidence.size(),
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
        scored.sort(Comparator.comparingInt(RankedComponent::tier)
                .thenComparingDouble(c -> -c.score())
                .thenComparingLong(c -> c.onsetMs() < 0 ? Long.MAX_VALUE : c.onsetMs())
                .thenComparing(RankedComponent::component));
        List<RankedComponent> causes = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            RankedComponent c = scored.get(i);
            causes.add(new RankedComponent(i + 1, c.component(), c.score(), c.tier(), c.reason(), c.onsetMs(),
                    c.findings(), c.evidence()));
        }
        return new Ranking(causes, alerting);
    }

    private static String reason(ServiceGraph graph, String component, Set<String> anomalousCallees) {
        if (graph.isEmpty()) {
            return "changed; no service graph, so ranked by the strength of its changes";
        }
        if (graph.callees(component).isEmpty()) {
            return "changed and calls nothing in the service graph";
        }
        if (anomalousCallees.isEmpty()) {
            return "changed while everything it calls (" + String.join(", ", graph.callees(component)) + ") did not";
        }
        return "changed, but it calls " + String.join(", ", anomalousCallees) + ", which changed too (may be a symptom)";
    }
}
