package org.recworkbench.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SpecReader;

class SpecDocumentTest {

    @Test
    void keysTheFormDoesNotKnowSurviveARoundTrip() {
        SpecDocument doc = SpecDocument.parse("""
                name: x
                dataset: {adapter: synthetic, options: {users: 10}}
                algorithms: [{id: item-knn, params: {neighbors: 5}}]
                significance: {test: wilcoxon, correction: bonferroni}
                protocol: {type: sampled-uniform, negatives: 99}
                """);
        doc.set("name", "y");
        doc.entries("algorithms").get(0).put("label", "knn5");
        ExperimentSpec spec = new SpecReader().parse(doc.toYaml(), false, "round trip");
        assertEquals("y", spec.name());
        assertEquals("knn5", spec.algorithms().get(0).label());
        assertEquals("wilcoxon", spec.significance().test());
        assertEquals("bonferroni", spec.significance().correction());
        assertEquals(99, spec.protocol().negatives());
        assertEquals(10, ((Number) spec.dataset().options().get("users")).intValue());
    }

    @Test
    void blankValuesAndEmptyOptionsAreDropped() {
        SpecDocument doc = SpecDocument.parse("name: x\nseed: 7\n");
        doc.set("seed", " ");
        SpecDocument.putOptions(doc.section("dataset"), "options", Map.of());
        assertEquals(List.of("name", "dataset"), List.copyOf(doc.root().keySet()));
        assertTrue(doc.section("dataset").isEmpty());
    }

    @Test
    void syntaxErrorsNameTheLine() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> SpecDocument.parse("name: x\nalgorithms: [unclosed\nmetrics: []\n"));
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void theStarterIsASpecTheEngineAccepts() {
        ExperimentSpec spec = new SpecReader().parse(SpecDocument.starter("cpu").toYaml(), false, "starter");
        assertEquals("cpu", spec.backend());
        assertEquals(2, spec.algorithms().size());
    }
}
