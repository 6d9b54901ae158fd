package org.recworkbench.algo.linear;

import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * A training context whose backend has only the API's pure-Java defaults (top-k, dense inverse): item–item
 * models never multiply factors.
 */
final class TestContexts {
    private TestContexts() {
    }

    static TrainingContext withoutBackend(int threads) {
        return new TrainingContext(null, 1, ProgressMonitor.NONE, new ComputeBackend() {
            public String id() {
                return "none";
            }

            public String description() {
                return "";
            }

            public int priority() {
                return 0;
            }

            public boolean isAvailable() {
                return true;
            }

            public void multiplyTransposed(float[] a, int m, float[] b, int n, int d, float[] out) {
                throw new UnsupportedOperationException("item-item models do not multiply factors");
            }
        }, threads);
    }
}
