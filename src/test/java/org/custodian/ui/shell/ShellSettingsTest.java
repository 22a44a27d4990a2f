package org.custodian.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellSettingsTest {

    @TempDir
    Path dir;

    @Test
    void windowStateThemeLanguageAndRecentFilesSurviveARestart() {
        Path file = dir.resolve("settings.properties");
        ShellSettings s = ShellSettings.load(file);
        s.setWindowBounds(40, 60, 1300, 820);
        s.setMaximized(true);
        s.setDarkTheme(true);
        s.setLanguage("zh-TW");
        for (int i = 1; i <= 10; i++) {
            s.rememberOpened(dir.resolve("w" + i + ".db"));
        }
        s.rememberOpened(dir.resolve("w3.db"));
        s.saveNow();

        ShellSettings again = ShellSettings.load(file);
        assertArrayEquals(new double[] {40, 60, 1300, 820}, again.windowBounds());
        assertTrue(again.maximized());
        assertTrue(again.darkTheme());
        assertEquals("zh-TW", again.language());
        assertEquals(dir.resolve("w3.db").toAbsolutePath(), again.lastFile());
        List<Path> recent = again.recentFiles();
        assertEquals(8, recent.size(), "the recent list is capped");
        assertEquals(dir.resolve("w3.db").toAbsolutePath(), recent.get(0), "reopening moves a file to the top");
        assertEquals(dir.resolve("w10.db").toAbsolutePath(), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.endsWith("w3.db")).count());
    }

    @Test
    void aDamagedOrAbsurdSettingsFileFallsBackToDefaults() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "window.bounds=1,2,3\ntheme=purple\nlanguage=\n\\u12");
        ShellSettings s = ShellSettings.load(file);
        assertNull(s.windowBounds());
        assertEquals(false, s.darkTheme());
        assertNull(s.lastFile());
    }
}
