package org.recworkbench.core.internal.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Interactions;

/**
 * Keeps interactions whose value is at least a threshold (e.g. ratings ≥ 4 as positive feedback) and, by
 * default, turns them into implicit feedback with value 1.
 */
@Component(service = DatasetFilter.class)
public class RatingThresholdFilter extends DescribedPlugin implements DatasetFilter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofDouble("threshold", 4.0, -1e9, 1e9, "minimum value kept (inclusive)"),
            ParameterDescriptor.ofBoolean("binarize", true, "set kept values to 1 (implicit feedback)"));

    public RatingThresholdFilter() {
        super("min-rating",
                "Keep interactions with value >= threshold; optionally binarize them to implicit feedback",
                OPTIONS);
    }

    @Override
    public Dataset apply(Dataset dataset, Map<String, ?> options) {
        Parameters p = Parameters.validate("filters.min-rating", OPTIONS, options);
        double threshold = p.getDouble("threshold");
        Interactions x = dataset.interactions();
        boolean[] keep = new boolean[x.size()];
        float[] values = x.values();
        for (int i = 0; i < keep.length; i++) {
            keep[i] = values[i] >= threshold;
        }
        Interactions kept = Masks.keep(x, keep);
        if (!p.getBoolean("binarize")) {
            return dataset.withInteractions(kept);
        }
        float[] ones = new float[kept.size()];
        java.util.Arrays.fill(ones, 1f);
        Interactions binary = kept.withValues(ones);
        Map<String, String> meta = new HashMap<>(dataset.metadata());
        meta.put(Dataset.FEEDBACK, "implicit");
        return new Dataset(dataset.name(), dataset.users(), dataset.items(), binary, dataset.itemAttributes(),
                dataset.userAttributes(), meta);
    }
}
