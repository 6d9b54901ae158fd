package org.recworkbench.data.lastfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;

class LastFmAdapterTest {
    @TempDir
    Path dir;

    private final LastFmAdapter adapter = new LastFmAdapter();

    private Dataset load() {
        return adapter.load(Map.of("path", dir.toString()), ProgressMonitor.NONE);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, name.equals("tags.dat") ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8);
    }

    private void fixture() throws Exception {
        write("user_artists.dat", "userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\n3\t51\t5\n");
        write("artists.dat", "id\tname\turl\tpictureURL\n51\tDuran Duran\thttp://a\thttp://b\n52\tMorcheeba\tu\tp\n"
                + "53\tAir\tu\tp\n");
        write("tags.dat", "tagID\ttagValue\n1\tmétal\n2\ttrip-hop\n");
        write("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t52\t2\t1\t4\t2009\n"
                + "3\t51\t1\t1\t4\t2009\n9\t51\t1\t1\t4\t2009\n");
        write("user_friends.dat", "userID\tfriendID\n2\t3\n3\t2\n3\t99\n");
    }

    @Test
    void readsPlaysTagsAndFriends() throws Exception {
        fixture();
        Dataset d = load();
        assertEquals(3, d.interactions().size());
        assertEquals(2, d.users().size());
        assertEquals(3, d.items().size(), "artists without plays stay in the catalogue");
        assertEquals(13883f, d.interactions().values()[0]);
        assertTrue(d.isImplicit());
        int morcheeba = d.items().indexOf("52");
        assertEquals("Morcheeba", d.itemAttributes().text().get("title")[morcheeba]);
        assertEquals(List.of("trip-hop"), d.itemAttributes().categorical().get("tag").labelsOf(morcheeba));
        assertEquals(List.of("métal"), d.userAttributes().categorical().get("tag").labelsOf(d.users().indexOf("3")));
        assertEquals(List.of("3"), d.userAttributes().categorical().get("friends").labelsOf(d.users().indexOf("2")));
        // user 9 has no plays, user 99 is nobody's: counted, not silently dropped
        assertEquals("1", d.metadata().get("skippedTagAssignments"));
        assertEquals("1", d.metadata().get("skippedFriendships"));
    }

    @Test
    void badRowsNameFileLineAndColumn() throws Exception {
        fixture();
        write("user_artists.dat", "userID\tartistID\tweight\n2\t51\t13883\n2\t52\tlots\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, this::load);
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        write("user_artists.dat", "userID\tartistID\tweight\n2\t51\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("expected 3 fields"));
        write("user_artists.dat", "user\tartist\tplays\n2\t51\t1\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("header"));
        write("user_artists.dat", "userID\tartistID\tweight\n2\t51\t-4\n");
        assertTrue(assertThrows(DatasetFormatException.class, this::load).getMessage().contains("negative"));
    }

    /** The real release: counts derived here by reading the files directly, and the README's figures. */
    @Test
    void realRelease() throws Exception {
        Path real = Path.of(System.getProperty("recworkbench.datasets", "../../../shared/datasets"),
                "hetrec2011-lastfm-2k");
        assertTrue(Files.isDirectory(real), "dataset not found at " + real.toAbsolutePath());
        List<String> rows = Files.readAllLines(real.resolve("user_artists.dat"));
        Set<String> users = new HashSet<>();
        Set<String> artists = new HashSet<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split("\t");
            users.add(f[0]);
            artists.add(f[1]);
        }
        Dataset d = adapter.load(Map.of("path", real.toString()), ProgressMonitor.NONE);
        assertEquals(rows.size() - 1, d.interactions().size());
        assertEquals(92_834, d.interactions().size(), "readme: 92,834 user-artist relations");
        assertEquals(users.size(), d.users().size());
        assertEquals(1892, d.users().size(), "readme: 1892 users");
        assertEquals(17_632, d.items().size(), "readme: 17632 artists, all listed in artists.dat");
        assertEquals(artists.size(), java.util.Arrays.stream(d.interactions().itemCounts()).filter(c -> c > 0)
                .count());
        assertEquals(25_434, java.util.Arrays.stream(d.userAttributes().categorical().get("friends").valuesOf())
                .mapToInt(a -> a.length).sum() + Integer.parseInt(d.metadata().get("skippedFriendships")),
                "readme: 25434 (user_i, user_j) pairs");
    }
}
