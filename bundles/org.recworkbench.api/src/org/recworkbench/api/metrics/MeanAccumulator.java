package org.recworkbench.api.metrics;

/**
 * The arithmetic mean over users, the aggregate of most per-list metrics. Uses Kahan summation so that the
 * order of combination does not change the result beyond rounding.
 *
 * @since 1.0
 */
public final class MeanAccumulator implements MetricAccumulator {
    private double sum;
    private double compensation;
    private long count;

    @Override
    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        addToSum(value);
        count++;
    }

    private void addToSum(double value) {
        double y = value - compensation;
        double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
    }

    @Override
    public void combine(MetricAccumulator other) {
        MeanAccumulator o = (MeanAccumulator) other;
        addToSum(o.sum);
        addToSum(-o.compensation);
        count += o.count;
    }

    @Override
    public double result() {
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public long count() {
        return count;
    }
}
