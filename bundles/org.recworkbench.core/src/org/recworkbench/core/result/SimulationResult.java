package org.recworkbench.core.result;

import java.util.List;

/** A whole simulation: per variant and arm, what happened; and where the files are. */
public record SimulationResult(String name, long seed, long steps, String traffic, String simulator,
        List<ArmResult> arms, double seconds, String output) {

    public SimulationResult {
        arms = List.copyOf(arms);
    }

    public boolean succeeded() {
        return arms.stream().allMatch(ArmResult::succeeded);
    }
}
