/** Neighbourhood algorithms: item-based k-nearest-neighbours. */
package org.recworkbench.algo.knn;
