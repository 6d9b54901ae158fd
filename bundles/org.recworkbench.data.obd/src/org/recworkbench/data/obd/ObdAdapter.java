package org.recworkbench.data.obd;

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
import org.recworkbench.data.support.CsvRows;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;
import org.recworkbench.data.support.Timestamps;

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
            ParameterDescriptor.ofEnum("campaign", "all", List.of("all", "men", "women"), "campaign"),
            ParameterDescriptor.ofInt("positions", 3, 1, 1000, "slate size: positions run from 1 to this (ZOZOTOWN "
                    + "shows 3)"));

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
        int positions = p.getInt("positions");
        IdIndex.Builder users = new IdIndex.Builder(1024);
        IdIndex.Builder items = new IdIndex.Builder(128);
        // the item context first: it names the items a log may show (the index still follows the log's order)
        ItemContext context = DataFolders.exists(dir, "item_context.csv")
                ? itemContext(DataFolders.file(dir, "item_context.csv")) : null;
        InteractionsBuilder x = new InteractionsBuilder(16_384);
        LoadWarnings warnings = new LoadWarnings(true); // a user context sees an item many times: impressions repeat
        Timestamps timestamps = new Timestamps(null);
        List<float[]> extra = new ArrayList<>();
        LogColumns[] c = new LogColumns[1];
        CsvRows.Summary summary = CsvRows.read(log, StandardCharsets.UTF_8, CsvRows.Format.WITH_HEADER, true,
                (names, at) -> c[0] = LogColumns.of(names, at), (f, line, at) -> {
                    if (f.length != c[0].fields()) {
                        throw at.error(0, "expected " + c[0].fields() + " fields as in the header, found " + f.length);
                    }
                    String[] features = new String[4];
                    for (int k = 0; k < 4; k++) {
                        int col = c[0].userFeatures() + k;
                        features[k] = Fields.id(at, col + 1, c[0].names()[col], f[col]);
                    }
                    int user = users.intern(String.join("|", features));
                    String itemId = Fields.numericId(at, c[0].item() + 1, "item_id", f[c[0].item()], 1_000_000);
                    if (context != null && !context.byId().containsKey(itemId)) {
                        throw at.error(c[0].item() + 1, "item_id " + itemId + " is not in item_context.csv ("
                                + context.items() + " items)");
                    }
                    int item = items.intern(itemId);
                    long time = timestamps.check(at, c[0].timestamp() + 1, timestamp(f[c[0].timestamp()], at,
                            c[0].timestamp() + 1));
                    float click = Fields.finiteFloat(at, c[0].click() + 1, "click", f[c[0].click()]);
                    if (click != 0f && click != 1f) {
                        throw at.error(c[0].click() + 1, "click '" + f[c[0].click()] + "' is not 0 or 1");
                    }
                    float[] values = new float[2 + c[0].affinity().length];
                    long position = Fields.integer(at, c[0].position() + 1, "position", f[c[0].position()]);
                    if (position < 1 || position > positions) {
                        throw at.error(c[0].position() + 1, "position " + position + " is outside the slate: "
                                + "expected 1 to " + positions + " (option positions)");
                    }
                    values[0] = position;
                    values[1] = Fields.finiteFloat(at, c[0].propensity() + 1, "propensity_score",
                            f[c[0].propensity()]);
                    if (!(values[1] > 0 && values[1] <= 1)) {
                        throw at.error(c[0].propensity() + 1, "propensity " + f[c[0].propensity()]
                                + " is not in (0, 1]");
                    }
                    for (int a = 0; a < c[0].affinity().length; a++) {
                        int col = c[0].affinity()[a];
                        values[2 + a] = Fields.finiteFloat(at, col + 1, c[0].names()[col], f[col]);
                    }
                    warnings.rows().add(x.size(), log, line);
                    x.add(user, item, click, time);
                    extra.add(values);
                });
        warnings.blankLines(log, summary.blankLines(), summary.firstBlankLine());
        String[] header = summary.header();
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
        for (int k = 0; k < extraNames.length; k++) {
            float[] column = new float[n];
            for (int r = 0; r < n; r++) {
                column[r] = extra.get(r)[k];
            }
            columns.put(extraNames[k], column);
        }
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        Attributes itemAttributes = context == null ? Attributes.empty() : context.attributes(builtItems);
        Map<String, String> meta = new HashMap<>();
        meta.put(Dataset.SOURCE, log.toString());
        meta.put(Dataset.FEEDBACK, "logged-bandit");
        meta.put("policy", dir.getParent() == null || dir.getParent().getFileName() == null ? "?"
                : dir.getParent().getFileName().toString());
        meta.put("campaign", campaign);
        warnings.describe(built, builtUsers, builtItems, "0-1", meta);
        return new Dataset("obd-" + meta.get("policy") + "-" + campaign, builtUsers, builtItems,
                built.withExtraColumns(columns), itemAttributes, null, meta);
    }

    /** Where the log's fields are, found by name in its header. */
    private record LogColumns(String[] names, int fields, int timestamp, int item, int position, int click,
            int propensity, int userFeatures, int[] affinity) {
        static LogColumns of(String[] names, RowContext at) {
            return new LogColumns(names, names.length, col(names, "timestamp", at), col(names, "item_id", at),
                    col(names, "position", at), col(names, "click", at), col(names, "propensity_score", at),
                    col(names, "user_feature_0", at), affinityColumns(names));
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

    /** One row of {@code item_context.csv}: the numeric feature and the three categorical ones. */
    private record ItemFeatures(double numeric, String[] categorical) {
    }

    /** The item features of {@code item_context.csv} by item id, in file order. */
    private record ItemContext(Map<String, ItemFeatures> byId) {
        int items() {
            return byId.size();
        }

        /** Attributes of the items of the log's index (items of the context never shown are left out). */
        Attributes attributes(IdIndex index) {
            int numItems = index.size();
            double[] values = new double[numItems];
            Arrays.fill(values, Double.NaN);
            CategoricalBuilder[] categorical = {new CategoricalBuilder("item_feature_1"),
                new CategoricalBuilder("item_feature_2"), new CategoricalBuilder("item_feature_3")};
            byId.forEach((id, f) -> {
                int item = index.indexOf(id);
                if (item >= 0) {
                    values[item] = f.numeric();
                    for (int k = 0; k < 3; k++) {
                        categorical[k].add(item, f.categorical()[k]);
                    }
                }
            });
            Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
            for (CategoricalBuilder b : categorical) {
                Attributes.Categorical built = b.build(numItems);
                cat.put(built.name(), built);
            }
            return new Attributes(cat, Map.of("item_feature_0", values), Map.of());
        }
    }

    private static ItemContext itemContext(Path file) {
        Map<String, ItemFeatures> byId = new LinkedHashMap<>();
        int[][] cols = new int[1][];
        CsvRows.read(file, StandardCharsets.UTF_8, CsvRows.Format.WITH_HEADER, true,
                (names, at) -> cols[0] = new int[] {col(names, "item_id", at), col(names, "item_feature_0", at),
                    col(names, "item_feature_1", at), col(names, "item_feature_2", at),
                    col(names, "item_feature_3", at), names.length},
                (f, line, at) -> {
                    int[] c = cols[0];
                    if (f.length != c[5]) {
                        throw at.error(0, "expected " + c[5] + " fields as in the header, found " + f.length);
                    }
                    String id = Fields.numericId(at, c[0] + 1, "item_id", f[c[0]], 1_000_000);
                    if (byId.containsKey(id)) {
                        throw at.error(c[0] + 1, "item_id " + id + " appears twice, expected one row per item");
                    }
                    byId.put(id, new ItemFeatures(Fields.finiteDouble(at, c[1] + 1, "item_feature_0", f[c[1]]),
                            new String[] {f[c[2]].trim(), f[c[3]].trim(), f[c[4]].trim()}));
                });
        return new ItemContext(byId);
    }
}
