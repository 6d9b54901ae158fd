package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Budget;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;
import org.recworkbench.api.interactive.PolicyContext;
import org.recworkbench.api.interactive.PolicyDescriptor;
import org.recworkbench.api.interactive.PolicyFactory;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * HATCH (Yang et al., WWW 2020): a budget-constrained contextual bandit in two levels.
 * <ul>
 * <li><b>Upper level — where to spend.</b> User contexts are grouped into J clusters (k-means on the first
 * {@code warmup} contexts seen). Each cluster j has an estimated share of traffic πⱼ, an optimistic value vⱼ
 * (mean reward of its served steps plus {@code c·sqrt(ln t / nⱼ)}) and a mean cost cⱼ. Every step an
 * adaptive linear program re-allocates the budget that is left: with ρ = remaining budget / remaining steps,
 * maximise Σ pⱼπⱼvⱼ subject to Σ pⱼπⱼcⱼ ≤ ρ, 0 ≤ pⱼ ≤ 1 — a fractional knapsack solved exactly by taking
 * clusters in order of vⱼ/cⱼ. A user of cluster j is served with probability pⱼ, otherwise nothing is shown.
 * <li><b>Lower level — what to show.</b> LinUCB over the user context picks the items with the best upper
 * bound per unit cost ({@link CostAwareSlate}).
 * </ul>
 * The re-solved program is UCB-ALP's (Wu et al., NeurIPS 2015), which HATCH generalises from finite to
 * clustered continuous contexts. During warm-up the policy serves at the affordable rate ρ / c̄.
 */
@Component(service = PolicyFactory.class)
public class Hatch implements PolicyFactory {

    static final PolicyDescriptor DESCRIPTOR;

    static {
        List<ParameterDescriptor> params = new ArrayList<>(LinUcb.PARAMETERS);
        params.add(ParameterDescriptor.ofInt("clusters", 8, 1, 1024, "user-context clusters J"));
        params.add(ParameterDescriptor.ofInt("warmup", 1000, 1, 10_000_000,
                "contexts collected before clustering"));
        params.add(ParameterDescriptor.ofDouble("c", 0.5, 0, 100, "exploration coefficient of cluster values"));
        DESCRIPTOR = new PolicyDescriptor("hatch", "HATCH", "budgeted",
                "Hierarchical adaptive contextual bandit: adaptive linear programming of the budget over "
                        + "user-context clusters, LinUCB for the items",
                "B. Yang, Y. Liu et al. Hierarchical adaptive contextual bandits for resource constraint based "
                        + "recommendation. WWW 2020; H. Wu, R. Srikant, X. Liu and C. Jiang. Algorithms with "
                        + "logarithmic or sublinear regret for constrained contextual bandits. NeurIPS 2015",
                params);
    }

    @Override
    public PolicyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Policy create(PolicyContext context, Parameters params) {
        return new Instance(context, params);
    }

