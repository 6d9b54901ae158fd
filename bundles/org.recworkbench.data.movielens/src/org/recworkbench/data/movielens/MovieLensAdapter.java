package org.recworkbench.data.movielens;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
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
        MovieLensData data = new MovieLensData(1, 5);
        data.bad = bad;
        if (DataFolders.exists(dir, "u.user")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "u.user"))) {
                for (String line; (line = src.next()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
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
                for (String line; (line = src.next()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
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
            for (String line; (line = src.next()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
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
        if (data.readFast(file, "\t", false, test)) {
            return;
        }
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            for (String line; (line = src.next()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    String[] f = Fields.split(src, line, "\t", 4, "user TAB item TAB rating TAB timestamp");
                    data.addRating(src, f[0], f[1], f[2], f[3], test);
                } catch (DatasetFormatException e) {
                    data.bad.reject(e);
                }
            }
        }
    }

    // ---- 1M / 10M ----

    private static Dataset readDat(Path dir, boolean tags, BadRows bad) {
        MovieLensData data = new MovieLensData(0.5f, 5);
        data.bad = bad;
        if (DataFolders.exists(dir, "users.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "users.dat"))) {
                for (String line; (line = src.next()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
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
                for (String line; (line = src.next()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = Fields.split(src, line, "::", 3, "MovieID::Title::Genres");
                    addGenres(data, data.addMovie(src, f[0], f[1]), f[2]);
                }
            }
        }
        if (!data.readFast(DataFolders.file(dir, "ratings.dat"), "::", false, false)) {
            readDatRatings(DataFolders.file(dir, "ratings.dat"), data);
        }
        if (tags && DataFolders.exists(dir, "tags.dat")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "tags.dat"))) {
                for (String line; (line = src.next()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = Fields.split(src, line, "::", 4, "UserID::MovieID::Tag::Timestamp");
                    addTag(data, src, f[1], f[2]);
                }
            }
        }
        return data.build(dir.getFileName() == null ? "movielens" : dir.getFileName().toString(), dir, null);
    }

    private static void readDatRatings(Path file, MovieLensData data) {
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            for (String line; (line = src.next()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    String[] f = Fields.split(src, line, "::", 4, "UserID::MovieID::Rating::Timestamp");
                    data.addRating(src, f[0], f[1], f[2], f[3], false);
                } catch (DatasetFormatException e) {
                    data.bad.reject(e);
                }
            }
        }
    }

    // ---- CSV releases ----

    private static Dataset readCsv(Path dir, boolean tags, BadRows bad) {
        MovieLensData data = new MovieLensData(0.5f, 5);
        data.bad = bad;
        if (DataFolders.exists(dir, "movies.csv")) {
            readCsvFile(DataFolders.file(dir, "movies.csv"), MOVIES_HEADER,
                    (src, f) -> addGenres(data, data.addMovie(src, f[0], f[1]), f[2]));
        }
        Path ratings = DataFolders.file(dir, "ratings.csv");
        if (!hasHeader(ratings, RATINGS_HEADER) || !data.readFast(ratings, ",", true, false)) {
            readCsvFile(ratings, RATINGS_HEADER, (src, f) -> data.addRating(src, f[0], f[1], f[2], f[3], false),
                    bad);
        }
        if (tags && DataFolders.exists(dir, "tags.csv")) {
            readCsvFile(DataFolders.file(dir, "tags.csv"), TAGS_HEADER, (src, f) -> addTag(data, src, f[1], f[2]));
        }
        if (DataFolders.exists(dir, "links.csv")) {
            readCsvFile(DataFolders.file(dir, "links.csv"), LINKS_HEADER, (src, f) -> {
                int i = data.items.intern(Fields.id(src, 1, "movie id", f[0]));
                data.imdbIds.put(i, f[1].trim());
                if (!f[2].isBlank()) {
                    data.tmdbIds.put(i, f[2].trim());
                }
            });
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
        void accept(RowContext row, String[] fields);
    }

    /** Reads a CSV file with the expected header through OpenCSV; the row's line number is reported on error. */
    private static void readCsvFile(Path file, String[] header, RowHandler handler) {
        readCsvFile(file, header, handler, new BadRows(false));
    }

    private static void readCsvFile(Path file, String[] header, RowHandler handler, BadRows bad) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, 0, 0, "missing file");
        }
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(src.reader()).build()) {
            String[] first = csv.readNext();
            if (first == null) {
                throw new DatasetFormatException(file, 1, 0, "empty file, expected the header "
                        + String.join(",", header));
            }
            if (first.length > 0 && !first[0].isEmpty() && first[0].charAt(0) == '\uFEFF') {
                first[0] = first[0].substring(1);
            }
            if (!java.util.Arrays.equals(trim(first), header)) {
                throw new DatasetFormatException(file, 1, 0, "header is '" + String.join(",", first)
                        + "', expected '" + String.join(",", header) + "'");
            }
            long lineNo = csv.getLinesRead();
            String[] row;
            while ((row = csv.readNext()) != null) {
                long rowStart = lineNo + 1;
                lineNo = csv.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                try {
                    if (row.length != header.length) {
                        throw new DatasetFormatException(file, rowStart, 0, "expected " + header.length
                                + " comma-separated fields (" + String.join(",", header) + "), found " + row.length);
                    }
                    handler.accept((column, reason) -> new DatasetFormatException(file, rowStart, column, reason),
                            row);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                }
            }
        } catch (CsvValidationException e) {
            throw new DatasetFormatException(file, e.getLineNumber(), 0, "malformed CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LineSource.readError(file, e, 0);
        }
    }

    private static String[] trim(String[] f) {
        String[] t = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            t[i] = f[i].trim();
        }
        return t;
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
            int i = data.items.intern(Fields.id(src, 2, "movie id", movie));
            data.tags.add(i, t);
        }
    }

}
