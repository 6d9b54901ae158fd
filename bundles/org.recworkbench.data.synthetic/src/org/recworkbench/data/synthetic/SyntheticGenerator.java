package org.recworkbench.data.synthetic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TopK;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;

/**
 * Generates interaction data from a known latent-factor model, so that personalised algorithms have real
 * signal to find and popularity has a realistic long tail.
 *
 * <p>Model. Users and items get unit-scale latent vectors {@code p_u, q_i} (d dimensions). Item popularity
 * follows a Zipf law over a random permutation of ranks: {@code b_i = -popularitySkew · ln(rank_i)}. A user
 * chooses items with probability proportional to {@code exp(b_i + personalization · a_ui)}, where
 * {@code a_ui = sqrt(d) · p_u·q_i} has unit variance, drawing {@code n_u} distinct items by the Gumbel-top-k
 * trick; {@code n_u} is log-normal (heavy-tailed activity) with the requested mean. Ratings are
 * {@code clamp(round(3 + a_ui + N(0, 0.7)), 1, 5)}. Each item gets 1–3 genres aligned with its latent vector
 * and a log-normal price. Timestamps increase within each user's active period.
 *
 * <p>Deterministic: each user draws from its own generator seeded by (seed, user), so the result does not
 * depend on thread scheduling.
 */
public final class SyntheticGenerator {

    /** Generation settings; see {@link SyntheticAdapter} for the option names and defaults. */
    public record Config(int users, int items, long interactions, int factors, double popularitySkew,
            double personalization, int genres, boolean explicit, long seed) {
        public Config {
            if (users < 1 || items < 2 || interactions < users || factors < 1 || genres < 1) {
                throw new IllegalArgumentException("invalid synthetic config: " + users + " users, " + items
                        + " items, " + interactions + " interactions, " + factors + " factors, " + genres
                        + " genres (need users>=1, items>=2, interactions>=users)");
            }
        }

        public static Config of(int users, int items, long interactions, long seed) {
            return new Config(users, items, interactions, 16, 1.0, 2.0, 18, true, seed);
        }
    }

    private static final long START = 1_577_836_800L; // 2020-01-01T00:00:00Z
    private static final long TWO_YEARS = 2L * 365 * 24 * 3600;

    private SyntheticGenerator() {
    }

    public static Dataset generate(Config c, ProgressMonitor monitor) {
        int d = c.factors();
        SplittableRandom global = new SplittableRandom(c.seed());
        float[] itemFactors = gaussianRows(c.items(), d, global);
        float[] genreDirections = gaussianRows(c.genres(), d, global);
        float[] popularity = zipfLogPopularity(c.items(), c.popularitySkew(), global);
        int[] activity = activity(c, global);
        long[] offsets = new long[c.users() + 1];
        for (int u = 0; u < c.users(); u++) {
            offsets[u + 1] = offsets[u] + activity[u];
        }
        int total = Math.toIntExact(offsets[c.users()]);
        int[] users = new int[total];
        int[] items = new int[total];
        float[] values = new float[total];
        long[] times = new long[total];
        float scale = (float) Math.sqrt(d);
        monitor.begin("generate synthetic data", c.users());
        IntStream.range(0, c.users()).parallel().forEach(u -> {
            SplittableRandom r = new SplittableRandom(mix(c.seed() * 31 + u));
            float[] p = new float[d];
            for (int x = 0; x < d; x++) {
                p[x] = (float) (r.nextGaussian() / Math.sqrt(d));
            }
            float[] affinity = new float[c.items()];
            float[] keys = new float[c.items()];
            for (int i = 0; i < c.items(); i++) {
                float a = 0;
                int base = i * d;
                for (int x = 0; x < d; x++) {
                    a += p[x] * itemFactors[base + x];
                }
                affinity[i] = a * scale;
                double gumbel = -Math.log(-Math.log(r.nextDouble() * (1 - 1e-12) + 1e-12));
                keys[i] = (float) (popularity[i] + c.personalization() * affinity[i] + gumbel);
            }
            int n = activity[u];
            int[] chosen = new int[n];
            TopK.select(keys, 0, c.items(), n, chosen, new float[n]);
            long start = START + (long) (r.nextDouble() * TWO_YEARS / 2);
            long span = 3600 + (long) (r.nextDouble() * TWO_YEARS / 2);
            long[] t = new long[n];
            for (int j = 0; j < n; j++) {
                t[j] = start + (long) (r.nextDouble() * span);
            }
            Arrays.sort(t);
            int off = (int) offsets[u];
            for (int j = 0; j < n; j++) {
                int i = chosen[j];
                users[off + j] = u;
                items[off + j] = i;
                values[off + j] = c.explicit()
                        ? (float) Math.max(1, Math.min(5, Math.round(3 + affinity[i] + 0.7 * r.nextGaussian())))
                        : 1f;
                times[off + j] = t[j];
            }
            if ((u & 1023) == 0) {
                monitor.worked(Math.min(1024, c.users() - u));
            }
        });
        monitor.done();
        Map<String, String> meta = new HashMap<>();
        meta.put(Dataset.SOURCE, "synthetic " + c);
        meta.put(Dataset.FEEDBACK, c.explicit() ? "explicit" : "implicit");
        if (c.explicit()) {
            meta.put("ratingScale", "1-5");
        }
        return new Dataset("synthetic", IdIndex.sequential("u", c.users()), IdIndex.sequential("i", c.items()),
                new Interactions(c.users(), c.items(), users, items, values, times),
                itemAttributes(c, itemFactors, genreDirections, global), Attributes.empty(), meta);
    }

