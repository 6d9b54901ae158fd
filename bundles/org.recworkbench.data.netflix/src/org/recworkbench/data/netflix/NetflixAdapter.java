package org.recworkbench.data.netflix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;
import org.recworkbench.data.support.Timestamps;

/**
 * The Netflix Prize data as published: blocks of {@code MovieID:} followed by {@code CustomerID,Rating,Date}
 * lines, either in {@code training_set/mv_*.txt} (one movie per file) or in {@code combined_data_*.txt};
 * {@code movie_titles.txt} ({@code MovieID,Year,Title}, ISO-8859-1, titles may contain commas). With
 * {@code probe: true} the rows listed in {@code probe.txt} are flagged {@code heldout} (use split method
 * {@code predefined}), reproducing the Prize's probe evaluation.
 */
@Component(service = DatasetAdapter.class)
public class NetflixAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder with training_set/ or combined_data_*.txt"),
            ParameterDescriptor.ofBoolean("probe", false, "flag the probe.txt ratings as the held-out set"),
            BadRows.option());

    public NetflixAdapter() {
        super("netflix",
                "Netflix Prize ratings (training_set or combined_data files), movie titles, the probe set",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        IdIndex.Builder users = new IdIndex.Builder(1 << 16);
        IdIndex.Builder items = new IdIndex.Builder(1 << 14);
        Map<Integer, String> titles = new HashMap<>();
        Map<Integer, Double> years = new HashMap<>();
        if (DataFolders.exists(dir, "movie_titles.txt")) {
            try (LineSource src = LineSource.openText(DataFolders.file(dir, "movie_titles.txt"))) {
                for (String line; (line = src.nextRecord()) != null;) {
                    int a = line.indexOf(',');
                    int b = a < 0 ? -1 : line.indexOf(',', a + 1);
                    if (b < 0) {
                        throw src.error(0, "expected MovieID,YearOfRelease,Title");
                    }
                    String movie = id(src, 1, "movie id", line.substring(0, a));
                    if (items.indexOf(movie) >= 0) {
                        throw src.error(1, "movie id " + movie + " appears twice, expected one row per movie");
                    }
                    int i = items.intern(movie);
                    String year = line.substring(a + 1, b).trim();
                    if (!year.equals("NULL")) {
                        years.put(i, (double) Fields.integer(src, 2, "year", year));
                    }
                    titles.put(i, line.substring(b + 1));
                }
            }
        }
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        Timestamps timestamps = new Timestamps(null);
        List<Path> files = ratingFiles(dir);
        monitor.begin("load Netflix Prize ratings", files.size());
        for (Path file : files) {
            readBlocks(file, users, items, x, bad, warnings, timestamps);
            monitor.worked(1);
        }
        monitor.done();
        Interactions built = x.build(users.size(), items.size());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "explicit");
        meta.put("ratingScale", "1-5");
        bad.describe(meta);
        if (p.getBoolean("probe")) {
            built = built.withExtraColumns(Map.of("heldout", probe(DataFolders.required(dir, "probe.txt"), users,
                    items, built)));
            meta.put("fold", "probe");
        }
        String[] t = new String[items.size()];
        titles.forEach((i, s) -> t[i] = s);
        double[] y = new double[items.size()];
        java.util.Arrays.fill(y, Double.NaN);
        years.forEach((i, v) -> y[i] = v);
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, "1-5 stars", meta);
        return new Dataset("netflix-prize", builtUsers, builtItems, built,
                new Attributes(Map.of(), Map.of("year", y), Map.of("title", t)), null, meta);
    }

    private static List<Path> ratingFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        Path training = dir.resolve("training_set");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Files.isDirectory(training) ? training : dir,
                Files.isDirectory(training) ? "mv_*.txt" : "combined_data_*.txt")) {
            s.forEach(files::add);
        } catch (IOException e) {
            throw new DatasetFormatException(dir, 0, 0, "cannot list rating files: " + e, e);
        }
        if (files.isEmpty()) {
            throw new InvalidSpecException("dataset.options.path", "no training_set/mv_*.txt or combined_data_*.txt in "
                    + dir.toAbsolutePath());
        }
        files.sort(null);
        return files;
    }

    /** Netflix movie and customer ids are positive 32-bit integers. */
    private static String id(RowContext src, int column, String what, String text) {
        return Fields.numericId(src, column, what, text, Integer.MAX_VALUE);
    }

    private static void readBlocks(Path file, IdIndex.Builder users, IdIndex.Builder items, InteractionsBuilder x,
            BadRows bad, LoadWarnings warnings, Timestamps timestamps) {
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            int movie = -1;
            int before = x.size();
            for (String line; (line = src.nextRecord()) != null;) {
                if (line.endsWith(":")) {
                    movie = items.intern(id(src, 1, "movie id", line.substring(0, line.length() - 1)));
                    continue;
                }
                if (movie < 0) {
                    throw src.error(0, "a rating before any 'MovieID:' line");
                }
                try {
                    String[] f = Fields.split(src, line, ",", 3, "CustomerID,Rating,Date");
                    float rating = Fields.finiteFloat(src, 2, "rating", f[1]);
                    if (rating < 1 || rating > 5) {
                        throw src.error(2, "rating " + f[1] + " is outside the scale 1-5");
                    }
                    long time;
                    try {
                        time = LocalDate.parse(f[2].trim()).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                    } catch (DateTimeParseException e) {
                        throw src.error(3, "date '" + f[2] + "' is not YYYY-MM-DD");
                    }
                    timestamps.check(src, 3, time);
                    int user = users.intern(id(src, 1, "customer id", f[0]));
                    if (rating != Math.rint(rating)) {
                        warnings.fractionalRating(file.getFileName() + ":" + src.lineNumber(), rating);
                    }
                    warnings.rows().add(x.size(), file, src.lineNumber());
                    x.add(user, movie, rating, time);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                }
            }
            if (x.size() == before && bad.skipped() == 0) {
                throw src.noRows("MovieID: lines, each followed by CustomerID,Rating,Date lines");
            }
            warnings.blankLines(src);
        }
    }

    /** 1 for the rows whose (movie, customer) pair is listed in probe.txt. */
    private static float[] probe(Path file, IdIndex.Builder users, IdIndex.Builder items, Interactions x) {
        Set<Long> pairs = new HashSet<>();
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            int movie = -1;
            for (String line; (line = src.nextRecord()) != null;) {
                if (line.endsWith(":")) {
                    movie = items.indexOf(line.substring(0, line.length() - 1).trim());
                    continue;
                }
                int user = users.indexOf(line.trim());
                if (movie < 0 || user < 0) {
                    throw src.error(0, "probe entry not in the training data");
                }
                pairs.add(((long) user << 32) | movie);
            }
        }
        float[] flags = new float[x.size()];
        for (int r = 0; r < flags.length; r++) {
            flags[r] = pairs.contains(((long) x.users()[r] << 32) | x.items()[r]) ? 1f : 0f;
        }
        return flags;
    }
}
