package io.patternscope.report.service;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.ranking.FindingRanker;
import io.patternscope.core.relevance.RelevanceFeatures;
import io.patternscope.core.relevance.ThresholdChoice;
import io.patternscope.relevance.RelevanceEvaluation;
import io.patternscope.relevance.RelevanceForest;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.report.repository.RelevanceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Opprentice for one tenant: its operators' current labels (root cause or symptom: relevant; not
 * anomalous: not) become a random forest once there are enough of each kind; the threshold reports
 * use is the EWMA of the best thresholds (PC-score over held-out scores) of each retrain. A model
 * is retrained when the labels change, and kept per tenant until they do.
 */
@ApplicationScoped
public class RelevanceService {

    private static final Logger LOG = Logger.getLogger(RelevanceService.class);
    static final int FOLDS = 5;
    static final long SEED = 20150101L;

    private record Cached(String version, Relevance relevance) {
    }

    private final RelevanceRepository repository;
    private final Transactions tx;
    private final Map<String, Cached> models = new ConcurrentHashMap<>();

    public RelevanceService(RelevanceRepository repository, Transactions tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /**
     * The tenant's model for a report; {@link Relevance#NONE} until there are enough labels, or
     * when it cannot be had (a report is never failed for it). Reactive, for the report's chain;
     * training a forest on a tenant's labels takes milliseconds.
     */
    public Uni<Relevance> forReport(String tenant) {
        return repository.settings(tenant).chain(settings -> repository.labels(tenant).chain(rows -> {
            String version = rows.size() + ":" + (rows.isEmpty() ? 0 : rows.get(rows.size() - 1).feedbackId()) + ":" + settings;
            Cached cached = models.get(tenant);
            if (cached != null && cached.version().equals(version)) {
                return Uni.createFrom().item(cached.relevance());
            }
            List<RelevanceEvaluation.Labelled> labelled = labelled(rows);
            if (!enough(labelled, settings.minLabels())) {
                models.put(tenant, new Cached(version, Relevance.NONE));
                return Uni.createFrom().item(Relevance.NONE);
            }
            RelevanceEvaluation.Result held = RelevanceEvaluation.crossValidate(labelled, FOLDS, SEED,
                    new ThresholdChoice.Preference(settings.precision(), settings.recall()));
            double best = held.forest().choice().threshold();
            RelevanceForest forest = RelevanceForest.train(labelled.stream().map(RelevanceEvaluation.Labelled::example).toList(),
                    SEED);
            return repository.lastPrediction(tenant).chain(previous -> {
                double predicted = ThresholdChoice.predictNext(best, previous);
                LOG.infof("tenant %s: relevance model from %d labels, held-out AUC %.3f (PatternMatcher score %.3f), threshold %.3f",
                        tenant, labelled.size(), held.forest().auc(), held.patternMatcher().auc(), predicted);
                Relevance relevance = new Relevance(forest, predicted, labelled.size(), settings.enabled());
                models.put(tenant, new Cached(version, relevance));
                return repository.recordThreshold(tenant, labelled.size(), best, predicted).replaceWith(relevance);
            });
        })).onFailure().recoverWithItem(e -> {
            LOG.warnf(e, "tenant %s: no relevance model for this report", tenant);
            return Relevance.NONE;
        });
    }

    /** The tenant's settings, labels and, with enough of them, the cross-validated figures. */
    public ApiViews.RelevanceView evaluate(String tenant) {
        RelevanceRepository.Settings s = tx.onPool(() -> repository.settings(tenant));
        List<RelevanceEvaluation.Labelled> labelled = labelled(tx.onPool(() -> repository.labels(tenant)));
        int relevant = (int) labelled.stream().filter(l -> l.example().relevant()).count();
        int notRelevant = labelled.size() - relevant;
        if (!enough(labelled, s.minLabels())) {
            return new ApiViews.RelevanceView(tenant, s.enabled(), s.precision(), s.recall(), s.minLabels(), relevant, notRelevant,
                    false, null, null, null, null, null, null, null, null, null, null,
                    "a model needs " + s.minLabels() + " labels of each kind (root cause or symptom; not anomalous) from at least 2 analyses");
        }
        RelevanceEvaluation.Result r = RelevanceEvaluation.crossValidate(labelled, FOLDS, SEED,
                new ThresholdChoice.Preference(s.precision(), s.recall()));
        Relevance used = tx.onPool(() -> forReport(tenant));
        return new ApiViews.RelevanceView(tenant, s.enabled(), s.precision(), s.recall(), s.minLabels(), relevant, notRelevant,
                true, r.folds(), r.forest().auc(), r.forest().choice().precision(), r.forest().choice().recall(),
                r.forest().choice().threshold(), r.patternMatcher().auc(), r.patternMatcher().choice().precision(),
                r.patternMatcher().choice().recall(), r.patternMatcher().choice().threshold(),
                used.present() ? used.threshold() : null,
                "cross-validated by analysis (" + r.folds() + " folds); each at its PC-score's best threshold");
    }

    public RelevanceRepository.Settings settings(String tenant) {
        return tx.onPool(() -> repository.settings(tenant));
    }

    public RelevanceRepository.Settings save(RelevanceRepository.Settings settings) {
        models.remove(settings.tenant());
        return tx.onPool(() -> repository.save(settings));
    }

    private static boolean enough(List<RelevanceEvaluation.Labelled> labelled, int min) {
        long relevant = labelled.stream().filter(l -> l.example().relevant()).count();
        long analyses = labelled.stream().map(RelevanceEvaluation.Labelled::analysisId).distinct().count();
        return relevant >= min && labelled.size() - relevant >= min && analyses >= 2;
    }

    /** Labels as examples: the finding's detector outputs and verdict; beside it the PatternMatcher score (effect breaks ties). */
    static List<RelevanceEvaluation.Labelled> labelled(List<RelevanceRepository.LabelRow> rows) {
        FindingRanker ranker = FindingRanker.defaults();
        List<RelevanceEvaluation.Labelled> out = new ArrayList<>();
        for (RelevanceRepository.LabelRow r : rows) {
            double p = r.pValue() == null ? 1 : r.pValue();
            double effect = r.effectSize() == null ? 0 : r.effectSize();
            double[] features = RelevanceFeatures.of(r.ksStatistic() == null ? Double.NaN : r.ksStatistic(), p, effect,
                    onset(r.onsetAt(), r.testStart(), r.windowEnd()), r.pattern(),
                    r.confidence() == null ? Double.NaN : r.confidence(), false, AnalysisMapper.detectors(r.detectors()).size());
            double score = ranker.score(p, r.pattern() == null ? "UNCLASSIFIED" : r.pattern())
                    + 1e-3 * Math.min(Math.abs(effect), FindingRanker.TIE_BREAK_EFFECT_CAP);
            out.add(new RelevanceEvaluation.Labelled(r.analysisId(),
                    new RelevanceForest.Example(features, !"NOT_ANOMALOUS".equals(r.verdict())), score));
        }
        return out;
    }

    private static double onset(OffsetDateTime onset, OffsetDateTime testStart, OffsetDateTime end) {
        return Relevance.onsetFraction(onset == null ? null : onset.toInstant(), testStart == null ? null : testStart.toInstant(),
                end == null ? null : end.toInstant());
    }
}
