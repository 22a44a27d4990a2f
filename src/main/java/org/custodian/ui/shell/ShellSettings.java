package org.custodian.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's own preferences, kept per user beside the workbench file's folder: theme, language, window
 * bounds, the last file and the recent ones. Read once at start, written when the window closes.
 */
public final class ShellSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ShellSettings.class);
    private static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    private ShellSettings(Path file) {
        this.file = file;
    }

    /** The department's assessment templates live beside the settings, in {@code templates/}. */
    public Path templatesFolder() {
        return file.toAbsolutePath().getParent().resolve("templates");
    }

    public static ShellSettings load(Path file) {
        ShellSettings settings = new ShellSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings {}", file, e);
            }
        }
        return settings;
    }

    // One daemon thread writes the file, so the FX thread never waits on the disk for a setting.
    private static final java.util.concurrent.ExecutorService WRITER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "custodian-settings");
                t.setDaemon(true);
                return t;
            });

    /** Writes a snapshot of the settings on the settings thread (a crash loses at most this write). */
    public void saveInBackground() {
        Properties snapshot = new Properties();
        snapshot.putAll(values);
        WRITER.submit(() -> write(snapshot));
    }

    /** Writes the settings now and waits; for the window's last moment. */
    public void saveNow() {
        Properties snapshot = new Properties();
        snapshot.putAll(values);
        try {
            WRITER.submit(() -> write(snapshot)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Cannot save settings {}", file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Properties snapshot) {
        try {
            Files.createDirectories(file.getParent());
            org.custodian.logic.io.AtomicOutput.write(file, out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                snapshot.store(w, "Custodian window settings");
                w.flush();
            });
        } catch (IOException e) {
            LOG.warn("Cannot save settings {}", file, e);
        }
    }

    public boolean darkTheme() {
        return "dark".equals(values.getProperty("theme"));
    }

    public void setDarkTheme(boolean dark) {
        values.setProperty("theme", dark ? "dark" : "light");
    }

    public String language() {
        return values.getProperty("language", "en");
    }

    public void setLanguage(String tag) {
        values.setProperty("language", tag);
    }

    /** x, y, width, height; null when never saved. */
    public double[] windowBounds() {
        try {
            String[] parts = values.getProperty("window.bounds", "").split(",");
            if (parts.length != 4) {
                return null;
            }
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i]);
            }
            return b[2] >= 400 && b[3] >= 300 ? b : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        values.setProperty("window.bounds", x + "," + y + "," + width + "," + height);
    }

    public boolean maximized() {
        return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
    }

    public void setMaximized(boolean maximized) {
        values.setProperty("window.maximized", Boolean.toString(maximized));
    }

    /** A table's remembered columns (order, width, visibility), as the table wrote it; null if never saved. */
    public String tableLayout(String tableId) {
        return values.getProperty("table." + tableId);
    }

    public void setTableLayout(String tableId, String layout) {
        values.setProperty("table." + tableId, layout);
    }

    /** The TrueType font file the reports use for Chinese, or null to look in the system's usual places. */
    public Path reportFont() {
        String font = values.getProperty("reportFont");
        return font == null || font.isBlank() ? null : Path.of(font);
    }

    public void setReportFont(Path font) {
        if (font == null) {
            values.remove("reportFont");
        } else {
            values.setProperty("reportFont", font.toAbsolutePath().toString());
        }
    }

    public Path lastFile() {
        String last = values.getProperty("lastFile");
        return last == null || last.isBlank() ? null : Path.of(last);
    }

    public List<Path> recentFiles() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = values.getProperty("recentFile." + i);
            if (p != null && !p.isBlank()) {
                recent.add(Path.of(p));
            }
        }
        return recent;
    }

    /** Records {@code file} as the last opened and moves it to the top of the recent list. */
    public void rememberOpened(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        values.setProperty("lastFile", abs.toString());
        List<Path> recent = new ArrayList<>(recentFiles());
        recent.remove(abs);
        recent.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                values.setProperty("recentFile." + i, recent.get(i).toString());
            } else {
                values.remove("recentFile." + i);
            }
        }
    }
}
