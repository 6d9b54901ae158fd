package org.recworkbench.core.internal.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/**
 * Per-user random hold-out: for each user with at least two interactions, round(n_u × fraction) of them
 * (at least one, at most n_u − 1) go to test, so every test user also has training data. Users are
 * processed in index order from one seeded generator, so the split is reproducible.
 */
@Component(service = Splitter.class)
public class UserHoldoutSplitter extends DescribedPlugin implements Splitter {

    public UserHoldoutSplitter() {
        super("user-holdout",
                "Per-user random hold-out of a fraction of each user's interactions",
                RandomHoldoutSplitter.OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", RandomHoldoutSplitter.OPTIONS, options);
        double fraction = p.getDouble("test-fraction");
        SparseMatrix rows = rowIndexByUser(dataset);
        boolean[] isTest = new boolean[dataset.interactions().size()];
        SplittableRandom random = new SplittableRandom(seed);
        int[] cols = rows.columns();
        for (int u = 0; u < rows.rows(); u++) {
            int len = rows.rowLength(u);
            if (len < 2) {
                continue;
            }
            int testCount = (int) Math.max(1, Math.min(len - 1, Math.round(len * fraction)));
            int[] order = RandomHoldoutSplitter.shuffled(len, random);
            for (int i = 0; i < testCount; i++) {
                isTest[cols[rows.rowStart(u) + order[i]]] = true;
            }
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }

    /** A user → interaction-row-index CSR (rows of each user in input order). */
    static SparseMatrix rowIndexByUser(Dataset dataset) {
        var x = dataset.interactions();
        int[] positions = new int[x.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return SparseMatrix.fromCoordinates(x.numUsers(), x.size(), x.users(), positions, null);
    }
}
