package org.recworkbench.algo.bandit;

import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.interactive.EnvironmentInfo;

/**
 * Feature vectors for linear policies. The user part is the observation's context (plus a constant 1 when
 * {@code intercept}); the user–item part, used by shared-parameter models, is the element-wise product of the
 * user context and the item's features when their dimensions agree (a linear model over it can represent the
 * latent-factor affinity {@code u·v}), otherwise their outer product (Li et al.'s hybrid features), plus a
 * constant 1.
 */
final class Features {

    private Features() {
    }

    static int userDimension(EnvironmentInfo info, boolean intercept) {
        return info.contextDimension() + (intercept ? 1 : 0);
    }

    static void user(float[] context, boolean intercept, double[] out) {
        for (int i = 0; i < context.length; i++) {
            out[i] = context[i];
        }
        if (intercept) {
            out[context.length] = 1;
        }
    }

    static int pairDimension(EnvironmentInfo info, String policy) {
        int m = info.itemFeatureDimension();
        int d = info.contextDimension();
        if (m == 0 || d == 0) {
            throw new RecWorkbenchException(policy + " needs user contexts and item features; this environment "
                    + "gives " + d + " context and " + m + " item feature dimensions");
        }
        return (m == d ? d : d * m) + 1;
    }

    static void pair(float[] context, float[] itemFeatures, int item, int m, double[] out) {
        int d = context.length;
        int base = item * m;
        int k = 0;
        if (m == d) {
            for (int i = 0; i < d; i++) {
                out[k++] = context[i] * itemFeatures[base + i];
            }
        } else {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < m; j++) {
                    out[k++] = context[i] * itemFeatures[base + j];
                }
            }
        }
        out[k] = 1;
    }
}
