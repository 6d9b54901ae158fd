package org.recworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.RecWorkbenchException;

class SpecReaderTest {
    private final SpecReader reader = new SpecReader();

    @Test
    void readsYamlWithDefaults() {
        ExperimentSpec s = reader.parse("""
                name: t
                dataset: {adapter: synthetic, options: {users: 10}}
                algorithms:
                  - id: most-popular
                  - {id: item-knn, label: knn20, params: {neighbors: 20}}
                """, false, "t.yaml");
        assertEquals("t", s.name());
        assertEquals(ExperimentSpec.DEFAULT_SEED, s.seed());
        assertEquals("user-holdout", s.split().method());
        assertEquals(ExperimentSpec.DEFAULT_METRICS, s.metrics());
        assertEquals("knn20", s.algorithms().get(1).label());
        assertEquals(20, s.algorithms().get(1).params().get("neighbors"));
        assertEquals("most-popular", s.algorithms().get(0).label());
        assertEquals("full-ranking", s.protocol().type());
        assertTrue(s.protocol().excludeTrain());
    }

    @Test
    void readsJson() {
        ExperimentSpec s = reader.parse("{\"dataset\":{\"adapter\":\"movielens\",\"options\":{\"path\":\"x\"}},"
                + "\"algorithms\":[{\"id\":\"random\"}],\"metrics\":[\"NDCG@5\"],"
                + "\"protocol\":{\"relevance-threshold\":4}}", true, "t.json");
        assertEquals(List.of("NDCG@5"), s.metrics());
        assertEquals(4.0, s.protocol().relevanceThreshold());
    }

    @Test
    void unknownFieldIsNamedWithLineAndAllowedFields() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> reader.parse("""
                dataset: {adapter: synthetic}
                algoritms: [{id: random}]
                """, false, "exp.yaml"));
        assertEquals("algoritms", e.field());
        assertTrue(e.getMessage().contains("exp.yaml:2"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'algoritms'"), e.getMessage());
        assertTrue(e.getMessage().contains("algorithms, backend, dataset, filters, metric-options, metrics, name, output, "
                + "protocol, seed, significance, split, threads"), e.getMessage());
    }

    @Test
    void nestedUnknownFieldHasItsPath() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> reader.parse("""
                dataset: {adapter: synthetic}
                algorithms:
                  - id: random
                  - id: item-knn
                    parms: {neighbors: 3}
                """, false, "exp.yaml"));
        assertEquals("algorithms[1].parms", e.field());
    }

    @Test
    void wrongTypesAndMissingPartsAreNamed() {
        InvalidSpecException seed = assertThrows(InvalidSpecException.class,
                () -> reader.parse("seed: abc\ndataset: {adapter: s}\nalgorithms: [{id: r}]\n", false, "x.yaml"));
        assertEquals("seed", seed.field());
        InvalidSpecException noData = assertThrows(InvalidSpecException.class,
                () -> reader.parse("algorithms: [{id: r}]\n", false, "x.yaml"));
        assertEquals("dataset", noData.field());
        InvalidSpecException noId = assertThrows(InvalidSpecException.class,
                () -> reader.parse("dataset: {adapter: s}\nalgorithms: [{id: r}, {label: x}]\n", false, "x.yaml"));
        assertEquals("algorithms[1].id", noId.field());
        InvalidSpecException protocol = assertThrows(InvalidSpecException.class, () -> reader.parse(
                "dataset: {adapter: s}\nalgorithms: [{id: r}]\nprotocol: {type: sampled}\n", false, "x.yaml"));
        assertEquals("protocol.type", protocol.field());
    }

    @Test
    void significanceSettingsAreChecked() {
        ExperimentSpec s = reader.parse("dataset: {adapter: s}\nalgorithms: [{id: a}, {id: b}]\n", false, "x.yaml");
        assertEquals("t-test", s.significance().test());
        assertEquals("holm", s.significance().correction());
        assertEquals(0.05, s.significance().alpha());
        InvalidSpecException test = assertThrows(InvalidSpecException.class, () -> reader.parse(
                "dataset: {adapter: s}\nalgorithms: [{id: a}]\nsignificance: {test: z-test}\n", false, "x.yaml"));
        assertEquals("significance.test", test.field());
        InvalidSpecException baseline = assertThrows(InvalidSpecException.class, () -> reader.parse(
                "dataset: {adapter: s}\nalgorithms: [{id: a}]\nsignificance: {baseline: b}\n", false, "x.yaml"));
        assertEquals("significance.baseline", baseline.field());
    }

    @Test
    void syntaxErrorsGiveTheLine() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> reader.parse("dataset: {adapter: s\nalgorithms: [\n", false, "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) throws Exception {
        RecWorkbenchException e = assertThrows(RecWorkbenchException.class,
                () -> reader.read(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThrows(InvalidSpecException.class, () -> reader.read(empty));
    }

    @Test
    void aNameThatWouldEscapeTheOutputRootIsRefused() {
        for (String name : new String[] {"../../x", "a/b", "..", ".hidden", "tab\there"}) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> reader.parse(
                    "name: \"" + name + "\"\ndataset: {adapter: synthetic}\nalgorithms: [{id: random}]\n", false,
                    "exp.yaml"), name);
            assertEquals("name", e.field(), name);
        }
        assertEquals("ML-100K u1 (baseline)", reader.parse("name: ML-100K u1 (baseline)\n"
                + "dataset: {adapter: synthetic}\nalgorithms: [{id: random}]\n", false, "exp.yaml").name());
    }
}
