/** The built-in report writers. */
package org.recworkbench.report.internal;
