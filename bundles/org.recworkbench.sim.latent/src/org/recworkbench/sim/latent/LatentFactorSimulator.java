package org.recworkbench.sim.latent;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.SimulationContext;
import org.recworkbench.api.interactive.Simulator;
import org.recworkbench.api.interactive.SimulatorDescriptor;

/**
 * The latent-factor user simulator ({@link LatentEnvironment}). The world (latent vectors and item attributes)
 * depends only on {@code world-seed} and the world parameters, so the same world can be run under different
 * behaviour parameters — a simulator set in the sense of Sim2Rec — and the run's seed only drives the draws.
 */
@Component(service = Simulator.class)
public class LatentFactorSimulator implements Simulator {

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofEnum("source", "auto", List.of("auto", "synthetic", "dataset"),
                    "where the latent vectors come from (auto: the run's dataset when it has one)"),
            ParameterDescriptor.ofInt("users", 1000, 1, 10_000_000, "users of a synthetic world"),
            ParameterDescriptor.ofInt("items", 500, 1, 10_000_000, "items of a synthetic world"),
            ParameterDescriptor.ofInt("dimension", 8, 2, 256, "latent dimension"),
            ParameterDescriptor.ofLong("world-seed", 1L, "seed of the world itself (the run seed drives the draws)"),
            ParameterDescriptor.ofInt("fit-iterations", 8, 1, 100, "ALS iterations when fitted on a dataset"),
            ParameterDescriptor.ofDouble("fit-alpha", 10, 0, 1e6, "ALS confidence weight α"),
            ParameterDescriptor.ofDouble("fit-lambda", 0.1, 1e-9, 1e6, "ALS ridge penalty λ"),
            ParameterDescriptor.ofInt("slate-size", 5, 1, 1000, "items per slate"),
            ParameterDescriptor.ofInt("candidates", 0, 0, 10_000_000,
                    "items a policy may choose from per step, drawn at random (0: the whole catalogue)"),
            ParameterDescriptor.ofEnum("click-model", "position-based", List.of("position-based", "cascade"),
                    "how users scan a slate"),
            ParameterDescriptor.ofDouble("position-decay", 1.0, 0, 10, "η in the examination probability (k+1)^-η"),
            ParameterDescriptor.ofDouble("sharpness", 1.5, 0, 100, "how strongly affinity drives attraction"),
            ParameterDescriptor.ofDouble("offset", -3.0, -100, 100, "attraction logit at average affinity"),
            ParameterDescriptor.ofDouble("boredom", 0.5, 0, 100, "attraction lost per unit similarity to recent items"),
            ParameterDescriptor.ofDouble("boredom-decay", 0.8, 0, 1, "how much of the recent exposure a step keeps"),
            ParameterDescriptor.ofDouble("leave", 0.05, 0, 1, "probability of leaving after any step"),
            ParameterDescriptor.ofDouble("leave-no-click", 0.15, 0, 1, "extra leave probability after a slate "
                    + "without a click"),
            ParameterDescriptor.ofInt("max-session", 50, 1, 1_000_000, "longest session in steps"),
            ParameterDescriptor.ofDouble("novelty-seeking", 0.3, 0, 1, "mean of the users' novelty-seeking trait"),
            ParameterDescriptor.ofDouble("novelty-boost", 1.5, 0, 100, "attraction logit gained by unseen niche "
                    + "items in novelty-seeking sessions"),
            ParameterDescriptor.ofEnum("costs", "uniform", List.of("uniform", "heterogeneous"),
                    "cost of recommending an item: 1 each, or log-normal with mean 1"),
            ParameterDescriptor.ofDouble("purchase", 0.1, 0, 1, "probability that a satisfied click buys"),
            ParameterDescriptor.ofDouble("context-noise", 0, 0, 100, "standard deviation of noise on the context"));

    static final SimulatorDescriptor DESCRIPTOR = new SimulatorDescriptor("latent-factor", "Latent-factor users",
            "Users and items with latent vectors (drawn, or fitted by implicit ALS on the run's dataset); "
                    + "position-based or cascade clicks on slates; boredom, leaving and novelty-seeking sessions; "
                    + "clicks, watch time, likes, shares and revenue per step; item costs",
            "Click models: N. Craswell et al., An experimental comparison of click position-bias models, WSDM "
                    + "2008. Simulator sets: X. Chen et al., Sim2Rec, 2023. Novelty-seeking intent: P. Li et al., "
                    + "Hierarchical reinforcement learning for modeling user novelty-seeking intent, 2023",
            PARAMETERS, true);

    @Override
    public SimulatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Environment create(SimulationContext context, Parameters p) {
        String source = p.getString("source");
        boolean fromData = source.equals("dataset") || (source.equals("auto") && context.dataset().isPresent());
        boolean heterogeneous = p.getString("costs").equals("heterogeneous");
        int dim = p.getInt("dimension");
        long worldSeed = p.getLong("world-seed");
        LatentWorld world;
        if (fromData) {
            var dataset = context.dataset().orElseThrow(() -> new RecWorkbenchException(
                    "simulator latent-factor: source 'dataset' needs a dataset in the simulation spec"));
            world = LatentWorld.fit(dataset.interactions(), dim, p.getInt("fit-iterations"),
                    p.getDouble("fit-alpha"), p.getDouble("fit-lambda"), worldSeed, heterogeneous, context.monitor());
        } else {
            world = LatentWorld.synthetic(p.getInt("users"), p.getInt("items"), dim, worldSeed, heterogeneous);
        }
        return new LatentEnvironment(world, settings(p), context.seed());
    }

    static LatentEnvironment.Settings settings(Parameters p) {
        return new LatentEnvironment.Settings(p.getInt("slate-size"), p.getInt("candidates"),
                ClickModel.of(p.getString("click-model")), p.getDouble("position-decay"), p.getDouble("sharpness"),
                p.getDouble("offset"), p.getDouble("boredom"), p.getDouble("boredom-decay"), p.getDouble("leave"),
                p.getDouble("leave-no-click"), p.getInt("max-session"), p.getDouble("novelty-seeking"),
                p.getDouble("novelty-boost"), p.getDouble("purchase"), p.getDouble("context-noise"));
    }
}
