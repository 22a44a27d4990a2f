package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.logic.report.Reports;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report ...} run in-process on one workbench holding the sample department, loaded once. */
class ReportCommandTest {

    private static final String HEX64 = "[0-9a-f]{64}";

    @TempDir
    static Path dir;
    static Path db;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void sample() {
        db = dir.resolve("sample.db");
        Run loaded = run("sample", "load");
        assertEquals(0, loaded.exit(), loaded.err());
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path out(String name) throws IOException {
        Path p = dir.resolve("out").resolve(name);
        Files.createDirectories(p.getParent());
        return p;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long auditEvents() {
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            return s.audit().eventCount();
        }
    }

    @Test
    void anAssessmentReportPrintsItsFingerprintOnStdoutAndWritesThePdf() throws IOException {
        Path pdf = out("assessment.pdf");
        Run r = run("report", "assessment", "AS-2026-001", pdf.toString());
        assertEquals(0, r.exit(), r.err());
        String fingerprint = r.out().strip();
        assertTrue(fingerprint.matches(HEX64), "stdout is the fingerprint alone: '" + r.out() + "'");
        assertTrue(Files.isRegularFile(pdf));
        assertEquals(fingerprint, Reports.fingerprintOf(pdf));
        assertTrue(r.err().contains("marked RESTRICTED"), r.err());
        assertTrue(pdfText(pdf).replaceAll("\\s+", " ").contains("Fingerprint (SHA-256) " + fingerprint));
    }

    @Test
    void aMarkingBelowTheDataIsRefusedWithExitOneAndNoFile() throws IOException {
        Path pdf = out("unclassified.pdf");
        long events = auditEvents();
        Run r = run("report", "assessment", "AS-2026-001", pdf.toString(), "--marking", "UNCLASSIFIED");
        assertEquals(1, r.exit(), r.out());
        assertEquals("", r.out().strip(), "no fingerprint");
        assertTrue(r.err().contains("cannot be marked UNCLASSIFIED"), r.err());
        assertFalse(Files.exists(pdf), "no file");
        assertEquals(events, auditEvents(), "nothing recorded");
    }

    @Test
    void aHigherMarkingIsPrinted() throws IOException {
        Path pdf = out("top-secret.pdf");
        Run r = run("report", "assessment", "AS-2026-001", pdf.toString(), "--marking", "TOP_SECRET");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("marked TOP SECRET"), r.err());
        assertTrue(pdfText(pdf).contains("TOP SECRET 絕對機密"), "the scheme's marking for TOP SECRET");
        Run unknown = run("report", "assessment", "AS-2026-001", out("hush.pdf").toString(), "--marking", "HUSH");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("Unknown marking 'HUSH'"), unknown.err());
        assertFalse(Files.exists(out("hush.pdf")));
    }

    @Test
    void aFileNameWithoutAKnownExtensionIsAUsageError() throws IOException {
        Path txt = out("assessment.txt");
        Run r = run("report", "assessment", "AS-2026-001", txt.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("Cannot tell the format from 'assessment.txt'"), r.err());
        assertFalse(Files.exists(txt));
        assertEquals(2, run("report", "assessment", "AS-2026-001", out("a.pdf").toString(), "--lang", "fr").exit());
        assertEquals(2, run("report", "assessment", "AS-2026-001", out("a.pdf").toString(), "--paper", "a3").exit());
        assertFalse(Files.exists(out("a.pdf")));
    }

    @Test
    void verifyKnowsAReportByItsFileOrFingerprintAndNotAnUnknownOne() throws IOException {
        Path pdf = out("to-verify.pdf");
        Run written = run("report", "assessment", "AS-2026-001", pdf.toString());
        assertEquals(0, written.exit(), written.err());
        String fingerprint = written.out().strip();

        Run byFile = run("report", "verify", pdf.toString());
        assertEquals(0, byFile.exit(), byFile.err());
        assertTrue(byFile.out().startsWith("#"), "lists the audit events: " + byFile.out());
        assertTrue(byFile.err().contains("is the report recorded with fingerprint " + fingerprint), byFile.err());

        Run byFingerprint = run("report", "verify", fingerprint.toUpperCase(java.util.Locale.ROOT));
        assertEquals(0, byFingerprint.exit(), byFingerprint.err());

        Run unknown = run("report", "verify", "0".repeat(64));
        assertEquals(1, unknown.exit(), unknown.out());
        assertTrue(unknown.err().contains("is not recorded"), unknown.err());

        // An HTML report edited after it was written keeps its fingerprint but is not the file recorded.
        Path html = out("to-verify.html");
        assertEquals(0, run("report", "assessment", "AS-2026-001", html.toString()).exit());
        assertEquals(0, run("report", "verify", html.toString()).exit());
        Files.writeString(html, Files.readString(html).replace("Approved", "Rejected"));
        Run edited = run("report", "verify", html.toString());
        assertEquals(1, edited.exit(), edited.err());
        assertTrue(edited.err().contains("changed afterwards"), edited.err());

        Run mistyped = run("report", "verify", "0".repeat(63));
        assertEquals(2, mistyped.exit(), mistyped.err());

        Path notes = Files.writeString(out("notes.txt"), "not a report");
        Run notAReport = run("report", "verify", notes.toString());
        assertEquals(1, notAReport.exit(), notAReport.out());
        assertTrue(notAReport.err().contains("not a Custodian report"), notAReport.err());
    }

    @Test
    void theReportBenchmarkLaysOutAGeneratedAssessmentAgainstPlainPdfbox() throws IOException {
        Path scratch = Files.createDirectories(out("bench"));
        Run r = run("bench", "report", "--questions", "10", "--dir", scratch.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("answers=10"), r.out());
        assertTrue(r.out().matches("(?s).*pages=[1-9].*"), r.out());
        assertTrue(r.out().matches("(?s).*report_vs_raw_pdfbox=[0-9.]+.*"), r.out());
        assertEquals(2, run("bench", "report", "--questions", "4").exit());
    }

    @Test
    void anUnknownFilterCodeOrFontIsAUsageError() throws IOException {
        Run department = run("report", "inventory", out("none.pdf").toString(), "--department", "hk-nowhere");
        assertEquals(2, department.exit(), department.err());
        assertTrue(department.err().contains("hk-nowhere"), department.err());
        assertFalse(Files.exists(out("none.pdf")));
        Path notAFont = Files.writeString(out("font.ttf"), "not a font");
        Run font = run("report", "assessment", "AS-2026-001", out("f.pdf").toString(), "--font", notAFont.toString());
        assertEquals(2, font.exit(), font.err());
        assertTrue(font.err().contains("font.ttf"), font.err());
    }

    @Test
    void anInventoryRegisterOfOneDepartment() throws IOException {
        Path pdf = out("inventory-td.pdf");
        Run r = run("report", "inventory", pdf.toString(), "--department", "hk-td");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().matches(HEX64), r.out());
        assertTrue(Files.isRegularFile(pdf));
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("TD-JTI-0001"), "a Transport Department dataset");
        assertFalse(text.contains("AFCD-TRAIL-0001"), "no dataset of another department");
    }

    @Test
    void aReviewsRegisterWithinThirtyDays() throws IOException {
        Path pdf = out("reviews.pdf");
        Run r = run("report", "reviews", pdf.toString(), "--within", "30");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().matches(HEX64), r.out());
        assertTrue(Files.isRegularFile(pdf));
        assertTrue(pdfText(pdf).contains("due within 30 days"));
        assertEquals(2, run("report", "reviews", out("neg.pdf").toString(), "--within", "-1").exit());
    }

    @Test
    void anAgreementsRegisterAsCsvStartsWithItsHeader() throws IOException {
        Path csv = out("agreements.csv");
        Run r = run("report", "agreements", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().matches(HEX64), r.out());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("reference,"), lines.get(0));
        long agreements;
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            agreements = s.sharing().total();
        }
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))) {
            assertEquals(agreements, p.getRecords().size(), "one row per agreement");
        }
    }
}
