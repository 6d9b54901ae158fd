package org.recworkbench.data.spotify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

/** A fixture slice in the MPD layout (the dataset itself is not in shared/datasets). */
class SpotifyMpdAdapterTest {
    @TempDir
    Path dir;

    private Dataset load() {
        return new SpotifyMpdAdapter().load(Map.of("path", dir.toString()), ProgressMonitor.NONE);
    }

    @Test
    void playlistsBecomeUsersAndTracksCarryArtists() throws Exception {
        Files.writeString(dir.resolve("mpd.slice.0-999.json"), """
                {"info": {"slice": "0-999"}, "playlists": [
                  {"name": "Throwbacks", "pid": 0, "modified_at": 1493424000, "tracks": [
                    {"pos": 0, "artist_name": "Missy Elliott", "track_uri": "spotify:track:a",
                     "artist_uri": "spotify:artist:m", "track_name": "Lose Control", "album_uri": "spotify:album:x"},
                    {"pos": 1, "track_uri": "spotify:track:b", "artist_uri": "spotify:artist:m"}]},
                  {"name": "Chill", "pid": 1, "modified_at": 1506556800, "tracks": [
                    {"pos": 0, "track_uri": "spotify:track:b", "artist_uri": "spotify:artist:m"}]}]}
                """);
        Dataset d = load();
        assertEquals(3, d.interactions().size());
        assertEquals(2, d.users().size());
        assertEquals(2, d.items().size());
        assertArrayEquals(new float[] {0, 1, 0}, d.interactions().extraColumns().get("position"));
        assertEquals(List.of("spotify:artist:m"), d.itemAttributes().categorical().get("artist").labelsOf(1));
        assertEquals("Lose Control", d.itemAttributes().text().get("title")[0]);
        assertEquals("Chill", d.userAttributes().text().get("name")[1]);
        assertEquals(1506556800L, d.interactions().timestamp(2));
    }

    @Test
    void brokenSlicesAreReported() throws Exception {
        Files.writeString(dir.resolve("mpd.slice.0-999.json"), "{\"playlists\": [{\"pid\": 0, \"tracks\": [{}]}]}");
        assertThrows(DatasetFormatException.class, this::load);
        Files.writeString(dir.resolve("mpd.slice.0-999.json"), "{\"playlists\": [{\"pid\": 0, ");
        assertThrows(DatasetFormatException.class, this::load);
    }
}
