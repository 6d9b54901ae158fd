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
 * prints SHA-256 digests of the factors; the digests must be equal.
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
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrossJvmDeterminismTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertEquals(here, output.lines().filter(l -> !l.isBlank()).toList());
    }
}
