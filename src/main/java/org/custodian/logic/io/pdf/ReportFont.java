package org.custodian.logic.io.pdf;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A TrueType font with Traditional Chinese characters for the reports. PDFBox embeds only TrueType outlines (a
 * CFF-based OpenType font such as Noto Sans CJK cannot be embedded), so the search takes the user's choice first,
 * then the usual places per system: WenQuanYi or AR PL on Linux, Microsoft JhengHei on Windows, Arial Unicode on
 * macOS.
 */
public final class ReportFont {

    /** Characters a usable font must have: a marking, a common word, and full-width punctuation. */
    static final String PROBE = "限閱文件機密評估報告資料，。";

    private final Path file;
    private final String name;

    private ReportFont(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    public Path file() {
        return file;
    }

    /** The font's name inside its file (a collection holds several). */
    public String name() {
        return name;
    }

    /**
     * The font to use: {@code chosen} when given (a refusal says why it does not do), else the first usable one
     * of the system's usual places, else empty.
     */
    public static Optional<ReportFont> locate(Path chosen) {
        if (chosen != null) {
            return Optional.of(checked(chosen));
        }
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Optional.of(checked(candidate));
                } catch (ReportFontException e) {
                    // not usable: try the next place
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #check}, remembered per file and modification time: parsing a 5 MB collection takes a while. */
    private static ReportFont checked(Path file) {
        String key = file.toAbsolutePath() + "@" + modified(file);
        synchronized (CHECKED) {
            ReportFont known = CHECKED.get(key);
            if (known != null) {
                return known;
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new ReportFontException(file + ": no such font file.");
        }
        Faces faces;
        try {
            faces = Faces.open(file);
        } catch (IOException e) {
            throw new ReportFontException(file + " is not a TrueType font (" + e.getMessage() + ").", e);
        }
        ReportFont font;
        try {
            font = pick(file, faces);
        } catch (RuntimeException e) {
            close(faces);
            throw e;
        }
        synchronized (CHECKED) {
            CHECKED.put(key, font);
        }
        synchronized (LOCK) {
            // The faces just parsed serve the first report too, rather than being parsed again for it.
            if (openFaces == null) {
                openFaces = faces;
                openKey = file.toAbsolutePath() + "@" + modified(file) + "#" + font.name();
                return font;
            }
        }
        close(faces);
        return font;
    }

    private static void close(Faces faces) {
        try {
            faces.close();
        } catch (IOException e) {
            // only a read handle on a font file
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The parsed face, kept for the life of the process so each report does not parse the file again; callers
     * hold {@link #LOCK} while they use it (a parsed font is not safe to share between threads).
     */
    public TrueTypeFont face() throws IOException {
        synchronized (LOCK) {
            String key = file.toAbsolutePath() + "@" + modified(file) + "#" + name;
            if (!key.equals(openKey)) {
                if (openFaces != null) {
                    openFaces.close();
                }
                openFaces = Faces.open(file);
                openKey = key;
            }
            return openFaces.face(name);
        }
    }

    /** Held while a report uses the shared parsed face. */
    public static final Object LOCK = new Object();
    private static final java.util.Map<String, ReportFont> CHECKED = new java.util.HashMap<>();
    private static Faces openFaces;
    private static String openKey;

    /** Opens {@code file} and picks its first face with TrueType outlines and Traditional Chinese characters. */
    public static ReportFont check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReportFontException(file + ": no such font file.");
        }
        try (Faces faces = Faces.open(file)) {
            return pick(file, faces);
        } catch (IOException e) {
            throw new ReportFontException(file + " is not a TrueType font (" + e.getMessage() + ").", e);
        }
    }

    private static ReportFont pick(Path file, Faces faces) {
        try {
            for (TrueTypeFont font : faces.fonts()) {
                if (usable(font)) {
                    return new ReportFont(file, font.getName());
                }
            }
        } catch (IOException e) {
            throw new ReportFontException(file + " is not a TrueType font (" + e.getMessage() + ").", e);
        }
        throw new ReportFontException(file + " has no TrueType face with Traditional Chinese characters"
                + " (CFF-based OpenType fonts cannot be embedded in a PDF).");
    }

    /** Opens the face this font names; the caller keeps it open until the PDF is saved. */
    public Faces open() throws IOException {
        return Faces.open(file);
    }

    static boolean usable(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        if (font.getTableMap().get("glyf") == null) {
            return false;
        }
        var cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            return false;
        }
        return PROBE.codePoints().allMatch(cp -> cmap.getGlyphId(cp) > 0);
    }

    static List<Path> candidates() {
        List<Path> list = new ArrayList<>();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String windir = System.getenv().getOrDefault("WINDIR", "C:\\Windows");
            for (String f : new String[] {"msjh.ttc", "msjh.ttf", "mingliu.ttc", "kaiu.ttf", "msyh.ttc"}) {
                list.add(Path.of(windir, "Fonts", f));
            }
        } else if (os.contains("mac")) {
            list.add(Path.of("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"));
            list.add(Path.of("/Library/Fonts/Arial Unicode.ttf"));
            list.add(Path.of("/System/Library/Fonts/PingFang.ttc"));
        } else {
            // Debian and Ubuntu, then Fedora and openSUSE, then the user's own font folders.
            for (String f : new String[] {"truetype/wqy/wqy-microhei.ttc", "truetype/wqy/wqy-zenhei.ttc",
                    "truetype/arphic/uming.ttc", "truetype/arphic/ukai.ttc", "truetype/droid/DroidSansFallbackFull.ttf",
                    "wqy-microhei/wqy-microhei.ttc", "wqy-zenhei/wqy-zenhei.ttc", "truetype/wqy-microhei.ttc",
                    "google-droid-sans-fonts/DroidSansFallbackFull.ttf"}) {
                list.add(Path.of("/usr/share/fonts", f));
            }
            String home = System.getProperty("user.home", "");
            for (String folder : new String[] {".local/share/fonts", ".fonts"}) {
                for (String f : new String[] {"wqy-microhei.ttc", "wqy-zenhei.ttc", "uming.ttc", "msjh.ttc"}) {
                    list.add(Path.of(home, folder, f));
                }
            }
        }
        return list;
    }

    /** The faces of one font file: all of a collection ({@code .ttc}), or the single face of a {@code .ttf}. */
    public static final class Faces implements AutoCloseable {
        private final TrueTypeCollection collection;
        private final List<TrueTypeFont> fonts;

        private Faces(TrueTypeCollection collection, List<TrueTypeFont> fonts) {
            this.collection = collection;
            this.fonts = fonts;
        }

        static Faces open(Path file) throws IOException {
            File f = file.toFile();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(f);
                List<TrueTypeFont> fonts = new ArrayList<>();
                try {
                    collection.processAllFonts(fonts::add);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
                return new Faces(collection, fonts);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(f));
            return new Faces(null, new ArrayList<>(List.of(font)));
        }

        public List<TrueTypeFont> fonts() {
            return fonts;
        }

        /** The face named {@code name}, else the first. */
        public TrueTypeFont face(String name) throws IOException {
            for (TrueTypeFont f : fonts) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            return fonts.get(0);
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            } else {
                for (TrueTypeFont f : fonts) {
                    f.close();
                }
            }
        }
    }
}
