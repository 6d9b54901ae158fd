/**
 * What every dataset adapter needs to read publisher files strictly: line sources that name file and line
 * (charset-checked, gzip-transparent, BOM and CRLF tolerant), row contexts for errors, builders for
 * categorical attributes, and field parsers.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.data.support;
