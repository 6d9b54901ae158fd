package org.recworkbench.core.internal.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/**
 * Global temporal split: the latest fraction of interactions (by timestamp, ties by row order) go to
 * test, as if the system were deployed at the cut time.
 */
@Component(service = Splitter.class)
public class TemporalSplitter extends DescribedPlugin implements Splitter {

    public TemporalSplitter() {
        super("temporal",
                "Global time cut: the latest fraction of interactions go to test",
                RandomHoldoutSplitter.OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", RandomHoldoutSplitter.OPTIONS, options);
        long[] time = dataset.interactions().copyTimestamps();
        int n = time.length;
        int testCount = (int) Math.round(n * p.getDouble("test-fraction"));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
        boolean[] isTest = new boolean[n];
        for (int i = n - testCount; i < n; i++) {
            isTest[order[i]] = true;
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }
}
