package org.recworkbench.algo.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.support.FactorModel;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.data.Interactions;

/**
 * A seed fixes every factorization model bit for bit, also in another JVM and with another thread count: the
 * test fits each model here with 2 threads, then starts a second JVM that fits the same models with 1 thread and
 * prints SHA-256 digests of the factors; the digests must be equal. Implicit ALS also runs with its Vector API
 * row kernel (both JVMs have the module).
 */
class CrossJvmDeterminismTest {

    /** The digests of every model fitted with the given thread count, one line per model. */
    static List<String> digests(int threads) {
        Interactions train = FactorizationTest.grid(0.5, 17);
        List<String> out = new ArrayList<>();
        for (Recommender r : List.of(new FunkSvdRecommender(), new SvdPlusPlusRecommender(), new AlsRecommender(),
                new ImplicitAlsRecommender(), new BprRecommender())) {
            FactorModel m = (FactorModel) r.fit(FactorizationTest.context(2026, threads), train,
                    FactorizationTest.params(r, Map.of("factors", 8)));
            out.add(r.descriptor().id() + " " + sha256(m.userFactors(), m.itemFactors()));
        }
        // with the Vector API row kernel, which a fit this small would not get unless asked (both JVMs have it)
        if (RowKernels.vectorAvailable()) {
            System.setProperty(RowKernels.PROPERTY, "vector");
        }
        try {
            ImplicitAlsRecommender ials = new ImplicitAlsRecommender();
            FactorModel m = (FactorModel) ials.fit(FactorizationTest.context(2026, threads), train,
                    FactorizationTest.params(ials, Map.of("factors", 32)));
            out.add("implicit-als/32 " + sha256(m.userFactors(), m.itemFactors()));
        } finally {
            System.clearProperty(RowKernels.PROPERTY);
        }
        return out;
    }

    private static String sha256(float[]... arrays) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (float[] a : arrays) {
                ByteBuffer b = ByteBuffer.allocate(a.length * 4);
                b.asFloatBuffer().put(a);
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The second JVM: prints the digests with one thread. */
    public static void main(String[] args) {
        digests(1).forEach(System.out::println);
    }

    @Test
    void sameDigestsInAnotherJvmWithAnotherThreadCount() throws IOException, InterruptedException {
        List<String> here = digests(2);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (RowKernels.vectorAvailable()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.add(CrossJvmDeterminismTest.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        // the JVM announces the incubating module on stderr
        assertEquals(here, output.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: Using incubator"))
                .toList());
    }
}
