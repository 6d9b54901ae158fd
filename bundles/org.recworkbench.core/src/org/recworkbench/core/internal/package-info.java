/** Engine implementation: the registry component, the runner, the full-ranking evaluator. */
package org.recworkbench.core.internal;
