/**
 * Item–item models learnt from the whole interaction matrix rather than pairwise similarities: the graph
 * random-walk baseline RP3beta (EASE and SLIM are to follow with the dense linear-algebra backend).
 */
package org.recworkbench.algo.linear;
