/** Reads Amazon review dumps (2014, 2018 and 2023 JSON lines) with optional item metadata. */
package org.recworkbench.data.amazon;
