/** Reads the Yelp Open Dataset (reviews and businesses, JSON lines). */
package org.recworkbench.data.yelp;
