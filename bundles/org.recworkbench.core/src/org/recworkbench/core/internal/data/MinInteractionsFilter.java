package org.recworkbench.core.internal.data;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Interactions;

/**
 * One pass of minimum counts: drops the interactions of users with fewer than {@code users} and of items with
 * fewer than {@code items} interactions, counted on the input (use {@code k-core} to repeat until stable).
 */
@Component(service = DatasetFilter.class)
public class MinInteractionsFilter extends DescribedPlugin implements DatasetFilter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofInt("users", 1, 1, Integer.MAX_VALUE, "minimum interactions per user"),
            ParameterDescriptor.ofInt("items", 1, 1, Integer.MAX_VALUE, "minimum interactions per item"));

    public MinInteractionsFilter() {
        super("min-interactions", "Drop users and items below a minimum count (one pass)", OPTIONS);
    }

    @Override
    public Dataset apply(Dataset dataset, Map<String, ?> options) {
        Parameters p = Parameters.validate("filters.min-interactions", OPTIONS, options);
        Interactions x = dataset.interactions();
        int[] uc = x.userCounts();
        int[] ic = x.itemCounts();
        boolean[] keep = new boolean[x.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = uc[x.users()[i]] >= p.getInt("users") && ic[x.items()[i]] >= p.getInt("items");
        }
        return dataset.withInteractions(Masks.keep(x, keep));
    }
}
