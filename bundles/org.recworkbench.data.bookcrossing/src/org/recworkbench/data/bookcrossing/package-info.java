/** Reads the Book-Crossing dataset (Ziegler et al. 2005). */
package org.recworkbench.data.bookcrossing;
