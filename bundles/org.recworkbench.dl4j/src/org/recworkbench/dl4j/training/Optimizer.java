package org.recworkbench.dl4j.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;

/**
 * Adam over named parameters that a trainer owns (SameDiff weights, item tables kept outside the graph), with what a
 * training recipe usually adds: a coupled L2 term, decoupled weight decay (AdamW, Loshchilov and Hutter 2019),
 * clipping of the gradients' global L2 norm, and a learning-rate schedule (linear warm-up, then constant, linear or
 * cosine decay to zero over the run). Every recommender that uses it takes the same parameters
 * ({@link #parameters}), so a learning rate or a clip means the same thing everywhere.
 */
public final class Optimizer {
    /** The schedules of {@code lr-schedule}. */
    public static final List<String> SCHEDULES = List.of("constant", "linear", "cosine");

    private final double learningRate;
    private final double l2;
    private final double weightDecay;
    private final double clipNorm;
    private final Schedule schedule;
    private final Adam adam;
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private double lastNorm = Double.NaN;

    /**
     * The optimizer's parameters as a recommender declares them.
     *
     * @param learningRate the model's default step size
     */
    public static List<ParameterDescriptor> parameters(double learningRate) {
        return List.of(
                ParameterDescriptor.ofDouble("learning-rate", learningRate, 1e-9, 10, "Adam step size (the peak "
                        + "of the schedule)"),
                ParameterDescriptor.ofDouble("l2", 0.0, 0, 100, "L2 penalty on every parameter, added to the "
                        + "gradients before Adam (coupled, as PyTorch's Adam weight_decay)"),
                ParameterDescriptor.ofDouble("weight-decay", 0.0, 0, 10, "decoupled weight decay (AdamW): each "
                        + "step shrinks every parameter by learning-rate × weight-decay of itself"),
                ParameterDescriptor.ofDouble("clip-norm", 0.0, 0, 1e9, "largest global L2 norm of the gradients; "
                        + "larger ones are scaled down to it (0 = no clipping)"),
                ParameterDescriptor.ofEnum("lr-schedule", "constant", SCHEDULES, "the learning rate after warm-up: "
                        + "constant, or decaying linearly or along a half cosine to zero at the last step"),
                ParameterDescriptor.ofInt("warmup-steps", 0, 0, 100_000_000, "steps over which the learning rate "
                        + "rises linearly from zero to learning-rate"));
    }

    /** The optimizer that {@link #parameters} describe, for a run of {@code totalSteps} updates. */
    public static Optimizer from(Parameters p, long totalSteps) {
        return new Optimizer(p.getDouble("learning-rate"), p.getDouble("l2"), p.getDouble("weight-decay"),
                p.getDouble("clip-norm"), p.getString("lr-schedule"), p.getInt("warmup-steps"), totalSteps);
    }

    public Optimizer(double learningRate, double l2, double weightDecay, double clipNorm, String schedule,
            int warmupSteps, long totalSteps) {
        if (!SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException("lr-schedule " + schedule + " is not one of " + SCHEDULES);
        }
        this.learningRate = learningRate;
        this.l2 = l2;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        this.schedule = new Schedule(learningRate, schedule, warmupSteps, Math.max(1, totalSteps));
        this.adam = new Adam(this.schedule);
    }

    /** Registers a parameter that {@link #step} updates in place. */
    public Optimizer add(String name, INDArray param) {
        params.put(name, param);
        updaters.put(name, adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(param.length())), true));
        return this;
    }

    /** The registered parameters' names, in registration order. */
    public java.util.Set<String> names() {
        return params.keySet();
    }

    /** The learning rate of step {@code iteration} (0-based). */
    public double learningRate(int iteration) {
        return schedule.valueAt(iteration, 0);
    }

    /**
     * One update of every registered parameter from its gradient (a parameter without one is left as it is): L2
     * added, the global norm clipped, Adam's step subtracted, then the decoupled decay.
     */
    public void step(Map<String, INDArray> gradients, int iteration, int epoch) {
        Map<String, INDArray> flat = new LinkedHashMap<>();
        double squares = 0;
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            INDArray g = gradients.get(p.getKey());
            if (g == null) {
                continue;
            }
            if (g.length() != p.getValue().length()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "gradient of %s has %d values, the "
                        + "parameter %d", p.getKey(), g.length(), p.getValue().length()));
            }
            INDArray f = g.dup('c').reshape(1, g.length());
            if (l2 > 0) {
                f.addi(p.getValue().dup('c').reshape(1, g.length()).muli(l2));
            }
            if (clipNorm > 0) {
                double n = f.norm2Number().doubleValue();
                squares += n * n;
            }
            flat.put(p.getKey(), f);
        }
        lastNorm = Math.sqrt(squares);
        double scale = clipNorm > 0 && lastNorm > clipNorm ? clipNorm / lastNorm : 1;
        double decay = 1 - schedule.valueAt(iteration, epoch) * weightDecay;
        for (Map.Entry<String, INDArray> f : flat.entrySet()) {
            INDArray param = params.get(f.getKey());
            INDArray update = f.getValue();
            if (scale != 1) {
                update.muli(scale);
            }
            updaters.get(f.getKey()).applyUpdater(update, iteration, epoch);
            if (weightDecay > 0) {
                param.muli(decay);
            }
            param.subi(update.reshape(param.shape()));
        }
    }

    /** The global gradient norm of the last step before clipping (NaN when clipping is off). */
    public double lastGradientNorm() {
        return clipNorm > 0 ? lastNorm : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam(lr %s, %s, l2 %s, weight decay %s, clip %s)", learningRate,
                schedule.kind, l2, weightDecay, clipNorm);
    }

    /** Linear warm-up, then constant, linear or cosine decay to zero at {@code total}. */
    private record Schedule(double peak, String kind, int warmup, long total) implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            if (iteration < warmup) {
                return peak * (iteration + 1) / warmup;
            }
            double progress = Math.min(1, (iteration - warmup) / (double) Math.max(1, total - warmup));
            return switch (kind) {
                case "linear" -> peak * (1 - progress);
                case "cosine" -> peak * 0.5 * (1 + Math.cos(Math.PI * progress));
                default -> peak;
            };
        }

        @Override
        public ISchedule clone() {
            return this;
        }
    }
}
