/** Reads the Netflix Prize data in its published format. */
package org.recworkbench.data.netflix;
