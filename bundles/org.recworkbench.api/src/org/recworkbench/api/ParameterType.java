package org.recworkbench.api;

/**
 * The type of a hyper-parameter or option value.
 *
 * @since 1.0
 */
public enum ParameterType {
    INT, LONG, DOUBLE, BOOLEAN, STRING, ENUM
}
