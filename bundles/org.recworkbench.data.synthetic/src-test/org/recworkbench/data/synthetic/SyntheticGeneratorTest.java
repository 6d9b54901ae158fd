package org.recworkbench.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;

class SyntheticGeneratorTest {

    private static Dataset generate(long seed) {
        return SyntheticGenerator.generate(SyntheticGenerator.Config.of(500, 300, 20_000, seed), ProgressMonitor.NONE);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Interactions a = generate(1).interactions();
        Interactions b = generate(1).interactions();
        assertEquals(a, b);
        assertArrayEquals(a.copyTimestamps(), b.copyTimestamps());
        assertFalse(a.equals(generate(2).interactions()));
    }

    @Test
    void sizesValuesAndNoDuplicatePairs() {
        Dataset d = generate(3);
        Interactions x = d.interactions();
        assertEquals(500, d.users().size());
        assertEquals(300, d.items().size());
        // each user's count is rounded from its share of 20,000, clipped to [2, 150]
        assertTrue(Math.abs(x.size() - 20_000) < 1_000, "size " + x.size());
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < x.size(); i++) {
            assertTrue(pairs.add(((long) x.users()[i] << 32) | x.items()[i]), "duplicate pair");
            assertTrue(x.values()[i] >= 1 && x.values()[i] <= 5 && x.values()[i] == Math.rint(x.values()[i]));
        }
        assertTrue(Arrays.stream(x.userCounts()).allMatch(c -> c >= 2));
        assertEquals(300, d.itemAttributes().categorical().get("genre").valuesOf().length);
    }

    @Test
    void popularityIsLongTailed() {
        int[] counts = generate(4).interactions().itemCounts();
        int[] sorted = Arrays.stream(counts).sorted().toArray();
        long total = Arrays.stream(counts).sum();
        long top = 0;
        for (int i = sorted.length - sorted.length / 5; i < sorted.length; i++) {
            top += sorted[i];
        }
        // Zipf(1) weights alone give the top 20% of 300 items about 74% of the mass; personalisation spreads
        // some of it, but the head must still dominate well beyond the uniform 20%
        assertTrue(top > 0.4 * total, "top 20% share " + (double) top / total);
    }

    @Test
    void adapterValidatesOptions() {
        SyntheticAdapter adapter = new SyntheticAdapter();
        Dataset d = adapter.load(Map.of("users", 50, "items", 40, "interactions", 500, "feedback", "implicit"),
                ProgressMonitor.NONE);
        assertTrue(d.isImplicit());
        for (float v : d.interactions().values()) {
            assertEquals(1f, v);
        }
        InvalidSpecException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSpecException.class,
                () -> adapter.load(Map.of("users", 0), ProgressMonitor.NONE));
        assertEquals("dataset.options.users", e.field());
    }
}
