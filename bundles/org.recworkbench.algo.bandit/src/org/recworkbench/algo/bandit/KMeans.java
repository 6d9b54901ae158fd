package org.recworkbench.algo.bandit;

import org.recworkbench.api.interactive.SeededRandom;

/** Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii, SODA 2007), for HATCH's clusters. */
final class KMeans {

    private KMeans() {
    }

    /** Centres (k × dim, row-major) of {@code points} (n × dim). */
    static double[] cluster(float[] points, int dim, int k, int iterations, SeededRandom random) {
        int n = points.length / dim;
        double[] centres = new double[k * dim];
        double[] nearestDistance = new double[n];
        java.util.Arrays.fill(nearestDistance, Double.POSITIVE_INFINITY);
        copy(points, random.nextInt(n), dim, centres, 0);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < n; p++) {
                nearestDistance[p] = Math.min(nearestDistance[p], distance(points, p, centres, c - 1, dim));
                total += nearestDistance[p];
            }
            int chosen = n - 1;
            double target = random.nextDouble() * total;
            for (int p = 0; p < n; p++) {
                target -= nearestDistance[p];
                if (target < 0) {
                    chosen = p;
                    break;
                }
            }
            copy(points, chosen, dim, centres, c);
        }
        int[] assignment = new int[n];
        double[] sums = new double[k * dim];
        int[] sizes = new int[k];
        for (int it = 0; it < iterations; it++) {
            boolean changed = it == 0;
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(sizes, 0);
            for (int p = 0; p < n; p++) {
                int best = nearest(centres, dim, points, p);
                changed |= best != assignment[p];
                assignment[p] = best;
                sizes[best]++;
                for (int i = 0; i < dim; i++) {
                    sums[best * dim + i] += points[p * dim + i];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int i = 0; i < dim; i++) {
                        centres[c * dim + i] = sums[c * dim + i] / sizes[c];
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return centres;
    }

    static int nearest(double[] centres, int dim, float[] point) {
        return nearest(centres, dim, point, 0);
    }

    private static int nearest(double[] centres, int dim, float[] points, int p) {
        int k = centres.length / dim;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = distance(points, p, centres, c, dim);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    private static double distance(float[] points, int p, double[] centres, int c, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            double diff = points[p * dim + i] - centres[c * dim + i];
            s += diff * diff;
        }
        return s;
    }

    private static void copy(float[] points, int p, int dim, double[] centres, int c) {
        for (int i = 0; i < dim; i++) {
            centres[c * dim + i] = points[p * dim + i];
        }
    }
}
