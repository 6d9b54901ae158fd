package org.recworkbench.data.crs;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
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
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.Fields;
import org.recworkbench.data.support.LoadWarnings;
import org.recworkbench.data.support.RowContext;

/**
 * The data of the EAR / SCPR / UNICORN conversational-recommendation benchmark (LastFM and Yelp variants):
 * {@code review_dict_train/valid/test.json} ({user: [items]}) become implicit interactions with the
 * benchmark's own split ({@code heldout} = 1 for test, {@code validation} = 1 for valid: use split method
 * {@code predefined}); {@code item_dict.json} gives each item its attribute indices ({@code feature_index},
 * the attributes a conversational policy asks about) and original categories; {@code user_dict.json} the
 * users' friends and liked attributes.
 */
@Component(service = DatasetAdapter.class)
public class CrsAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding item_dict.json and review_dict_*.json"));

    public CrsAdapter() {
        super("crs",
                "Conversational-recommendation benchmark format (EAR/SCPR/UNICORN): interactions with their "
                        + "train/valid/test split, item attributes, user friends and likes",
                OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        IdIndex.Builder items = new IdIndex.Builder(8192);
        CategoricalBuilder attributes = new CategoricalBuilder("attribute");
        CategoricalBuilder categories = new CategoricalBuilder("category");
        // the attribute dictionary (tag_map.json: original tag id -> attribute index) bounds every attribute index
        java.util.Set<Integer> dictionary = DataFolders.exists(dir, "tag_map.json")
                ? attributeDictionary(DataFolders.file(dir, "tag_map.json")) : null;
        JsonDicts.forEachEntry(DataFolders.required(dir, "item_dict.json"), (key, parser, at) -> {
            JsonDicts.expect(parser.currentToken(), JsonToken.START_OBJECT, "an item object", at);
            String id = Fields.numericId(at, 0, "item id", key, Integer.MAX_VALUE);
            if (items.indexOf(id) >= 0) {
                throw at.error(0, "item " + id + " appears twice");
            }
            int item = items.intern(id);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "feature_index" -> JsonDicts.forEachInt(parser, at, "attribute index", a -> {
                        checkAttribute(a, dictionary, at, "item " + id);
                        attributes.add(item, Integer.toString(a));
                    });
                    case "categories" -> JsonDicts.forEachInt(parser, at, "category id",
                            c -> categories.add(item, Integer.toString(c)));
                    default -> parser.skipChildren();
                }
            }
        });
        IdIndex.Builder users = new IdIndex.Builder(2048);
        InteractionsBuilder x = new InteractionsBuilder(80_000);
        LoadWarnings warnings = new LoadWarnings();
        float[][] flags = {new float[1 << 16], new float[1 << 16]}; // heldout, validation
        String[] parts = {"train", "valid", "test"};
        for (int part = 0; part < parts.length; part++) {
            int which = part;
            Path file = DataFolders.required(dir, "review_dict_" + parts[part] + ".json");
            JsonDicts.forEachEntry(file, (key, parser, at) -> {
                int user = users.intern(Fields.numericId(at, 0, "user id", key, Integer.MAX_VALUE));
                JsonDicts.forEachInt(parser, at, "item id", i -> {
                    int item = items.indexOf(Integer.toString(i));
                    if (item < 0) {
                        throw at.error(0, "item " + i + " of user " + key + " is not in item_dict.json");
                    }
                    int row = x.size();
                    warnings.rows().add(row, file, parser.currentTokenLocation().getLineNr());
                    x.add(user, item, 1f, 0L);
                    if (row == flags[0].length) {
                        flags[0] = java.util.Arrays.copyOf(flags[0], row * 2);
                        flags[1] = java.util.Arrays.copyOf(flags[1], row * 2);
                    }
                    flags[0][row] = which == 2 ? 1f : 0f;
                    flags[1][row] = which == 1 ? 1f : 0f;
                });
            });
        }
        Map<String, Attributes.Categorical> userCat = new LinkedHashMap<>();
        if (DataFolders.exists(dir, "user_dict.json")) {
            CategoricalBuilder friends = new CategoricalBuilder("friends");
            CategoricalBuilder likes = new CategoricalBuilder("likes");
            JsonDicts.forEachEntry(DataFolders.file(dir, "user_dict.json"), (key, parser, at) -> {
                JsonDicts.expect(parser.currentToken(), JsonToken.START_OBJECT, "a user object", at);
                int user = users.indexOf(key);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (user >= 0 && field.equals("friends")) {
                        JsonDicts.forEachInt(parser, at, "friend id", f -> friends.add(user, Integer.toString(f)));
                    } else if (user >= 0 && field.equals("like")) {
                        JsonDicts.forEachInt(parser, at, "attribute index", a -> {
                            checkAttribute(a, dictionary, at, "user " + key);
                            likes.add(user, Integer.toString(a));
                        });
                    } else {
                        parser.skipChildren();
                    }
                }
            });
            userCat.put("friends", friends.build(users.size()));
            userCat.put("likes", likes.build(users.size()));
        }
        int n = x.size();
        Interactions built = x.build(users.size(), items.size());
        Interactions withSplit = built.withExtraColumns(Map.of("heldout", java.util.Arrays.copyOf(flags[0], n),
                        "validation", java.util.Arrays.copyOf(flags[1], n)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "implicit");
        meta.put("fold", "benchmark train/valid/test");
        if (dictionary != null) {
            meta.put("attributes", Integer.toString(dictionary.size()));
        }
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, "implicit", meta);
        Map<String, Attributes.Categorical> itemCat = new LinkedHashMap<>();
        itemCat.put("attribute", attributes.build(items.size()));
        itemCat.put("category", categories.build(items.size()));
        return new Dataset(dir.getFileName() == null ? "crs" : dir.getFileName().toString(), builtUsers,
                builtItems, withSplit, new Attributes(itemCat, Map.of(), Map.of()),
                new Attributes(userCat, Map.of(), Map.of()), meta);
    }

    /** The attribute indexes of {@code tag_map.json} ({@code {"<original tag id>": <attribute index>}}). */
    private static java.util.Set<Integer> attributeDictionary(Path file) {
        java.util.Set<Integer> indexes = new java.util.TreeSet<>();
        JsonDicts.forEachEntry(file, (key, parser, at) -> {
            JsonDicts.expect(parser.currentToken(), JsonToken.VALUE_NUMBER_INT, "an attribute index", at);
            if (parser.getNumberType() != com.fasterxml.jackson.core.JsonParser.NumberType.INT
                    || parser.getIntValue() < 0) {
                throw at.error(0, "attribute index " + parser.getText() + " of tag " + key + " is negative or too "
                        + "large");
            }
            indexes.add(parser.getIntValue());
        });
        return indexes;
    }

    private static void checkAttribute(int a, java.util.Set<Integer> dictionary, RowContext at, String owner) {
        if (dictionary != null && !dictionary.contains(a)) {
            throw at.error(0, "attribute index " + a + " of " + owner + " is not in the attribute dictionary of "
                    + "tag_map.json (" + dictionary.size() + " attributes, " + range(dictionary) + ")");
        }
    }

    private static String range(java.util.Set<Integer> dictionary) {
        return dictionary.isEmpty() ? "none" : "indexes " + java.util.Collections.min(dictionary) + " to "
                + java.util.Collections.max(dictionary);
    }
}
