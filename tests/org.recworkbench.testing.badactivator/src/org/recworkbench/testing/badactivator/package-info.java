/** A bundle whose activator throws: the product must say so and keep working. */
package org.recworkbench.testing.badactivator;
