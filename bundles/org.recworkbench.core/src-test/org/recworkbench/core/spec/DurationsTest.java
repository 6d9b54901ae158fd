package org.recworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.recworkbench.api.InvalidSpecException;

class DurationsTest {

    @Test
    void parsesTheFormsSpecsUse() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("f", "90"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("f", "90s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("f", "500ms"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("f", "1.5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("f", " 2 H "));
        assertNull(Durations.parse("f", null));
        assertNull(Durations.parse("f", " "));
    }

    @Test
    void refusesWhatIsNotAPositiveDuration() {
        for (String bad : new String[] {"soon", "-5s", "0", "0.1ms", "5 days", "1e3s", "9000h"}) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Durations.parse("x.timeout", bad),
                    bad);
            assertEquals("x.timeout", e.field());
        }
    }

    @Test
    void printsDurationsAsPeopleReadThem() {
        assertEquals("200 ms", Durations.text(Duration.ofMillis(200)));
        assertEquals("90 s", Durations.text(Duration.ofSeconds(90)));
        assertEquals("1.5 s", Durations.text(Duration.ofMillis(1500)));
        assertEquals("10 min", Durations.text(Duration.ofMinutes(10)));
        assertEquals("2 h", Durations.text(Duration.ofHours(2)));
    }
}
