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
 * User-stratified k-fold: each user's interactions are shuffled (seeded) and dealt to the {@code folds}
 * folds in turn, so every user has about 1/k of their interactions in every fold; fold {@code fold} is the
 * test set. Running folds 0..k-1 with the same seed partitions the data.
 */
@Component(service = Splitter.class)
public class KFoldSplitter extends DescribedPlugin implements Splitter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofInt("folds", 5, 2, 100, "number of folds k"),
            ParameterDescriptor.ofInt("fold", 0, 0, 99, "which fold (0-based) is the test set"));

    public KFoldSplitter() {
        super("kfold", "User-stratified k-fold cross-validation (one fold per run)", OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", OPTIONS, options);
        int folds = p.getInt("folds");
        int fold = p.getInt("fold");
        if (fold >= folds) {
            throw new org.recworkbench.api.InvalidSpecException("split.options.fold", "got " + fold
                    + ", expected 0.." + (folds - 1));
        }
        SparseMatrix rows = UserHoldoutSplitter.rowIndexByUser(dataset);
        boolean[] isTest = new boolean[dataset.interactions().size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < rows.rows(); u++) {
            int len = rows.rowLength(u);
            int[] order = RandomHoldoutSplitter.shuffled(len, random);
            // a random starting fold per user, so that users with few interactions do not all test fold 0
            int offset = len == 0 ? 0 : random.nextInt(folds);
            for (int i = 0; i < len; i++) {
                if ((i + offset) % folds == fold) {
                    isTest[rows.columns()[rows.rowStart(u) + order[i]]] = true;
                }
            }
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }
}
