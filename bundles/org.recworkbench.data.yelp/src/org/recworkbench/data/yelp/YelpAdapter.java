package org.recworkbench.data.yelp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
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
import org.recworkbench.data.support.JsonLines;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.LineSource;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.Timestamps;

/**
 * The Yelp Open Dataset as Yelp distributes it (JSON lines): {@code yelp_academic_dataset_review.json}
 * (user_id, business_id, stars 1-5, date) gives the ratings; {@code yelp_academic_dataset_business.json}
 * gives each business its categories (the comma-separated {@code categories} string), city and state, its
 * scalar attributes as {@code Key=Value} values of the categorical attribute {@code attribute}, and its name.
 */
@Component(service = DatasetAdapter.class)
public class YelpAdapter extends AdapterBase {

    static final String REVIEWS = "yelp_academic_dataset_review.json";
    static final String BUSINESSES = "yelp_academic_dataset_business.json";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding the yelp_academic_dataset_*.json files"),
            BadRows.option());

    public YelpAdapter() {
        super("yelp",
                "Yelp Open Dataset: review stars, business categories, location and attributes",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        IdIndex.Builder users = new IdIndex.Builder(1 << 16);
        IdIndex.Builder items = new IdIndex.Builder(1 << 14);
        CategoricalBuilder categories = new CategoricalBuilder("category");
        CategoricalBuilder city = new CategoricalBuilder("city");
        CategoricalBuilder state = new CategoricalBuilder("state");
        CategoricalBuilder attributes = new CategoricalBuilder("attribute");
        Map<Integer, String> names = new LinkedHashMap<>();
        if (DataFolders.exists(dir, BUSINESSES)) {
            try (LineSource src = new LineSource(DataFolders.file(dir, BUSINESSES), StandardCharsets.UTF_8)) {
                for (String line; (line = src.nextRecord()) != null;) {
                    JsonNode b = JsonLines.object(src, line);
                    String id = JsonLines.id(src, b, "business_id");
                    if (items.indexOf(id) >= 0) {
                        throw src.error(0, "business " + id + " appears twice");
                    }
                    int i = items.intern(id);
                    if (b.hasNonNull("name")) {
                        names.put(i, b.get("name").asText());
                    }
                    if (b.hasNonNull("categories")) {
                        for (String c : b.get("categories").asText().split(",")) {
                            if (!c.isBlank()) {
                                categories.add(i, c.trim());
                            }
                        }
                    }
                    if (b.hasNonNull("city")) {
                        city.add(i, b.get("city").asText().trim());
                    }
                    if (b.hasNonNull("state")) {
                        state.add(i, b.get("state").asText().trim());
                    }
                    JsonNode attrs = b.get("attributes");
                    if (attrs != null && attrs.isObject()) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext();) {
                            Map.Entry<String, JsonNode> e = it.next();
                            String value = e.getValue().asText();
                            if (!value.startsWith("{") && !value.equals("None")) {
                                attributes.add(i, e.getKey() + "=" + value.replace("u'", "").replace("'", ""));
                            }
                        }
                    }
                }
            }
        }
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        Timestamps timestamps = new Timestamps(null);
        monitor.begin("load Yelp reviews from " + dir, -1);
        Path reviews = DataFolders.required(dir, REVIEWS);
        try (LineSource src = new LineSource(reviews, StandardCharsets.UTF_8)) {
            for (String line; (line = src.nextRecord()) != null;) {
                try {
                    JsonNode r = JsonLines.object(src, line);
                    JsonNode stars = r.get("stars");
                    if (stars == null || !stars.isNumber() || stars.asDouble() < 1 || stars.asDouble() > 5) {
                        throw src.error(0, "'stars' is " + stars + ", expected a number from 1 to 5");
                    }
                    long time;
                    try {
                        time = LocalDateTime.parse(JsonLines.text(src, r, "date"), DATE)
                                .toEpochSecond(ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        throw src.error(0, "date '" + r.get("date").asText() + "' is not like 2018-07-07 22:09:11");
                    }
                    timestamps.check(src, 0, time);
                    String user = JsonLines.id(src, r, "user_id");
                    String business = JsonLines.id(src, r, "business_id");
                    if (stars.asDouble() != Math.rint(stars.asDouble())) {
                        warnings.fractionalRating(reviews.getFileName() + ":" + src.lineNumber(),
                                (float) stars.asDouble());
                    }
                    warnings.rows().add(x.size(), reviews, src.lineNumber());
                    x.add(users.intern(user), items.intern(business), (float) stars.asDouble(), time);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                }
            }
            if (x.size() == 0 && bad.skipped() == 0) {
                throw src.noRows("one JSON review object per line");
            }
            warnings.blankLines(src);
        }
        monitor.done();
        int n = items.size();
        String[] titles = new String[n];
        names.forEach((i, s) -> titles[i] = s);
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        for (CategoricalBuilder b : new CategoricalBuilder[] {categories, city, state, attributes}) {
            Attributes.Categorical built = b.build(n);
            cat.put(built.name(), built);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "explicit");
        meta.put("ratingScale", "1-5");
        bad.describe(meta);
        Interactions built = x.build(users.size(), n);
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, "1-5 stars", meta);
        return new Dataset("yelp", builtUsers, builtItems, built, new Attributes(cat, Map.of(), Map.of("title", titles)),
                null, meta);
    }


}
