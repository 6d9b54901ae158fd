package org.recworkbench.sim.latent;

import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.compute.DenseInverse;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.api.interactive.SeededRandom;

/**
 * The fixed part of a simulated world: user and item latent vectors, item bias (how broadly appealing an item
 * is), popularity percentile, cost, price and length. Affinities are standardised so that the same click
 * parameters give comparable click rates whatever the source: {@code z(u, i) = (uᵤ·vᵢ − m) / s + biasᵢ}, with
 * m and s the mean and standard deviation of {@code u·v} over random pairs. Immutable; shared by the
 * environments of all variants built on it.
 */
public final class LatentWorld {

    final int users;
    final int items;
    final int dim;
    final float[] userFactors;
    final float[] itemFactors;
    final float[] unitItemFactors;
    final float[] itemBias;
    final float[] popularity;
    final float[] costs;
    final float[] prices;
    final float[] lengths;
    /** The seed the world was made from; per-user traits are drawn from it too, so they belong to the world. */
    final long seed;
    private final double mean;
    private final double sd;

    private LatentWorld(int users, int items, int dim, float[] userFactors, float[] itemFactors, float[] itemBias,
            float[] popularity, long seed, boolean heterogeneousCosts) {
        this.users = users;
        this.items = items;
        this.dim = dim;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemBias = itemBias;
        this.popularity = popularity;
        this.seed = seed;
        this.unitItemFactors = new float[items * dim];
        for (int i = 0; i < items; i++) {
            double norm = 0;
            for (int f = 0; f < dim; f++) {
                norm += (double) itemFactors[i * dim + f] * itemFactors[i * dim + f];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int f = 0; f < dim; f++) {
                unitItemFactors[i * dim + f] = (float) (itemFactors[i * dim + f] * scale);
            }
        }
        SeededRandom random = SeededRandom.derived(seed, "world-attributes");
        costs = new float[items];
        prices = new float[items];
        lengths = new float[items];
        for (int i = 0; i < items; i++) {
            // log-normal with mean 1: exp(σ·N − σ²/2)
            costs[i] = heterogeneousCosts ? (float) Math.exp(0.5 * random.nextGaussian() - 0.125) : 1f;
            prices[i] = (float) Math.exp(0.8 * random.nextGaussian() - 0.32) * 20;
            lengths[i] = (float) (2 + 8 * random.nextDouble());
        }
        SeededRandom pairs = SeededRandom.derived(seed, "affinity-scale");
        double sum = 0;
        double sumSq = 0;
        int n = 20_000;
        for (int k = 0; k < n; k++) {
            double a = dot(pairs.nextInt(users), pairs.nextInt(items));
            sum += a;
            sumSq += a * a;
        }
        mean = sum / n;
        sd = Math.max(1e-9, Math.sqrt(Math.max(0, sumSq / n - mean * mean)));
    }

    double dot(int user, int item) {
        double s = 0;
        int u = user * dim;
        int v = item * dim;
        for (int f = 0; f < dim; f++) {
            s += userFactors[u + f] * itemFactors[v + f];
        }
        return s;
    }

    /** The standardised affinity z(u, i). */
    double affinity(int user, int item) {
        return (dot(user, item) - mean) / sd + itemBias[item];
    }

    /**
     * A drawn world. The first latent coordinate of every item is 1, so the user's first coordinate acts as
     * that user's overall propensity to click, visible in the context (which is what budget policies target).
     */
    public static LatentWorld synthetic(int users, int items, int dim, long seed, boolean heterogeneousCosts) {
        SeededRandom random = SeededRandom.derived(seed, "latent-world");
        float[] u = new float[users * dim];
        float[] v = new float[items * dim];
        double scale = 1 / Math.sqrt(dim);
        for (int k = 0; k < u.length; k++) {
            u[k] = (float) (random.nextGaussian() * scale);
        }
        for (int i = 0; i < items; i++) {
            v[i * dim] = 1f;
            for (int f = 1; f < dim; f++) {
                v[i * dim + f] = (float) random.nextGaussian();
            }
        }
        float[] bias = new float[items];
        for (int i = 0; i < items; i++) {
            bias[i] = (float) (0.5 * random.nextGaussian());
        }
        return new LatentWorld(users, items, dim, u, v, bias, percentiles(bias), seed, heterogeneousCosts);
    }

