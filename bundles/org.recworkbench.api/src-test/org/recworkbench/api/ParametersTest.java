package org.recworkbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private final List<ParameterDescriptor> descriptors = List.of(
            ParameterDescriptor.ofInt("neighbors", 50, 1, 1000, "k"),
            ParameterDescriptor.ofDouble("alpha", 0.5, 0, 1, "a"),
            ParameterDescriptor.ofEnum("mode", "fast", List.of("fast", "exact"), "m"),
            ParameterDescriptor.ofBoolean("flag", false, "f"));

    @Test
    void fillsDefaultsAndCoercesStrings() {
        Parameters p = Parameters.validate("algorithms[0].params", descriptors,
                Map.of("neighbors", "20", "alpha", 1, "flag", "true"));
        assertEquals(20, p.getInt("neighbors"));
        assertEquals(1.0, p.getDouble("alpha"));
        assertEquals("fast", p.getString("mode"));
        assertTrue(p.getBoolean("flag"));
    }

    @Test
    void unknownParameterNamesFieldAndAllowedNames() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Parameters.validate("algorithms[0].params", descriptors, Map.of("neighbours", 3)));
        assertEquals("algorithms[0].params.neighbours", e.field());
        assertTrue(e.getMessage().contains("allowed: neighbors, alpha, mode, flag"), e.getMessage());
    }

    @Test
    void outOfRangeAndWrongTypeSayWhatIsExpected() {
        InvalidSpecException range = assertThrows(InvalidSpecException.class,
                () -> Parameters.validate("p", descriptors, Map.of("neighbors", 0)));
        assertTrue(range.getMessage().contains("an integer in [1, 1000]"), range.getMessage());
        InvalidSpecException fraction = assertThrows(InvalidSpecException.class,
                () -> Parameters.validate("p", descriptors, Map.of("neighbors", 2.5)));
        assertEquals("p.neighbors", fraction.field());
        InvalidSpecException choice = assertThrows(InvalidSpecException.class,
                () -> Parameters.validate("p", descriptors, Map.of("mode", "slow")));
        assertTrue(choice.getMessage().contains("one of [fast, exact]"), choice.getMessage());
        assertThrows(InvalidSpecException.class, () -> Parameters.validate("p", descriptors, Map.of("alpha", "NaN")));
        assertThrows(InvalidSpecException.class, () -> Parameters.validate("p", descriptors, Map.of("flag", "yes")));
    }
}
