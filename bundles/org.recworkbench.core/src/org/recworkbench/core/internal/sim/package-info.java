/** The interactive loop: lanes of arms stepping a simulated world, hot swap, time series and checkpoints. */
package org.recworkbench.core.internal.sim;
