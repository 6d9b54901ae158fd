/** Reads the HetRec 2011 Last.fm 2K release. */
package org.recworkbench.data.lastfm;
