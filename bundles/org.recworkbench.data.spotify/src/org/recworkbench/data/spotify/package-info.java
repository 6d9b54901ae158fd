/** Reads Spotify Million Playlist Dataset slices (playlist continuation). */
package org.recworkbench.data.spotify;
