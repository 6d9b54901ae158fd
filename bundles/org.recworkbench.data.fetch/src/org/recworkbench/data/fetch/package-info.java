/**
 * Downloading public datasets from their publishers into a local cache: pinned SHA-256 checks, safe
 * unpacking, nothing half-written.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.data.fetch;
