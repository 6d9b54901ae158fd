/**
 * Plugins that misbehave on purpose, one way each: a descriptor that throws, an adapter without an id, a metric set
 * whose constructor throws, an algorithm whose fit never returns and ignores every request to stop. The integration
 * tests and the product's smoke test install them next to the real plugins; everything else must keep working.
 */
package org.recworkbench.testing.hostile;
