package org.recworkbench.data.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.data.amazon.AmazonAdapter;
import org.recworkbench.data.bookcrossing.BookCrossingAdapter;
import org.recworkbench.data.crs.CrsAdapter;
import org.recworkbench.data.csv.CsvAdapter;
import org.recworkbench.data.finn.FinnSlatesAdapter;
import org.recworkbench.data.jester.JesterAdapter;
import org.recworkbench.data.lastfm.LastFmAdapter;
import org.recworkbench.data.movielens.MovieLensAdapter;
import org.recworkbench.data.netflix.NetflixAdapter;
import org.recworkbench.data.obd.ObdAdapter;
import org.recworkbench.data.spotify.SpotifyMpdAdapter;
import org.recworkbench.data.yelp.YelpAdapter;

/**
 * A small, valid dataset in one adapter's format, written here by hand, with its size counted by hand: the seed
 * that the fuzz suite mutates.
 *
 * @param files file name to content, in the order the adapter reads them
 * @param interactionsFile the file whose rows become interactions
 * @param headerLines lines before the first row of {@code interactionsFile}, when each of its lines is one
 *     interaction (else -1)
 * @param singleFile whether the adapter's {@code path} names that file rather than the folder
 * @param text whether every file is text (the text-preserving mutations apply)
 * @param repeatedPairsWarn whether a repeated (user, item) pair loads with a warning in this format
 */
