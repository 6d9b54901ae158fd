package org.recworkbench.data.obd;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.RowContext;

/**
 * Open Bandit Dataset logs (Saito et al. 2021) as logged bandit feedback: one interaction per impression,
 * the user being the context (the four hashed user features, joined), the value the click (0/1), and the
 * extra columns {@code position} (1-3), {@code propensity} (the logging policy's probability of the action)
 * and {@code affinity_<item>} (the user-item affinity features). {@code item_context.csv} gives item
 * features ({@code item_feature_0} numeric, the others categorical). Reads
 * {@code <path>/<policy>/<campaign>/<campaign>.csv}, or a campaign folder directly.
 */
@Component(service = DatasetAdapter.class)
public class ObdAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "the obd folder (with policy subfolders) or one campaign "
                    + "folder"),
            ParameterDescriptor.ofEnum("policy", "random", List.of("random", "bts"), "logging policy"),
            ParameterDescriptor.ofEnum("campaign", "all", List.of("all", "men", "women"), "campaign"));

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]XXX");

    public ObdAdapter() {
        super("obd",
                "Open Bandit Dataset: logged impressions with positions, clicks and true propensities",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path root = DataFolders.folder(p.getString("path"));
        String campaign = p.getString("campaign");
        Path dir = DataFolders.exists(root, campaign + ".csv") ? root
                : root.resolve(p.getString("policy")).resolve(campaign);
        Path log = DataFolders.required(DataFolders.folder(dir.toString()), campaign + ".csv");
        IdIndex.Builder users = new IdIndex.Builder(1024);
        IdIndex.Builder items = new IdIndex.Builder(128);
        InteractionsBuilder x = new InteractionsBuilder(16_384);
        List<float[]> extra = new ArrayList<>();
        LogColumns[] resolved = new LogColumns[1];
        String[] header = readCsv(log, (names, f, at) -> {
            if (resolved[0] == null) {
                resolved[0] = LogColumns.of(names, at);
            }
            LogColumns c = resolved[0];
            int user = users.intern(String.join("|", Arrays.copyOfRange(f, c.userFeatures(), c.userFeatures() + 4)));
            int item = items.intern(Fields.id(at, c.item() + 1, "item_id", f[c.item()]));
            long time = timestamp(f[c.timestamp()], at, c.timestamp() + 1);
            float click = Fields.finiteFloat(at, c.click() + 1, "click", f[c.click()]);
            if (click != 0f && click != 1f) {
                throw at.error(c.click() + 1, "click '" + f[c.click()] + "' is not 0 or 1");
            }
            float[] values = new float[2 + c.affinity().length];
            values[0] = Fields.finiteFloat(at, c.position() + 1, "position", f[c.position()]);
            values[1] = Fields.finiteFloat(at, c.propensity() + 1, "propensity_score", f[c.propensity()]);
            if (!(values[1] > 0 && values[1] <= 1)) {
                throw at.error(c.propensity() + 1, "propensity " + f[c.propensity()] + " is not in (0, 1]");
            }
            for (int a = 0; a < c.affinity().length; a++) {
                int col = c.affinity()[a];
                values[2 + a] = Fields.finiteFloat(at, col + 1, names[col], f[col]);
            }
            x.add(user, item, click, time);
            extra.add(values);
        });
        int n = x.size();
        Interactions built = x.build(users.size(), Math.max(items.size(), 1));
        Map<String, float[]> columns = new LinkedHashMap<>();
        int[] affinity = affinityColumns(header);
        String[] extraNames = new String[2 + affinity.length];
        extraNames[0] = "position";
        extraNames[1] = "propensity";
        for (int a = 0; a < affinity.length; a++) {
            extraNames[2 + a] = header[affinity[a]].replace("user-item_affinity_", "affinity_");
        }
        for (int c = 0; c < extraNames.length; c++) {
            float[] column = new float[n];
            for (int r = 0; r < n; r++) {
                column[r] = extra.get(r)[c];
            }
            columns.put(extraNames[c], column);
        }
        Attributes itemAttributes = DataFolders.exists(dir, "item_context.csv")
                ? itemContext(DataFolders.file(dir, "item_context.csv"), items) : Attributes.empty();
        Map<String, String> meta = new HashMap<>();
        meta.put(Dataset.SOURCE, log.toString());
        meta.put(Dataset.FEEDBACK, "logged-bandit");
        meta.put("policy", dir.getParent() == null || dir.getParent().getFileName() == null ? "?"
                : dir.getParent().getFileName().toString());
        meta.put("campaign", campaign);
        return new Dataset("obd-" + meta.get("policy") + "-" + campaign, users.build(), items.build(),
                built.withExtraColumns(columns), itemAttributes, null, meta);
    }

    /** Where the log's fields are, found by name in its header. */
    private record LogColumns(int timestamp, int item, int position, int click, int propensity, int userFeatures,
            int[] affinity) {
        static LogColumns of(String[] names, RowContext at) {
            return new LogColumns(col(names, "timestamp", at), col(names, "item_id", at), col(names, "position", at),
                    col(names, "click", at), col(names, "propensity_score", at), col(names, "user_feature_0", at),
                    affinityColumns(names));
        }
    }

    private static int[] affinityColumns(String[] names) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("user-item_affinity_")) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int col(String[] names, String name, RowContext at) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw at.error(0, "no column '" + name + "' in the header");
    }

    private static long timestamp(String text, RowContext at, int column) {
        try {
            return OffsetDateTime.parse(text.trim(), TIMESTAMP).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw at.error(column, "timestamp '" + text + "' is not like 2019-11-24 00:03:13.442536+00:00");
        }
    }

    private static Attributes itemContext(Path file, IdIndex.Builder items) {
        int numItems = items.size();
        double[] numeric = new double[numItems];
        Arrays.fill(numeric, Double.NaN);
        CategoricalBuilder[] categorical = {new CategoricalBuilder("item_feature_1"),
            new CategoricalBuilder("item_feature_2"), new CategoricalBuilder("item_feature_3")};
        readCsv(file, (names, f, at) -> {
            int item = items.indexOf(f[col(names, "item_id", at)].trim());
            if (item < 0 || item >= numItems) {
                return; // an item never shown in this log
            }
            int c0 = col(names, "item_feature_0", at);
            numeric[item] = Fields.finiteDouble(at, c0 + 1, "item_feature_0", f[c0]);
            for (int k = 0; k < 3; k++) {
                int c = col(names, "item_feature_" + (k + 1), at);
                categorical[k].add(item, f[c].trim());
            }
        });
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        for (CategoricalBuilder b : categorical) {
            Attributes.Categorical built = b.build(numItems);
            cat.put(built.name(), built);
        }
        return new Attributes(cat, Map.of("item_feature_0", numeric), Map.of());
    }

    @FunctionalInterface
    private interface Row {
        void accept(String[] header, String[] fields, RowContext at);
    }

    /** Reads a CSV (OpenCSV) whose first row is the header, handing each data row over; returns the header. */
    private static String[] readCsv(Path file, Row handler) {
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(src.reader()).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new DatasetFormatException(file, 1, 0, "empty file, expected a header");
            }
            header = Arrays.stream(header).map(String::trim).toArray(String[]::new);
            long line = csv.getLinesRead();
            for (String[] f; (f = csv.readNext()) != null;) {
                long at = line + 1;
                line = csv.getLinesRead();
                if (f.length == 1 && f[0].isBlank()) {
                    continue;
                }
                if (f.length != header.length) {
                    throw new DatasetFormatException(file, at, 0, "expected " + header.length + " fields, found "
                            + f.length);
                }
                handler.accept(header, f, (c, r) -> new DatasetFormatException(file, at, c, r));
            }
            return header;
        } catch (CsvValidationException e) {
            throw new DatasetFormatException(file, e.getLineNumber(), 0, "malformed CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LineSource.readError(file, e, 0);
        }
    }
}
