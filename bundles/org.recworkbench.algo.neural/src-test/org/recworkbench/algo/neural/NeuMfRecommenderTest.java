package org.recworkbench.algo.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recworkbench.algo.neural.PlantedGroups.NAIVE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.dl4j.DeepLearning;

class NeuMfRecommenderTest {
    private static final DeepLearning DL = DeepLearning.standalone();
    private static final NeuMfRecommender NEUMF = new NeuMfRecommender(DL);

    private static Parameters params(Map<String, Object> values) {
        return Parameters.validate("params", NEUMF.descriptor().parameters(), values);
    }

    /**
     * Ten groups of 20 users, so that a sampled negative is rarely one of the user's 4 unseen group items (4 of 94
     * unseen items; with two groups it is 4 of 14 and NeuMF learns them as dislikes). Trained too long or too fast
     * NeuMF memorises the sampled negatives (learning rate 0.01: 179-186 of 200 users exact on seeds 1-4, 40 epochs
     * at 0.01: 77-101); with these settings all 200 users get exactly their 4 group items on top on seeds 1-4.
     */
    @Test
    void learnsThePlantedGroups() {
        PlantedGroups world = new PlantedGroups(10, 20);
        world.assertLearned(NEUMF.fit(world.context(3), world.train, params(Map.of("factors", 8, "layers", "16,8",
                "epochs", 20, "batch-size", 256, "learning-rate", 0.005))));
    }

    /** With pre-training on, the same world is learnt as well. */
    @Test
    void learnsThePlantedGroupsWithPreTraining() {
        PlantedGroups world = new PlantedGroups(10, 20);
        world.assertLearned(NEUMF.fit(world.context(3), world.train, params(Map.of("factors", 8, "layers", "16,8",
                "epochs", 10, "batch-size", 256, "learning-rate", 0.005, "pretrain", true, "pretrain-epochs", 15))));
    }

    /**
     * NeuMF assembled from pre-trained branches starts as their mix: its output layer is α·GMF's weights beside
     * (1 − α)·MLP's, so its logit is α·GMF's logit + (1 − α)·MLP's for every pair (α = 0.5, the paper's).
     */
    @Test
    void preTrainedNeuMfStartsAsTheHalfAndHalfMixOfItsBranchesLogits() {
        PlantedGroups world = new PlantedGroups();
        int[] widths = NeuMfRecommender.layers("8,4");
        Parameters p = params(Map.of("factors", 4, "layers", "8,4", "batch-size", 32));
        var gmf = NEUMF.train(world.context(5), world.train, p, widths, NeuMfRecommender.Branches.GMF, null, 2);
        var mlp = NEUMF.train(world.context(6), world.train, p, widths, NeuMfRecommender.Branches.MLP, null, 2);
        var both = NeuMfRecommender.pretrained(gmf, mlp, 4, widths, 7, 1e-3, 0);
        float[] us = new float[world.users * world.items];
        float[] is = new float[us.length];
        for (int k = 0; k < us.length; k++) {
            us[k] = k / world.items;
            is[k] = k % world.items;
        }
        var u = NeuMfRecommender.column(us, 0, us.length);
        var i = NeuMfRecommender.column(is, 0, is.length);
        float[] g = gmf.outputSingle(u, i).toFloatVector();
        float[] m = mlp.outputSingle(u, i).toFloatVector();
        float[] n = both.outputSingle(u, i).toFloatVector();
        for (int k = 0; k < n.length; k++) {
            assertEquals(0.5 * logit(g[k]) + 0.5 * logit(m[k]), logit(n[k]), 1e-3, "pair " + k);
        }
    }

    private static double logit(float p) {
        return Math.log(p / (1.0 - p));
    }

