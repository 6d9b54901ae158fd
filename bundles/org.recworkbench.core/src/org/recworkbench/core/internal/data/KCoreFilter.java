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
 * Iterative k-core: repeatedly drops interactions of users with fewer than {@code users} interactions and
 * of items with fewer than {@code items}, until both conditions hold for everything left.
 */
@Component(service = DatasetFilter.class)
public class KCoreFilter extends DescribedPlugin implements DatasetFilter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofInt("users", 5, 1, Integer.MAX_VALUE, "minimum interactions per user"),
            ParameterDescriptor.ofInt("items", 5, 1, Integer.MAX_VALUE, "minimum interactions per item"));

    public KCoreFilter() {
        super("k-core", "Iterative k-core on users and items", OPTIONS);
    }

    @Override
    public Dataset apply(Dataset dataset, Map<String, ?> options) {
        Parameters p = Parameters.validate("filters.k-core", OPTIONS, options);
        int minUser = p.getInt("users");
        int minItem = p.getInt("items");
        Interactions x = dataset.interactions();
        int[] users = x.users();
        int[] items = x.items();
        boolean[] keep = new boolean[x.size()];
        java.util.Arrays.fill(keep, true);
        boolean changed = true;
        while (changed) {
            int[] uc = new int[x.numUsers()];
            int[] ic = new int[x.numItems()];
            for (int i = 0; i < keep.length; i++) {
                if (keep[i]) {
                    uc[users[i]]++;
                    ic[items[i]]++;
                }
            }
            changed = false;
            for (int i = 0; i < keep.length; i++) {
                if (keep[i] && (uc[users[i]] < minUser || ic[items[i]] < minItem)) {
                    keep[i] = false;
                    changed = true;
                }
            }
        }
        return dataset.withInteractions(Masks.keep(x, keep));
    }
}
