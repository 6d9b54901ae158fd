/** Writers that turn experiment results into files (CSV and JSON now; HTML and LaTeX to come). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.report;