record Fixture(String name, Supplier<DatasetAdapter> adapter, Map<String, byte[]> files, String interactionsFile,
        int headerLines, boolean singleFile, boolean text, boolean repeatedPairsWarn, Map<String, Object> options,
        int users, int items, int interactions) {

    List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    private static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            out.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final String GENRES_0 = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";

    /** Every file-based adapter of the product, each with its fixture. */
    static List<Fixture> all() {
        return List.of(
                // 3 users, 3 movies (u.item interns them first), 5 ratings
                new Fixture("movielens-100k", MovieLensAdapter::new, files(
                        "u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n3|23|M|writer|32067\n",
                        "u.item", "10|Toy Story (1995)|01-Jan-1995||http://x" + GENRES_0 + "\n"
                                + "11|GoldenEye (1995)|01-Jan-1995||http://y" + GENRES_0 + "\n"
                                + "12|Four Rooms (1995)|01-Jan-1995||http://z" + GENRES_0 + "\n",
                        "u.data", "1\t10\t5\t881250949\n1\t11\t3\t881250950\n2\t10\t4\t881250951\n"
                                + "3\t12\t1\t881250952\n2\t12\t2\t881250953\n"),
                        "u.data", 0, false, true, true, Map.of(), 3, 3, 5),
                // 2 users, 3 movies (movies.csv), 4 ratings; a quoted title with a comma
                new Fixture("movielens-csv", MovieLensAdapter::new, files(
                        "movies.csv", "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n"
                                + "2,\"Jumanji, the game (1995)\",Adventure\n3,Grumpier Old Men (1995),Comedy\n",
                        "ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n"
                                + "2,1,2.5,964982224\n2,2,3.0,964983815\n"),
                        "ratings.csv", 1, false, true, true, Map.of(), 2, 3, 4),
                // 2 users, 2 movies, 3 ratings
                new Fixture("movielens-dat", MovieLensAdapter::new, files(
                        "ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n"),
                        "ratings.dat", 0, false, true, true, Map.of(), 2, 2, 3),
                // 2 users, 2 artists (artists.dat), 3 play counts
                new Fixture("lastfm", LastFmAdapter::new, files(
                        "artists.dat", "id\tname\turl\tpictureURL\n51\tDuran Duran\thttp://a\thttp://b\n"
                                + "52\tMorcheeba\thttp://c\thttp://d\n",
                        "user_artists.dat", "userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\n3\t51\t100\n",
                        "tags.dat", "tagID\ttagValue\n1\tmetal\n",
                        "user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t52\t1\t1\t4\t2009\n",
                        "user_friends.dat", "userID\tfriendID\n2\t3\n3\t2\n"),
                        "user_artists.dat", 1, false, true, true, Map.of(), 2, 2, 3),
                // 2 users, 3 items, 5 interactions over train/valid/test
                new Fixture("crs", CrsAdapter::new, files(
                        "tag_map.json", "{\"13\": 0, \"18\": 1}\n",
                        "item_dict.json", "{\"0\": {\"feature_index\": [0, 1], \"categories\": [13]},\n"
                                + " \"1\": {\"feature_index\": [1]},\n \"2\": {\"feature_index\": [0]}}\n",
                        "review_dict_train.json", "{\"0\": [0, 1],\n \"1\": [2]}\n",
                        "review_dict_valid.json", "{\"0\": [2]}\n",
                        "review_dict_test.json", "{\"1\": [0]}\n",
                        "user_dict.json", "{\"0\": {\"friends\": [1], \"like\": [0]},\n"
                                + " \"1\": {\"friends\": [0], \"like\": [1]}}\n"),
                        "review_dict_train.json", -1, false, true, true, Map.of(), 2, 3, 5),
                // 2 user contexts, 2 items, 3 impressions
                new Fixture("obd", ObdAdapter::new, files(
                        "item_context.csv", ",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n"
                                + "0,0,0.5,x,y,z\n1,1,0.1,x,y,w\n",
                        "all.csv", ",timestamp,item_id,position,click,propensity_score,user_feature_0,"
                                + "user_feature_1,user_feature_2,user_feature_3\n"
                                + "0,2019-11-24 00:03:13.442536+00:00,0,1,0,0.5,a,b,c,d\n"
                                + "1,2019-11-24 00:04:13.442536+00:00,1,2,1,0.5,a,b,c,e\n"
                                + "2,2019-11-24 00:05:13+00:00,0,3,0,0.25,a,b,c,d\n"),
                        "all.csv", 1, false, true, false, Map.of(), 2, 2, 3),
                // 2 reviewers, 2 products, 3 reviews
                new Fixture("amazon", AmazonAdapter::new, files(
                        "reviews.json", "{\"reviewerID\":\"A1\",\"asin\":\"B1\",\"overall\":5.0,\"unixReviewTime\":"
                                + "1400000000}\n{\"reviewerID\":\"A2\",\"asin\":\"B1\",\"overall\":3.0,"
                                + "\"unixReviewTime\":1400000100}\n{\"reviewerID\":\"A1\",\"asin\":\"B2\","
                                + "\"overall\":4.0,\"unixReviewTime\":1400000200}\n"),
                        "reviews.json", 0, true, true, true, Map.of(), 2, 2, 3),
                // 2 users, 2 businesses (business file first), 3 reviews
                new Fixture("yelp", YelpAdapter::new, files(
                        "yelp_academic_dataset_business.json", "{\"business_id\":\"b1\",\"name\":\"Cafe\","
                                + "\"categories\":\"Food, Coffee\",\"city\":\"X\",\"state\":\"Y\"}\n"
                                + "{\"business_id\":\"b2\",\"name\":\"Bar\",\"categories\":\"Bars\"}\n",
                        "yelp_academic_dataset_review.json", "{\"user_id\":\"u1\",\"business_id\":\"b1\","
                                + "\"stars\":4,\"date\":\"2018-07-07 22:09:11\"}\n{\"user_id\":\"u2\","
                                + "\"business_id\":\"b1\",\"stars\":5,\"date\":\"2018-07-08 10:00:00\"}\n"
                                + "{\"user_id\":\"u1\",\"business_id\":\"b2\",\"stars\":2,\"date\":"
                                + "\"2018-07-09 11:00:00\"}\n"),
                        "yelp_academic_dataset_review.json", 0, false, true, true, Map.of(), 2, 2, 3),
                // 2 customers, 2 movies (titles first), 3 ratings
                new Fixture("netflix", NetflixAdapter::new, files(
                        "movie_titles.txt", "1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review\n",
                        "combined_data_1.txt", "1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n2:\n"
                                + "1488844,4,2005-10-01\n"),
                        "combined_data_1.txt", -1, false, true, true, Map.of(), 2, 2, 3),
                // explicit ratings: the 0 (implicit) row is not kept: 2 users, 2 books, 2 ratings
                new Fixture("bookcrossing", BookCrossingAdapter::new, files(
                        "BX-Book-Ratings.csv", "\"User-ID\";\"ISBN\";\"Book-Rating\"\n\"276725\";\"034545104X\";\"5\"\n"
                                + "\"276726\";\"0155061224\";\"7\"\n\"276725\";\"0155061224\";\"0\"\n",
                        "BX-Books.csv", "\"ISBN\";\"Book-Title\";\"Book-Author\";\"Year-Of-Publication\";"
                                + "\"Publisher\"\n\"034545104X\";\"Flesh Tones\";\"M. J. Rose\";\"2002\";"
                                + "\"Ballantine Books\"\n"),
                        "BX-Book-Ratings.csv", -1, false, true, true, Map.of(), 2, 2, 2), // not a row per line: 0 is dropped
                // 2 users, 2 jokes, 3 ratings
                new Fixture("jester", JesterAdapter::new, files(
                        "jester_ratings.dat", "1 5 0.219\n1 7 -9.281\n2 5 3.5\n"),
                        "jester_ratings.dat", 0, false, true, true, Map.of(), 2, 2, 3),
                // 2 users, 2 items, 3 ratings with epoch-second timestamps
                new Fixture("csv", CsvAdapter::new, files(
                        "r.csv", "user,item,rating,t\nu1,i1,4,1500000000\nu2,i1,3,1500000100\nu1,i2,5,1500000200\n"),
                        "r.csv", 1, true, true, true, Map.of("rating", "rating", "timestamp", "t"), 2, 2, 3),
                // 2 playlists, 2 tracks, 3 entries
                new Fixture("spotify-mpd", SpotifyMpdAdapter::new, files(
                        "mpd.slice.0-999.json", "{\"info\": {\"slice\": \"0-999\"},\n \"playlists\": [\n"
                                + "  {\"pid\": 0, \"name\": \"x\", \"modified_at\": 1493424000, \"tracks\": [\n"
                                + "   {\"pos\": 0, \"track_uri\": \"spotify:track:a\", \"artist_uri\": \"spotify:artist:x\","
                                + " \"album_uri\": \"spotify:album:y\", \"track_name\": \"A\"},\n"
                                + "   {\"pos\": 1, \"track_uri\": \"spotify:track:b\", \"track_name\": \"B\"}]},\n"
                                + "  {\"pid\": 1, \"modified_at\": 1493424100, \"tracks\": [\n"
                                + "   {\"pos\": 0, \"track_uri\": \"spotify:track:a\"}]}]}\n"),
                        "mpd.slice.0-999.json", -1, true, true, false, Map.of(), 2, 2, 3),
                // 2 users, 2 items clicked, 3 clicks (1 = no click and 0 = padding are not interactions)
                new Fixture("finn-slates", FinnSlatesAdapter::new, npzFiles(), "data.npz", -1, false, false, false,
                        Map.of(), 2, 2, 3));
    }

    /** data.npz: userId (10, 11) and click (2 x 3), written in NumPy's format (the dataset is not in shared/). */
    private static Map<String, byte[]> npzFiles() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("userId.npy"));
            zip.write(npy("(2,)", 10, 11));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("click.npy"));
            zip.write(npy("(2, 3)", 5, 1, 0, 5, 7, 0));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("data.npz", bytes.toByteArray());
    }

    private static byte[] npy(String shape, long... values) {
        String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }
}
