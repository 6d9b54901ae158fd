package org.recworkbench.core.internal.data;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/**
 * The split that came with the data (e.g. MovieLens 100K's u1..u5 and ua/ub): adapters that load a
 * predefined fold mark test rows with 1 in the {@value #HELDOUT_COLUMN} extra column.
 */
@Component(service = Splitter.class)
public class PredefinedSplitter extends DescribedPlugin implements Splitter {

    /** The extra interaction column that flags held-out rows (1) against training rows (0). */
    public static final String HELDOUT_COLUMN = "heldout";

    public PredefinedSplitter() {
        super("predefined",
                "Use the train/test split shipped with the dataset (the adapter's fold option)",
                List.of());
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters.validate("split.options", List.of(), options);
        float[] flag = dataset.interactions().extraColumns().get(HELDOUT_COLUMN);
        if (flag == null) {
            throw new InvalidSpecException("split.method", "dataset '" + dataset.name()
                    + "' has no predefined split; load it with the adapter's fold option (e.g. fold: u1)");
        }
        boolean[] isTest = new boolean[flag.length];
        for (int i = 0; i < flag.length; i++) {
            isTest[i] = flag[i] != 0f;
        }
        return Masks.split(dataset, isTest, "predefined (" + dataset.metadata().getOrDefault("fold", "?") + ")");
    }
}
