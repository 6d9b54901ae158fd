/** Reads Open Bandit Dataset logs as logged bandit feedback. */
package org.recworkbench.data.obd;
