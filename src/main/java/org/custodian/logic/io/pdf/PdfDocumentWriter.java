package org.custodian.logic.io.pdf;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Calendar;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays out an XHTML report with OpenHTMLtoPDF on PDFBox. Latin text uses the PDF's built-in Helvetica; every
 * character Helvetica lacks (Chinese above all) comes from the {@link ReportFont}, embedded as a subset. Without
 * such a font a report with Chinese text is refused with what to do, never printed as empty boxes; a character
 * neither font has is printed as "?" and named in {@link Rendered#missing()}.
 */
public final class PdfDocumentWriter {

    /** The CSS font family the report's stylesheet names for the Chinese font. */
    public static final String CHINESE_FAMILY = "Custodian Chinese";
    private static final Logger LOG = LoggerFactory.getLogger(PdfDocumentWriter.class);

    static {
        XRLog.setLoggerImpl(new Slf4jBridge());
    }

    private final Optional<ReportFont> font;

    public PdfDocumentWriter(Optional<ReportFont> font) {
        this.font = font;
    }

    /** What went into the PDF's document information. */
    public record Metadata(String title, String subject, String author, String keywords, String creator,
                           String fingerprint) {
    }

    /** The PDF, its page count and the characters no font could print. */
    public record Rendered(byte[] bytes, int pages, Set<String> missing) {
    }

    public Rendered render(String xhtml, Metadata metadata) throws IOException {
        synchronized (ReportFont.LOCK) {
            return renderLocked(xhtml, metadata);
        }
    }

    private Rendered renderLocked(String xhtml, Metadata metadata) throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        try (PDDocument doc = new PDDocument()) {
            // Helvetica as embedded here lacks curly quotes; straight ones keep Latin text in one font.
            String content = xhtml.replace("\u2019", "&#39;").replace("\u2018", "&#39;")
                    .replace("\u201C", "&#34;").replace("\u201D", "&#34;");
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            if (needsFont(content)) {
                ReportFont chosen = font.orElseThrow(() -> new ReportFontException(
                        "This report has Chinese text (in its records, its language or the scheme's bilingual"
                                + " marking) and no TrueType font with Traditional Chinese characters was found. Install one (on Debian or Ubuntu: apt install fonts-wqy-microhei)"
                                + " or choose a font file in Settings (on the command line: --font FILE)."));
                TrueTypeFont face = chosen.face();
                content = replaceMissing(content, face, missing);
                PDFont pdFont = PDType0Font.load(doc, face, true);
                builder.useFont(new PDFontSupplier(pdFont), CHINESE_FAMILY);
            }
            builder.withHtmlContent(content, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            describe(doc, metadata);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            doc.save(out);
            return new Rendered(out.toByteArray(), doc.getNumberOfPages(), missing);
        }
    }

    /** Whether any character lies outside what Helvetica (WinAnsi) prints. */
    static boolean needsFont(String text) {
        CharsetEncoder winAnsi = Charset.forName("windows-1252").newEncoder();
        for (int i = 0; i < text.length(); i++) {
            if (!winAnsi.canEncode(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String replaceMissing(String text, TrueTypeFont face, Set<String> missing) throws IOException {
        var cmap = face.getUnicodeCmapLookup(false);
        CharsetEncoder winAnsi = Charset.forName("windows-1252").newEncoder();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean printable = (n == 1 && winAnsi.canEncode((char) cp)) || cmap.getGlyphId(cp) > 0
                    || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT;
            if (!printable) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                missing.add(new String(Character.toChars(cp)));
                out.append('?');
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    private static void describe(PDDocument doc, Metadata m) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(m.title());
        info.setSubject(m.subject());
        info.setAuthor(m.author());
        info.setKeywords(m.keywords());
        info.setCreator(m.creator());
        info.setProducer(m.creator());
        info.setCreationDate(Calendar.getInstance());
        info.setCustomMetadataValue("CustodianFingerprint", m.fingerprint());
    }

    /** OpenHTMLtoPDF logs through java.util.logging to the console; its messages belong in our log file. */
    private static final class Slf4jBridge implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.WARNING.intValue()) {
                LOG.warn("{}: {}", where, msg, th);
            } else {
                LOG.debug("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
        }
    }
}
