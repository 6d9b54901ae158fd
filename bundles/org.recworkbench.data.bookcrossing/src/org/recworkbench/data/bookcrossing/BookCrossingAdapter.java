package org.recworkbench.data.bookcrossing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.BadRows;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.CsvRows;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;

/**
 * Book-Crossing (Ziegler et al., WWW 2005): {@code BX-Book-Ratings.csv} ({@code "User-ID";"ISBN";
 * "Book-Rating"}, semicolons, quotes, ISO-8859-1) where 1-10 is an explicit rating and 0 an implicit
 * interaction; {@code BX-Books.csv} gives titles, authors, publishers and years. Option {@code ratings}:
 * {@code explicit} keeps the 1-10 rows, {@code implicit} keeps every row with value 1.
 */
@Component(service = DatasetAdapter.class)
public class BookCrossingAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding BX-Book-Ratings.csv"),
            ParameterDescriptor.ofEnum("ratings", "explicit", List.of("explicit", "implicit"),
                    "explicit: ratings 1-10 only; implicit: every row (0 included) as value 1"),
            BadRows.option());

    public BookCrossingAdapter() {
        super("bookcrossing", "Book-Crossing: explicit 1-10 ratings or implicit interactions, book metadata",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        boolean implicit = "implicit".equals(p.getString("ratings"));
        IdIndex.Builder users = new IdIndex.Builder(1 << 16);
        IdIndex.Builder items = new IdIndex.Builder(1 << 16);
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        Path ratings = DataFolders.required(dir, "BX-Book-Ratings.csv");
        read(ratings, new String[] {"User-ID", "ISBN", "Book-Rating"}, (f, line, at) -> {
            long rating = Fields.integer(at, 3, "Book-Rating", f[2]);
            if (rating < 0 || rating > 10) {
                throw at.error(3, "rating " + rating + " is outside 0-10");
            }
            String user = Fields.numericId(at, 1, "User-ID", f[0], Integer.MAX_VALUE);
            String isbn = Fields.id(at, 2, "ISBN", f[1]);
            if (implicit || rating > 0) {
                warnings.rows().add(x.size(), ratings, line);
                x.add(users.intern(user), items.intern(isbn), implicit ? 1f : rating, 0L);
            }
        }, bad, warnings, true);
        int n = items.size();
        String[] titles = new String[n];
        double[] year = new double[n];
        Arrays.fill(year, Double.NaN);
        CategoricalBuilder author = new CategoricalBuilder("author");
        CategoricalBuilder publisher = new CategoricalBuilder("publisher");
        if (DataFolders.exists(dir, "BX-Books.csv")) {
            read(DataFolders.file(dir, "BX-Books.csv"), new String[] {"ISBN", "Book-Title", "Book-Author",
                "Year-Of-Publication", "Publisher"}, (f, line, at) -> {
                    int i = items.indexOf(f[0].trim());
                    if (i < 0 || i >= n) {
                        return;
                    }
                    titles[i] = f[1];
                    author.add(i, f[2].trim());
                    long y = Fields.integer(at, 4, "Year-Of-Publication", f[3]);
                    year[i] = y == 0 ? Double.NaN : y; // 0 means unknown in this dataset
                    publisher.add(i, f[4].trim());
                }, new BadRows(false), warnings, false);
        }
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        cat.put("author", author.build(n));
        cat.put("publisher", publisher.build(n));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, implicit ? "implicit" : "explicit");
        if (!implicit) {
            meta.put("ratingScale", "1-10");
        }
        bad.describe(meta);
        Interactions built = x.build(users.size(), n);
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, implicit ? "implicit" : "1-10", meta);
        return new Dataset("book-crossing", builtUsers, builtItems, built,
                new Attributes(cat, Map.of("year", year), Map.of("title", titles)), null, meta);
    }

    @FunctionalInterface
    private interface Row {
        void accept(String[] fields, long line, RowContext at);
    }

    private static final CsvRows.Format FORMAT = new CsvRows.Format(';', '"', true);

    /** Reads a semicolon-separated, quoted ISO-8859-1 file whose header starts with {@code expected}. */
    private static void read(Path file, String[] expected, Row handler, BadRows bad, LoadWarnings warnings,
            boolean requireRows) {
        CsvRows.Summary summary = CsvRows.read(file, StandardCharsets.ISO_8859_1, FORMAT, requireRows,
                (header, at) -> {
                    if (header.length < expected.length
                            || !Arrays.equals(Arrays.copyOf(header, expected.length), expected)) {
                        throw at.error(0, "header is " + Arrays.toString(header) + ", expected "
                                + Arrays.toString(expected) + " first");
                    }
                }, (f, line, at) -> {
                    try {
                        if (f.length < expected.length) {
                            throw at.error(0, "expected at least " + expected.length + " fields, found " + f.length);
                        }
                        handler.accept(f, line, at);
                    } catch (DatasetFormatException e) {
                        bad.reject(e);
                    }
                });
        warnings.blankLines(file, summary.blankLines(), summary.firstBlankLine());
    }
}
