package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * One Bayesian linear model of an item's reward over user–item features ({@link Features#pair}), shared by all
 * items: posterior {@code N(μ, v²B⁻¹)} with {@code B = λI + Σ x xᵀ} and {@code μ = B⁻¹f}. The three ways
 * of turning it into a slate are the three policies that use it:
 * <ul>
 * <li>{@link Mode#PER_STEP} — linear Thompson sampling: one draw θ̃ per step, the slate is the top items
 * under θ̃ (Agrawal &amp; Goyal 2013);
 * <li>{@link Mode#PER_SLOT} — in-slate Thompson sampling: a fresh draw for every slot, each slot takes the
 * best item not yet in the slate, so one slate mixes exploitation and exploration (Eide &amp; Zhou);
 * <li>{@link Mode#MEAN} — top-k greedy: the top items under μ, no exploration.
 * </ul>
 */
final class SharedLinearPolicy implements Policy {

    enum Mode {
        PER_STEP, PER_SLOT, MEAN
    }

    private final EnvironmentInfo info;
    private final Mode mode;
    private final RidgeArms model;
    private final double scale;
    private final int dim;
    private final double[] covariance;
    private final double[] factor;
    private final double[] draw;
    private final double[] normal;
    private final double[] features;
    private final double[] score;
    private final SeededRandom random;

    SharedLinearPolicy(PolicyContext context, Mode mode, double scale, double lambda, String id) {
        this.info = context.environment();
        this.mode = mode;
        this.dim = Features.pairDimension(info, id);
        this.model = new RidgeArms(1, dim, lambda);
        this.scale = scale;
        this.covariance = new double[dim * dim];
        this.factor = new double[dim * dim];
        this.draw = new double[dim];
        this.normal = new double[dim];
        this.features = new double[dim];
        this.score = new double[info.numItems()];
        this.random = new SeededRandom(context.seed());
    }

    @Override
    public Action act(Observation observation) {
        int[] candidates = observation.candidates();
        int size = Math.min(info.slateSize(), candidates.length);
        if (mode != Mode.PER_SLOT || size == 1) {
            if (mode == Mode.MEAN) {
                for (int i = 0; i < dim; i++) {
                    draw[i] = model.theta(0, i);
                }
            } else {
                sample();
            }
            scoreCandidates(observation, draw);
            return Action.recommend(Slates.top(score, candidates, size, random));
        }
        int[] slate = new int[size];
        prepareSampling();
        for (int slot = 0; slot < size; slot++) {
            drawFromFactor();
            scoreCandidates(observation, draw);
            for (int s = 0; s < slot; s++) {
                score[slate[s]] = Double.NEGATIVE_INFINITY;
            }
            slate[slot] = Slates.top(score, candidates, 1, random)[0];
        }
        return Action.recommend(slate);
    }

    private void scoreCandidates(Observation observation, double[] theta) {
        float[] context = observation.context();
        float[] itemFeatures = info.itemFeatures();
        int m = info.itemFeatureDimension();
        for (int item : observation.candidates()) {
            Features.pair(context, itemFeatures, item, m, features);
            double s = 0;
            for (int i = 0; i < dim; i++) {
                s += theta[i] * features[i];
            }
            score[item] = s;
        }
    }

    private void sample() {
        prepareSampling();
        drawFromFactor();
    }

    /**
     * Cholesky factor of the posterior covariance v²B⁻¹ (zero when v = 0: every draw is then the mean). B⁻¹ is
     * kept by rank-one updates, whose rounding can leave it barely indefinite after millions of steps; a tiny
     * diagonal jitter restores it.
     */
    private void prepareSampling() {
        if (scale == 0) {
            java.util.Arrays.fill(factor, 0);
            return;
        }
        model.unpackInverse(0, covariance);
        double v2 = scale * scale;
        double trace = 0;
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= v2;
        }
        for (int i = 0; i < dim; i++) {
            trace += covariance[i * dim + i];
        }
        try {
            Cholesky.factor(covariance, dim, factor);
        } catch (ArithmeticException e) {
            for (int i = 0; i < dim; i++) {
                covariance[i * dim + i] += 1e-9 * trace / dim;
            }
            Cholesky.factor(covariance, dim, factor);
        }
    }

    /** θ̃ = μ + L ε with ε standard normal. */
    private void drawFromFactor() {
        for (int i = 0; i < dim; i++) {
            normal[i] = random.nextGaussian();
        }
        for (int i = 0; i < dim; i++) {
            double s = model.theta(0, i);
            for (int j = 0; j <= i; j++) {
                s += factor[i * dim + j] * normal[j];
            }
            draw[i] = s;
        }
    }

    @Override
    public void observe(Observation observation, Action action, Step step) {
        int[] slate = action.slate();
        float[] feedback = step.slotFeedback();
        for (int k = 0; k < slate.length; k++) {
            Features.pair(observation.context(), info.itemFeatures(), slate[k], info.itemFeatureDimension(),
                    features);
            model.update(0, features, feedback[k]);
        }
    }

    /** The posterior mean μ (for tests). */
    double[] mean() {
        double[] mu = new double[dim];
        for (int i = 0; i < dim; i++) {
            mu[i] = model.theta(0, i);
        }
        return mu;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        model.write(out);
        random.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        model.read(in);
        random.readState(in);
    }
}
