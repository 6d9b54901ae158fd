package org.recworkbench.data.movielens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.CsvRows;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.RowContext;

/**
 * Reads MovieLens releases exactly as GroupLens distributes them, unpacked into a folder:
 * <ul>
 * <li>{@code 100k}: {@code u.data} (TAB-separated), {@code u.item} (|-separated, ISO-8859-1, 19 genre flags),
 * {@code u.user}, {@code u.genre}; the official folds u1..u5, ua, ub through the {@code fold} option;</li>
 * <li>{@code dat} (1M, 10M): {@code ratings.dat}, {@code movies.dat}, {@code users.dat}, {@code tags.dat},
 * fields separated by {@code ::};</li>
 * <li>{@code csv} (20M, 25M, 32M, latest, latest-small): {@code ratings.csv}, {@code movies.csv},
 * {@code tags.csv} with a header, quoted titles, CRLF tolerated (parsed with OpenCSV).</li>
 * </ul>
 * Genres and tags become categorical item attributes, the year in the title a numeric one, the IMDb and TMDb
 * ids of {@code links.csv} text ones. Any file may be
 * gzipped ({@code .gz}) or a single-file {@code .zip}.
 */
@Component(service = DatasetAdapter.class)
public class MovieLensAdapter extends AdapterBase {

