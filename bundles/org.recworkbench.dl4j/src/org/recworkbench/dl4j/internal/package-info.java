/** Starting ND4J inside OSGi. */
package org.recworkbench.dl4j.internal;
