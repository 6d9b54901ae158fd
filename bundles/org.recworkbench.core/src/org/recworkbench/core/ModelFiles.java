package org.recworkbench.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.ModelReader;
import org.recworkbench.api.algo.PersistentModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * Saved models: a header (magic {@code RWBMODEL}, format version, recommender id, parameters as JSON) followed
 * by what {@link PersistentModel#write} writes. Files are written beside their final name and moved into place,
 * so a failed save leaves nothing behind; reading checks the header and asks the installed recommender of that
 * id to read the rest.
 */
public final class ModelFiles {
    private static final String MAGIC = "RWBMODEL";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model read back, with what its header says. */
    public record Loaded(String recommenderId, Map<String, Object> params, Model model) {
    }

    private ModelFiles() {
    }

    /** Writes the model; false (and nothing written) when it cannot be saved. */
    public static boolean write(Path file, String recommenderId, Map<String, Object> params, Model model) {
        if (!(model instanceof PersistentModel persistent)) {
            return false;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream raw = Files.newOutputStream(partial);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(recommenderId);
                out.writeUTF(JSON.writeValueAsString(params));
                persistent.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new RecWorkbenchException("cannot save the model to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a saved model through the installed recommender named in its header. */
    public static Loaded read(Path file, PluginRegistry registry, ComputeBackend backend) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new RecWorkbenchException(file + " is not a saved RecWorkbench model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new RecWorkbenchException(file + " has model format " + format + ", this build reads " + FORMAT);
            }
            String id = in.readUTF();
            Map<String, Object> params = readParams(in.readUTF(), file);
            Recommender r = registry.recommender(id).orElseThrow(() -> new RecWorkbenchException(file
                    + " holds a '" + id + "' model, and no such algorithm is installed"));
            if (!(r instanceof ModelReader reader)) {
                throw new RecWorkbenchException("'" + id + "' cannot read saved models");
            }
            return new Loaded(id, params, reader.read(in, backend));
        } catch (IOException e) {
            throw new RecWorkbenchException("cannot read the model " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readParams(String json, Path file) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new RecWorkbenchException(file + ": unreadable parameters in the header: " + e.getMessage(), e);
        }
    }
}
