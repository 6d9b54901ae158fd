package org.recworkbench.data.movielens;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.IdIndex;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.Timestamps;
import org.recworkbench.data.support.Compressed;
import org.recworkbench.data.support.NumericRatingsReader;
import org.recworkbench.data.support.RowContext;

/**
 * What the readers collect while parsing one MovieLens release, and the field parsers they share. Nothing
 * is visible outside until {@link #build} returns a complete dataset.
 */
final class MovieLensData {
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$");

    final IdIndex.Builder users = new IdIndex.Builder(1024);
    final IdIndex.Builder items = new IdIndex.Builder(4096);
    final InteractionsBuilder ratings = new InteractionsBuilder(1 << 16);
    final CategoricalBuilder genres = new CategoricalBuilder("genre");
    final CategoricalBuilder tags = new CategoricalBuilder("tag");
    final CategoricalBuilder gender = new CategoricalBuilder("gender");
    final CategoricalBuilder occupation = new CategoricalBuilder("occupation");
    final Map<Integer, String> titles = new HashMap<>();
    final Map<Integer, String> imdbIds = new HashMap<>();
    final Map<Integer, String> tmdbIds = new HashMap<>();
    final Map<Integer, Double> years = new HashMap<>();
    final Map<Integer, Double> ages = new HashMap<>();
    private int[] heldoutRows = new int[0]; // rows of the predefined test set, in order
    private int heldoutCount;
    final float minRating;
    final float maxRating;
    /** The skip policy for rating rows (strict unless the user opted in). */
    BadRows bad = new BadRows(false);
    /** Blank lines, fractional ratings of whole-star releases and repeated pairs, reported after loading. */
    final LoadWarnings warnings = new LoadWarnings();
    /** Timestamps are seconds since 1970 in every release; this keeps their span storable. */
    private final Timestamps timestamps = new Timestamps(null);
    /** Whether ratings are whole stars (100K), so that a fraction is worth a warning. */
    private final boolean wholeStars;

    MovieLensData(float minRating, float maxRating, boolean wholeStars) {
        this.minRating = minRating;
        this.maxRating = maxRating;
        this.wholeStars = wholeStars;
    }

    /** MovieLens user and movie ids are positive 32-bit integers in every release. */
    static String id(RowContext src, int column, String what, String text) {
        return Fields.numericId(src, column, what, text, Integer.MAX_VALUE);
    }

    /**
     * Adds one rating row read at {@code file:line} after checking its fields; {@code test} marks a predefined
     * held-out row.
     */
    void addRating(RowContext src, Path file, long line, String user, String item, String rating, String timestamp,
            boolean test) {
        float value = Fields.finiteFloat(src, 3, "rating", rating);
        checkRating(src, value, rating);
        long time = timestamps.check(src, 4, Fields.integer(src, 4, "timestamp", timestamp));
        int u = users.intern(id(src, 1, "user id", user));
        int i = items.intern(id(src, 2, "movie id", item));
        add(file, line, u, i, value, time, test);
    }

    private void checkRating(RowContext src, float value, String text) {
        if (value < minRating || value > maxRating) {
            throw src.error(3, "rating " + text + " is outside the scale " + minRating + "-" + maxRating);
        }
    }

    private void add(Path file, long line, int u, int i, float value, long time, boolean test) {
        int row = ratings.size();
        if (wholeStars && value != (int) value) {
            warnings.fractionalRating(file.getFileName() + ":" + line, value);
        }
        warnings.rows().add(row, file, line);
        ratings.add(u, i, value, time);
        if (test) {
            markHeldout(row);
        }
    }

    /**
     * Adds a row parsed by the fast path (ids already mapped); checks the values like the general path. Millions of
     * rows pass here: nothing is allocated unless a value is wrong.
     */
    void addIndexed(Path file, long line, int user, int item, float value, long time, boolean test) {
        if (value < minRating || value > maxRating || !timestamps.seen(time)) {
            RowContext at = (column, reason) -> new org.recworkbench.api.DatasetFormatException(file, line, column,
                    reason);
            checkRating(at, value, Float.toString(value));
            timestamps.check(at, 4, time);
        }
        add(file, line, user, item, value, time, test);
    }

    private void markHeldout(int row) {
        if (heldoutCount == heldoutRows.length) {
            heldoutRows = java.util.Arrays.copyOf(heldoutRows, Math.max(1024, heldoutCount * 2));
        }
        heldoutRows[heldoutCount++] = row;
    }

