/**
 * Results of experiment runs: per algorithm, aggregate and per-user metric values, timings and failures.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.core.result;
