/** The standard filters and splitters that ship with the engine, each a DS component. */
package org.recworkbench.core.internal.data;
