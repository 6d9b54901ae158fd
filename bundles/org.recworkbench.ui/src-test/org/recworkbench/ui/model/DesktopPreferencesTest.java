package org.recworkbench.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPreferencesTest {

    @Test
    void savedValuesComeBackAndTheHeapLimitGoesToTheLauncherOptions(@TempDir Path dir) throws Exception {
        DesktopPreferences p = new DesktopPreferences(dir.resolve("config"));
        p.save(dir, dir.resolve("ws"), "cpu", 2048);
        DesktopPreferences again = new DesktopPreferences(dir.resolve("config"));
        assertEquals(dir, again.dataFolder());
        assertEquals(dir.resolve("ws"), again.workspace());
        assertEquals("cpu", again.backend());
        assertEquals(2048, again.memoryMb());
        assertEquals("-Xmx2048m", Files.readString(dir.resolve("config/desktop.options")).trim());
        assertTrue(Files.isDirectory(dir.resolve("ws")));
    }

    @Test
    void unusableValuesAreRefusedAndTheOldOnesKept(@TempDir Path dir) throws Exception {
        DesktopPreferences p = new DesktopPreferences(dir.resolve("config"));
        p.save(dir, dir.resolve("ws"), "auto", 4096);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.save(dir, dir.resolve("ws"), "auto", 100));
        assertEquals("Memory limit: got 100 MB, expected 256 to 1048576 MB", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.save(dir.resolve("nope"), dir, "auto", 4096));
        assertEquals(4096, new DesktopPreferences(dir.resolve("config")).memoryMb());
        assertFalse(Files.exists(dir.resolve("config/desktop.properties.tmp")));
    }

    @Test
    void aDamagedFileFallsBackToDefaults(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/desktop.properties"), "memory.mb=lots\n");
        assertEquals(8192, new DesktopPreferences(dir.resolve("config")).memoryMb());
    }
}
