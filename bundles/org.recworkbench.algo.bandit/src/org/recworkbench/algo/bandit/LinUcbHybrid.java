package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * LinUCB with hybrid linear models (Li et al. 2010, Algorithm 2): a coefficient vector β shared by all items
 * over user–item features z (see {@link Features}) plus a disjoint θₐ per item over the user context x. With
 * {@code w = Bₐᵀ Aₐ⁻¹ x} the paper's variance term simplifies to {@code (z − w)ᵀ A₀⁻¹ (z − w) + xᵀAₐ⁻¹x} and
 * the disjoint mean to {@code (Aₐ⁻¹x)ᵀbₐ − wᵀβ}, which is what is computed. New items borrow strength from
 * β, so it learns faster than the disjoint model on large catalogues, at O(d² + dk + k²) per candidate.
 */
@Component(service = PolicyFactory.class)
public class LinUcbHybrid implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR = new PolicyDescriptor("linucb-hybrid", "LinUCB (hybrid)",
            "contextual-bandit", "Shared user–item coefficients plus per-item ridge regressions, upper confidence "
                    + "bound",
            "L. Li, W. Chu, J. Langford and R. E. Schapire. A contextual-bandit approach to personalized news "
                    + "article recommendation. WWW 2010",
            LinUcb.PARAMETERS);

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params.getDouble("alpha"), params.getDouble("lambda"),
                params.getBoolean("intercept"));
    }

    static final class Instance implements Policy {
        private final EnvironmentInfo info;
        private final RidgeArms arms;
        private final int d;
        private final int k;
        private final double alpha;
        private final boolean intercept;
        private final double[] shared;        // A₀ (k × k)
        private final double[] sharedInverse; // A₀⁻¹
        private final double[] b0;
        private final double[] beta;
        private final double[] bMatrices;     // Bₐ, d × k per item, row-major
        private final double[] x;
        private final double[] z;
        private final double[] ax;
        private final double[] w;
        private final double[] diff;
        private final double[] scratch;
        private final double[] cMatrix;
        private final double[] score;
        private final SeededRandom random;

        Instance(PolicyContext context, double alpha, double lambda, boolean intercept) {
            info = context.environment();
            d = Features.userDimension(info, intercept);
            k = Features.pairDimension(info, "linucb-hybrid");
            int items = info.numItems();
            arms = new RidgeArms(items, d, lambda);
            this.alpha = alpha;
            this.intercept = intercept;
            shared = new double[k * k];
            sharedInverse = new double[k * k];
            for (int i = 0; i < k; i++) {
                shared[i * k + i] = lambda;
                sharedInverse[i * k + i] = 1 / lambda;
            }
            b0 = new double[k];
            beta = new double[k];
            bMatrices = new double[items * d * k];
            x = new double[d];
            z = new double[k];
            ax = new double[d];
            w = new double[k];
            diff = new double[k];
            scratch = new double[k * k];
            cMatrix = new double[d * k];
            score = new double[items];
            random = new SeededRandom(context.seed());
        }

        @Override
        public Action act(Observation observation) {
            Features.user(observation.context(), intercept, x);
            for (int item : observation.candidates()) {
                Features.pair(observation.context(), info.itemFeatures(), item, info.itemFeatureDimension(), z);
                arms.multiplyInverse(item, x, ax);
                int bBase = item * d * k;
                java.util.Arrays.fill(w, 0);
                for (int i = 0; i < d; i++) {
                    double a = ax[i];
                    int row = bBase + i * k;
                    for (int j = 0; j < k; j++) {
                        w[j] += bMatrices[row + j] * a;
                    }
                }
                double variance = 0;
                double mean = 0;
                for (int i = 0; i < d; i++) {
                    variance += x[i] * ax[i];
                    mean += ax[i] * arms.b[item * d + i];
                }
                for (int j = 0; j < k; j++) {
                    diff[j] = z[j] - w[j];
                    mean += (z[j] - w[j]) * beta[j];
                }
                variance += quadratic(sharedInverse, diff);
                score[item] = mean + alpha * Math.sqrt(Math.max(0, variance));
            }
            return Action.recommend(Slates.top(score, observation.candidates(), info.slateSize(), random));
        }

        /** The upper confidence bounds computed by the last {@link #act} (for tests). */
        double[] scores() {
            return score;
        }

        private double quadratic(double[] m, double[] v) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                double row = 0;
                for (int j = 0; j < k; j++) {
                    row += m[i * k + j] * v[j];
                }
                s += v[i] * row;
            }
            return s;
        }

        /** A₀ += sign·Bₐᵀ Aₐ⁻¹ Bₐ and b₀ += sign·Bₐᵀ Aₐ⁻¹ bₐ. */
        private void foldArm(int item, double sign) {
            int bBase = item * d * k;
            double[] column = ax;
            double[] solved = new double[d];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < d; i++) {
                    column[i] = bMatrices[bBase + i * k + j];
                }
                arms.multiplyInverse(item, column, solved);
                for (int i = 0; i < d; i++) {
                    cMatrix[i * k + j] = solved[i];
                }
            }
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += bMatrices[bBase + i * k + r] * cMatrix[i * k + c];
                    }
                    shared[r * k + c] += sign * s;
                }
            }
            System.arraycopy(arms.b, item * d, column, 0, d);
            arms.multiplyInverse(item, column, solved);
            for (int r = 0; r < k; r++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += bMatrices[bBase + i * k + r] * solved[i];
                }
                b0[r] += sign * s;
            }
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            Features.user(observation.context(), intercept, x);
            int[] slate = action.slate();
            float[] feedback = step.slotFeedback();
            for (int s = 0; s < slate.length; s++) {
                int item = slate[s];
                double r = feedback[s];
                Features.pair(observation.context(), info.itemFeatures(), item, info.itemFeatureDimension(), z);
                foldArm(item, +1);
                arms.update(item, x, r);
                int bBase = item * d * k;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < k; j++) {
                        bMatrices[bBase + i * k + j] += x[i] * z[j];
                    }
                }
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        shared[i * k + j] += z[i] * z[j];
                    }
                    b0[i] += r * z[i];
                }
                foldArm(item, -1);
            }
            refreshShared();
        }

        /** A₀⁻¹ and β = A₀⁻¹b₀ after A₀ or b₀ changed. */
        private void refreshShared() {
            Cholesky.invert(shared, k, sharedInverse, scratch);
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += sharedInverse[i * k + j] * b0[j];
                }
                beta[i] = s;
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            arms.write(out);
            States.write(out, shared);
            States.write(out, b0);
            States.write(out, bMatrices);
            random.writeState(out);
        }

        @Override
        public void readState(DataInput in) throws IOException {
            arms.read(in);
            States.read(in, shared, "A₀ values");
            States.read(in, b0, "b₀ values");
            States.read(in, bMatrices, "B values");
            random.readState(in);
            refreshShared();
        }
    }
}
