package org.recworkbench.sim.latent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.recworkbench.api.interactive.Action;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.EnvironmentInfo;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.SeededRandom;
import org.recworkbench.api.interactive.Step;

/**
 * One run's world. A user arrives, is shown slates until leaving, and the next user arrives. The attraction
 * of item i to user u now is {@code σ(sharpness·z − boredom·max(0, v̂ᵢ·e) + novelty + offset)}, where z is
 * the world's standardised affinity, e a decaying sum of the unit vectors of the items shown in this session
 * (boredom from repeated similar items) and the novelty term {@code noveltyBoost·(1 − popularityᵢ)} applies
 * to items the user never clicked, in sessions where the user seeks novelty (each user has a static trait
 * drawn from a Beta distribution; each session seeks novelty with that probability). The click model turns
 * attractions into clicks; a click may bring watch time, a like, a share and a purchase. After each step the
 * user leaves with probability {@code leave + leaveNoClick·[no click]} (a skipped step adds nothing), so
 * session length depends on the policy.
 */
final class LatentEnvironment implements Environment {

    static final List<String> REWARDS = List.of("clicks", "watch-time", "likes", "shares", "revenue");

    private final LatentWorld world;
    private final Settings settings;
    private final EnvironmentInfo info;
    private final SeededRandom random;
    private final float[][] contexts;
    private final int[] allItems;
    private final float[] noveltyTrait;
    private final long[] consumed;
    private final float[] exposure;
    private final double[] examination;
    private final double[] attraction;

    private int user;
    private int sessionStep;
    private boolean seeksNovelty;
    private int[] candidates;
    private Observation current;

    /** The behaviour parameters (everything but the world itself). */
    record Settings(int slateSize, int candidates, ClickModel clickModel, double positionDecay, double sharpness,
            double offset, double boredom, double boredomDecay, double leave, double leaveNoClick, int maxSession,
            double noveltyTraitMean, double noveltyBoost, double purchase, double contextNoise) {
    }

    LatentEnvironment(LatentWorld world, Settings settings, long seed) {
        this.world = world;
        this.settings = settings;
        this.random = SeededRandom.derived(seed, "latent-environment");
        int n = world.items;
        int slate = Math.min(settings.slateSize(), settings.candidates() > 0 ? settings.candidates() : n);
        this.info = new EnvironmentInfo(n, world.dim, world.itemFactors, world.dim, world.costs, slate, REWARDS);
        this.contexts = new float[world.users][];
        for (int u = 0; u < world.users; u++) {
            contexts[u] = java.util.Arrays.copyOfRange(world.userFactors, u * world.dim, (u + 1) * world.dim);
        }
        this.allItems = new int[n];
        for (int i = 0; i < n; i++) {
            allItems[i] = i;
        }
        // Beta(a, b) with mean μ and a + b = 2: a = 2μ, b = 2(1 − μ)
        SeededRandom traits = SeededRandom.derived(world.seed, "novelty-traits");
        this.noveltyTrait = new float[world.users];
        double mu = settings.noveltyTraitMean();
        for (int u = 0; u < world.users; u++) {
            noveltyTrait[u] = mu <= 0 ? 0 : mu >= 1 ? 1 : (float) traits.nextBeta(2 * mu, 2 * (1 - mu));
        }
        this.consumed = new long[(int) (((long) world.users * n + 63) / 64)];
        this.exposure = new float[world.dim];
        this.examination = new double[slate];
        for (int k = 0; k < slate; k++) {
            examination[k] = Math.pow(k + 1, -settings.positionDecay());
        }
        this.attraction = new double[n];
    }

    @Override
    public EnvironmentInfo info() {
        return info;
    }

    @Override
    public Observation start() {
        newSession();
        return current;
    }

    private void newSession() {
        user = random.nextInt(world.users);
        sessionStep = 0;
        seeksNovelty = random.nextDouble() < noveltyTrait[user];
        java.util.Arrays.fill(exposure, 0);
        observe();
    }

    private void observe() {
        if (settings.candidates() > 0 && settings.candidates() < world.items) {
            candidates = sample(settings.candidates());
        } else {
            candidates = allItems;
        }
        float[] context = contexts[user];
        if (settings.contextNoise() > 0) {
            context = context.clone();
            for (int f = 0; f < context.length; f++) {
                context[f] += (float) (settings.contextNoise() * random.nextGaussian());
            }
        }
        current = new Observation(user, context, candidates, sessionStep);
    }

    private int[] sample(int k) {
        int[] chosen = new int[k];
        // Floyd's algorithm: k distinct items without a pool of size n
        java.util.HashSet<Integer> seen = new java.util.HashSet<>(k * 2);
        int at = 0;
        for (int j = world.items - k; j < world.items; j++) {
            int t = random.nextInt(j + 1);
            int pick = seen.add(t) ? t : j;
            if (pick == j) {
                seen.add(j);
            }
            chosen[at++] = pick;
        }
        return chosen;
    }

    private boolean isConsumed(int item) {
        long bit = (long) user * world.items + item;
        return (consumed[(int) (bit >>> 6)] & (1L << (bit & 63))) != 0;
    }

    private void markConsumed(int item) {
        long bit = (long) user * world.items + item;
        consumed[(int) (bit >>> 6)] |= 1L << (bit & 63);
    }

