package org.recworkbench.metrics.ope;

/**
 * Logged slates: n slates of L slots ({@code [i·L + k]} is slot k of slate i) with the item shown, its reward
 * (e.g. a click), and for both the behaviour and the target policy the probability of that item in that slot
 * <em>given the items above it</em> ({@code conditional}) and <em>marginally</em> ({@code marginal}: the
 * probability that the policy puts it in that slot at all). The slate's value is the sum of its slot rewards.
 */
public record SlateLog(int slateSize, int[] items, double[] reward, double[] behaviourConditional,
        double[] behaviourMarginal, double[] targetConditional, double[] targetMarginal) {

    public SlateLog {
        int n = items.length;
        if (n % slateSize != 0 || reward.length != n || behaviourConditional.length != n
                || behaviourMarginal.length != n || targetConditional.length != n || targetMarginal.length != n) {
            throw new IllegalArgumentException("every column needs one value per slot of every slate");
        }
        for (int j = 0; j < n; j++) {
            if (!(behaviourConditional[j] > 0) || !(behaviourMarginal[j] > 0)) {
                throw new IllegalArgumentException("slate " + j / slateSize + ", slot " + j % slateSize
                        + ": behaviour probability is not positive");
            }
        }
    }

    public int size() {
        return items.length / slateSize;
    }
}