    /** Reads a ratings file with the numeric fast path; false (and nothing kept) when it does not apply. */
    boolean readFast(Path file, String separator, boolean header, boolean test) {
        if (bad.skipping()) {
            return false; // the general path counts and reports each skipped row
        }
        int mark = ratings.size();
        int heldoutMark = heldoutCount;
        ratings.ensureCapacity(mark + (int) Math.min(Integer.MAX_VALUE - 16, estimateRows(file)));
        NumericRatingsReader reader = new NumericRatingsReader(users, items, Integer.MAX_VALUE);
        boolean ok = reader.read(file, separator, header, (u, i, r, t, line) -> addIndexed(file, line, u, i, r, t,
                test));
        if (!ok) {
            ratings.truncate(mark);
            warnings.rows().truncate(mark);
            heldoutCount = heldoutMark;
        } else {
            warnings.blankLines(file, reader.blankLines(), reader.firstBlankLine());
        }
        return ok;
    }

    /**
     * Rows in the file from the mean length of its first 64 KiB of lines plus 2% (a presized builder is
     * filled without regrowing, and a close estimate keeps the unused tail small); compressed files are
     * assumed to expand 4 times.
     */
    private static long estimateRows(Path file) {
        try (java.io.InputStream in = Compressed.open(file)) {
            byte[] head = in.readNBytes(1 << 16);
            long lines = 0;
            int lastNewline = -1;
            for (int k = 0; k < head.length; k++) {
                if (head[k] == '\n') {
                    lines++;
                    lastNewline = k;
                }
            }
            long size = java.nio.file.Files.size(file) * (Compressed.isCompressed(file) ? 4 : 1);
            if (lines == 0 || head.length < (1 << 16)) {
                return lines + 1;
            }
            return (long) (size / ((lastNewline + 1.0) / lines) * 1.02) + 16;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A user of a users file (u.user, users.dat), listed once. */
    int addUser(RowContext src, String id) {
        String user = id(src, 1, "user id", id);
        if (users.indexOf(user) >= 0) {
            throw src.error(1, "user id " + user + " appears twice, expected one row per user");
        }
        return users.intern(user);
    }

    /** Records a movie's title, with the year taken from a trailing "(1995)". */
    int addMovie(RowContext src, String id, String title) {
        String movie = id(src, 1, "movie id", id);
        if (items.indexOf(movie) >= 0) {
            throw src.error(1, "movie id " + movie + " appears twice, expected one row per movie");
        }
        int i = items.intern(movie);
        String t = title.trim();
        titles.put(i, t);
        Matcher m = YEAR_IN_TITLE.matcher(t);
        if (m.find()) {
            years.put(i, Double.parseDouble(m.group(1)));
        }
        return i;
    }

    Dataset build(String name, Path source, String fold) {
        int numUsers = users.size();
        int numItems = items.size();
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        Interactions x = ratings.build(numUsers, numItems);
        if (heldoutCount > 0) {
            float[] heldout = new float[x.size()];
            for (int r = 0; r < heldoutCount; r++) {
                heldout[heldoutRows[r]] = 1f;
            }
            x = x.withExtraColumns(Map.of("heldout", heldout));
        }
        Map<String, Attributes.Categorical> itemCat = new LinkedHashMap<>();
        if (!genres.isEmpty()) {
            itemCat.put("genre", genres.build(numItems));
        }
        if (!tags.isEmpty()) {
            itemCat.put("tag", tags.build(numItems));
        }
        Map<String, double[]> itemNum = new LinkedHashMap<>();
        if (!years.isEmpty()) {
            itemNum.put("year", dense(years, numItems));
        }
        Map<String, String[]> itemText = new LinkedHashMap<>();
        putText(itemText, "title", titles, numItems);
        putText(itemText, "imdbId", imdbIds, numItems);
        putText(itemText, "tmdbId", tmdbIds, numItems);
        Map<String, Attributes.Categorical> userCat = new LinkedHashMap<>();
        if (!gender.isEmpty()) {
            userCat.put("gender", gender.build(numUsers));
        }
        if (!occupation.isEmpty()) {
            userCat.put("occupation", occupation.build(numUsers));
        }
        Map<String, double[]> userNum = ages.isEmpty() ? Map.of() : Map.of("age", dense(ages, numUsers));
        Map<String, String> meta = new HashMap<>();
        meta.put(Dataset.SOURCE, source.toString());
        meta.put(Dataset.FEEDBACK, "explicit");
        meta.put("ratingScale", minRating + "-" + maxRating);
        bad.describe(meta);
        warnings.describe(x, builtUsers, builtItems, minRating + "-" + maxRating, meta);
        if (fold != null) {
            meta.put("fold", fold);
        }
        return new Dataset(name, builtUsers, builtItems, x, new Attributes(itemCat, itemNum, itemText),
                new Attributes(userCat, userNum, Map.of()), meta);
    }

    private static void putText(Map<String, String[]> out, String name, Map<Integer, String> values, int n) {
        if (!values.isEmpty()) {
            String[] t = new String[n];
            values.forEach((i, s) -> t[i] = s);
            out.put(name, t);
        }
    }

    private static double[] dense(Map<Integer, Double> sparse, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        sparse.forEach((i, v) -> out[i] = v);
        return out;
    }
}
