package io.patternscope.report.service;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.ranking.FindingRanker;
import io.patternscope.core.ranking.PatternWeights;
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

    /**
     * A tenant's model for one version of its labels and settings, with what its training measured:
     * the labels of each kind and, when there were enough, the held-out figures (null otherwise).
     */
    private record Cached(String version, Relevance relevance, int relevant, int notRelevant,
                          RelevanceEvaluation.Result held) {
    }

    private final RelevanceRepository repository;
    private final Transactions tx;
    private final Map<String, Cached> models = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final java.util.Set<String> training = ConcurrentHashMap.newKeySet();
    /** One training at a time: a forest on two cores next to the pipeline is enough. */
    private final java.util.concurrent.ExecutorService trainer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "relevance-training");
        t.setDaemon(true);
        return t;
    });

    public RelevanceService(RelevanceRepository repository, Transactions tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /**
     * The tenant's model for a report, never waiting for training: the model of the current labels
     * when it is ready, else the previous one (or {@link Relevance#NONE}) while a worker trains the
     * new one. Training (a cross-validation and a forest over every label) runs off the report's
     * event loop, once per change of the labels or settings.
     */
    public Uni<Relevance> forReport(String tenant) {
        return repository.settings(tenant).chain(settings -> repository.labelsVersion(tenant).map(labels -> {
            String version = labels + ":" + settings;
            Cached cached = models.get(tenant);
            if (cached == null || !cached.version().equals(version)) {
                retrainInBackground(tenant);
            }
            return cached == null ? Relevance.NONE : cached.relevance();
        })).onFailure().recoverWithItem(e -> {
            LOG.warnf(e, "tenant %s: no relevance model for this report", tenant);
            return Relevance.NONE;
        });
    }

    /** The model of the tenant's current labels, trained now if need be (blocking: for worker threads). */
    public Relevance current(String tenant) {
        return trained(tenant).relevance();
    }

    private Cached trained(String tenant) {
        RelevanceRepository.Settings settings = tx.onPool(() -> repository.settings(tenant));
        String version = tx.onPool(() -> repository.labelsVersion(tenant)) + ":" + settings;
        Cached cached = models.get(tenant);
        if (cached != null && cached.version().equals(version)) {
            return cached;
        }
        synchronized (lockFor(tenant)) {
            cached = models.get(tenant);
            if (cached == null || !cached.version().equals(version)) {
                cached = train(tenant, version, settings, tx.onPool(() -> repository.labels(tenant)));
                models.put(tenant, cached);
            }
            return cached;
        }
    }

    private void retrainInBackground(String tenant) {
        if (training.add(tenant)) {
            trainer.execute(() -> {
                try {
                    current(tenant);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "tenant %s: training the relevance model failed", tenant);
                } finally {
                    training.remove(tenant);
                }
            });
        }
    }

    private Object lockFor(String tenant) {
        return locks.computeIfAbsent(tenant, t -> new Object());
    }

    private Cached train(String tenant, String version, RelevanceRepository.Settings settings,
                         List<RelevanceRepository.LabelRow> rows) {
        List<RelevanceEvaluation.Labelled> labelled = labelled(rows);
        int relevant = (int) labelled.stream().filter(l -> l.example().relevant()).count();
        int notRelevant = labelled.size() - relevant;
        if (!enough(labelled, settings.minLabels())) {
            return new Cached(version, Relevance.NONE, relevant, notRelevant, null);
        }
        RelevanceEvaluation.Result held = RelevanceEvaluation.crossValidate(labelled, FOLDS, SEED,
                new ThresholdChoice.Preference(settings.precision(), settings.recall()));
        double best = held.forest().choice().threshold();
        RelevanceForest forest = RelevanceForest.train(labelled.stream().map(RelevanceEvaluation.Labelled::example).toList(), SEED);
        Double previous = tx.onPool(() -> repository.lastPrediction(tenant));
        double predicted = ThresholdChoice.predictNext(best, previous);
        tx.onPool(() -> repository.recordThreshold(tenant, labelled.size(), best, predicted));
        LOG.infof("tenant %s: relevance model from %d labels, held-out AUC %.3f (PatternMatcher score %.3f), threshold %.3f",
                tenant, labelled.size(), held.forest().auc(), held.patternMatcher().auc(), predicted);
        return new Cached(version, new Relevance(forest, predicted, labelled.size(), settings.enabled()), relevant, notRelevant,
                held);
    }

    /**
     * The tenant's settings, labels and, with enough of them, the figures its current model was
     * trained with: cross-validated by analysis, each at its PC-score's best threshold.
     */
    public ApiViews.RelevanceView evaluate(String tenant) {
        Cached t = trained(tenant);
        RelevanceRepository.Settings s = tx.onPool(() -> repository.settings(tenant));
        RelevanceEvaluation.Result r = t.held();
        if (r == null) {
            return new ApiViews.RelevanceView(tenant, s.enabled(), s.precision(), s.recall(), s.minLabels(), t.relevant(),
                    t.notRelevant(), false, null, null, null, null, null, null, null, null, null, null,
                    "a model needs " + s.minLabels() + " labels of each kind (root cause or symptom; not anomalous) from at least 2 analyses");
        }
        return new ApiViews.RelevanceView(tenant, s.enabled(), s.precision(), s.recall(), s.minLabels(), t.relevant(),
                t.notRelevant(), true, r.folds(), r.forest().auc(), r.forest().choice().precision(), r.forest().choice().recall(),
                r.forest().choice().threshold(), r.patternMatcher().auc(), r.patternMatcher().choice().precision(),
                r.patternMatcher().choice().recall(), r.patternMatcher().choice().threshold(), t.relevance().threshold(),
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
                    r.confidence() == null ? Double.NaN : r.confidence(), r.uncertain(), AnalysisMapper.detectors(r.detectors()).size(),
                    r.changedBefore() == null ? Double.NaN : r.changedBefore(),
                    r.changedMore() == null ? Double.NaN : r.changedMore());
            double score = ranker.score(p, r.pattern() == null ? PatternWeights.UNCLASSIFIED : r.pattern())
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
