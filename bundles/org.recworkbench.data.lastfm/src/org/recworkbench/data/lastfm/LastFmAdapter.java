package org.recworkbench.data.lastfm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;

/**
 * HetRec 2011 Last.fm 2K (Cantador, Brusilovsky, Kuflik, RecSys 2011), TAB-separated with a header line:
 * {@code user_artists.dat} (user, artist, play count) becomes implicit feedback whose value is the play
 * count; {@code artists.dat} gives artist names; {@code user_taggedartists.dat} with {@code tags.dat}
 * (ISO-8859-1) gives each artist the tags users put on it and each user the tags they used; the friend
 * graph ({@code user_friends.dat}) becomes the multi-valued user attribute {@code friends}. Tag assignments
 * and friendships that refer to users or artists absent from the listening data are counted in the metadata
 * ({@code skippedTagAssignments}, {@code skippedFriendships}), not silently dropped.
 */
@Component(service = DatasetAdapter.class)
public class LastFmAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder of the unpacked hetrec2011-lastfm-2k release"),
            ParameterDescriptor.ofBoolean("tags", true, "load tag assignments as item and user attributes"),
            ParameterDescriptor.ofBoolean("friends", true, "load the friend graph as the user attribute friends"),
            BadRows.option());

    public LastFmAdapter() {
        super("lastfm",
                "HetRec 2011 Last.fm 2K: play counts, artist tags, friend graph",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        Path plays = DataFolders.required(dir, "user_artists.dat");
        IdIndex.Builder users = new IdIndex.Builder(2048);
        IdIndex.Builder items = new IdIndex.Builder(20_000);
        Map<Integer, String> names = new HashMap<>();
        if (DataFolders.exists(dir, "artists.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "artists.dat"))) {
                header(src, "id\tname\turl\tpictureURL");
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "\t", 4, "id TAB name TAB url TAB pictureURL");
                    String id = id(src, 1, "artist id", f[0]);
                    if (items.indexOf(id) >= 0) {
                        throw src.error(1, "artist id " + id + " appears twice");
                    }
                    names.put(items.intern(id), f[1]);
                }
            }
        }
        InteractionsBuilder x = new InteractionsBuilder(100_000);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        monitor.begin("load Last.fm from " + dir, -1);
        try (LineSource src = new LineSource(plays, StandardCharsets.UTF_8)) {
            header(src, "userID\tartistID\tweight");
            for (String line; (line = src.nextRecord()) != null;) {
                try {
                    String[] f = Fields.split(src, line, "\t", 3, "userID TAB artistID TAB weight");
                    String user = id(src, 1, "user id", f[0]);
                    String artist = id(src, 2, "artist id", f[1]);
                    long weight = Fields.integer(src, 3, "weight", f[2]);
                    if (weight < 0) {
                        throw src.error(3, "weight " + weight + " is negative, expected a play count");
                    }
                    warnings.rows().add(x.size(), plays, src.lineNumber());
                    x.add(users.intern(user), items.intern(artist), weight, 0L);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                }
            }
            if (x.size() == 0 && bad.skipped() == 0) {
                throw src.noRows("userID TAB artistID TAB weight");
            }
            warnings.blankLines(src);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "implicit");
        meta.put("value", "play count");
        bad.describe(meta);
        Map<String, Attributes.Categorical> itemCat = new LinkedHashMap<>();
        Map<String, Attributes.Categorical> userCat = new LinkedHashMap<>();
        int numUsers = users.size();
        int numItems = items.size();
        if (p.getBoolean("tags") && DataFolders.exists(dir, "user_taggedartists.dat")) {
            Map<String, String> tagNames = new HashMap<>();
            if (DataFolders.exists(dir, "tags.dat")) {
                try (LineSource src = LineSource.openText(DataFolders.file(dir, "tags.dat"))) {
                    header(src, "tagID\ttagValue");
                    for (String line; (line = src.nextRecord()) != null;) {
                        String[] f = Fields.split(src, line, "\t", 2, "tagID TAB tagValue");
                        tagNames.put(id(src, 1, "tag id", f[0]), f[1].trim());
                    }
                }
            }
            CategoricalBuilder itemTags = new CategoricalBuilder("tag");
            CategoricalBuilder userTags = new CategoricalBuilder("tag");
            long skipped = 0;
            try (LineSource src = new LineSource(DataFolders.file(dir, "user_taggedartists.dat"),
                    StandardCharsets.UTF_8)) {
                header(src, "userID\tartistID\ttagID\tday\tmonth\tyear");
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "\t", 6, "userID TAB artistID TAB tagID TAB day TAB month "
                            + "TAB year");
                    String tagId = id(src, 3, "tag id", f[2]);
                    String tag = tagNames.getOrDefault(tagId, tagId);
                    int u = users.indexOf(f[0].trim());
                    int i = items.indexOf(f[1].trim());
                    if (u < 0 || i < 0 || u >= numUsers || i >= numItems) {
                        skipped++;
                        continue;
                    }
                    itemTags.add(i, tag);
                    userTags.add(u, tag);
                }
            }
            itemCat.put("tag", itemTags.build(numItems));
            userCat.put("tag", userTags.build(numUsers));
            meta.put("skippedTagAssignments", Long.toString(skipped));
        }
        if (p.getBoolean("friends") && DataFolders.exists(dir, "user_friends.dat")) {
            CategoricalBuilder friends = new CategoricalBuilder("friends");
            long skipped = 0;
            try (LineSource src = new LineSource(DataFolders.file(dir, "user_friends.dat"), StandardCharsets.UTF_8)) {
                header(src, "userID\tfriendID");
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "\t", 2, "userID TAB friendID");
                    int u = users.indexOf(id(src, 1, "user id", f[0]));
                    String friend = id(src, 2, "friend id", f[1]);
                    if (u < 0 || users.indexOf(friend) < 0) {
                        skipped++;
                        continue;
                    }
                    friends.add(u, friend);
                }
            }
            userCat.put("friends", friends.build(numUsers));
            meta.put("skippedFriendships", Long.toString(skipped));
        }
        String[] titles = new String[numItems];
        names.forEach((i, n) -> titles[i] = n);
        monitor.done();
        var interactions = x.build(numUsers, numItems);
        var builtUsers = users.build();
        var builtItems = items.build();
        warnings.describe(interactions, builtUsers, builtItems, "play counts", meta);
        return new Dataset("hetrec2011-lastfm-2k", builtUsers, builtItems, interactions,
                new Attributes(itemCat, Map.of(), Map.of("title", titles)), new Attributes(userCat, Map.of(), Map.of()),
                meta);
    }

    /** HetRec ids (users, artists, tags) are non-negative 32-bit integers. */
    private static String id(RowContext src, int column, String what, String text) {
        return Fields.numericId(src, column, what, text, Integer.MAX_VALUE);
    }

    /** The header line must be the publisher's, so that a wrong file is not read as data. */
    private static void header(LineSource src, String expected) {
        String first = src.next();
        if (first == null) {
            throw src.error(0, "empty file, expected the header '" + expected.replace("\t", "\\t") + "'");
        }
        if (!first.trim().equalsIgnoreCase(expected.trim())) {
            throw src.error(0, "header is '" + first.replace("\t", "\\t") + "', expected '"
                    + expected.replace("\t", "\\t") + "'");
        }
    }
}
