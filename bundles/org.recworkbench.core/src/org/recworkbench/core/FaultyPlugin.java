package org.recworkbench.core;

/**
 * A plugin service the registry leaves out because calling into it failed: its descriptor, id or other metadata
 * threw, returned null or was unusable. The rest of the product works without it.
 *
 * @param kind the service kind ({@code algorithm}, {@code adapter}, {@code metric set}, …)
 * @param bundle symbolic name and version of the bundle that registered it, or {@code (unknown bundle)}
 * @param implementation the service object's class name
 * @param reason what went wrong, in plain words
 */
public record FaultyPlugin(String kind, String bundle, String implementation, String reason) {
}
