/** The pure-Java compute backend, always present. */
package org.recworkbench.backend.cpu;
