package io.patternscope.report.service;

import io.patternscope.core.components.ComponentRanker;
import io.patternscope.core.screening.SeasonalReference;
import io.patternscope.core.components.ComponentResolver;
import io.patternscope.core.components.ServiceGraph;
import io.patternscope.core.components.SignalKind;
import io.patternscope.core.ranking.FindingGrouper;
import io.patternscope.core.ranking.FindingRanker;
import io.patternscope.core.ranking.PatternWeights;
import io.patternscope.core.ranking.RankingSettings;
import io.patternscope.core.screening.BenjaminiHochberg;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.core.api.ApiViews;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.SeriesResultEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the report of an ended analysis from its series results: Benjamini–Hochberg across every
 * tested series of the analysis (the detector saw one batch at a time, so only here is m known),
 * the minimum effect size, then PatternMatcher's ranking, then grouping of the findings that tell
 * the same story, and the likely root-cause components over the service graph ({@link ComponentRanker}). No I/O; it fills in each row's q-value,
 * which the caller persists.
 */
public final class ReportBuilder {

    /** Onsets of one story lie within 5 minutes of each other. */
    static final long GROUP_ONSET_TOLERANCE_MS = 5 * 60_000;

    private final FindingGrouper grouper = new FindingGrouper(GROUP_ONSET_TOLERANCE_MS);

    /** Series named in the note on series that could not be screened. */
    static final int ERRORS_NAMED = 3;

    /** Likely root-cause components the report leads with. */
    static final int ROOT_CAUSES_SHOWN = 5;

    /** Edges of the service graph listed in the report. */
    static final int EDGES_SHOWN = 200;

    /** The report ranked with the cluster's tenant's settings, components resolved with the defaults and no topology. */
    public ApiViews.ReportView build(AnalysisEntity analysis, List<SeriesResultEntity> results, Instant now,
                                     RankingSettings settings) {
        return build(analysis, results, now, settings, ComponentResolver.defaults(), new ServiceGraph());
    }

    /**
     * The report ranked with the cluster's tenant's settings (its weights, its hidden patterns left
     * out), its components resolved by {@code components}, and {@code graph} (a topology, possibly
     * empty) completed with the service-graph metrics among the analysis's series.
     */
    public ApiViews.ReportView build(AnalysisEntity analysis, List<SeriesResultEntity> results, Instant now,
                                     RankingSettings settings, ComponentResolver components, ServiceGraph graph) {
        return build(analysis, results, now, settings, components, graph, KnownNormal.NONE, Relevance.NONE);
    }

