package org.recworkbench.algo.debias;

import java.util.SplittableRandom;

/** The seeded draws the trainers and the synthetic world share: initial factors and visiting orders. */
final class Draws {

    private Draws() {
    }

    static float[] gaussian(int size, double std, SplittableRandom random) {
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = (float) (random.nextGaussian() * std);
        }
        return v;
    }

    static int[] identity(int n) {
        int[] v = new int[n];
        for (int k = 0; k < n; k++) {
            v[k] = k;
        }
        return v;
    }

    /** Fisher–Yates, in place. */
    static void shuffle(int[] v, SplittableRandom random) {
        for (int k = v.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = v[k];
            v[k] = v[j];
            v[j] = t;
        }
    }
}