    /**
     * A world fitted on interactions: implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008; preference 1 for
     * every observed pair, confidence {@code 1 + α·value/max}) gives the latent vectors; the item bias is the
     * standardised log count times 0.5.
     */
    public static LatentWorld fit(Interactions data, int dim, int iterations, double alpha, double lambda, long seed,
            boolean heterogeneousCosts, ProgressMonitor monitor) {
        int users = data.numUsers();
        int items = data.numItems();
        SeededRandom random = SeededRandom.derived(seed, "latent-fit");
        float[] x = new float[users * dim];
        float[] y = new float[items * dim];
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) (0.1 * random.nextGaussian());
        }
        SparseMatrix ui = data.userItems();
        SparseMatrix iu = data.itemUsers();
        float max = 0;
        for (float value : data.values()) {
            max = Math.max(max, Math.abs(value));
        }
        float valueScale = max > 0 ? 1 / max : 1;
        for (int it = 0; it < iterations; it++) {
            monitor.checkCanceled();
            solve(ui, y, x, dim, alpha, lambda, valueScale, monitor);
            solve(iu, x, y, dim, alpha, lambda, valueScale, monitor);
        }
        int[] counts = data.itemCounts();
        float[] bias = new float[items];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < items; i++) {
            double l = Math.log1p(counts[i]);
            sum += l;
            sumSq += l * l;
        }
        double m = sum / items;
        double s = Math.sqrt(Math.max(1e-12, sumSq / items - m * m));
        for (int i = 0; i < items; i++) {
            bias[i] = (float) (0.5 * (Math.log1p(counts[i]) - m) / s);
        }
        return new LatentWorld(users, items, dim, x, y, bias, percentiles(bias), seed, heterogeneousCosts);
    }

    /** One ALS half-step: rows of {@code out} from the fixed {@code other} factors. */
    private static void solve(SparseMatrix rows, float[] other, float[] out, int dim, double alpha, double lambda,
            float valueScale, ProgressMonitor monitor) {
        int otherRows = other.length / dim;
        double[] gram = new double[dim * dim];
        for (int r = 0; r < otherRows; r++) {
            for (int a = 0; a < dim; a++) {
                double ya = other[r * dim + a];
                for (int b = 0; b < dim; b++) {
                    gram[a * dim + b] += ya * other[r * dim + b];
                }
            }
        }
        float[] system = new float[dim * dim];
        double[] rhs = new double[dim];
        int[] pointers = rows.rowPointers();
        int[] columns = rows.columns();
        float[] values = rows.values();
        for (int row = 0; row < rows.rows(); row++) {
            java.util.Arrays.fill(rhs, 0);
            for (int k = 0; k < dim * dim; k++) {
                system[k] = (float) gram[k];
            }
            for (int k = 0; k < dim; k++) {
                system[k * dim + k] += (float) lambda;
            }
            for (int p = pointers[row]; p < pointers[row + 1]; p++) {
                int j = columns[p];
                double confidence = 1 + alpha * Math.abs(values[p]) * valueScale;
                for (int a = 0; a < dim; a++) {
                    double ya = other[j * dim + a];
                    rhs[a] += confidence * ya;
                    for (int b = 0; b < dim; b++) {
                        system[a * dim + b] += (float) ((confidence - 1) * ya * other[j * dim + b]);
                    }
                }
            }
            DenseInverse.invertSymmetricPositiveDefinite(system, dim, monitor);
            for (int a = 0; a < dim; a++) {
                double s = 0;
                for (int b = 0; b < dim; b++) {
                    s += system[a * dim + b] * rhs[b];
                }
                out[row * dim + a] = (float) s;
            }
        }
    }

    /** Each value's rank among all, scaled to [0, 1]. */
    private static float[] percentiles(float[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(values[a], values[b]));
        float[] p = new float[values.length];
        for (int r = 0; r < order.length; r++) {
            p[order[r]] = order.length == 1 ? 1 : (float) r / (order.length - 1);
        }
        return p;
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    public int dimension() {
        return dim;
    }
}
