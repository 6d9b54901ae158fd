package org.recworkbench.core.internal.data;

import java.util.Map;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.Split;

/** Row selection by boolean mask, shared by the filters and splitters. */
final class Masks {
    private Masks() {
    }

    static int[] rows(boolean[] mask, boolean wanted) {
        int n = 0;
        for (boolean b : mask) {
            if (b == wanted) {
                n++;
            }
        }
        int[] rows = new int[n];
        int j = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == wanted) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    static Interactions keep(Interactions x, boolean[] keep) {
        return x.select(rows(keep, true));
    }

    static Split split(Dataset dataset, boolean[] isTest, String description) {
        Interactions all = dataset.interactions();
        return new Split(dataset, all.select(rows(isTest, false)), all.select(rows(isTest, true)), description);
    }

    static String describe(String method, Map<String, ?> options, long seed) {
        return method + " " + options + " seed=" + seed;
    }
}
