/**
 * A small training toolkit for the neural algorithm bundles (not API: version 0.x, may change): seeded mini-batches
 * over the engine's interactions, the epoch loop with progress, cancellation and a finite-loss check, and a way to
 * run DL4J calls that print to standard output without polluting the command line's output.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.dl4j.training;
