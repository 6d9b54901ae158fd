/** Non-personalised baselines: Random and MostPopular. */
package org.recworkbench.algo.baseline;
