package org.recworkbench.core.internal.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Interactions;

/**
 * Collapses repeated (user, item) pairs into one interaction by a stated policy: {@code first} or
 * {@code last} (by timestamp, ties by row order) keeps that row whole; {@code max} and {@code mean} keep
 * the latest row's timestamp and extra columns with the maximum or mean value.
 */
@Component(service = DatasetFilter.class)
public class DedupFilter extends DescribedPlugin implements DatasetFilter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(ParameterDescriptor.ofEnum("policy", "last",
            List.of("first", "last", "max", "mean"), "which value a repeated (user, item) pair keeps"));

    public DedupFilter() {
        super("dedup", "Collapse repeated (user, item) pairs: first, last, max or mean", OPTIONS);
    }

    @Override
    public Dataset apply(Dataset dataset, Map<String, ?> options) {
        String policy = Parameters.validate("filters.dedup", OPTIONS, options).getString("policy");
        Interactions x = dataset.interactions();
        int n = x.size();
        int[] u = x.users();
        int[] it = x.items();
        long[] t = x.copyTimestamps();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // group rows of a pair together, in time order (ties by row)
        Arrays.sort(order, (a, b) -> u[a] != u[b] ? Integer.compare(u[a], u[b])
                : it[a] != it[b] ? Integer.compare(it[a], it[b])
                        : t[a] != t[b] ? Long.compare(t[a], t[b]) : Integer.compare(a, b));
        boolean[] keep = new boolean[n];
        float[] values = x.values().clone();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && u[order[end]] == u[order[start]] && it[order[end]] == it[order[start]]) {
                end++;
            }
            int kept = policy.equals("first") ? order[start] : order[end - 1];
            if (policy.equals("max") || policy.equals("mean")) {
                double agg = policy.equals("max") ? Double.NEGATIVE_INFINITY : 0;
                for (int r = start; r < end; r++) {
                    float v = x.values()[order[r]];
                    agg = policy.equals("max") ? Math.max(agg, v) : agg + v;
                }
                values[kept] = (float) (policy.equals("max") ? agg : agg / (end - start));
            }
            keep[kept] = true;
            start = end;
        }
        Interactions withValues = x.withValues(values);
        return dataset.withInteractions(Masks.keep(withValues, keep));
    }
}
