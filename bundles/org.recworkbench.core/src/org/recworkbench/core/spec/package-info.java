/**
 * The experiment specification (the schema of spec files, documented in docs/spec.md) and its reader.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.core.spec;
