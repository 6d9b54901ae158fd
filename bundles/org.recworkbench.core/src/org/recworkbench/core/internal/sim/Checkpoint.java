package org.recworkbench.core.internal.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.recworkbench.api.interactive.Environment;
import org.recworkbench.api.interactive.Observation;
import org.recworkbench.api.interactive.Policy;

/**
 * A lane's checkpoint: the step it reached, the observation in hand, every arm's totals and policy state, and
 * the environment's state. Written to a temporary file and moved into place atomically, so a crash mid-write
 * leaves the previous checkpoint intact.
 */
final class Checkpoint {

    private static final long MAGIC = 0x5257_4243_4B50_5431L; // "RWBCKPT1"

    private Checkpoint() {
    }

    static Path file(Path folder, String variant, int lane) {
        return folder.resolve("checkpoints").resolve(variant.replaceAll("[^A-Za-z0-9._-]", "_") + "." + lane
                + ".ckpt");
    }

    /** The lane step a checkpoint was written at, or -1 when there is none. */
    static long step(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a RecWorkbench checkpoint");
            }
            return in.readLong();
        }
    }

    static void write(Path file, long step, Observation observation, Iterable<SimulationArm> arms, Environment env)
            throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
                DataOutputStream out = new DataOutputStream(raw)) {
            out.writeLong(MAGIC);
            out.writeLong(step);
            writeObservation(out, observation);
            for (SimulationArm arm : arms) {
                out.writeUTF(arm.spec.label());
                out.writeUTF(arm.provider == null ? "" : arm.provider);
                out.writeInt(arm.generation);
                out.writeUTF(arm.failure == null ? "" : arm.failure);
                writeBlock(out, arm::writeTotals);
                Policy policy = arm.failure == null ? arm.policy : null;
                writeBlock(out, policy == null ? o -> { } : policy::writeState);
            }
            writeBlock(out, env::writeState);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface Writer {
        void write(java.io.DataOutput out) throws IOException;
    }

    /** A length-prefixed block, so that a reader can take it whole without knowing its layout. */
    private static void writeBlock(DataOutputStream out, Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    private static void writeObservation(DataOutputStream out, Observation o) throws IOException {
        out.writeInt(o.user());
        out.writeInt(o.sessionStep());
        out.writeInt(o.context().length);
        for (float c : o.context()) {
            out.writeFloat(c);
        }
        out.writeInt(o.candidates().length);
        for (int c : o.candidates()) {
            out.writeInt(c);
        }
    }

    /** What a lane needs to continue: the arms' saved parts are applied by the lane itself. */
    record Saved(long step, Observation observation, java.util.List<SavedArm> arms, byte[] environment) {
    }

    record SavedArm(String label, String provider, int generation, String failure, byte[] totals, byte[] policy) {
    }

    static Saved read(Path file, int arms) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a RecWorkbench checkpoint");
            }
            long step = in.readLong();
            int user = in.readInt();
            int sessionStep = in.readInt();
            float[] context = new float[in.readInt()];
            for (int i = 0; i < context.length; i++) {
                context[i] = in.readFloat();
            }
            int[] candidates = new int[in.readInt()];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = in.readInt();
            }
            java.util.List<SavedArm> saved = new java.util.ArrayList<>();
            for (int a = 0; a < arms; a++) {
                String label = in.readUTF();
                String provider = in.readUTF();
                int generation = in.readInt();
                String failure = in.readUTF();
                byte[] totals = in.readNBytes(in.readInt());
                byte[] policy = in.readNBytes(in.readInt());
                saved.add(new SavedArm(label, provider, generation, failure.isEmpty() ? null : failure,
                        totals, policy));
            }
            byte[] env = in.readNBytes(in.readInt());
            return new Saved(step, new Observation(user, context, candidates, sessionStep), saved, env);
        }
    }

    static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
