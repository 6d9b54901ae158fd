/** Reads the Jester joke-rating datasets (2+ text format). */
package org.recworkbench.data.jester;
