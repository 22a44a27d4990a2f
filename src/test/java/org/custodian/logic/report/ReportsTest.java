package org.custodian.logic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.inventory.SaveOutcome;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.pdf.PdfDocumentWriter;
import org.custodian.logic.io.pdf.ReportFont;
import org.custodian.logic.io.pdf.ReportFontException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.report.PaperSize;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports use case on the sample department, loaded once into a real workbench file: the PDFs are written,
 * read back with PDFBox page by page and checked for the marking, page numbers, fingerprint, fonts and paper; the
 * HTML is parsed with jsoup; the CSV with Commons CSV.
 */
class ReportsTest {

    private static final Pattern PAGE = Pattern.compile("Page (\\d+) of (\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("Fingerprint \\(SHA-256\\) ([0-9a-f]{64})");
    private static final Pattern HEX64 = Pattern.compile("\\b[0-9a-f]{64}\\b");
    private static final String EMPTY_XHTML_HEAD = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head></head><body>";
    private static final String EMPTY_XHTML_TAIL = "</body></html>";

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static Reports reports;
    static Assessments assessments;
    static Map<String, ClassificationLevel> levels;

    /** AS-2026-001 (ethical AI, approved, data up to RESTRICTED) as an English A4 PDF, written once. */
    static Assessment ethics;
    static ReportContent ethicsContent;
    static ReportOutcome ethicsOutcome;
    static Path ethicsPdf;
    static List<String> ethicsPages;

    @BeforeAll
    static void load() throws IOException {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "report-tester", true);
        session.sample().load();
        reports = session.reports();
        assessments = session.assessments();
        levels = new HashMap<>();
        for (ClassificationLevel l : reports.levels()) {
            levels.put(l.code(), l);
        }
        ethics = assessments.find("AS-2026-001", 1).orElseThrow(() -> new AssertionError("no AS-2026-001"));
        ethicsContent = reports.assessment(ethics.key(), ReportOptions.defaults());
        ethicsPdf = dir.resolve("out/AS-2026-001.pdf");
        Files.createDirectories(ethicsPdf.getParent());
        ethicsOutcome = reports.write(ethicsContent, ReportFormat.PDF, ethicsPdf, null, WorkProgress.NONE);
        ethicsPages = pageTexts(ethicsPdf);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The text of each page, extracted by PDFBox page by page. */
    static List<String> pageTexts(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /**
     * Text with line breaks and runs of spaces as one space, no space after a hyphen (a line may break after one),
     * and curly quotes straight (as the PDF prints them). Applied to both what is searched and what is sought.
     */
    static String flat(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("[\\s\\u00A0]+", " ").replace("- ", "-").strip();
    }

    /** Text without any white space, for Chinese, which wraps anywhere. */
    static String dense(String s) {
        return s.replaceAll("[\\s\\u00A0]+", "");
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    static Path out(String name) throws IOException {
        Path p = dir.resolve("out").resolve(name);
        Files.createDirectories(p.getParent());
        return p;
    }

    static String markingOf(String levelCode) {
        ClassificationLevel l = levels.get(levelCode);
        assertNotNull(l, "the scheme has " + levelCode);
        return l.marking() == null || l.marking().isBlank() ? l.code() : l.marking();
    }

    static void assertMarkedOnEveryPage(List<String> pages, String marking) {
        assertFalse(pages.isEmpty());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(2, count(flat(pages.get(i)), marking),
                    "page " + (i + 1) + " carries '" + marking + "' in its header and its footer:\n" + pages.get(i));
        }
    }

    /** Every page says "Page i of N", once, its own i, and N is the page count. */
    static void assertNumberedPages(List<String> pages) {
        for (int i = 0; i < pages.size(); i++) {
            Matcher m = PAGE.matcher(pages.get(i));
            assertTrue(m.find(), "page " + (i + 1) + " has 'Page n of N':\n" + pages.get(i));
            assertEquals(i + 1, Integer.parseInt(m.group(1)), "page " + (i + 1) + " numbers itself");
            assertEquals(pages.size(), Integer.parseInt(m.group(2)), "N is the page count, on page " + (i + 1));
            assertFalse(m.find(), "one 'Page n of N' on page " + (i + 1));
        }
    }

    static String sha256(ReportContent c) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {c.kind().code(), c.marking().code(), c.options().language().code(),
                c.body()}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        for (org.custodian.logic.report.ReportTable t : c.tables()) {
            List<String> cells = new ArrayList<>(List.of(t.name()));
            cells.addAll(t.header());
            for (String cell : cells) {
                sha.update(cell.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (List<String> row : t.rows()) {
                sha.update((byte) 1);
                for (String cell : row) {
                    sha.update((cell == null ? "" : cell).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static List<PDRectangle> pageSizes(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<PDRectangle> sizes = new ArrayList<>();
            for (PDPage p : doc.getPages()) {
                sizes.add(p.getMediaBox());
            }
            return sizes;
        }
    }

    static void assertPaper(Path pdf, long width, long height) throws IOException {
        List<PDRectangle> sizes = pageSizes(pdf);
        assertFalse(sizes.isEmpty());
        for (int i = 0; i < sizes.size(); i++) {
            PDRectangle r = sizes.get(i);
            assertEquals(width + "×" + height, Math.round(r.getWidth()) + "×" + Math.round(r.getHeight()),
                    pdf.getFileName() + " page " + (i + 1));
        }
    }

    static boolean embedsType0Font(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage p : doc.getPages()) {
                if (hasType0(p.getResources(), 0)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean hasType0(PDResources res, int depth) throws IOException {
        if (res == null || depth > 4) {
            return false;
        }
        for (COSName name : res.getFontNames()) {
            PDFont f = res.getFont(name);
            if (f instanceof PDType0Font t0 && t0.isEmbedded()) {
                return true;
            }
        }
        for (COSName name : res.getXObjectNames()) {
            if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && hasType0(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    static AssessmentRecord record(Assessment a) {
        return assessments.load(a.key()).orElseThrow();
    }

    static List<Dataset> allDatasets() {
        List<Dataset> all = new ArrayList<>();
        session.inventory().forEach(DatasetQuery.all(), all::add);
        return all;
    }

    static List<CSVRecord> readCsv(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a CSV for spreadsheets starts with a BOM");
        try (Reader r = new java.io.StringReader(text.substring(1));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    // ---- the assessment PDF ----------------------------------------------------------------------------------------

    @Test
    void everyPageOfTheAssessmentPdfCarriesTheMarkingAndItsOwnPageNumber() throws IOException {
        assertEquals("RESTRICTED", ethicsContent.marking().code(), "AS-2026-001's data is at RESTRICTED at most");
        assertTrue(ethicsPages.size() > 1, "the assessment report runs over several pages: " + ethicsPages.size());
        assertEquals(ethicsOutcome.pages(), ethicsPages.size(), "the outcome counts the pages written");
        assertMarkedOnEveryPage(ethicsPages, markingOf("RESTRICTED"));
        assertNumberedPages(ethicsPages);
        for (int i = 0; i < ethicsPages.size(); i++) {
            assertTrue(ethicsPages.get(i).contains("Generated "), "page " + (i + 1) + " says when it was generated");
            assertTrue(ethicsPages.get(i).contains("Audit head #"), "page " + (i + 1) + " names the audit head");
        }
        try (PDDocument doc = Loader.loadPDF(ethicsPdf.toFile())) {
            assertEquals(markingOf("RESTRICTED"), doc.getDocumentInformation().getKeywords());
        }
        assertPaper(ethicsPdf, 595, 842);
    }

    @Test
    void theFingerprintInEveryFooterIsTheContentsAndTheAuditEventsId() throws Exception {
        String fingerprint = ethicsContent.fingerprint();
        assertTrue(HEX64.matcher(fingerprint).matches(), fingerprint);
        assertEquals(sha256(ethicsContent), fingerprint, "SHA-256 of kind, marking, language, body and tables");
        for (int i = 0; i < ethicsPages.size(); i++) {
            Matcher m = FINGERPRINT.matcher(flat(ethicsPages.get(i)));
            assertTrue(m.find(), "page " + (i + 1) + " prints the fingerprint:\n" + ethicsPages.get(i));
            assertEquals(fingerprint, m.group(1), "page " + (i + 1));
        }
        assertEquals(fingerprint, ethicsOutcome.fingerprint());
        assertEquals(fingerprint, Reports.fingerprintOf(ethicsPdf), "the PDF's document information");

        List<AuditEvent> events = reports.recorded(fingerprint);
        assertFalse(events.isEmpty(), "the report is recorded in the audit chain");
        AuditEvent event = events.stream().filter(e -> e.sequence() == ethicsOutcome.auditSequence()).findFirst()
                .orElseThrow(() -> new AssertionError("event #" + ethicsOutcome.auditSequence() + " in " + events));
        assertEquals("report", event.entityType());
        assertEquals(fingerprint, event.entityId());
        assertEquals("generate", event.action());
        assertTrue(event.after().contains("\"pages\":" + ethicsPages.size()), event.after());
        assertTrue(event.after().contains("\"format\":\"pdf\""), event.after());
        assertTrue(event.after().contains("\"marking\":\"RESTRICTED\""), event.after());
        assertEquals(events, reports.recorded(fingerprint.toUpperCase(Locale.ROOT) + " "),
                "a fingerprint read off paper may be in capitals");
        assertTrue(reports.recorded("0".repeat(64)).isEmpty());
    }

    @Test
    void hiddenQuestionsAreLeftOutWithOneSentenceAndShowingAnswersArePrinted() {
        AssessmentRecord r = record(ethics);
        AssessmentTemplate template = assessments.templateOf(r.assessment());
        Visibility visibility = Visibility.of(template, r.answers());
        List<Question> hidden = template.questions().stream().filter(q -> !visibility.shows(q.id())).toList();
        assertFalse(hidden.isEmpty(), "AS-2026-001 has questions hidden by earlier answers");
        String pdf = flat(String.join("\n", ethicsPages));
        for (Question q : hidden) {
            String text = flat(q.text().en());
            assertFalse(pdf.contains(text), "hidden question " + q.id() + " is left out of the PDF: " + text);
            assertFalse(ethicsContent.body().contains(q.text().en()),
                    "hidden question " + q.id() + " is left out of the report body");
        }
        String sentence = "Left out because earlier answers make them not apply: " + hidden.size() + " questions.";
        assertEquals(1, count(pdf, sentence), "one sentence says how many are left out: " + sentence);

        List<Question> answered = template.questions().stream()
                .filter(q -> visibility.shows(q.id()))
                .filter(q -> r.answers().get(q.id()) != null && r.answers().get(q.id()).answered())
                .toList();
        assertFalse(answered.isEmpty());
        for (Question q : answered) {
            String number = template.numberOf(q.id());
            assertTrue(pdf.contains(number + " " + flat(q.text().en())),
                    "showing, answered question " + number + " (" + q.id() + ") is printed: " + q.text().en());
        }
    }

    // ---- Chinese -------------------------------------------------------------------------------------------------

    @Test
    void aChineseReportIsExtractedAsChineseTextFromAnEmbeddedFont() throws IOException {
        ReportContent zh = reports.assessment(ethics.key(), new ReportOptions(ReportLanguage.ZH, PaperSize.A4, null));
        Path pdf = out("AS-2026-001-zh.pdf");
        ReportOutcome o = reports.write(zh, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        assertEquals(Set.of(), o.missingCharacters(), "the font prints every character");
        List<String> pages = pageTexts(pdf);
        AssessmentTemplate template = assessments.templateOf(ethics);
        String all = dense(String.join("\n", pages));
        assertTrue(all.contains(dense(template.title().zh())), "the template's Chinese title: " + template.title().zh());
        assertTrue(all.contains("評估報告"), "the report's Chinese title");
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(dense(pages.get(i)).contains("第" + (i + 1) + "頁，共" + pages.size() + "頁"),
                    "page " + (i + 1) + " numbered in Chinese:\n" + pages.get(i));
            assertFalse(PAGE.matcher(pages.get(i)).find(), "no English page number in a Chinese report");
        }
        assertMarkedOnEveryPage(pages, markingOf("RESTRICTED"));
        assertTrue(embedsType0Font(pdf), "the Chinese font is embedded (a Type 0 font on a page)");
        assertNotEquals(ethicsContent.fingerprint(), zh.fingerprint(), "the language is part of the fingerprint");
    }

    @Test
    void aReportInBothLanguagesOnLetterPaperCarriesBothAndEmbedsTheFont() throws IOException {
        ReportContent both = reports.assessment(ethics.key(),
                new ReportOptions(ReportLanguage.BOTH, PaperSize.LETTER, null));
        Path pdf = out("AS-2026-001-both-letter.pdf");
        reports.write(both, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        List<String> pages = pageTexts(pdf);
        AssessmentTemplate template = assessments.templateOf(ethics);
        String all = flat(String.join("\n", pages));
        assertTrue(all.contains("Assessment report"), "English");
        assertTrue(dense(all).contains("評估報告"), "and Chinese");
        assertTrue(all.contains(template.title().en()));
        assertTrue(dense(all).contains(dense(template.title().zh())));
        assertNumberedPages(pages);
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(dense(pages.get(i)).contains("第" + (i + 1) + "頁，共" + pages.size() + "頁"),
                    "page " + (i + 1) + " numbered in Chinese too");
        }
        assertMarkedOnEveryPage(pages, markingOf("RESTRICTED"));
        assertTrue(embedsType0Font(pdf));
        assertPaper(pdf, 612, 792);
    }

    @Test
    void chineseTextWithoutAFontIsRefusedNamingThePackageToInstall() {
        String xhtml = EMPTY_XHTML_HEAD + "<p>Marking: RESTRICTED 限閱文件</p>" + EMPTY_XHTML_TAIL;
        PdfDocumentWriter writer = new PdfDocumentWriter(Optional.empty());
        ReportFontException e = assertThrows(ReportFontException.class,
                () -> writer.render(xhtml, metadata()));
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"), e.getMessage());
        assertTrue(e.getMessage().contains("--font"), "and how to choose a font file: " + e.getMessage());
    }

    @Test
    void aLatinDocumentRendersWithoutAFont() throws IOException {
        String xhtml = EMPTY_XHTML_HEAD + "<h1>Inventory</h1><p>Plain Latin text: caf\u00e9, 100 \u00a3.</p>"
                + EMPTY_XHTML_TAIL;
        PdfDocumentWriter.Rendered r = new PdfDocumentWriter(Optional.empty()).render(xhtml, metadata());
        assertEquals(1, r.pages());
        assertEquals(Set.of(), r.missing());
        try (PDDocument doc = Loader.loadPDF(r.bytes())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = flat(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Plain Latin text: caf\u00e9, 100 \u00a3."), text);
            assertEquals("f".repeat(64), doc.getDocumentInformation().getCustomMetadataValue("CustodianFingerprint"));
        }
    }

    private static PdfDocumentWriter.Metadata metadata() {
        return new PdfDocumentWriter.Metadata("Test", "subject", "tester", "UNCLASSIFIED", "Custodian test",
                "f".repeat(64));
    }

    @Test
    void aFileThatIsNoFontIsRefusedWithAClearMessage() throws IOException {
        Path notAFont = Files.writeString(out("not-a-font.ttf"), "this is a text file, not a font\n".repeat(20));
        ReportFontException e = assertThrows(ReportFontException.class, () -> ReportFont.check(notAFont));
        assertTrue(e.getMessage().contains("not-a-font.ttf"), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("is not a TrueType font"), e.getMessage());

        Path notACollection = Files.writeString(out("not-a-font.ttc"), "neither is this\n".repeat(20));
        ReportFontException c = assertThrows(ReportFontException.class, () -> ReportFont.check(notACollection));
        assertTrue(c.getMessage().contains("is not a TrueType font"), c.getMessage());

        ReportFontException missing = assertThrows(ReportFontException.class,
                () -> ReportFont.check(out("no-such.ttf")));
        assertTrue(missing.getMessage().contains("no such font file"), missing.getMessage());

        assertThrows(ReportFontException.class, () -> ReportFont.locate(notAFont),
                "a chosen font that does not do is refused, not silently replaced");
        Path pdf = out("with-bad-font.pdf");
        assertThrows(ReportFontException.class,
                () -> reports.write(ethicsContent, ReportFormat.PDF, pdf, notAFont, WorkProgress.NONE));
        assertFalse(Files.exists(pdf), "nothing written");
    }

    // ---- marking -------------------------------------------------------------------------------------------------

    @Test
    void theMarkingIsTheHighestLevelOfTheDataIncluded() {
        Comparator<ClassificationLevel> byRank = Comparator.comparingInt(ClassificationLevel::rank);
        ClassificationLevel lowest = levels.values().stream().min(byRank).orElseThrow();
        Set<String> seen = new TreeSet<>();
        for (Assessment a : assessments.list(null)) {
            ClassificationLevel expected = a.subject().datasetCodes().stream()
                    .map(code -> session.inventory().findByCode(code).map(Dataset::classification).orElse(null))
                    .filter(java.util.Objects::nonNull).map(levels::get).filter(java.util.Objects::nonNull)
                    .max(byRank).orElse(lowest);
            ReportContent c = reports.assessment(a.key(), ReportOptions.defaults());
            assertEquals(expected.code(), c.marking().code(), a.label() + " links " + a.subject().datasetCodes());
            seen.add(c.marking().code());
        }
        assertTrue(seen.size() >= 2, "the sample's assessments carry different markings: " + seen);

        ClassificationLevel highestInInventory = allDatasets().stream().map(Dataset::classification)
                .filter(java.util.Objects::nonNull).map(levels::get).filter(java.util.Objects::nonNull)
                .max(byRank).orElseThrow();
        assertEquals(highestInInventory.code(),
                reports.inventory(DatasetQuery.all(), "", ReportOptions.defaults()).marking().code());
    }

    @Test
    void aHigherMarkingAskedForIsPrintedOnEveryPage() throws IOException {
        ReportContent secret = reports.assessment(ethics.key(), new ReportOptions(ReportLanguage.EN, PaperSize.A4,
                "secret"));
        assertEquals("SECRET", secret.marking().code());
        Path pdf = out("AS-2026-001-secret.pdf");
        ReportOutcome o = reports.write(secret, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        assertEquals("SECRET", o.marking());
        List<String> pages = pageTexts(pdf);
        assertMarkedOnEveryPage(pages, markingOf("SECRET"));
        for (int i = 0; i < pages.size(); i++) {
            assertFalse(pages.get(i).contains(markingOf("RESTRICTED")), "not the data's own marking, page " + (i + 1));
        }
        assertNotEquals(ethicsContent.fingerprint(), secret.fingerprint(), "the marking is part of the fingerprint");
        assertEquals("TOP SECRET", reports.assessment(ethics.key(),
                new ReportOptions(ReportLanguage.EN, PaperSize.A4, "top_secret")).marking().code());
    }

    /**
     * The marking follows the linked datasets themselves, not the codes written on the assessment: a dataset whose
     * code changed still counts, and a code no dataset here answers to stops the report until a marking is chosen.
     */
    @Test
    void linkedDatasetsMarkTheReportEvenRenamedAndAnUnknownOneNeedsAChosenMarking() throws IOException {
        try (WorkbenchSession other = WorkbenchSession.open(dir.resolve("renamed.db"), Access.READ_WRITE, "tester",
                true)) {
            other.sample().load();
            Assessment a = other.assessments().find("AS-2026-001", 1).orElseThrow();
            for (String code : List.of("BD-MBIS-0001", "BD-UBW-0001")) {
                org.custodian.model.inventory.Dataset d = other.inventory().findByCode(code).orElseThrow();
                Map<DatasetColumn, String> fields = new EnumMap<>(d.columns());
                fields.put(DatasetColumn.CODE, code + "-R");
                assertTrue(other.inventory().save(d.id(), fields, "renamed by the report test").ok());
            }
            ReportContent renamed = other.reports().assessment(a.key(), ReportOptions.defaults());
            assertEquals("RESTRICTED", renamed.marking().code(), "the renamed datasets still mark the report");
            assertTrue(renamed.body().contains("BD-MBIS-0001-R"), "under their codes of today");

            // An assessment from another department's workbench links a dataset this inventory does not hold.
            Path exported = dir.resolve("out/as-2026-006.json");
            other.assessmentExchange().export(other.assessments().find("AS-2026-006", 1).orElseThrow().key(), exported);
            Files.writeString(exported, Files.readString(exported).replaceAll("\"[A-Z]+-[A-Z]+-\\d{4}\"",
                    "\"ZZ-ELSEWHERE-0001\""));
            Assessment foreign = other.assessmentExchange().importFile(exported, false, true).assessment();
            assertEquals(List.of("ZZ-ELSEWHERE-0001"), other.assessments().load(foreign.key()).orElseThrow()
                    .assessment().subject().datasetCodes().stream().distinct().toList());
            org.custodian.logic.report.MarkingNeededException needed = assertThrows(
                    org.custodian.logic.report.MarkingNeededException.class,
                    () -> other.reports().assessment(foreign.key(), ReportOptions.defaults()));
            assertTrue(needed.getMessage().contains("ZZ-ELSEWHERE-0001") && needed.getMessage().contains("--marking"),
                    needed.getMessage());
            ReportContent chosen = other.reports().assessment(foreign.key(),
                    new ReportOptions(ReportLanguage.EN, PaperSize.A4, "CONFIDENTIAL"));
            assertEquals("CONFIDENTIAL", chosen.marking().code());
            assertTrue(chosen.body().contains("(not in this inventory)"));
        }
    }

    @Test
    void aLowerMarkingIsRefusedAndNothingIsWritten() throws IOException {
        Path pdf = out("AS-2026-001-unclassified.pdf");
        long events = session.audit().eventCount();
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> reports.write(reports.assessment(ethics.key(),
                        new ReportOptions(ReportLanguage.EN, PaperSize.A4, "UNCLASSIFIED")),
                        ReportFormat.PDF, pdf, null, WorkProgress.NONE));
        assertTrue(e.getMessage().contains("RESTRICTED") && e.getMessage().contains("UNCLASSIFIED"), e.getMessage());
        assertFalse(Files.exists(pdf), "no file");
        assertEquals(events, session.audit().eventCount(), "nothing recorded");
        assertThrows(InputRejectedException.class, () -> reports.inventory(DatasetQuery.all(), "",
                new ReportOptions(ReportLanguage.EN, PaperSize.A4, "CONFIDENTIAL")),
                "the whole inventory holds SECRET data");
    }

    @Test
    void anUnknownMarkingIsRefused() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> reports.assessment(ethics.key(),
                new ReportOptions(ReportLanguage.EN, PaperSize.A4, "HUSH-HUSH")));
        assertTrue(e.getMessage().contains("Unknown marking 'HUSH-HUSH'"), e.getMessage());
        assertTrue(e.getMessage().contains("RESTRICTED"), "lists the scheme's levels: " + e.getMessage());
    }

    // ---- fingerprint ---------------------------------------------------------------------------------------------

    @Test
    void theSameRecordsGiveTheSameFingerprint() {
        ReportContent again = reports.assessment(ethics.key(), ReportOptions.defaults());
        assertEquals(ethicsContent.body(), again.body());
        assertEquals(ethicsContent.fingerprint(), again.fingerprint());
        ReportContent inv1 = reports.inventory(DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT,
                Set.of("hk-td")), "department: hk-td", ReportOptions.defaults());
        ReportContent inv2 = reports.inventory(DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT,
                Set.of("hk-td")), "department: hk-td", ReportOptions.defaults());
        assertEquals(inv1.fingerprint(), inv2.fingerprint());
        assertNotEquals(ethicsContent.fingerprint(), inv1.fingerprint());
    }

    @Test
    void changingAnAnswerOfADraftChangesTheFingerprint() {
        List<Assessment> revisions = assessments.revisions("AS-2026-006");
        Assessment draft = revisions.get(revisions.size() - 1);
        assertEquals(AssessmentStatus.DRAFT, draft.status(), "AS-2026-006 is a draft");
        AssessmentRecord r = record(draft);
        AssessmentTemplate template = assessments.templateOf(draft);
        Visibility visibility = Visibility.of(template, r.answers());
        Question q = template.questions().stream().filter(x -> visibility.shows(x.id()))
                .filter(x -> x.type() == QuestionType.TEXT).findFirst()
                .orElseThrow(() -> new AssertionError("a showing text question in AS-2026-006"));
        String before = reports.assessment(draft.key(), ReportOptions.defaults()).fingerprint();
        Answer old = r.answers().get(q.id());
        String changed = "Changed by the report test " + (old == null ? "" : old.value().length());
        assertTrue(assessments.answer(draft.key(), q.id(), changed).isDone());
        ReportContent after = reports.assessment(draft.key(), ReportOptions.defaults());
        assertNotEquals(before, after.fingerprint(), "a changed answer changes the fingerprint");
        assertTrue(after.body().contains(changed));
        assertEquals(after.fingerprint(), reports.assessment(draft.key(), ReportOptions.defaults()).fingerprint());
    }

    /**
     * Times are written in the session's zone, named on the cover: the machine's zone changing afterwards changes
     * neither the report nor its fingerprint.
     */
    @Test
    void theFingerprintDoesNotFollowTheMachinesTimeZone() {
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        String utc;
        String hongKong;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            utc = reports.assessment(ethics.key(), ReportOptions.defaults()).fingerprint();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Hong_Kong"));
            hongKong = reports.assessment(ethics.key(), ReportOptions.defaults()).fingerprint();
        } finally {
            java.util.TimeZone.setDefault(original);
        }
        assertEquals(utc, hongKong, "the fingerprint of AS-2026-001 does not depend on the machine's time zone");
        assertTrue(ethicsContent.body().contains(java.time.ZoneId.systemDefault().getId()), "the zone is named");
    }

    /**
     * The CSV holds columns the printed body does not (an English register's Chinese titles): the fingerprint
     * covers the tables too, so two different CSV files never share a recorded fingerprint.
     */
    @Test
    void aCsvWithOtherContentGetsAnotherFingerprint() throws IOException {
        DatasetQuery td = DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT, Set.of("hk-td"));
        ReportOutcome before = reports.write(reports.inventory(td, "", ReportOptions.defaults()), ReportFormat.CSV,
                out("td-before.csv"), null, WorkProgress.NONE);
        Dataset d = session.inventory().findByCode("TD-SPEED-0001").orElseThrow();
        Map<DatasetColumn, String> fields = new EnumMap<>(d.columns());
        fields.put(DatasetColumn.TITLE_TC, d.titleTc() + "（修訂）");
        assertTrue(session.inventory().save(d.id(), fields, "report test").ok());
        ReportOutcome after = reports.write(reports.inventory(td, "", ReportOptions.defaults()), ReportFormat.CSV,
                out("td-after.csv"), null, WorkProgress.NONE);
        assertNotEquals(Files.readString(before.file()), Files.readString(after.file()), "the CSV files differ");
        assertNotEquals(before.fingerprint(), after.fingerprint(), "so should their recorded fingerprints");
    }

    // ---- HTML ------------------------------------------------------------------------------------------------------

    @Test
    void theHtmlReportIsValidHtmlMarkedOnceAboveAndOnceBelowWithTheFingerprint() throws IOException {
        Path html = out("AS-2026-001.html");
        ReportOutcome o = reports.write(ethicsContent, ReportFormat.HTML, html, null, WorkProgress.NONE);
        assertEquals(0, o.pages());
        String source = Files.readString(html, StandardCharsets.UTF_8);
        Parser parser = Parser.htmlParser().setTrackErrors(100);
        Document doc = Jsoup.parse(source, "", parser);
        assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(), "parses without errors");

        String marking = markingOf("RESTRICTED");
        Elements header = doc.select("#page-header");
        Elements footer = doc.select("#page-footer");
        assertEquals(1, header.size());
        assertEquals(1, footer.size());
        assertEquals(List.of(marking), header.select(".frame-marking").eachText());
        assertEquals(List.of(marking), footer.select(".frame-marking").eachText());
        assertEquals(2, count(doc.body().text(), marking), "the marking twice in the whole page, no more");
        Element body = doc.body();
        assertEquals("page-header", body.child(0).id(), "the marking above");
        assertEquals("page-footer", body.child(body.childrenSize() - 1).id(), "and below");

        assertEquals(ethicsContent.fingerprint(), Reports.fingerprintOf(html));
        assertEquals(ethicsContent.fingerprint(), o.fingerprint());
        assertEquals(List.of(ethicsContent.fingerprint()), footer.select(".hex").eachText());
        assertFalse(doc.text().contains("Page 1 of"), "a browser shows one page: no page numbers");
        assertFalse(source.contains("counter(page"), "no page counters in the HTML file");
        assertEquals(1, reports.recorded(o.fingerprint()).stream()
                .filter(e -> e.after().contains("\"format\":\"html\"")).count());
    }

    // ---- CSV ---------------------------------------------------------------------------------------------------

    @Test
    void aFormulaInATitleIsNeutralisedInTheInventoryCsv() throws IOException {
        Dataset template = session.inventory().findByCode("AFCD-TRAIL-0001").orElseThrow();
        Map<DatasetColumn, String> fields = new EnumMap<>(template.columns());
        fields.put(DatasetColumn.CODE, "AFCD-FORMULA-0001");
        String formula = "=HYPERLINK(\"http://example.com\",\"Trails\")";
        fields.put(DatasetColumn.TITLE_EN, formula);
        fields.put(DatasetColumn.TITLE_TC, "+遠足徑");
        SaveOutcome saved = session.inventory().save(null, fields, "report test");
        assertTrue(saved.ok(), saved.problems().toString());

        Path csv = out("inventory-afcd.csv");
        ReportContent c = reports.inventory(DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT,
                Set.of(template.department())), "", ReportOptions.defaults());
        reports.write(c, ReportFormat.CSV, csv, null, WorkProgress.NONE);
        List<CSVRecord> rows = readCsv(csv);
        CSVRecord row = rows.stream().filter(x -> x.get("code").equals("AFCD-FORMULA-0001")).findFirst()
                .orElseThrow(() -> new AssertionError("the new dataset is in the register"));
        assertEquals("'" + formula, row.get("title_en"), "a leading apostrophe stops the formula");
        assertEquals("'+遠足徑", row.get("title_tc"));
        CSVRecord plain = rows.stream().filter(x -> x.get("code").equals("AFCD-TRAIL-0001")).findFirst().orElseThrow();
        assertEquals(template.titleEn(), plain.get("title_en"), "an ordinary title is left as it is");
        assertTrue(c.body().contains("<td>" + formula + "</td>"), "the printed register shows the title as typed");
    }

    // ---- registers -----------------------------------------------------------------------------------------------

    @Test
    void anInventoryRegisterOfOneDepartmentListsOnlyItsDatasetsInLandscape() throws IOException {
        String department = "hk-td";
        Set<String> expected = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (Dataset d : allDatasets()) {
            (department.equalsIgnoreCase(d.department()) ? expected : others).add(d.code());
        }
        assertFalse(expected.isEmpty());
        ReportContent c = reports.inventory(DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT,
                Set.of(department)), "department: " + department, ReportOptions.defaults());
        assertEquals(ReportKind.INVENTORY, c.kind());
        assertEquals(expected.size(), c.records());
        Path pdf = out("inventory-td.pdf");
        reports.write(c, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        List<String> pages = pageTexts(pdf);
        String all = flat(String.join("\n", pages));
        assertTrue(all.contains(expected.size() + " datasets · department: " + department),
                "the lead counts the datasets and says the filter:\n" + all.substring(0, Math.min(600, all.length())));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[A-Z]+-[A-Z0-9]+-\\d{4}\\b").matcher(all);
        while (m.find()) {
            listed.add(m.group());
        }
        assertEquals(expected, listed, "only " + department + "'s codes, all of them");
        for (String other : others) {
            assertFalse(all.contains(other), other + " belongs to another department");
        }
        assertNumberedPages(pages);
        for (PDRectangle r : pageSizes(pdf)) {
            assertTrue(r.getWidth() > r.getHeight(), "landscape: " + r);
            assertEquals(842, Math.round(r.getWidth()));
            assertEquals(595, Math.round(r.getHeight()));
        }
    }

    @Test
    void theAgreementsRegisterMarksThoseInForceExpiringWithinNinetyDays() throws IOException {
        LocalDate today = session.sharing().today();
        List<SharingAgreement> all = session.sharing().page(AgreementQuery.all(today));
        Map<String, String> expected = new TreeMap<>();
        for (SharingAgreement a : all) {
            boolean inForce = a.status() == AgreementStatus.ACTIVE || a.status() == AgreementStatus.SUSPENDED;
            if (inForce && a.expiresOn() != null && !a.expiresOn().isBefore(today)
                    && !a.expiresOn().isAfter(today.plusDays(90))) {
                expected.put(a.reference(), "in " + ChronoUnit.DAYS.between(today, a.expiresOn()) + " days");
            }
        }
        assertFalse(expected.isEmpty(), "the sample has agreements in force expiring within 90 days of " + today);

        ReportContent c = reports.agreements(AgreementQuery.all(today), "", ReportOptions.defaults());
        assertEquals(all.size(), c.records());
        Path html = out("agreements.html");
        reports.write(c, ReportFormat.HTML, html, null, WorkProgress.NONE);
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        Map<String, String> marked = new TreeMap<>();
        for (Element badge : doc.select("span.badge-soon")) {
            Element row = badge.closest("tr");
            assertNotNull(row);
            marked.put(row.child(0).text(), badge.text());
        }
        assertEquals(expected, marked, "every agreement in force expiring within 90 days, and only those");
        assertTrue(doc.text().contains("In force, expiring within 90 days " + expected.size()), "and counted");

        Path pdf = out("agreements.pdf");
        reports.write(c, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        String text = flat(String.join("\n", pageTexts(pdf)));
        for (String days : expected.values()) {
            assertTrue(text.contains(days), "the PDF says " + days);
        }
        for (PDRectangle r : pageSizes(pdf)) {
            assertTrue(r.getWidth() > r.getHeight(), "landscape: " + r);
        }
    }

    @Test
    void theReviewsRegisterWithinThirtyDaysHasTheOverdueAndNothingLater() throws IOException {
        LocalDate today = LocalDate.now();
        List<DueReview> every = session.classification().due(ReviewQuery.dueWithin(today, null));
        Set<String> overdue = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        Set<String> later = new TreeSet<>();
        for (DueReview r : every) {
            String key = r.datasetCode() + "/" + r.kind().code() + "/" + r.dueOn();
            if (r.dueOn().isBefore(today)) {
                overdue.add(key);
            }
            (r.dueOn().isAfter(today.plusDays(30)) ? later : expected).add(key);
        }
        assertFalse(overdue.isEmpty(), "the sample has overdue reviews");
        assertFalse(later.isEmpty(), "and reviews due after 30 days");

        ReportContent c = reports.reviews(org.custodian.model.classification.ReviewQuery.dueWithin(session.classification().today(), 30), ReportOptions.defaults());
        Path csv = out("reviews-30.csv");
        reports.write(c, ReportFormat.CSV, csv, null, WorkProgress.NONE);
        Set<String> listed = new TreeSet<>();
        for (CSVRecord row : readCsv(csv)) {
            LocalDate due = LocalDate.parse(row.get("due_on"));
            assertFalse(due.isAfter(today.plusDays(30)), "none due after " + today.plusDays(30) + ": " + row);
            assertEquals(due.isBefore(today) ? "yes" : "no", row.get("overdue"), row.toString());
            listed.add(row.get("dataset") + "/" + row.get("kind") + "/" + due);
        }
        assertTrue(listed.containsAll(overdue), "every overdue review is listed");
        assertEquals(expected, listed);

        Path html = out("reviews-30.html");
        reports.write(c, ReportFormat.HTML, html, null, WorkProgress.NONE);
        String text = Jsoup.parse(html.toFile(), "UTF-8").text();
        assertTrue(text.contains("Overdue " + overdue.size() + " reviews"), "the overdue heading counts them");
        assertTrue(text.contains("Coming due " + (expected.size() - overdue.size()) + " reviews"));
    }

    // ---- paper, files --------------------------------------------------------------------------------------------

    @Test
    void letterPaperIs612By792PointsAndA4Is595By842() throws IOException {
        ReportContent letter = reports.reviews(org.custodian.model.classification.ReviewQuery.dueWithin(session.classification().today(), 0), new ReportOptions(ReportLanguage.EN, PaperSize.LETTER, null));
        Path pdf = out("reviews-letter.pdf");
        reports.write(letter, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        assertPaper(pdf, 792, 612); // the reviews register is landscape
        ReportContent portrait = reports.assessment(ethics.key(),
                new ReportOptions(ReportLanguage.EN, PaperSize.LETTER, null));
        Path letterPdf = out("AS-2026-001-letter.pdf");
        reports.write(portrait, ReportFormat.PDF, letterPdf, null, WorkProgress.NONE);
        assertPaper(letterPdf, 612, 792);
        assertPaper(ethicsPdf, 595, 842); // the same report on A4
        assertEquals(ethicsContent.fingerprint(), portrait.fingerprint(),
                "the paper is not part of what the report says");
    }

    @Test
    void aFileThatIsNoReportHasNoFingerprint() throws IOException {
        Path text = Files.writeString(out("notes.txt"), "Just some notes, no fingerprint here.\n");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> Reports.fingerprintOf(text));
        assertTrue(e.getMessage().contains("not a Custodian report"), e.getMessage());

        Path otherPdf = out("other.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(otherPdf.toFile());
        }
        InputRejectedException p = assertThrows(InputRejectedException.class, () -> Reports.fingerprintOf(otherPdf));
        assertTrue(p.getMessage().contains("holds no Custodian fingerprint"), p.getMessage());

        Path html = Files.writeString(out("page.html"), "<html><head><meta name=\"custodian-fingerprint\""
                + " content=\"not-hex\"></head><body></body></html>");
        assertThrows(InputRejectedException.class, () -> Reports.fingerprintOf(html));
    }
}
