package org.recworkbench.data.jester;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
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

/**
 * Jester (Goldberg et al. 2001), the text releases ("Dataset 2+", {@code jester_ratings.dat}): one
 * {@code user item rating} triple per line separated by whitespace, ratings continuous in [-10, 10]. The
 * original Excel release (Dataset 1) must be exported to this layout first.
 */
@Component(service = DatasetAdapter.class)
public class JesterAdapter extends AdapterBase {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "folder holding jester_ratings.dat"), BadRows.option());

    public JesterAdapter() {
        super("jester", "Jester joke ratings in [-10, 10] (text release)", OPTIONS);
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        Path dir = DataFolders.folder(p.getString("path"));
        IdIndex.Builder users = new IdIndex.Builder(1 << 14);
        IdIndex.Builder items = new IdIndex.Builder(256);
        InteractionsBuilder x = new InteractionsBuilder(1 << 16);
        BadRows bad = BadRows.of(p);
        LoadWarnings warnings = new LoadWarnings();
        Path file = DataFolders.required(dir, "jester_ratings.dat");
        try (LineSource src = new LineSource(file, StandardCharsets.UTF_8)) {
            for (String line; (line = src.nextRecord()) != null;) {
                try {
                    String[] f = line.trim().split("\\s+");
                    if (f.length != 3) {
                        throw src.error(0, "expected 3 whitespace-separated fields (user item rating), found "
                                + f.length);
                    }
                    float rating = Fields.finiteFloat(src, 3, "rating", f[2]);
                    if (rating < -10 || rating > 10) {
                        throw src.error(3, "rating " + f[2] + " is outside the scale -10..10");
                    }
                    String user = Fields.numericId(src, 1, "user id", f[0], Integer.MAX_VALUE);
                    String joke = Fields.numericId(src, 2, "joke id", f[1], Integer.MAX_VALUE);
                    warnings.rows().add(x.size(), file, src.lineNumber());
                    x.add(users.intern(user), items.intern(joke), rating, 0L);
                } catch (DatasetFormatException e) {
                    bad.reject(e);
                }
            }
            if (x.size() == 0 && bad.skipped() == 0) {
                throw src.noRows("user joke rating");
            }
            warnings.blankLines(src);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Dataset.SOURCE, dir.toString());
        meta.put(Dataset.FEEDBACK, "explicit");
        meta.put("ratingScale", "-10-10");
        bad.describe(meta);
        Interactions built = x.build(users.size(), items.size());
        IdIndex builtUsers = users.build();
        IdIndex builtItems = items.build();
        warnings.describe(built, builtUsers, builtItems, "-10-10", meta);
        return new Dataset("jester", builtUsers, builtItems, built, null, null, meta);
    }
}
