/** Reads every MovieLens release (100K, 1M, 10M, 20M, 25M, 32M, latest, latest-small). */
package org.recworkbench.data.movielens;
