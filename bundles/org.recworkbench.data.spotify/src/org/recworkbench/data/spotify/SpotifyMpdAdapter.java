package org.recworkbench.data.spotify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.Compressed;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;
import org.recworkbench.data.support.Timestamps;

/**
 * Spotify Million Playlist Dataset slices ({@code mpd.slice.*.json}, RecSys Challenge 2018): each playlist
 * is a "user" ({@code pid}), each track ({@code track_uri}) an item, one implicit interaction per track at
 * the playlist's {@code modified_at}; {@code pos} is kept as the extra column {@code position}. Tracks get
 * the categorical attributes {@code artist} (artist_uri, used by the playlist R-precision's artist credit)
 * and {@code album}, and their names as titles. Playlists are read one at a time with Jackson's streaming
 * parser, so a slice never sits in memory as a tree.
 */
@Component(service = DatasetAdapter.class)
public class SpotifyMpdAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder of mpd.slice.*.json files (or one slice file)"),
            ParameterDescriptor.ofInt("max-slices", Integer.MAX_VALUE, 1, Integer.MAX_VALUE,
                    "read at most this many slices (1,000 playlists each), in name order"));


    public SpotifyMpdAdapter() {
        super("spotify-mpd", "Spotify Million Playlist Dataset slices: playlists as users, tracks with artists",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        List<Path> slices = slices(p.getString("path"), p.getInt("max-slices"));
        IdIndex.Builder playlists = new IdIndex.Builder(1 << 14);
        IdIndex.Builder tracks = new IdIndex.Builder(1 << 16);
        CategoricalBuilder artist = new CategoricalBuilder("artist");
        CategoricalBuilder album = new CategoricalBuilder("album");
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, String> playlistNames = new LinkedHashMap<>();
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        LoadWarnings warnings = new LoadWarnings(true); // a playlist may hold a track twice
        Timestamps timestamps = new Timestamps(null);
        float[][] position = {new float[1 << 16]};
        monitor.begin("load Spotify MPD slices", slices.size());
        // made per load, not per adapter: building a mapper loads ~300 classes, which every recwb start would pay
        ObjectMapper json = new ObjectMapper();
        for (Path slice : slices) {
            try (JsonParser parser = json.getFactory().createParser(Compressed.open(slice))) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw error(slice, parser, first == null ? "empty file, expected a slice object"
                            : "expected a slice object");
                }
                boolean playlistsSeen = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!field.equals("playlists")) {
                        parser.skipChildren();
                        continue;
                    }
                    playlistsSeen = true;
                    if (value != JsonToken.START_ARRAY) {
                        throw error(slice, parser, "'playlists' is not an array");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        long line = parser.currentTokenLocation().getLineNr();
                        RowContext at = (column, reason) -> new DatasetFormatException(slice, line, column, reason);
                        JsonNode pl = parser.readValueAsTree();
                        if (!pl.hasNonNull("pid") || !pl.has("tracks") || !pl.get("tracks").isArray()) {
                            throw at.error(0, "playlist without pid or tracks");
                        }
                        int user = playlists.intern(Fields.id(at, 0, "pid", pl.get("pid").asText()));
                        if (pl.hasNonNull("name")) {
                            playlistNames.put(user, pl.get("name").asText());
                        }
                        long time = timestamps.check(at, 0, pl.path("modified_at").asLong(0));
                        for (JsonNode t : pl.get("tracks")) {
                            if (!t.hasNonNull("track_uri")) {
                                throw at.error(0, "track without track_uri in playlist " + pl.get("pid").asText());
                            }
                            int item = tracks.intern(Fields.id(at, 0, "track_uri", t.get("track_uri").asText()));
                            if (t.hasNonNull("artist_uri")) {
                                artist.add(item, t.get("artist_uri").asText());
                            }
                            if (t.hasNonNull("album_uri")) {
                                album.add(item, t.get("album_uri").asText());
                            }
                            if (t.hasNonNull("track_name")) {
                                names.putIfAbsent(item, t.get("track_name").asText());
                            }
                            int row = x.size();
                            warnings.rows().add(row, slice, line);
                            x.add(user, item, 1f, time);
                            if (row == position[0].length) {
                                position[0] = java.util.Arrays.copyOf(position[0], row * 2);
                            }
                            position[0][row] = (float) t.path("pos").asDouble(row);
                        }
                    }
                }
                if (!playlistsSeen) {
                    throw error(slice, parser, "no 'playlists' array in the slice: not an MPD slice?");
                }
            } catch (DatasetFormatException e) {
                throw e;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new DatasetFormatException(slice, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0,
                        "not a valid MPD slice: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new DatasetFormatException(slice, 0, 0, "not a valid MPD slice: " + e.getMessage(), e);
            }
            monitor.worked(1);
        }
        monitor.done();
        int n = tracks.size();
        String[] titles = new String[n];
        names.forEach((i, s) -> titles[i] = s);
        String[] playlistTitles = new String[playlists.size()];
        playlistNames.forEach((u, s) -> playlistTitles[u] = s);
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        cat.put("artist", artist.build(n));
        cat.put("album", album.build(n));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, slices.get(0).getParent() == null ? "?" : slices.get(0).getParent().toString());
        meta.put(Dataset.FEEDBACK, "implicit");
        meta.put("slices", Integer.toString(slices.size()));
        int rows = x.size();
        var built = x.build(playlists.size(), n);
        var builtUsers = playlists.build();
        var builtItems = tracks.build();
        warnings.describe(built, builtUsers, builtItems, "implicit", meta);
        return new Dataset("spotify-mpd", builtUsers, builtItems, built
                .withExtraColumns(Map.of("position", java.util.Arrays.copyOf(position[0], rows))),
                new Attributes(cat, Map.of(), Map.of("title", titles)),
                new Attributes(Map.of(), Map.of(), Map.of("name", playlistTitles)), meta);
    }

    private static DatasetFormatException error(Path file, JsonParser parser, String reason) {
        return new DatasetFormatException(file, parser.currentLocation().getLineNr(), 0, reason);
    }

    private static List<Path> slices(String path, int max) {
        if (path == null || path.isBlank()) {
            throw new InvalidSpecException("dataset.options.path", "is required: the folder of the slices");
        }
        Path p = Path.of(path);
        if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".zip")) {
            return List.of(p);
        }
        // a folder of slices, the dataset's own folder with data/ inside, or its zip archive as distributed
        Path dir = DataFolders.folder(path);
        if (Files.isDirectory(dir.resolve("data"))) {
            dir = dir.resolve("data");
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "mpd.slice.*.json*")) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new InvalidSpecException("dataset.options.path", "cannot list " + p + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InvalidSpecException("dataset.options.path", "no mpd.slice.*.json in " + DataFolders.describe(dir));
        }
        out.sort(null);
        return out.subList(0, Math.min(max, out.size()));
    }
}