    /** Rows of independent N(0, 1/d) entries: vectors of about unit length. */
    private static float[] gaussianRows(int rows, int d, SplittableRandom r) {
        float[] m = new float[rows * d];
        double sd = 1 / Math.sqrt(d);
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (r.nextGaussian() * sd);
        }
        return m;
    }

    private static float[] zipfLogPopularity(int items, double skew, SplittableRandom r) {
        int[] rank = IntStream.rangeClosed(1, items).toArray();
        for (int i = items - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        float[] b = new float[items];
        for (int i = 0; i < items; i++) {
            b[i] = (float) (-skew * Math.log(rank[i]));
        }
        return b;
    }

    /** Log-normal activity scaled to the requested total, each user between 2 and items/2. */
    private static int[] activity(Config c, SplittableRandom r) {
        double[] raw = new double[c.users()];
        double sum = 0;
        for (int u = 0; u < raw.length; u++) {
            raw[u] = Math.exp(0.8 * r.nextGaussian());
            sum += raw[u];
        }
        int cap = Math.max(2, c.items() / 2);
        int[] n = new int[c.users()];
        for (int u = 0; u < raw.length; u++) {
            n[u] = (int) Math.max(2, Math.min(cap, Math.round(raw[u] / sum * c.interactions())));
        }
        return n;
    }

    private static Attributes itemAttributes(Config c, float[] itemFactors, float[] genreDirections,
            SplittableRandom r) {
        int d = c.factors();
        List<String> genreNames = IntStream.range(0, c.genres()).mapToObj(g -> "genre-" + g).toList();
        int[][] genresOf = new int[c.items()][];
        double[] price = new double[c.items()];
        String[] titles = new String[c.items()];
        for (int i = 0; i < c.items(); i++) {
            float[] score = new float[c.genres()];
            for (int g = 0; g < c.genres(); g++) {
                float s = 0;
                for (int x = 0; x < d; x++) {
                    s += itemFactors[i * d + x] * genreDirections[g * d + x];
                }
                score[g] = s;
            }
            int count = 1 + r.nextInt(Math.min(3, c.genres()));
            int[] top = new int[count];
            TopK.select(score, 0, c.genres(), count, top, new float[count]);
            Arrays.sort(top);
            genresOf[i] = top;
            price[i] = Math.round(Math.exp(3 + 0.8 * r.nextGaussian()) * 100) / 100.0;
            titles[i] = "Item " + i;
        }
        return new Attributes(
                Map.of("genre", new Attributes.Categorical("genre", IdIndex.of(genreNames), genresOf)),
                Map.of("price", price), Map.of("title", titles));
    }

    /** SplitMix64 finaliser, to derive well-separated per-user seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
