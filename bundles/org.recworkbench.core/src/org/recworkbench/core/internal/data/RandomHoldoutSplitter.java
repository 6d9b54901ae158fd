package org.recworkbench.core.internal.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/** Global random hold-out: exactly round(n × fraction) interactions, chosen uniformly, go to test. */
@Component(service = Splitter.class)
public class RandomHoldoutSplitter extends DescribedPlugin implements Splitter {

    static final List<ParameterDescriptor> OPTIONS = List.of(ParameterDescriptor.ofDouble("test-fraction", 0.2,
            0.0, 1.0, "fraction of interactions held out for testing"));

    public RandomHoldoutSplitter() {
        super("random-holdout", "Global random hold-out of a fraction of all interactions", OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", OPTIONS, options);
        int n = dataset.interactions().size();
        int testCount = (int) Math.round(n * p.getDouble("test-fraction"));
        int[] order = shuffled(n, new SplittableRandom(seed));
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < testCount; i++) {
            isTest[order[i]] = true;
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }

    /** A Fisher–Yates permutation of 0..n-1. */
    static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
