/** The {@code recwb} command line: an Equinox application with picocli commands. */
package org.recworkbench.cli.internal;
