package org.recworkbench.metrics.rating;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.MetricAccumulator;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.api.metrics.MetricSet;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.api.metrics.UserList;

/**
 * Errors of rating predictions on every held-out interaction (whatever the relevance threshold).
 * Predictions are clamped to the dataset's rating scale when it is known (e.g. [1, 5] for MovieLens 100K),
 * as LensKit and Surprise do. The aggregate is over all held-out ratings (micro average, the usual figure
 * in papers); the per-user value is the same error over that user's ratings. Models that do not predict
 * ratings get NaN.
 */
@Component(service = MetricSet.class)
public class RatingMetrics implements MetricSet {

    private enum Kind {
        RMSE("sqrt(sum (clamp(r̂) - r)^2 / N)"), MSE("sum (clamp(r̂) - r)^2 / N"), MAE("sum |clamp(r̂) - r| / N");

        final String formula;

        Kind(String formula) {
            this.formula = formula;
        }
    }

    @Override
    public String id() {
        return "rating";
    }

    @Override
    public String description() {
        return "Rating prediction error: RMSE, MSE, MAE over all held-out ratings";
    }

    @Override
    public List<MetricDescriptor> catalog() {
        return java.util.Arrays.stream(Kind.values()).map(RatingMetrics::descriptor).toList();
    }

    private static MetricDescriptor descriptor(Kind kind) {
        return new MetricDescriptor(kind.name(), kind.name(), 0, "rating", kind.formula,
                "predictions clamped to the rating scale when known; aggregate over all held-out ratings (micro), "
                        + "per-user value over the user's ratings",
                0, Double.POSITIVE_INFINITY, false, "Herlocker et al. Evaluating collaborative filtering recommender "
                        + "systems. ACM TOIS 22(1), 2004");
    }

    @Override
    public Metric create(String name, int cutoff) {
        Kind kind;
        try {
            kind = Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown rating metric: " + name, e);
        }
        if (cutoff != 0) {
            throw new IllegalArgumentException(name + " takes no cutoff");
        }
        MetricDescriptor descriptor = descriptor(kind);
        return new Metric() {
            @Override
            public MetricDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public double evaluate(int[] ranking, Relevance relevant) {
                return Double.NaN; // needs predictions
            }

            @Override
            public double evaluate(UserList list, EvaluationContext context) {
                Errors e = new Errors(kind);
                e.addAll(list, context);
                return e.result();
            }

            @Override
            public boolean needsRatingPredictions() {
                return true;
            }

            @Override
            public MetricAccumulator newAccumulator(EvaluationContext context) {
                return new ErrorAccumulator(kind, context);
            }
        };
    }

    /** Sums of squared and absolute errors over some ratings. */
    static final class Errors {
        private final Kind kind;
        double squared;
        double absolute;
        long count;

        Errors(Kind kind) {
            this.kind = kind;
        }

        void addAll(UserList list, EvaluationContext context) {
            if (!list.hasRatingPredictions()) {
                return;
            }
            float[] actual = list.actualRatings();
            float[] predicted = list.predictedRatings();
            double lo = context == null ? Double.NaN : context.minRating();
            double hi = context == null ? Double.NaN : context.maxRating();
            for (int i = 0; i < actual.length; i++) {
                double p = predicted[i];
                if (!Double.isNaN(lo)) {
                    p = Math.max(lo, Math.min(hi, p));
                }
                double e = p - actual[i];
                squared += e * e;
                absolute += Math.abs(e);
                count++;
            }
        }

        double result() {
            if (count == 0) {
                return Double.NaN;
            }
            return switch (kind) {
                case RMSE -> Math.sqrt(squared / count);
                case MSE -> squared / count;
                case MAE -> absolute / count;
            };
        }
    }

    /** Micro average over all ratings of all users. */
    static final class ErrorAccumulator implements MetricAccumulator {
        private final Errors errors;
        private final EvaluationContext context;
        private long users;

        ErrorAccumulator(Kind kind, EvaluationContext context) {
            this.errors = new Errors(kind);
            this.context = context;
        }

        @Override
        public void add(double value) {
            throw new UnsupportedOperationException("rating errors need the list: use add(UserList, double)");
        }

        @Override
        public void add(UserList list, double value) {
            if (list.hasRatingPredictions()) {
                errors.addAll(list, context);
                users++;
            }
        }

        @Override
        public void combine(MetricAccumulator other) {
            ErrorAccumulator o = (ErrorAccumulator) other;
            errors.squared += o.errors.squared;
            errors.absolute += o.errors.absolute;
            errors.count += o.errors.count;
            users += o.users;
        }

        @Override
        public double result() {
            return errors.result();
        }

        @Override
        public long count() {
            return users;
        }
    }
}
