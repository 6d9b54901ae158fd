package org.recworkbench.core.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.core.OutputFolder;
import org.recworkbench.core.spec.SimulationSpec;

/**
 * The folder a simulation writes in place (its checkpoints must survive a kill for {@code --resume}): {@code
 * spec.json} first, the time series and checkpoints as it runs, {@code summary.csv} last, so a folder without a
 * summary is a run that did not finish. A fresh run first removes the files of an earlier run there (never anything
 * else), so two runs' files are never side by side; a resumed run must be the same spec, seed and length as the one
 * that wrote the checkpoints. Temporary files that a killed run left are removed either way.
 */
final class SimulationFolder {
    static final String SPEC = "spec.json";
    static final String SUMMARY = "summary.csv";
    static final String CHECKPOINTS = "checkpoints";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationFolder() {
    }

    /** Checks and readies {@code output} for the run; {@code resume} continues the checkpoints there. */
    static void prepare(Path output, SimulationSpec spec, boolean resume) {
        OutputFolder.check(output);
        try {
            Files.createDirectories(output);
            removeTemporaries(output);
            removeTemporaries(output.resolve(CHECKPOINTS));
            if (resume && hasCheckpoints(output)) {
                requireSameSpec(output, spec);
            } else {
                for (String name : new String[] {SUMMARY, TimeSeriesCsv.FILE, SPEC}) {
                    Files.deleteIfExists(output.resolve(name));
                }
                deleteCheckpoints(output);
            }
            writeSpec(output, spec);
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot prepare the output folder " + output + ": " + e, e);
        }
    }

    private static boolean hasCheckpoints(Path output) throws IOException {
        Path dir = output.resolve(CHECKPOINTS);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.ckpt")) {
            return s.iterator().hasNext();
        }
    }

    private static void deleteCheckpoints(Path output) throws IOException {
        Path dir = output.resolve(CHECKPOINTS);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.ckpt")) {
                for (Path p : s) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Removes {@code *.tmp} files (half-written checkpoints, time series or specs of a killed run). */
    private static void removeTemporaries(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path p : s) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Refuses to resume checkpoints written for another spec: the run would mix two experiments in one time series.
     * The spec the checkpointed run wrote ({@code spec.json}) must equal this one, field by field.
     */
    private static void requireSameSpec(Path output, SimulationSpec spec) throws IOException {
        Path file = output.resolve(SPEC);
        if (!Files.isRegularFile(file)) {
            throw new RecWorkbenchException("cannot resume in " + output + ": there are checkpoints but no " + SPEC
                    + " to tell which spec they belong to; run without --resume to start over");
        }
        JsonNode before;
        try {
            before = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot resume in " + output + ": " + file + " is not readable JSON ("
                    + e.getMessage() + "); run without --resume to start over", e);
        }
        JsonNode now = JSON.readTree(JSON.writeValueAsString(spec)); // parsed as the file is: numbers compare alike
        List<String> differences = new ArrayList<>();
        for (Iterator<String> names = union(before, now); names.hasNext();) {
            String name = names.next();
            JsonNode a = before.get(name);
            JsonNode b = now.get(name);
            if (a == null ? b != null && !b.isNull() : !a.equals(b)) {
                differences.add(name + ": " + text(a) + " in the checkpointed run, " + text(b) + " now");
            }
        }
        if (!differences.isEmpty()) {
            throw new RecWorkbenchException("cannot resume in " + output + ": its checkpoints belong to another run ("
                    + String.join("; ", differences) + "); resume with the same spec, seed and steps, or run without "
                    + "--resume to start over");
        }
    }

    private static Iterator<String> union(JsonNode a, JsonNode b) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        return names.iterator();
    }

    private static String text(JsonNode node) {
        String t = node == null ? "absent" : node.toString();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }

    /** The spec as the run sees it, written atomically. */
    private static void writeSpec(Path output, SimulationSpec spec) throws IOException {
        Path tmp = output.resolve(SPEC + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(spec), StandardCharsets.UTF_8);
        Files.move(tmp, output.resolve(SPEC), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
