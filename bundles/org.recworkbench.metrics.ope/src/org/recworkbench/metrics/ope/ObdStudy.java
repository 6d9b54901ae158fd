package org.recworkbench.metrics.ope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.data.Dataset;

/**
 * The Open Bandit Dataset's own test of estimators (Saito et al., NeurIPS 2021 Datasets track, sec. 5): the same
 * campaign was served by two logging policies at once, uniform random and Bernoulli Thompson sampling, so each
 * policy's on-policy value is known from its own log and can be estimated from the other's.
 *
 * <p>Bernoulli TS here is described by how often it put each item in each position in its log (its time-averaged
 * action distribution, context-free as the policy was); the random policy is uniform. Rewards are clicks, one
 * round per (impression, position) row, as in OBP; the reward model is a cross-fitted (position, item) table.
 */
public final class ObdStudy {

    /** One direction: the target policy, its true value, and each estimate from the other policy's log. */
    public record Row(String target, String loggedBy, int rounds, double truth, List<Estimate> estimates) {
    }

    private ObdStudy() {
    }

    public static List<Row> run(Dataset random, Dataset bts, List<BanditEstimator> estimators, int resamples,
            long seed) {
        Map<String, Integer> actions = new TreeMap<>();
        for (Dataset d : List.of(random, bts)) {
            for (String id : d.items().ids()) {
                actions.putIfAbsent(id, 0);
            }
        }
        int next = 0;
        for (String id : actions.keySet()) {
            actions.put(id, next++);
        }
        int k = next;
        Log r = Log.of(random, actions);
        Log b = Log.of(bts, actions);
        int positions = Math.max(r.positions, b.positions);
        // BTS as its empirical action distribution per position
        double[] btsDistribution = new double[positions * k];
        double[] perPosition = new double[positions];
        for (int i = 0; i < b.action.length; i++) {
            btsDistribution[b.position[i] * k + b.action[i]]++;
            perPosition[b.position[i]]++;
        }
        for (int p = 0; p < positions; p++) {
            for (int a = 0; a < k; a++) {
                btsDistribution[p * k + a] /= Math.max(1, perPosition[p]);
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(direction("Bernoulli TS", "uniform random", r, k, positions, (p, a) -> btsDistribution[p * k + a],
                mean(b.reward), estimators, resamples, seed));
        rows.add(direction("uniform random", "Bernoulli TS", b, k, positions, (p, a) -> 1.0 / k, mean(r.reward),
                estimators, resamples, seed));
        return rows;
    }

    private interface Distribution {
        double probability(int position, int action);
    }

    private static Row direction(String target, String loggedBy, Log log, int k, int positions, Distribution pi,
            double truth, List<BanditEstimator> estimators, int resamples, long seed) {
        int n = log.action.length;
        double[] targetProbabilities = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                targetProbabilities[i * k + a] = pi.probability(log.position[i], a);
            }
        }
        BanditLog bandit = new BanditLog(k, positions, log.action, log.position, log.reward, log.propensity,
                targetProbabilities, null);
        RewardModel model = RewardModel.crossFittedTable(bandit, 3, 10, seed);
        return new Row(target, loggedBy, n, truth, BanditEstimator.evaluate(estimators, bandit, model, resamples,
                0.95, seed));
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The columns of an OBD log, items renumbered to the union of both logs' items. */
    private record Log(int[] action, int[] position, double[] reward, double[] propensity, int positions) {
        static Log of(Dataset d, Map<String, Integer> actions) {
            var x = d.interactions();
            float[] position = x.extraColumns().get("position");
            float[] propensity = x.extraColumns().get("propensity");
            if (position == null || propensity == null) {
                throw new RecWorkbenchException(d.name() + " has no position and propensity columns: load it with the "
                        + "obd adapter");
            }
            int n = x.size();
            int[] a = new int[n];
            int[] p = new int[n];
            double[] r = new double[n];
            double[] pi = new double[n];
            int positions = 1;
            for (int i = 0; i < n; i++) {
                a[i] = actions.get(d.items().id(x.items()[i]));
                p[i] = Math.round(position[i]) - 1;
                r[i] = x.values()[i];
                pi[i] = propensity[i];
                positions = Math.max(positions, p[i] + 1);
            }
            return new Log(a, p, r, pi, positions);
        }
    }
}
