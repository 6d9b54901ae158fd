package org.recworkbench.dl4j.training;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs a DL4J call that prints to standard output (SameDiff announces each op it differentiates on
 * {@code System.out}) with that output dropped, so that {@code recwb}'s standard output stays its results. Only the
 * process-wide stream can be swapped: calls are serialized, and they should be short (building a gradient
 * function), because other threads' standard output is dropped while one runs.
 */
public final class Quiet {
    private static final Object LOCK = new Object();

    private Quiet() {
    }

    public static <T> T call(Supplier<T> action) {
        synchronized (LOCK) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                return action.get();
            } finally {
                System.setOut(out);
            }
        }
    }
}
