package org.recworkbench.metrics.business;

import java.util.List;

/**
 * Metrics of conversational recommendation over simulated episodes, as in the EAR/SCPR/UNICORN benchmark:
 * success rate at turn T (SR@T), average turns (AT, counting T for failed episodes) and hierarchical DCG
 * hDCG@(T, K) (Deng et al., UNICORN, SIGIR 2021): a success at turn t with the target at rank k in the
 * recommended list gains {@code 1/log2(t+2) + (1/log2(t+1) - 1/log2(t+2)) / log2(k+1)}. Pure functions; the
 * interactive engine produces the episodes.
 */
public final class ConversationalMetrics {

    /**
     * One conversation: the turn (1-based) at which the target was accepted and its rank in that turn's
     * recommended list, or {@code successTurn = 0} when the conversation failed.
     */
    public record Episode(int successTurn, int targetRank) {
        public static Episode failed() {
            return new Episode(0, 0);
        }

        public boolean succeeded() {
            return successTurn > 0;
        }
    }

    private ConversationalMetrics() {
    }

    /** Share of episodes that succeed within {@code maxTurns}. */
    public static double successRate(List<Episode> episodes, int maxTurns) {
        return episodes.stream().filter(e -> e.succeeded() && e.successTurn() <= maxTurns).count()
                / (double) episodes.size();
    }

    /** Mean number of turns, a failed (or too long) episode counting {@code maxTurns}. */
    public static double averageTurns(List<Episode> episodes, int maxTurns) {
        return episodes.stream().mapToInt(e -> e.succeeded() && e.successTurn() <= maxTurns ? e.successTurn()
                : maxTurns).average().orElse(Double.NaN);
    }

    /** Mean hDCG@(T, K) over episodes; targets beyond rank K or turn T gain nothing. */
    public static double hDcg(List<Episode> episodes, int maxTurns, int listLength) {
        double sum = 0;
        for (Episode e : episodes) {
            int t = e.successTurn();
            int k = e.targetRank();
            if (e.succeeded() && t <= maxTurns && k >= 1 && k <= listLength) {
                sum += 1 / log2(t + 2) + (1 / log2(t + 1) - 1 / log2(t + 2)) / log2(k + 1);
            }
        }
        return sum / episodes.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
