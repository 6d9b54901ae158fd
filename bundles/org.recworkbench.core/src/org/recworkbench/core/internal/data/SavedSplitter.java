package org.recworkbench.core.internal.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;

/**
 * Reuses a split saved by an earlier run ({@code split.tsv} in its output folder: user, item, timestamp and
 * {@code train}/{@code test} per interaction, with external ids). Interactions are matched by (user, item,
 * timestamp); every interaction of the dataset must be in the file and every row of the file must match one,
 * so a split can never be applied to different data by mistake.
 */
@Component(service = Splitter.class)
public class SavedSplitter extends DescribedPlugin implements Splitter {

    /** The header of saved split files. */
    public static final String HEADER = "user\titem\ttimestamp\tset";

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("path", null, "split.tsv written by an earlier run"));

    public SavedSplitter() {
        super("saved", "Reuse the split an earlier run saved (split.tsv)", OPTIONS);
    }

    @Override
    public Split split(Dataset dataset, Map<String, ?> options, long seed) {
        String pathText = Parameters.validate("split.options", OPTIONS, options).getString("path");
        if (pathText == null || !Files.isRegularFile(Path.of(pathText))) {
            throw new InvalidSpecException("split.options.path", "not a saved split file: " + pathText);
        }
        Path file = Path.of(pathText);
        Interactions x = dataset.interactions();
        // rows of the dataset by key; a key may repeat (duplicate interactions), so keep a queue of rows
        Map<String, ArrayDeque<Integer>> rows = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            rows.computeIfAbsent(key(dataset.users().id(x.users()[i]), dataset.items().id(x.items()[i]),
                    x.timestamp(i)), k -> new ArrayDeque<>()).add(i);
        }
        boolean[] isTest = new boolean[x.size()];
        int matched = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !line.equals(HEADER)) {
                throw new DatasetFormatException(file, 1, 0, "header is '" + line + "', expected '"
                        + HEADER.replace("\t", "\\t") + "'");
            }
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                String[] f = line.split("\t", -1);
                if (f.length != 4 || !(f[3].equals("train") || f[3].equals("test"))) {
                    throw new DatasetFormatException(file, number, 0, "expected user TAB item TAB timestamp TAB "
                            + "train|test");
                }
                ArrayDeque<Integer> candidates = rows.get(key(f[0], f[1], Long.parseLong(f[2])));
                if (candidates == null || candidates.isEmpty()) {
                    throw new DatasetFormatException(file, number, 0, "no such interaction in dataset '"
                            + dataset.name() + "': the split was saved for other data or filters");
                }
                isTest[candidates.poll()] = f[3].equals("test");
                matched++;
            }
        } catch (IOException | NumberFormatException e) {
            throw new DatasetFormatException(file, 0, 0, "cannot read the saved split: " + e.getMessage(), e);
        }
        if (matched != x.size()) {
            throw new DatasetFormatException(file, 0, 0, "the file assigns " + matched + " interactions but the "
                    + "dataset has " + x.size() + ": the split was saved for other data or filters");
        }
        return Masks.split(dataset, isTest, "saved (" + file + ")");
    }

    private static String key(String user, String item, long time) {
        return user + '\t' + item + '\t' + time;
    }
}