    /**
     * The adaptive linear program: maximise Σ pⱼπⱼvⱼ subject to Σ pⱼπⱼcⱼ ≤ rate and 0 ≤ pⱼ ≤ 1. A fractional
     * knapsack, so taking clusters in order of vⱼ/cⱼ and filling the last one partly is optimal.
     */
    static double[] solve(double[] share, double[] value, double[] cost, double rate) {
        int n = share.length;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(value[b] / cost[b], value[a] / cost[a]));
        double[] p = new double[n];
        double used = 0;
        for (Integer j : order) {
            double need = share[j] * cost[j];
            if (need <= 0) {
                p[j] = 1;
            } else if (used + need <= rate) {
                p[j] = 1;
                used += need;
            } else {
                p[j] = Math.max(0, (rate - used) / need);
                used = Math.max(used, rate);
            }
        }
        return p;
    }

    static final class Instance implements Policy {
        private final EnvironmentInfo info;
        private final Budget budget;
        private final LinUcb.Instance estimator;
        private final CostAwareSlate chooser;
        private final SeededRandom random;
        private final int clusters;
        private final int dim;
        private final double c;
        private final double meanActionCost;
        private final float[] warmupContexts;
        private int warmupFilled;
        private double[] centres;
        private final long[] seen;
        private final long[] served;
        private final double[] rewards;
        private final double[] costs;
        private final double[] allocation;
        private long steps;
        private int lastCluster = -1;

        Instance(PolicyContext context, Parameters params) {
            info = context.environment();
            budget = context.budget();
            estimator = new LinUcb.Instance(context, params.getDouble("alpha"), params.getDouble("lambda"),
                    params.getBoolean("intercept"));
            chooser = new CostAwareSlate(info, estimator);
            random = SeededRandom.derived(context.seed(), "hatch");
            clusters = params.getInt("clusters");
            dim = info.contextDimension();
            c = params.getDouble("c");
            int warmup = Math.max(params.getInt("warmup"), clusters);
            warmupContexts = new float[warmup * dim];
            double meanCost = 0;
            for (float cost : info.itemCosts()) {
                meanCost += cost;
            }
            meanActionCost = Math.max(1e-12, meanCost / info.numItems() * info.slateSize());
            seen = new long[clusters];
            served = new long[clusters];
            rewards = new double[clusters];
            costs = new double[clusters];
            allocation = new double[clusters];
        }

        @Override
        public Action act(Observation observation) {
            steps++;
            double rate = budget.stepsLeft() == 0 ? 0 : budget.remaining() / budget.stepsLeft();
            double serveProbability;
            if (centres == null) {
                System.arraycopy(observation.context(), 0, warmupContexts, warmupFilled * dim, dim);
                if (++warmupFilled * dim == warmupContexts.length) {
                    centres = KMeans.cluster(warmupContexts, dim, clusters, 25, random);
                }
                lastCluster = -1;
                serveProbability = rate / meanActionCost;
            } else {
                lastCluster = KMeans.nearest(centres, dim, observation.context());
                seen[lastCluster]++;
                allocate(rate);
                serveProbability = allocation[lastCluster];
            }
            if (serveProbability < 1 && random.nextDouble() >= serveProbability) {
                return Action.skip();
            }
            return chooser.choose(observation, budget, random);
        }

        private void allocate(double rate) {
            long total = 0;
            for (long s : seen) {
                total += s;
            }
            double logT = Math.log(Math.max(2, steps));
            double[] share = new double[clusters];
            double[] value = new double[clusters];
            double[] cost = new double[clusters];
            for (int j = 0; j < clusters; j++) {
                long n = served[j];
                share[j] = total == 0 ? 0 : (double) seen[j] / total;
                value[j] = (n == 0 ? 1 : rewards[j] / n) + c * Math.sqrt(logT / Math.max(1, n));
                cost[j] = n == 0 ? meanActionCost : Math.max(1e-12, costs[j] / n);
            }
            double[] p = solve(share, value, cost, rate);
            System.arraycopy(p, 0, allocation, 0, clusters);
        }

        double[] allocation() {
            return allocation.clone();
        }

        @Override
        public void observe(Observation observation, Action action, Step step) {
            if (action.isSkip()) {
                return;
            }
            estimator.observe(observation, action, step);
            if (lastCluster >= 0) {
                served[lastCluster]++;
                rewards[lastCluster] += step.reward();
                costs[lastCluster] += step.cost();
            }
        }

        @Override
        public void writeState(DataOutput out) throws IOException {
            estimator.writeState(out);
            random.writeState(out);
            out.writeLong(steps);
            out.writeInt(lastCluster);
            out.writeInt(warmupFilled);
            for (int i = 0; i < warmupFilled * dim; i++) {
                out.writeFloat(warmupContexts[i]);
            }
            out.writeBoolean(centres != null);
            if (centres != null) {
                States.write(out, centres);
            }
            for (int j = 0; j < clusters; j++) {
                out.writeLong(seen[j]);
                out.writeLong(served[j]);
                out.writeDouble(rewards[j]);
                out.writeDouble(costs[j]);
            }
        }

        @Override
        public void readState(DataInput in) throws IOException {
            estimator.readState(in);
            random.readState(in);
            steps = in.readLong();
            lastCluster = in.readInt();
            warmupFilled = in.readInt();
            if (warmupFilled < 0 || warmupFilled * dim > warmupContexts.length) {
                throw new IOException("checkpoint has " + warmupFilled + " warm-up contexts, this policy keeps at most "
                        + warmupContexts.length / Math.max(1, dim));
            }
            for (int i = 0; i < warmupFilled * dim; i++) {
                warmupContexts[i] = in.readFloat();
            }
            if (in.readBoolean()) {
                centres = new double[clusters * dim];
                States.read(in, centres, "centre values");
            }
            for (int j = 0; j < clusters; j++) {
                seen[j] = in.readLong();
                served[j] = in.readLong();
                rewards[j] = in.readDouble();
                costs[j] = in.readDouble();
            }
        }
    }
}