    /**
     * The model scores without the graph, taking its first MLP layer apart; the graph's own output for every
     * (user, item) pair is the independent reference: sigmoid(model score) must equal it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"8", "16,8", "16,8,4"})
    void scoresAreTheGraphsLogits(String layers) {
        PlantedGroups world = new PlantedGroups();
        int[] widths = NeuMfRecommender.layers(layers);
        ComputationGraph graph = NEUMF.train(world.context(11), world.train, params(Map.of("factors", 4, "layers",
                layers, "epochs", 3, "batch-size", 32)), widths);
        Model model = NeuMfModel.of(graph, widths.length - 1);
        float[] s = world.scores(model);
        float[] us = new float[world.users * world.items];
        float[] is = new float[world.users * world.items];
        for (int k = 0; k < us.length; k++) {
            us[k] = k / world.items;
            is[k] = k % world.items;
        }
        float[] p = graph.outputSingle(NeuMfRecommender.column(us, 0, us.length),
                NeuMfRecommender.column(is, 0, is.length)).toFloatVector();
        for (int k = 0; k < s.length; k++) {
            assertEquals(p[k], 1 / (1 + Math.exp(-s[k])), 1e-5, "user " + us[k] + " item " + is[k]);
        }
    }

    /** DL4J's own finite-difference check of the whole graph's gradients, in double precision, with no updater. */
    @Test
    void gradientsMatchFiniteDifferences() {
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph g = new ComputationGraph(NeuMfRecommender.configuration(5, 7, 3, new int[] {4, 3, 2},
                    new NoOp(), 0, 1, DataType.DOUBLE));
            g.init();
            INDArray u = Nd4j.create(new double[] {0, 1, 1, 4, 2, 0}, new long[] {6, 1}, 'c');
            INDArray i = Nd4j.create(new double[] {6, 1, 2, 2, 0, 6}, new long[] {6, 1}, 'c');
            INDArray y = Nd4j.create(new double[] {1, 0, 1, 1, 0, 0}, new long[] {6, 1}, 'c');
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(g)
                    .inputs(new INDArray[] {u, i}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-3)
                    .minAbsoluteError(1e-8)));
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }

    @Test
    void everyInteractionIsAPositiveAndEveryNegativeIsUnseen() {
        PlantedGroups world = new PlantedGroups();
        SparseMatrix byUser = world.train.userItems();
        int n = byUser.nonZeros() * 4;
        float[] us = new float[n];
        float[] is = new float[n];
        float[] ys = new float[n];
        NeuMfRecommender.examples(byUser, world.items, 3, new SplittableRandom(1), us, is, ys);
        int positives = 0;
        for (int k = 0; k < n; k++) {
            boolean seen = Arrays.binarySearch(byUser.rowColumns((int) us[k]), (int) is[k]) >= 0;
            assertEquals(ys[k] == 1f, seen, "example " + k);
            positives += (int) ys[k];
        }
        assertEquals(byUser.nonZeros(), positives);
    }

    @Test
    void theSameSeedGivesTheSameScoresAndASavedModelScoresAlike() throws Exception {
        PlantedGroups world = new PlantedGroups();
        Parameters p = params(Map.of("factors", 4, "layers", "8,4", "epochs", 3, "batch-size", 32));
        Model a = NEUMF.fit(world.context(7), world.train, p);
        Model b = NEUMF.fit(world.context(7), world.train, p);
        assertArrayEquals(world.scores(a), world.scores(b), "same seed, same thread count");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((NeuMfModel) a).write(new DataOutputStream(bytes));
        Model loaded = NEUMF.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), NAIVE);
        assertArrayEquals(world.scores(a), world.scores(loaded));
        assertEquals(world.users, loaded.numUsers());
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 3);
        assertThrows(IOException.class, () -> NEUMF.read(new DataInputStream(new ByteArrayInputStream(cut)),
                NAIVE));
    }

    @Test
    void layersMustBePositiveWithAnEvenFirstWidth() {
        assertArrayEquals(new int[] {32, 16, 8}, NeuMfRecommender.layers(" 32, 16,8"));
        for (String bad : new String[] {"", "7,4", "8,0", "8,x"}) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> NeuMfRecommender.layers(bad));
            assertTrue(e.getMessage().contains("params.layers"), e.getMessage());
        }
    }
}
