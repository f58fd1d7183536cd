package io.patternscope.relevance;

import io.patternscope.core.relevance.RelevanceFeatures;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Opprentice's classifier: a random forest (Tribuo: bagged CART trees, a random half of the
 * features at each split, depth at most 8) trained on findings that operators labelled, whose
 * {@link #score} is the share of trees that call a finding relevant.
 */
public final class RelevanceForest {

    /** One labelled finding: its {@link RelevanceFeatures} and whether operators called it relevant. */
    public record Example(double[] features, boolean relevant) {
    }

    static final int TREES = 100;
    static final int MAX_DEPTH = 8;
    static final float FEATURE_FRACTION = 0.5f;
    private static final String RELEVANT = "relevant";
    private static final String NOT_RELEVANT = "not-relevant";
    private static final String[] NAMES = RelevanceFeatures.NAMES.toArray(String[]::new);

    private final Model<Label> model;

    private RelevanceForest(Model<Label> model) {
        this.model = model;
    }

    /** Trains on {@code examples} (both kinds needed), reproducibly for a seed. */
    public static RelevanceForest train(List<Example> examples, long seed) {
        if (examples.stream().noneMatch(Example::relevant) || examples.stream().allMatch(Example::relevant)) {
            throw new IllegalArgumentException("a relevance model needs relevant and not-relevant examples");
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("operator feedback", labels), labels);
        for (Example e : examples) {
            data.add(new ArrayExample<>(new Label(e.relevant() ? RELEVANT : NOT_RELEVANT), NAMES, e.features()));
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(MAX_DEPTH, FEATURE_FRACTION, seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), TREES, seed);
        return new RelevanceForest(forest.train(data));
    }

    /** The share of the forest's trees that call the finding relevant, in [0, 1]. */
    public double score(double[] features) {
        Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, features));
        Label relevant = p.getOutputScores().get(RELEVANT);
        return relevant == null ? 0 : relevant.getScore();
    }
}
