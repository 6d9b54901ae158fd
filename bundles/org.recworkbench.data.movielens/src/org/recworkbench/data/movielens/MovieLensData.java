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
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.Fields;
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
    final Map<Integer, Double> years = new HashMap<>();
    final Map<Integer, Double> ages = new HashMap<>();
    private float[] heldout = new float[0];
    private boolean hasHeldout;
    final float minRating;
    final float maxRating;

    MovieLensData(float minRating, float maxRating) {
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    /** Adds one rating row after checking its fields; {@code test} marks a predefined held-out row. */
    void addRating(RowContext src, String user, String item, String rating, String timestamp, boolean test) {
        float value = Fields.finiteFloat(src, 3, "rating", rating);
        if (value < minRating || value > maxRating) {
            throw src.error(3, "rating " + rating + " is outside the scale " + minRating + "-" + maxRating);
        }
        long time = Fields.integer(src, 4, "timestamp", timestamp);
        int u = users.intern(Fields.id(src, 1, "user id", user));
        int i = items.intern(Fields.id(src, 2, "item id", item));
        int row = ratings.size();
        ratings.add(u, i, value, time);
        if (test) {
            hasHeldout = true;
        }
        if (row >= heldout.length) {
            heldout = java.util.Arrays.copyOf(heldout, Math.max(1024, heldout.length * 2));
        }
        heldout[row] = test ? 1f : 0f;
    }

    /** Records a movie's title, with the year taken from a trailing "(1995)". */
    int addMovie(RowContext src, String id, String title) {
        int i = items.intern(Fields.id(src, 1, "movie id", id));
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
        Interactions x = ratings.build(numUsers, numItems);
        if (hasHeldout) {
            x = x.withExtraColumns(Map.of("heldout", java.util.Arrays.copyOf(heldout, x.size())));
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
        if (!titles.isEmpty()) {
            String[] t = new String[numItems];
            titles.forEach((i, s) -> t[i] = s);
            itemText.put("title", t);
        }
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
        if (fold != null) {
            meta.put("fold", fold);
        }
        return new Dataset(name, users.build(), items.build(), x, new Attributes(itemCat, itemNum, itemText),
                new Attributes(userCat, userNum, Map.of()), meta);
    }

    private static double[] dense(Map<Integer, Double> sparse, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        sparse.forEach((i, v) -> out[i] = v);
        return out;
    }
}
