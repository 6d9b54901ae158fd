package org.recworkbench.data.finn;

import java.nio.file.Path;
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
import org.recworkbench.api.data.InteractionsBuilder;
import org.recworkbench.data.support.AdapterBase;
import org.recworkbench.data.support.CategoricalBuilder;
import org.recworkbench.data.support.DataFolders;
import org.recworkbench.data.support.NpyArray;

/**
 * The FINN.no slate dataset (Eide et al. 2021), read from its NumPy archive {@code data.npz} without Python:
 * {@code userId} [users], {@code click} [users × steps] (item ids; 0 is padding and 1 "no click", so only ids
 * of 2 and above are clicks) and, when present, {@code interaction_type} [users × steps] (search or
 * recommendation). Each click becomes an implicit interaction whose timestamp is its step index, with the
 * extra columns {@code step} and {@code interaction_type}. {@code itemattr.npz} ({@code category} [items])
 * gives the item category. The exposed slates themselves are not kept yet (the data model has no slate
 * store); only the click events are.
 */
@Component(service = DatasetAdapter.class)
public class FinnSlatesAdapter extends AdapterBase {

    /** Item ids below this are not items: 0 = padding, 1 = no click. */
    static final long FIRST_ITEM = 2;

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding data.npz (and itemattr.npz)"));

    public FinnSlatesAdapter() {
        super("finn-slates", "FINN.no slate dataset: clicks from search and recommendation slates (.npz)", OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        Path dataFile = DataFolders.required(dir, "data.npz");
        Map<String, NpyArray> data = NpyArray.readNpz(dataFile);
        NpyArray userIds = require(data, "userId", dataFile);
        NpyArray click = require(data, "click", dataFile);
        int[] shape = click.shape();
        if (shape.length != 2 || userIds.shape().length != 1 || shape[0] != userIds.shape()[0]) {
            throw new DatasetFormatException(dataFile, 0, 0, "click must be users × steps with one row per userId, "
                    + "got shape " + java.util.Arrays.toString(shape));
        }
        int users = shape[0];
        int steps = shape[1];
        long[] ids = userIds.longs();
        long[] clicks = click.longs();
        long[] types = data.containsKey("interaction_type") ? data.get("interaction_type").longs() : null;
        if (types != null && !java.util.Arrays.equals(data.get("interaction_type").shape(), shape)) {
            throw new DatasetFormatException(dataFile, 0, 0, "interaction_type must have click's shape "
                    + java.util.Arrays.toString(shape) + ", got "
                    + java.util.Arrays.toString(data.get("interaction_type").shape()));
        }
        IdIndex.Builder userIndex = new IdIndex.Builder(users);
        IdIndex.Builder itemIndex = new IdIndex.Builder(1 << 14);
        InteractionsBuilder x = new InteractionsBuilder(users * 4);
        float[] step = new float[users * 4];
        float[] type = new float[users * 4];
        for (int u = 0; u < users; u++) {
            int user = userIndex.intern(Long.toString(ids[u]));
            for (int t = 0; t < steps; t++) {
                long item = clicks[u * steps + t];
                if (item < FIRST_ITEM) {
                    continue;
                }
                if (item > Integer.MAX_VALUE) {
                    throw new DatasetFormatException(dataFile, 0, 0, "click[" + u + ", " + t + "] is item " + item
                            + ", beyond the format's item ids (at most " + Integer.MAX_VALUE + ")");
                }
                int row = x.size();
                if (row == step.length) {
                    step = java.util.Arrays.copyOf(step, row * 2);
                    type = java.util.Arrays.copyOf(type, row * 2);
                }
                step[row] = t;
                type[row] = types == null ? 0 : types[u * steps + t];
                x.add(user, itemIndex.intern(Long.toString(item)), 1f, t);
            }
        }
        int n = itemIndex.size();
        Map<String, Attributes.Categorical> cat = new LinkedHashMap<>();
        if (DataFolders.exists(dir, "itemattr.npz")) {
            Map<String, NpyArray> attrs = NpyArray.readNpz(DataFolders.file(dir, "itemattr.npz"));
            if (attrs.containsKey("category")) {
                long[] category = attrs.get("category").longs();
                CategoricalBuilder b = new CategoricalBuilder("category");
                IdIndex built = itemIndex.build();
                for (int i = 0; i < n; i++) {
                    int id = Integer.parseInt(built.id(i));
                    if (id < category.length) {
                        b.add(i, Long.toString(category[id]));
                    }
                }
                cat.put("category", b.build(n));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "implicit");
        meta.put("timestamp", "step index within the user's history");
        int size = x.size();
        return new Dataset("finn-slates", userIndex.build(), itemIndex.build(), x.build(users, n)
                .withExtraColumns(Map.of("step", java.util.Arrays.copyOf(step, size), "interaction_type",
                        java.util.Arrays.copyOf(type, size))), new Attributes(cat, Map.of(), Map.of()), null, meta);
    }

    private static NpyArray require(Map<String, NpyArray> arrays, String name, Path file) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new DatasetFormatException(file, 0, 0, "no array '" + name + "'; found " + arrays.keySet());
        }
        return a;
    }
}
