package org.recworkbench.data.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.recworkbench.data.support.JsonLines;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.Timestamps;

/**
 * Amazon review dumps as published by McAuley's lab, one JSON object per line, plain or gzipped:
 * the 2014 and 2018 releases ({@code reviewerID}, {@code asin}, {@code overall}, {@code unixReviewTime} in
 * seconds) and the 2023 release ({@code user_id}, {@code parent_asin} or {@code asin}, {@code rating},
 * {@code timestamp} in milliseconds), 5-core or full. Optional metadata (2018 and 2023 JSON lines) gives
 * titles, brands or stores, categories and prices. Every row is kept: the count of repeated (user, item)
 * pairs is reported in the metadata ({@code duplicatePairs}; the 2018 5-core files have some) and the
 * {@code dedup} filter applies a stated policy.
 */
@Component(service = DatasetAdapter.class)
public class AmazonAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "reviews file (.json, .jsonl, optionally .gz)"),
            ParameterDescriptor.ofString("metadata", null, "item metadata file (JSON lines, 2018 or 2023), optional"),
            BadRows.option());

    public AmazonAdapter() {
        super("amazon",
                "Amazon reviews 2014/2018/2023 (JSON lines, gzip transparent) with optional item metadata",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path reviews = file(p.getString("path"), "dataset.options.path");
        IdIndex.Builder users = new IdIndex.Builder(1024);
        IdIndex.Builder items = new IdIndex.Builder(1024);
        InteractionsBuilder x = new InteractionsBuilder(4096);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        Timestamps timestamps = new Timestamps(null);
        monitor.begin("load Amazon reviews from " + reviews, -1);
        try (LineSource src = new LineSource(reviews, StandardCharsets.UTF_8)) {
            for (String line; (line = src.nextRecord()) != null;) {
                String user;
                String item;
                double rating;
                long time;
                try {
                    JsonNode r = JsonLines.object(src, line);
                    boolean v2023 = r.has("user_id");
                    user = JsonLines.id(src, r, v2023 ? "user_id" : "reviewerID");
                    item = v2023 && r.hasNonNull("parent_asin") ? JsonLines.id(src, r, "parent_asin")
                            : JsonLines.id(src, r, "asin");
                    rating = number(src, r, v2023 ? "rating" : "overall");
                    if (rating < 1 || rating > 5) {
                        throw src.error(0, "rating " + rating + " is outside the scale 1-5");
                    }
                    time = (long) number(src, r, v2023 ? "timestamp" : "unixReviewTime");
                    if (v2023) {
                        time /= 1000; // milliseconds in the 2023 release
                    }
                    timestamps.check(src, 0, time);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                    continue;
                }
                if (rating != Math.rint(rating)) {
                    warnings.fractionalRating(reviews.getFileName() + ":" + src.lineNumber(), (float) rating);
                }
                warnings.rows().add(x.size(), reviews, src.lineNumber());
                x.add(users.intern(user), items.intern(item), (float) rating, time);
            }
            if (x.size() == 0 && bad.skipped() == 0) {
                throw src.noRows("one JSON review object per line");
            }
            warnings.blankLines(src);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, reviews.toString());
        meta.put(Dataset.FEEDBACK, "explicit");
        meta.put("ratingScale", "1-5");
        bad.describe(meta);
        Attributes itemAttributes = p.getString("metadata") == null ? Attributes.empty()
                : metadata(file(p.getString("metadata"), "dataset.options.metadata"), items);
        monitor.done();
        String name = reviews.getFileName().toString().replaceFirst("\\.(jsonl?|json\\.gz|jsonl\\.gz)$", "");
        Interactions built = x.build(users.size(), items.size());
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, "1-5", meta);
        meta.put("duplicatePairs", Long.toString(warnings.duplicatePairs()));
        return new Dataset(name, builtUsers, builtItems, built, itemAttributes, null, meta);
    }

    private Attributes metadata(Path file, IdIndex.Builder items) {
        int n = items.size();
        String[] titles = new String[n];
        double[] price = new double[n];
        Arrays.fill(price, Double.NaN);
        CategoricalBuilder categories = new CategoricalBuilder("category");
        CategoricalBuilder brand = new CategoricalBuilder("brand");
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            for (String line; (line = src.nextRecord()) != null;) {
                if (line.trim().startsWith("{'")) {
                    throw src.error(0, "Python-literal metadata (the 2014 release) is not JSON; convert it to "
                            + "JSON lines first");
                }
                JsonNode m = JsonLines.object(src, line);
                String asin = m.hasNonNull("parent_asin") ? m.get("parent_asin").asText()
                        : m.hasNonNull("asin") ? m.get("asin").asText() : null;
                int i = asin == null ? -1 : items.indexOf(asin);
                if (i < 0 || i >= n) {
                    continue; // metadata of an item without reviews here
                }
                if (m.hasNonNull("title")) {
                    titles[i] = m.get("title").asText();
                }
                JsonNode b = m.hasNonNull("brand") ? m.get("brand") : m.get("store");
                if (b != null && !b.isNull() && !b.asText().isBlank()) {
                    brand.add(i, b.asText().trim());
                }
                JsonNode cats = m.has("categories") ? m.get("categories") : m.get("category");
                if (cats != null && cats.isArray()) {
                    for (JsonNode c : cats) {
                        if (c.isTextual() && !c.asText().isBlank()) {
                            categories.add(i, c.asText().trim());
                        }
                    }
                }
                price[i] = price(m.get("price"));
            }
        }
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        cat.put("category", categories.build(n));
        cat.put("brand", brand.build(n));
        return new Attributes(cat, Map.of("price", price), Map.of("title", titles));
    }

    /** "$12.99", 12.99, or anything else (ranges, blanks) as unknown. */
    static double price(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        String t = node.asText().trim().replace("$", "").replace(",", "");
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }



    private static double number(LineSource src, JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw src.error(0, "'" + field + "' is " + (v == null ? "missing" : "'" + v + "'")
                    + ", expected a number");
        }
        return v.asDouble();
    }

    private static Path file(String path, String option) {
        if (path == null || path.isBlank()) {
            throw new InvalidSpecException(option, "is required: a JSON-lines file");
        }
        Path f = Path.of(path);
        if (!Files.isRegularFile(f)) {
            throw new InvalidSpecException(option, "not a file: " + f.toAbsolutePath());
        }
        return f;
    }
}
