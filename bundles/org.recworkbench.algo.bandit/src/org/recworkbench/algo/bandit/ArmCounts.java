package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Step;

/** Per-arm pull counts and reward sums, learnt from every shown item's slot feedback. */
final class ArmCounts {

    final long[] pulls;
    final double[] sums;
    long total;

    ArmCounts(int arms) {
        pulls = new long[arms];
        sums = new double[arms];
    }

    void observe(Action action, Step step) {
        int[] slate = action.slate();
        float[] feedback = step.slotFeedback();
        for (int k = 0; k < slate.length; k++) {
            pulls[slate[k]]++;
            sums[slate[k]] += feedback[k];
        }
        total++;
    }

    double mean(int arm) {
        return pulls[arm] == 0 ? 0 : sums[arm] / pulls[arm];
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(total);
        out.writeInt(pulls.length);
        for (int a = 0; a < pulls.length; a++) {
            out.writeLong(pulls[a]);
            out.writeDouble(sums[a]);
        }
    }

    void read(DataInput in) throws IOException {
        total = in.readLong();
        States.expect(in.readInt(), pulls.length, "arms");
        for (int a = 0; a < pulls.length; a++) {
            pulls[a] = in.readLong();
            sums[a] = in.readDouble();
        }
    }
}