    /** The current attraction of an item to the current user (no draws). */
    double attraction(int item) {
        double z = settings.sharpness() * world.affinity(user, item) + settings.offset();
        if (settings.boredom() > 0) {
            double similarity = 0;
            int base = item * world.dim;
            for (int f = 0; f < world.dim; f++) {
                similarity += world.unitItemFactors[base + f] * exposure[f];
            }
            z -= settings.boredom() * Math.max(0, similarity);
        }
        if (seeksNovelty && !isConsumed(item)) {
            z += settings.noveltyBoost() * (1 - world.popularity[item]);
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double expectedReward(Action action) {
        int[] slate = action.slate();
        if (settings.clickModel() == ClickModel.CASCADE) {
            double none = 1;
            for (int item : slate) {
                none *= 1 - attraction(item);
            }
            return 1 - none;
        }
        double clicks = 0;
        for (int k = 0; k < slate.length; k++) {
            clicks += examination[k] * attraction(slate[k]);
        }
        return clicks;
    }

    @Override
    public Action bestAction() {
        // both click models are maximised by the most attractive items, best first
        int k = info.slateSize();
        int[] slate = new int[Math.min(k, candidates.length)];
        double[] kept = new double[slate.length];
        int filled = 0;
        for (int item : candidates) {
            double a = attraction(item);
            if (filled == slate.length && a <= kept[filled - 1]) {
                continue;
            }
            int at = filled == slate.length ? filled - 1 : filled++;
            while (at > 0 && kept[at - 1] < a) {
                kept[at] = kept[at - 1];
                slate[at] = slate[at - 1];
                at--;
            }
            kept[at] = a;
            slate[at] = item;
        }
        return Action.recommend(slate);
    }

    @Override
    public Step step(Action action) {
        int[] slate = action.slate();
        float[] feedback = new float[slate.length];
        double[] rewards = new double[REWARDS.size()];
        for (int k = 0; k < slate.length; k++) {
            attraction[k] = attraction(slate[k]);
        }
        boolean clickedAny = false;
        for (int k = 0; k < slate.length; k++) {
            boolean click;
            if (settings.clickModel() == ClickModel.CASCADE) {
                click = random.nextDouble() < attraction[k];
            } else {
                click = random.nextDouble() < examination[k] * attraction[k];
            }
            if (click) {
                clickedAny = true;
                feedback[k] = 1;
                consume(slate[k], rewards);
                if (settings.clickModel() == ClickModel.CASCADE) {
                    break;
                }
            }
        }
        rewards[0] = countClicks(feedback);
        if (slate.length > 0 && settings.boredom() > 0) {
            float decay = (float) settings.boredomDecay();
            for (int f = 0; f < world.dim; f++) {
                exposure[f] *= decay;
            }
            for (int item : slate) {
                int base = item * world.dim;
                for (int f = 0; f < world.dim; f++) {
                    exposure[f] += world.unitItemFactors[base + f];
                }
            }
        }
        double leave = settings.leave() + (slate.length > 0 && !clickedAny ? settings.leaveNoClick() : 0);
        boolean ended = sessionStep + 1 >= settings.maxSession() || random.nextDouble() < leave;
        double cost = info.cost(slate);
        if (ended) {
            newSession();
        } else {
            sessionStep++;
            observe();
        }
        return new Step(feedback, rewards, cost, ended, current);
    }

    private static double countClicks(float[] feedback) {
        double c = 0;
        for (float f : feedback) {
            c += f;
        }
        return c;
    }

    /** What a click brings besides itself: watch time, maybe a like, a share, a purchase. */
    private void consume(int item, double[] rewards) {
        double satisfaction = 1 / (1 + Math.exp(-world.affinity(user, item)));
        rewards[1] += world.lengths[item] * satisfaction;
        if (random.nextDouble() < 0.3 * satisfaction) {
            rewards[2]++;
        }
        if (random.nextDouble() < 0.05 * satisfaction) {
            rewards[3]++;
        }
        if (random.nextDouble() < settings.purchase() * satisfaction) {
            rewards[4] += world.prices[item];
        }
        markConsumed(item);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        random.writeState(out);
        out.writeInt(user);
        out.writeInt(sessionStep);
        out.writeBoolean(seeksNovelty);
        out.writeInt(consumed.length);
        for (long word : consumed) {
            out.writeLong(word);
        }
        for (float e : exposure) {
            out.writeFloat(e);
        }
        out.writeInt(candidates.length);
        for (int c : candidates) {
            out.writeInt(c);
        }
        float[] context = current.context();
        for (float c : context) {
            out.writeFloat(c);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        random.readState(in);
        user = in.readInt();
        sessionStep = in.readInt();
        seeksNovelty = in.readBoolean();
        if (in.readInt() != consumed.length || user < 0 || user >= world.users) {
            throw new IOException("checkpoint is for another world (user count or catalogue differ)");
        }
        for (int w = 0; w < consumed.length; w++) {
            consumed[w] = in.readLong();
        }
        for (int f = 0; f < exposure.length; f++) {
            exposure[f] = in.readFloat();
        }
        int m = in.readInt();
        int[] restored = new int[m];
        for (int i = 0; i < m; i++) {
            restored[i] = in.readInt();
            if (restored[i] < 0 || restored[i] >= world.items) {
                throw new IOException("checkpoint names item " + restored[i] + " of " + world.items);
            }
        }
        candidates = m == world.items ? allItems : restored;
        float[] context = new float[world.dim];
        for (int f = 0; f < context.length; f++) {
            context[f] = in.readFloat();
        }
        current = new Observation(user, settings.contextNoise() > 0 ? context : contexts[user], candidates,
                sessionStep);
    }
}
