package org.recworkbench.core;

import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.core.result.TimeSeriesPoint;

/**
 * Hears a simulation as it runs (live charts, logs). Lanes run in parallel, so implementations must be thread
 * safe and return quickly.
 */
@ConsumerType
public interface SimulationListener {

    SimulationListener NONE = event -> {
    };

    void onEvent(SimulationEvent event);

    /** What a simulation reports. */
    sealed interface SimulationEvent {
    }

    /** A new point of an arm's time series (every {@code record-every} steps, at swaps and at the end). */
    record Recorded(TimeSeriesPoint point) implements SimulationEvent {
    }

    /**
     * An arm changed policy between steps {@code step - 1} and {@code step}: a new or updated policy service
     * took over ({@code reason} "updated"), or the running one went away ("fallback").
     */
    record Swapped(String variant, String arm, long step, String from, String to, String reason)
            implements SimulationEvent {
    }

    /** Something the user should know that does not stop the run. */
    record Notice(String message) implements SimulationEvent {
    }
}