    static final List<String> FOLDS = List.of("none", "u1", "u2", "u3", "u4", "u5", "ua", "ub");

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding the unpacked release"),
            ParameterDescriptor.ofEnum("variant", "auto", List.of("auto", "100k", "dat", "csv"),
                    "file layout; auto detects it from the files present"),
            ParameterDescriptor.ofEnum("fold", "none", FOLDS,
                    "100K only: load an official split (base = train, test = held out) for split method "
                            + "'predefined'"),
            ParameterDescriptor.ofBoolean("tags", true, "load tag assignments as an item attribute where present"),
            BadRows.option());

    private static final String[] RATINGS_HEADER = {"userId", "movieId", "rating", "timestamp"};
    private static final String[] MOVIES_HEADER = {"movieId", "title", "genres"};
    private static final String[] TAGS_HEADER = {"userId", "movieId", "tag", "timestamp"};
    private static final String[] LINKS_HEADER = {"movieId", "imdbId", "tmdbId"};

    public MovieLensAdapter() {
        super("movielens",
                "MovieLens 100K, 1M, 10M, 20M, 25M, 32M, latest and latest-small, as distributed by GroupLens",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        String variant = p.getString("variant");
        if ("auto".equals(variant)) {
            variant = detect(dir);
        }
        String fold = p.getString("fold");
        if (!"none".equals(fold) && !"100k".equals(variant)) {
            throw new InvalidSpecException("dataset.options.fold", "official folds exist only for MovieLens 100K");
        }
        boolean tags = p.getBoolean("tags");
        monitor.begin("load MovieLens (" + variant + ") from " + dir, -1);
        try {
            return switch (variant) {
                case "100k" -> read100k(dir, "none".equals(fold) ? null : fold, BadRows.of(p));
                case "dat" -> readDat(dir, tags, BadRows.of(p));
                default -> readCsv(dir, tags, BadRows.of(p));
            };
        } finally {
            monitor.done();
        }
    }

    static String detect(Path dir) {
        if (DataFolders.exists(dir, "u.data") || DataFolders.exists(dir, "u1.base")) {
            return "100k";
        }
        if (DataFolders.exists(dir, "ratings.dat")) {
            return "dat";
        }
        if (DataFolders.exists(dir, "ratings.csv")) {
            return "csv";
        }
        throw new InvalidSpecException("dataset.options.path", "no MovieLens ratings file (u.data, ratings.dat or "
                + "ratings.csv, optionally .gz) in " + DataFolders.describe(dir));
    }



    // ---- 100K ----

    private static Dataset read100k(Path dir, String fold, BadRows bad) {
        MovieLensData data = new MovieLensData(1, 5, true);
        data.bad = bad;
        if (DataFolders.exists(dir, "u.user")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "u.user"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "|", 5, "id|age|gender|occupation|zip");
                    int u = data.addUser(src, f[0]);
                    data.ages.put(u, (double) Fields.integer(src, 2, "age", f[1]));
                    data.gender.add(u, f[2].trim());
                    data.occupation.add(u, f[3].trim());
                }
            }
        }
        String[] genreNames = genreNames100k(dir);
        if (DataFolders.exists(dir, "u.item")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "u.item"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "|", 5 + genreNames.length,
                            "id|title|release date|video release date|IMDb URL|" + genreNames.length + " genre flags");
                    int i = data.addMovie(src, f[0], f[1]);
                    String date = f[2].trim();
                    if (date.length() >= 4 && !data.years.containsKey(i)) {
                        try {
                            data.years.put(i, Double.parseDouble(date.substring(date.length() - 4)));
                        } catch (NumberFormatException e) {
                            throw src.error(3, "release date '" + date + "' does not end in a year");
                        }
                    }
                    for (int g = 0; g < genreNames.length; g++) {
                        String flag = f[5 + g].trim();
                        if (flag.equals("1")) {
                            data.genres.add(i, genreNames[g]);
                        } else if (!flag.equals("0")) {
                            throw src.error(6 + g, "genre flag '" + flag + "' is not 0 or 1");
                        }
                    }
                }
            }
        }
        if (fold == null) {
            readTabRatings(DataFolders.file(dir, "u.data"), data, false);
        } else {
            readTabRatings(DataFolders.file(dir, fold + ".base"), data, false);
            readTabRatings(DataFolders.file(dir, fold + ".test"), data, true);
        }
        return data.build(fold == null ? "ml-100k" : "ml-100k-" + fold, dir, fold);
    }

    private static String[] genreNames100k(Path dir) {
        if (!DataFolders.exists(dir, "u.genre")) {
            return new String[] {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
                    "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
                    "Sci-Fi", "Thriller", "War", "Western"};
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        try (LineSource src = LineSource.openText(DataFolders.file(dir, "u.genre"))) {
            for (String line; (line = src.nextRecord()) != null;) {
                String[] f = Fields.split(src, line, "|", 2, "name|index");
                int index = (int) Fields.integer(src, 2, "genre index", f[1]);
                if (index != names.size()) {
                    throw src.error(2, "genre index " + index + " out of order, expected " + names.size());
                }
                names.add(f[0].trim());
            }
        }
        return names.toArray(String[]::new);
    }

    private static void readTabRatings(Path file, MovieLensData data, boolean test) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, 0, 0, "missing ratings file");
        }
        readRatings(file, "\t", "user TAB item TAB rating TAB timestamp", data, test);
    }

    /**
     * A ratings file of 100K or 1M/10M ({@code user SEP item SEP rating SEP timestamp}, no header): the numeric fast
     * path, else the general parser, which names the place of every defect. A file without rows is refused.
     */
    private static void readRatings(Path file, String separator, String layout, MovieLensData data, boolean test) {
        int before = data.ratings.size();
        if (!data.readFast(file, separator, false, test)) {
            try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
                for (String line; (line = src.nextRecord()) != null;) {
                    try {
                        String[] f = Fields.split(src, line, separator, 4, layout);
                        data.addRating(src, file, src.lineNumber(), f[0], f[1], f[2], f[3], test);
                    } catch (DatasetFormatException e) {
                        data.bad.reject(e);
                    }
                }
                data.warnings.blankLines(src);
            }
        }
        if (data.ratings.size() == before && data.bad.skipped() == 0) {
            throw new DatasetFormatException(file, 1, 0, "empty file, expected rows of " + layout);
        }
    }

    // ---- 1M / 10M ----

    private static Dataset readDat(Path dir, boolean tags, BadRows bad) {
        // 1M rates in whole stars, 10M in half stars: the layout does not tell them apart, so no fraction warning
        MovieLensData data = new MovieLensData(0.5f, 5, false);
        data.bad = bad;
        if (DataFolders.exists(dir, "users.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "users.dat"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "::", 5, "UserID::Gender::Age::Occupation::Zip-code");
                    int u = data.addUser(src, f[0]);
                    data.gender.add(u, f[1].trim());
                    data.ages.put(u, (double) Fields.integer(src, 3, "age", f[2]));
                    data.occupation.add(u, f[3].trim());
                }
            }
        }
        if (DataFolders.exists(dir, "movies.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "movies.dat"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "::", 3, "MovieID::Title::Genres");
                    addGenres(data, data.addMovie(src, f[0], f[1]), f[2]);
                }
            }
        }
        Path ratings = DataFolders.file(dir, "ratings.dat");
        if (!Files.isRegularFile(ratings)) {
            throw new DatasetFormatException(ratings, 0, 0, "missing ratings file");
        }
        readRatings(ratings, "::", "UserID::MovieID::Rating::Timestamp", data, false);
        if (tags && DataFolders.exists(dir, "tags.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "tags.dat"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    String[] f = Fields.split(src, line, "::", 4, "UserID::MovieID::Tag::Timestamp");
                    addTag(data, src, f[1], f[2]);
                }
            }
        }
        return data.build(dir.getFileName() == null ? "movielens" : dir.getFileName().toString(), dir, null);
    }

    // ---- CSV releases ----

    private static Dataset readCsv(Path dir, boolean tags, BadRows bad) {
        MovieLensData data = new MovieLensData(0.5f, 5, false);
        data.bad = bad;
        if (DataFolders.exists(dir, "movies.csv")) {
            readCsvFile(DataFolders.file(dir, "movies.csv"), MOVIES_HEADER,
                    (src, line, f) -> addGenres(data, data.addMovie(src, f[0], f[1]), f[2]), data);
        }
        Path ratings = DataFolders.file(dir, "ratings.csv");
        boolean fast = hasHeader(ratings, RATINGS_HEADER) && data.readFast(ratings, ",", true, false);
        if (!fast) {
            readCsvFile(ratings, RATINGS_HEADER, (src, line, f) -> data.addRating(src, ratings, line, f[0], f[1],
                    f[2], f[3], false), bad, data);
        } else if (data.ratings.size() == 0) {
            throw new DatasetFormatException(ratings, 2, 0, "no rows after the header " + String.join(",",
                    RATINGS_HEADER));
        }
        if (tags && DataFolders.exists(dir, "tags.csv")) {
            readCsvFile(DataFolders.file(dir, "tags.csv"), TAGS_HEADER,
                    (src, line, f) -> addTag(data, src, f[1], f[2]), data);
        }
        if (DataFolders.exists(dir, "links.csv")) {
            readCsvFile(DataFolders.file(dir, "links.csv"), LINKS_HEADER, (src, line, f) -> {
                int i = data.items.intern(MovieLensData.id(src, 1, "movie id", f[0]));
                data.imdbIds.put(i, f[1].trim());
                if (!f[2].isBlank()) {
                    data.tmdbIds.put(i, f[2].trim());
                }
            }, data);
        }
        return data.build(dir.getFileName() == null ? "movielens" : dir.getFileName().toString(), dir, null);
    }

    /** Whether the file starts with exactly this header (BOM tolerated). */
    private static boolean hasHeader(Path file, String[] header) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            String first = src.next();
            return first != null && first.trim().equals(String.join(",", header));
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(RowContext row, long line, String[] fields);
    }

    /** Reads a metadata CSV file (movies, tags, links) with the expected header; empty bodies are fine. */
    private static void readCsvFile(Path file, String[] header, RowHandler handler, MovieLensData data) {
        readCsvFile(file, header, handler, new BadRows(false), data, false);
    }

    private static void readCsvFile(Path file, String[] header, RowHandler handler, BadRows bad, MovieLensData data) {
        readCsvFile(file, header, handler, bad, data, true);
    }

    /**
     * Reads a CSV file with the expected header through {@link CsvRows}; each row must have the header's number of
     * fields, and its errors name its first line.
     */
    private static void readCsvFile(Path file, String[] header, RowHandler handler, BadRows bad, MovieLensData data,
            boolean requireRows) {
        CsvRows.Summary summary = CsvRows.read(file, StandardCharsets.UTF_8, CsvRows.Format.WITH_HEADER, requireRows,
                (names, at) -> {
                    if (!java.util.Arrays.equals(names, header)) {
                        throw at.error(0, "header is '" + String.join(",", names) + "', expected '"
                                + String.join(",", header) + "'");
                    }
                }, (f, line, at) -> {
                    try {
                        if (f.length != header.length) {
                            throw at.error(0, "expected " + header.length + " comma-separated fields ("
                                    + String.join(",", header) + "), found " + f.length);
                        }
                        handler.accept(at, line, f);
                    } catch (DatasetFormatException e) {
                        bad.reject(e);
                    }
                });
        data.warnings.blankLines(file, summary.blankLines(), summary.firstBlankLine());
    }

    // ---- shared ----

    private static void addGenres(MovieLensData data, int item, String genres) {
        for (String g : genres.split("\\|")) {
            String name = g.trim();
            if (!name.isEmpty() && !name.equals("(no genres listed)")) {
                data.genres.add(item, name);
            }
        }
    }

    private static void addTag(MovieLensData data, RowContext src, String movie, String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
            int i = data.items.intern(MovieLensData.id(src, 2, "movie id", movie));
            data.tags.add(i, t);
        }
    }

}
