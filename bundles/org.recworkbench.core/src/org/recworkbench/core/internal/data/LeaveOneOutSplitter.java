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
 * Leave-one-out: for each user with at least two interactions, the latest one (ties: the later row) or a
 * random one goes to test.
 */
@Component(service = Splitter.class)
public class LeaveOneOutSplitter extends DescribedPlugin implements Splitter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(ParameterDescriptor.ofEnum("order", "last",
            List.of("last", "random"), "hold out each user's latest interaction, or a random one"));

    public LeaveOneOutSplitter() {
        super("leave-one-out", "Hold out one interaction per user (the latest, or a random one)", OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", OPTIONS, options);
        boolean last = "last".equals(p.getString("order"));
        SparseMatrix rows = UserHoldoutSplitter.rowIndexByUser(dataset);
        long[] time = dataset.interactions().copyTimestamps();
        int[] cols = rows.columns();
        boolean[] isTest = new boolean[time.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < rows.rows(); u++) {
            int start = rows.rowStart(u);
            int len = rows.rowLength(u);
            if (len < 2) {
                continue;
            }
            int chosen;
            if (last) {
                chosen = cols[start];
                for (int p2 = start + 1; p2 < start + len; p2++) {
                    if (time[cols[p2]] >= time[chosen]) {
                        chosen = cols[p2];
                    }
                }
            } else {
                chosen = cols[start + random.nextInt(len)];
            }
            isTest[chosen] = true;
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }
}