    /**
     * As above; changed series that {@code knownNormal} matches with a features profile leave the
     * ranking and are listed apart, with the profile that matched. With a tenant's
     * {@code relevance} model each finding carries its learnt relevance, and when the tenant ranks
     * by it the findings are ordered by it (PatternMatcher's order breaking ties) before they are
     * grouped.
     */
    public ApiViews.ReportView build(AnalysisEntity analysis, List<SeriesResultEntity> results, Instant now,
                                     RankingSettings settings, ComponentResolver components, ServiceGraph graph,
                                     KnownNormal knownNormal, Relevance relevance) {
        FindingRanker ranker = settings.ranker();
        List<ApiViews.KnownNormalView> matchedKnownNormal = new ArrayList<>();
        int hidden = 0;
        double[] p = new double[results.size()];
        int tested = 0;
        int insufficient = 0;
        int constant = 0;
        int unconverted = 0;
        List<SeriesResultEntity> errors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SeriesResultEntity r = results.get(i);
            ScreeningStatus status = statusOf(r);
            p[i] = status == ScreeningStatus.TESTED && r.pValue != null ? r.pValue : Double.NaN;
            switch (status) {
                case TESTED -> tested++;
                case INSUFFICIENT_DATA -> insufficient++;
                case CONSTANT -> constant++;
                case UNCONVERTED_COUNTER -> unconverted++;
                case ERROR -> errors.add(r);
            }
        }
        double[] q = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < results.size(); i++) {
            results.get(i).qValue = Double.isNaN(q[i]) ? null : q[i];
        }
        int significant = 0;
        int belowEffect = 0;
        Map<String, SeriesResultEntity> changed = new HashMap<>();
        Map<String, Double> qById = new HashMap<>();
        List<FindingRanker.Candidate> candidates = new ArrayList<>();
        Map<String, Integer> perPattern = new TreeMap<>();
        int byShapeAlone = 0;
        for (int i = 0; i < results.size(); i++) {
            SeriesResultEntity r = results.get(i);
            boolean isSignificant = !Double.isNaN(q[i]) && q[i] <= analysis.fdrLevel;
            // The discord detector has no p-value: its threshold, not Benjamini–Hochberg, lets its series in.
            boolean discord = AnalysisMapper.firedDiscord(r);
            if (!isSignificant && !discord) {
                continue;
            }
            if (isSignificant) {
                significant++;
            }
            boolean bigEnough = r.effectSize != null && Math.abs(r.effectSize) >= analysis.minEffectSize;
            if (!bigEnough && !discord) {
                belowEffect++;
                continue;
            }
            String pattern = r.pattern == null ? PatternWeights.UNCLASSIFIED : r.pattern;
            if (discord && ranker.weights().weight(pattern) == 0) {
                // The pattern model has no class for a changed shape (a stuck value, a new period) and
                // calls it background; the discord detector is the evidence here, so it is not dropped.
                pattern = PatternWeights.UNCLASSIFIED;
            }
            perPattern.merge(pattern, 1, Integer::sum);
            if (settings.hides(pattern)) {
                hidden++;
                continue;
            }
            java.util.Optional<ApiViews.KnownNormalView> known = knownNormal.match(r, pattern);
            if (known.isPresent()) {
                matchedKnownNormal.add(known.get());
                continue;
            }
            if (!(isSignificant && bigEnough)) {
                byShapeAlone++;
            }
            changed.put(r.seriesId, r);
            qById.put(r.seriesId, q[i]);
            candidates.add(new FindingRanker.Candidate(r.seriesId, r.pValue, r.effectSize,
                    r.onsetAt == null ? -1 : r.onsetAt.toEpochMilli(), pattern));
        }
        List<ApiViews.FindingView> findings = new ArrayList<>();
        Relevance.Context relevanceContext = relevance.present() ? Relevance.Context.of(results) : null;
        List<ComponentRanker.Evidence> evidence = new ArrayList<>();
        for (FindingRanker.Ranked ranked : ranker.rank(candidates, analysis.testStart.toEpochMilli())) {
            SeriesResultEntity r = changed.get(ranked.candidate().id());
            String pattern = ranked.candidate().pattern();
            Map<String, String> labels = AnalysisMapper.readMap(r.labels);
            String component = ServiceGraph.isGraphMetric(labels) ? null : components.componentOf(labels);
            findings.add(new ApiViews.FindingView(ranked.rank(), r.seriesId, r.metric, labels,
                    r.valueKind, pattern, PatternWeights.patternType(pattern),
                    r.confidence == null || r.confidence.isNaN() ? null : r.confidence, r.uncertain, ranked.score(), r.pValue,
                    qById.get(r.seriesId), r.ksStatistic == null ? Double.NaN : r.ksStatistic, r.effectSize,
                    r.direction > 0 ? "up" : (r.direction < 0 ? "down" : "none"), r.onsetAt, promql(r, analysis),
                    component, AnalysisMapper.detectors(r.detectors), r.error,
                    relevance.score(r, analysis.testStart, analysis.windowEnd, relevanceContext)));
            if (component != null) {
                evidence.add(new ComponentRanker.Evidence(component, r.seriesId, pattern, r.effectSize,
                        r.onsetAt == null ? -1 : r.onsetAt.toEpochMilli(), SignalKind.of(r.metric, labels)));
            }
        }
        for (SeriesResultEntity r : results) {
            if (ServiceGraph.mayBeGraphMetric(r.metric)) {
                graph.addFromSeries(AnalysisMapper.readMap(r.labels));
            }
        }
        ApiViews.AlertView alert = AnalysisMapper.alert(analysis);
        String alertingComponent = alert == null ? null : components.componentOf(alert.labels());
        ComponentRanker.Ranking componentRanking = new ComponentRanker(ranker.weights(), GROUP_ONSET_TOLERANCE_MS)
                .rank(evidence, graph, alertingComponent);
        List<ApiViews.ComponentView> rootCauses = componentRanking.causes().stream().limit(ROOT_CAUSES_SHOWN)
                .map(ReportBuilder::componentView).toList();
        if (relevance.present() && relevance.ranks()) {
            findings = byRelevance(findings);
        }
        List<FindingGrouper.Member> members = new ArrayList<>();
        for (ApiViews.FindingView f : findings) {
            members.add(new FindingGrouper.Member(f.series(), f.metric(), f.labels(), f.pattern(),
                    f.onset() == null ? -1 : f.onset().toEpochMilli(), f.rank()));
        }
        List<ApiViews.GroupView> groups = new ArrayList<>();
        for (FindingGrouper.Group g : grouper.group(members)) {
            groups.add(new ApiViews.GroupView(g.rank(), g.title(), g.pattern(), PatternWeights.patternType(g.pattern()),
                    g.onsetMs() < 0 ? null : Instant.ofEpochMilli(g.onsetMs()), g.members().size(),
                    g.members().stream().map(FindingGrouper.Member::id).toList()));
        }
        List<String> notes = new ArrayList<>();
        if (!settings.isDefault()) {
            notes.add("Ranked with tenant " + settings.tenant() + "'s settings: still abnormal " + settings.stillAbnormal()
                    + ", recovered " + settings.recovered() + (settings.patternWeights().isEmpty() ? ""
                    : ", per pattern " + settings.patternWeights()) + (settings.hiddenPatterns().isEmpty() ? ""
                    : "; hidden: " + String.join(", ", settings.hiddenPatterns()) + " (" + hidden + " series)") + ".");
        }
        long uncertain = findings.stream().filter(ApiViews.FindingView::uncertain).count();
        if (uncertain > 0) {
            notes.add(uncertain + " of " + findings.size() + " findings have an uncertain pattern (the model's confidence is below "
                    + "the level under which its held-out verdicts on real metrics were right far less often than above it): check those "
                    + "against the plot before trusting the name.");
        }
        if (relevance.present()) {
            notes.add((relevance.ranks() ? "Ranked by the tenant's learnt relevance" : "The tenant's learnt relevance is shown")
                    + String.format(java.util.Locale.ROOT, " (a random forest over %d operator labels; %.2f and above is "
                    + "what operators called relevant); the PatternMatcher score is beside it.", relevance.labels(),
                    relevance.threshold()));
        }
        if (!matchedKnownNormal.isEmpty()) {
            notes.add(matchedKnownNormal.size() + " changed series matched a features profile of known-normal behaviour "
                    + "(an operator called a window like it normal) and are listed apart, not ranked.");
        }
        int notScreened = Math.max(0, orZero(analysis.fetched) - results.size());
        if (notScreened > 0) {
            notes.add(notScreened + " of " + orZero(analysis.fetched) + " fetched series were never screened: their batches "
                    + "were lost (see the reasons), so the cause may be among them.");
        }
        if (!errors.isEmpty()) {
            notes.add(errors.size() + " series could not be screened and are marked ERROR, e.g. " + errors.stream()
                    .limit(ERRORS_NAMED).map(r -> r.seriesId + ": " + r.error).collect(Collectors.joining("; ")) + ".");
        }
        long unclassifiable = findings.stream().filter(f -> f.error() != null).count();
        if (unclassifiable > 0) {
            notes.add(unclassifiable + " findings could not be classified (their pattern is UNCLASSIFIED): "
                    + findings.stream().filter(f -> f.error() != null).findFirst().map(f -> f.series() + ": " + f.error())
                    .orElse("") + (unclassifiable > 1 ? "; …" : "") + ".");
        }
        if (componentRanking.alerting() != null) {
            notes.add("The alert fired on component " + componentRanking.alerting().component() + ": it is shown as the alerting "
                    + "component, and the likely root causes are ranked among the others.");
        }
        if (SeasonalReference.Kind.of(analysis.reference) != SeasonalReference.Kind.PRECEDING) {
            notes.add(referenceNote(analysis.reference, results));
        }
        if (byShapeAlone > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "%d finding%s changed shape only: the discord detector fired "
                    + "(score ≥ %.2f) where the KS test did not find a change of at least the minimum effect. The pattern "
                    + "model has no class for such shapes: those it called background are listed UNCLASSIFIED.", byShapeAlone,
                    byShapeAlone == 1 ? "" : "s", analysis.discordThreshold));
        }
        if (analysis.model == null || "none".equals(analysis.model)) {
            notes.add("No pattern model ran: changed series are UNCLASSIFIED and ranked by significance and onset only.");
        }
        ApiViews.SummaryView summary = new ApiViews.SummaryView(orZero(analysis.discovered), orZero(analysis.fetched),
                results.size(), tested, insufficient, constant, unconverted, errors.size(), notScreened, significant,
                belowEffect, changed.size(), perPattern, AnalysisMapper.readList(analysis.partialReasons), notes);
        ApiViews.ServiceGraphView graphView = new ApiViews.ServiceGraphView(List.copyOf(graph.sources()), graph.edgeCount(),
                graph.edges().stream().limit(EDGES_SHOWN).toList());
        return new ApiViews.ReportView(analysis.id.toString(), analysis.cluster, analysis.status, analysis.statusReason,
                alert, AnalysisMapper.window(analysis), analysis.model, analysis.fetchMethod,
                analysis.fdrLevel, analysis.minEffectSize, analysis.discordThreshold,
                SeasonalReference.Kind.of(analysis.reference).name(), summary, rootCauses,
                componentRanking.alerting() == null ? null : componentView(componentRanking.alerting()), graphView,
                groups, findings, matchedKnownNormal, now);
    }

    /** What the seasonal reference an analysis asked for was in fact for its series, and why some fell back. */
    static String referenceNote(String asked, List<SeriesResultEntity> results) {
        Map<String, Integer> used = new TreeMap<>();
        int fellBack = 0;
        String firstReason = null;
        for (SeriesResultEntity r : results) {
            if (r.reference != null) {
                used.merge(r.reference, 1, Integer::sum);
            }
            if (r.referenceNote != null) {
                fellBack++;
                firstReason = firstReason == null ? r.referenceNote : firstReason;
            }
        }
        StringBuilder note = new StringBuilder("Reference ").append(asked).append(": the test window was compared with ");
        note.append(String.format(java.util.Locale.ROOT, "earlier days for %d series, earlier weeks for %d, the preceding window "
                + "for %d.", used.getOrDefault("DAILY", 0), used.getOrDefault("WEEKLY", 0), used.getOrDefault("PRECEDING", 0)));
        if (fellBack > 0) {
            note.append(' ').append(fellBack).append(fellBack == 1 ? " series fell" : " series fell")
                    .append(" back to the preceding window, e.g. ").append(firstReason);
            if (note.charAt(note.length() - 1) != '.') {
                note.append('.');
            }
        }
        return note.toString();
    }

    /** The findings ordered by relevance, highest first, the earlier rank breaking ties; ranks renumbered. */
    static List<ApiViews.FindingView> byRelevance(List<ApiViews.FindingView> findings) {
        List<ApiViews.FindingView> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparingDouble((ApiViews.FindingView f) -> -f.relevance())
                .thenComparingInt(ApiViews.FindingView::rank));
        List<ApiViews.FindingView> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ApiViews.FindingView f = sorted.get(i);
            out.add(new ApiViews.FindingView(i + 1, f.series(), f.metric(), f.labels(), f.valueKind(), f.pattern(),
                    f.patternType(), f.confidence(), f.uncertain(), f.score(), f.pValue(), f.qValue(), f.ksStatistic(),
                    f.effectSize(), f.direction(), f.onset(), f.promql(), f.component(), f.detectors(), f.error(), f.relevance()));
        }
        return out;
    }

    private static ApiViews.ComponentView componentView(ComponentRanker.RankedComponent c) {
        return new ApiViews.ComponentView(c.rank(), c.component(), c.score(), c.reason(),
                c.onsetMs() < 0 ? null : Instant.ofEpochMilli(c.onsetMs()), c.findings(), c.evidence().stream()
                .map(e -> new ApiViews.EvidenceView(e.series(), e.pattern(), e.effectSize(),
                        e.onsetMs() < 0 ? null : Instant.ofEpochMilli(e.onsetMs()))).toList());
    }

    /** A stored status this build does not know (a newer writer) reads as ERROR rather than failing the report. */
    private static ScreeningStatus statusOf(SeriesResultEntity r) {
        try {
            return ScreeningStatus.valueOf(r.status);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ScreeningStatus.ERROR;
        }
    }

    /** The query an operator pastes into Prometheus to see the same series the way the analysis saw it. */
    static String promql(SeriesResultEntity r, AnalysisEntity analysis) {
        if (SeriesData.ValueKind.COUNTER_RATE.name().equals(r.valueKind)) {
            long rangeSeconds = Math.max(60, 4 * analysis.stepMs / 1000);
            return "rate(" + r.seriesId + "[" + rangeSeconds + "s])";
        }
        return r.seriesId;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
