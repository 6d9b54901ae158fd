package org.recworkbench.metrics.ope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.SimulationContext;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.interactive.Step;

/**
 * Estimators against the truth, on logs drawn from a simulator whose expected rewards are known (its oracle).
 * Every round is a fresh user (leave probability 1, no boredom or novelty), so rounds are independent as the
 * estimators assume, and a policy's true value is the average over users of its expected reward, computed
 * exactly per user from the oracle and averaged over many users.
 *
 * <p>Bandit study: one item per round among C candidates. The logging policy is a mix of 20 % uniform and 80 % a
 * softmax over a noisy view of the true attractions (a production model that is partly wrong); the target is
 * a sharper softmax over the true attractions. Slate study: slates of L out of C candidates; logged uniformly
 * at random without replacement; the target is a Plackett–Luce policy over the true attractions; conditional and
 * marginal slot probabilities are exact (enumerated).
 */
public final class SimulatedStudy {

    /** Per estimator over repetitions: mean estimate, bias, RMSE and mean relative error. */
    public record Summary(String estimator, double truth, double meanEstimate, double bias, double rmse,
            double meanRelativeError, double sdRelativeError) {
    }

    private SimulatedStudy() {
    }

    /** The simulator parameters that make rounds independent; {@code extra} adds or overrides some. */
    static Parameters independentRounds(Simulator simulator, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("leave", 1.0, "boredom", 0.0, "novelty-seeking", 0.0));
        p.putAll(extra);
        return Parameters.validate("ope.simulator", simulator.descriptor().parameters(), p);
    }

    /** Expected reward of each candidate shown alone (its attraction, at the top position). */
    private static double[] attractions(Environment env, int[] candidates) {
        double[] a = new double[candidates.length];
        for (int j = 0; j < candidates.length; j++) {
            a[j] = env.expectedReward(Action.recommend(candidates[j]));
        }
        return a;
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    private static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            p[j] = Math.exp((scores[j] - max) / temperature);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    private static int draw(double[] p, SeededRandom random) {
        double u = random.nextDouble();
        for (int j = 0; j < p.length - 1; j++) {
            u -= p[j];
            if (u < 0) {
                return j;
            }
        }
        return p.length - 1;
    }

    private static double[] behaviourPolicy(double[] attraction, SeededRandom noise) {
        double[] view = new double[attraction.length];
        for (int j = 0; j < view.length; j++) {
            view[j] = logit(attraction[j]) + noise.nextGaussian();
        }
        double[] p = softmax(view, 1);
        for (int j = 0; j < p.length; j++) {
            p[j] = 0.2 / p.length + 0.8 * p[j];
        }
        return p;
    }

    private static double[] targetPolicy(double[] attraction) {
        double[] view = new double[attraction.length];
        for (int j = 0; j < view.length; j++) {
            view[j] = logit(attraction[j]);
        }
        return softmax(view, 0.5);
    }

    /**
     * The bandit study: {@code repetitions} logs of {@code rounds} rounds each; the truth from
     * {@code truthRounds} users.
     */
    public static List<Summary> bandit(Simulator simulator, Map<String, Object> params, int rounds, int repetitions,
            int truthRounds, double switchThreshold, long seed) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("slate-size", 1);
        Parameters validated = independentRounds(simulator, p);
        // the truth: E_x Σ_a π_t(a|x) q(x, a)
        Environment truthEnv = simulator.create(new SimulationContext(seed ^ 0x5EED, Optional.empty(), null), validated);
        Observation o = truthEnv.start();
        double truth = 0;
        for (int t = 0; t < truthRounds; t++) {
            double[] a = attractions(truthEnv, o.candidates());
            double[] pi = targetPolicy(a);
            for (int j = 0; j < a.length; j++) {
                truth += pi[j] * a[j];
            }
            o = truthEnv.step(Action.skip()).next();
        }
        truth /= truthRounds;
        List<BanditEstimator> estimators = BanditEstimator.standard(switchThreshold);
        double[][] estimates = new double[estimators.size()][repetitions];
        for (int rep = 0; rep < repetitions; rep++) {
            long repSeed = SeededRandom.derived(seed, "repetition " + rep).nextLong();
            Environment env = simulator.create(new SimulationContext(repSeed, Optional.empty(), null), validated);
            int items = env.info().numItems();
            SeededRandom random = SeededRandom.derived(repSeed, "logging");
            int[] action = new int[rounds];
            int[] position = new int[rounds];
            double[] reward = new double[rounds];
            double[] behaviour = new double[rounds];
            double[] target = new double[rounds * items];
            Observation obs = env.start();
            for (int i = 0; i < rounds; i++) {
                int[] candidates = obs.candidates();
                double[] a = attractions(env, candidates);
                double[] pb = behaviourPolicy(a, random);
                double[] pt = targetPolicy(a);
                int j = draw(pb, random);
                action[i] = candidates[j];
                behaviour[i] = pb[j];
                for (int c = 0; c < candidates.length; c++) {
                    target[i * items + candidates[c]] += pt[c];
                }
                Step s = env.step(Action.recommend(candidates[j]));
                reward[i] = s.reward();
                obs = s.next();
            }
            BanditLog log = new BanditLog(items, 1, action, position, reward, behaviour, target, null);
            RewardModel model = RewardModel.crossFittedTable(log, 3, 10, repSeed);
            List<Estimate> e = BanditEstimator.evaluate(estimators, log, model, 0, 0.95, repSeed);
            for (int k = 0; k < estimators.size(); k++) {
                estimates[k][rep] = e.get(k).value();
            }
        }
        return summaries(estimators.stream().map(BanditEstimator::id).toList(), truth, estimates);
    }

    /** The slate study under the simulator's click model ({@code click-model} in {@code params}). */
    public static List<Summary> slates(Simulator simulator, Map<String, Object> params, int slates, int repetitions,
            int truthRounds, double plackettLuceTemperature, long seed) {
        Parameters validated = independentRounds(simulator, params);
        Environment truthEnv = simulator.create(new SimulationContext(seed ^ 0x5EED, Optional.empty(), null), validated);
        int size = truthEnv.info().slateSize();
        Observation o = truthEnv.start();
        double truth = 0;
        for (int t = 0; t < truthRounds; t++) {
            Enumerated e = enumerate(truthEnv, o.candidates(), size, plackettLuceTemperature, true);
            truth += e.expectedReward;
            o = truthEnv.step(Action.skip()).next();
        }
        truth /= truthRounds;
        List<SlateEstimator> estimators = SlateEstimator.ALL;
        double[][] estimates = new double[estimators.size()][repetitions];
        for (int rep = 0; rep < repetitions; rep++) {
            long repSeed = SeededRandom.derived(seed, "slate repetition " + rep).nextLong();
            Environment env = simulator.create(new SimulationContext(repSeed, Optional.empty(), null), validated);
            SeededRandom random = SeededRandom.derived(repSeed, "slate logging");
            int cells = slates * size;
            int[] items = new int[cells];
            double[] reward = new double[cells];
            double[] bc = new double[cells];
            double[] bm = new double[cells];
            double[] tc = new double[cells];
            double[] tm = new double[cells];
            Observation obs = env.start();
            for (int s = 0; s < slates; s++) {
                int[] candidates = obs.candidates();
                int c = candidates.length;
                Enumerated e = enumerate(env, candidates, size, plackettLuceTemperature, false);
                // uniform random slate without replacement
                int[] pool = java.util.stream.IntStream.range(0, c).toArray();
                int[] chosen = new int[size];
                for (int k = 0; k < size; k++) {
                    int j = k + random.nextInt(c - k);
                    int t = pool[k];
                    pool[k] = pool[j];
                    pool[j] = t;
                    chosen[k] = pool[k];
                }
                double remaining = 0;
                for (double w : e.weights) {
                    remaining += w;
                }
                int[] slate = new int[size];
                for (int k = 0; k < size; k++) {
                    int cell = s * size + k;
                    slate[k] = candidates[chosen[k]];
                    items[cell] = slate[k];
                    bc[cell] = 1.0 / (c - k);
                    bm[cell] = 1.0 / c;
                    tc[cell] = e.weights[chosen[k]] / remaining;
                    remaining -= e.weights[chosen[k]];
                    tm[cell] = e.marginal[k * c + chosen[k]];
                }
                Step step = env.step(Action.recommend(slate));
                for (int k = 0; k < size; k++) {
                    reward[s * size + k] = step.slotFeedback()[k];
                }
                obs = step.next();
            }
            SlateLog log = new SlateLog(size, items, reward, bc, bm, tc, tm);
            List<Estimate> est = SlateEstimator.evaluate(estimators, log, 0, 0.95, repSeed);
            for (int k = 0; k < estimators.size(); k++) {
                estimates[k][rep] = est.get(k).value();
            }
        }
        return summaries(estimators.stream().map(SlateEstimator::id).toList(), truth, estimates);
    }

    /** Plackett–Luce weights, the marginal slot probabilities and (optionally) the expected slate reward. */
    private record Enumerated(double[] weights, double[] marginal, double expectedReward) {
    }

    /**
     * Enumerates every ordered slate of {@code size} distinct candidates with its Plackett–Luce probability: the
     * marginal probability of each candidate in each slot and, when asked, the oracle's expected slate reward
     * averaged over the slates.
     */
    private static Enumerated enumerate(Environment env, int[] candidates, int size, double temperature,
            boolean withReward) {
        int c = candidates.length;
        double[] a = attractions(env, candidates);
        double[] weights = new double[c];
        for (int j = 0; j < c; j++) {
            weights[j] = Math.exp(logit(a[j]) / temperature);
        }
        double[] marginal = new double[size * c];
        double[] expected = new double[1];
        int[] prefix = new int[size];
        boolean[] used = new boolean[c];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        walk(env, candidates, weights, size, 0, 1, total, prefix, used, marginal, expected, withReward);
        return new Enumerated(weights, marginal, expected[0]);
    }

    private static void walk(Environment env, int[] candidates, double[] weights, int size, int depth,
            double probability, double remaining, int[] prefix, boolean[] used, double[] marginal, double[] expected,
            boolean withReward) {
        int c = candidates.length;
        if (depth == size) {
            if (withReward) {
                int[] slate = new int[size];
                for (int k = 0; k < size; k++) {
                    slate[k] = candidates[prefix[k]];
                }
                expected[0] += probability * env.expectedReward(Action.recommend(slate));
            }
            return;
        }
        for (int j = 0; j < c; j++) {
            if (used[j]) {
                continue;
            }
            double p = probability * weights[j] / remaining;
            marginal[depth * c + j] += p;
            used[j] = true;
            prefix[depth] = j;
            walk(env, candidates, weights, size, depth + 1, p, remaining - weights[j], prefix, used, marginal,
                    expected, withReward);
            used[j] = false;
        }
    }

    private static List<Summary> summaries(List<String> estimators, double truth, double[][] estimates) {
        List<Summary> out = new ArrayList<>();
        for (int k = 0; k < estimators.size(); k++) {
            out.add(summary(estimators.get(k), truth, estimates[k]));
        }
        return out;
    }

    private static Summary summary(String estimator, double truth, double[] values) {
        double mean = 0;
        double squared = 0;
        double rel = 0;
        double relSq = 0;
        for (double v : values) {
            mean += v;
            squared += (v - truth) * (v - truth);
            double r = Math.abs(v - truth) / Math.abs(truth);
            rel += r;
            relSq += r * r;
        }
        int n = values.length;
        mean /= n;
        rel /= n;
        double sd = n > 1 ? Math.sqrt(Math.max(0, (relSq - n * rel * rel) / (n - 1))) : 0;
        return new Summary(estimator, truth, mean, mean - truth, Math.sqrt(squared / n), rel, sd);
    }
}
