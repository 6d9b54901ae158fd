package org.recworkbench.core.internal.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.SparseMatrix;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/**
 * Per-user temporal hold-out: each user's latest interactions (by timestamp, ties by row order) go to test,
 * either the last {@code last-n} of them or the latest {@code test-fraction}; at least one interaction of
 * each user stays in training, and users with a single interaction stay entirely in training.
 */
@Component(service = Splitter.class)
public class UserTemporalSplitter extends DescribedPlugin implements Splitter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofInt("last-n", 0, 0, Integer.MAX_VALUE,
                    "hold out each user's last N interactions (0: use test-fraction)"),
            ParameterDescriptor.ofDouble("test-fraction", 0.2, 0.0, 1.0,
                    "hold out the latest fraction of each user's interactions (when last-n is 0)"));

    public UserTemporalSplitter() {
        super("user-temporal", "Per-user temporal hold-out: each user's last N or latest fraction", OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        Parameters p = Parameters.validate("split.options", OPTIONS, options);
        int lastN = p.getInt("last-n");
        double fraction = p.getDouble("test-fraction");
        SparseMatrix rows = UserHoldoutSplitter.rowIndexByUser(dataset);
        long[] time = dataset.interactions().copyTimestamps();
        boolean[] isTest = new boolean[time.length];
        for (int u = 0; u < rows.rows(); u++) {
            int len = rows.rowLength(u);
            if (len < 2) {
                continue;
            }
            Integer[] order = byTime(rows, u, time);
            int test = lastN > 0 ? Math.min(lastN, len - 1)
                    : (int) Math.max(1, Math.min(len - 1, Math.round(len * fraction)));
            for (int i = len - test; i < len; i++) {
                isTest[order[i]] = true;
            }
        }
        return Masks.split(dataset, isTest, Masks.describe(id(), p.asMap(), seed));
    }

    /** The user's interaction rows ordered by timestamp, ties by row order. */
    static Integer[] byTime(SparseMatrix rows, int user, long[] time) {
        int start = rows.rowStart(user);
        Integer[] order = new Integer[rows.rowLength(user)];
        for (int i = 0; i < order.length; i++) {
            order[i] = rows.columns()[start + i];
        }
        Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
        return order;
    }
}
