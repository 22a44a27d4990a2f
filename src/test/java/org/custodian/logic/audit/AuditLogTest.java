package org.custodian.logic.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.report.ReportContent;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log over the sample department: one record's events by its code, the CSV and the printed log. */
class AuditLogTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        session.sample().load();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static Dataset secret() {
        return session.inventory().page(DatasetQuery.all()).stream().filter(d -> "SECRET".equals(d.classification()))
                .findFirst().orElseThrow();
    }

    @Test
    void aDatasetsCodeFindsItsEventsEachNamedByTheCode() {
        Dataset d = secret();
        AuditFilter byCode = AuditFilter.forRecord(null, d.code().toLowerCase(java.util.Locale.ROOT));
        List<AuditEntry> page = session.audit().page(byCode, 100, 0);
        assertEquals(session.audit().history("dataset", d.id().toString()).size(), page.size());
        assertTrue(page.stream().allMatch(e -> e.record().equals(d.code())), "named by the code");
        List<String> actions = page.stream().map(e -> e.event().action()).toList();
        assertTrue(actions.contains("create") && actions.contains("classify"), actions.toString());
        assertEquals("create", actions.get(actions.size() - 1), "newest first: the creation comes last");
        assertEquals(page.size(), session.audit().count(byCode));
    }

    @Test
    void anAssessmentsReferenceFindsEveryRevisionAndReferenceWithRevisionOnlyThatOne() {
        Assessment revised = session.assessments().list(null).stream().filter(a -> a.revision() == 2).findFirst()
                .orElseThrow();
        String ref = revised.reference();
        long all = session.audit().count(AuditFilter.forRecord("assessment", ref));
        long second = session.audit().count(AuditFilter.forRecord("assessment", ref + " r2"));
        long first = session.audit().count(AuditFilter.forRecord("assessment", ref + "-r1"));
        assertTrue(first > 0 && second > 0, first + " / " + second);
        assertEquals(all, first + second);
        assertTrue(session.audit().page(AuditFilter.forRecord("assessment", ref + " r2"), 1, 0).get(0).record()
                .equals(ref + " r2"));
    }

    @Test
    void theCsvNamesTheHeadAndSaysWhatEachEventChanged() throws Exception {
        Dataset d = secret();
        Path out = dir.resolve("one.csv");
        AuditExport.Written w = session.auditExport().csv(AuditFilter.forRecord("dataset", d.code()), d.code(), out,
                WorkProgress.NONE);
        assertEquals(session.audit().head(), w.head());
        List<String> lines = Files.readString(out).lines().toList();
        assertTrue(lines.get(1).startsWith("# Filter: " + d.code() + "; times in "), lines.get(1));
        String text = Files.readString(out);
        assertTrue(text.contains("code: — → " + d.code()), "the create event lists the fields it set");
        assertTrue(java.util.regex.Pattern.compile("classification: [A-Z—]+ → SECRET").matcher(text).find(),
                "the decision says the level it set");
        assertEquals(w.events(), session.audit().count(AuditFilter.forRecord("dataset", d.code())));
    }

    @Test
    void thePrintedLogIsMarkedWithTheLevelsItShowsAndCarriesTheHeadOnEveryPage() throws Exception {
        Dataset d = secret();
        AuditFilter filter = AuditFilter.forRecord("dataset", d.code());
        AuditHead head = session.audit().head();
        ReportContent content = session.reports().auditLog(filter, d.code(), new ReportOptions(ReportLanguage.EN,
                null, null));
        assertEquals(ReportKind.AUDIT_LOG, content.kind());
        assertEquals("SECRET", content.marking().code(), "a SECRET dataset's history is SECRET");
        assertEquals(session.audit().count(filter), content.records());
        assertTrue(content.body().contains(head.asText()), "the head of the events in the lead");
        Path pdf = dir.resolve("log.pdf");
        session.reports().write(content, ReportFormat.PDF, pdf, null, WorkProgress.NONE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertTrue(text.contains("Audit head #" + head.sequence()), "page " + page + ": " + text);
                assertTrue(text.contains("SECRET"), "marked on page " + page);
            }
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("Classification"), "fields by their labels");
        }
    }
}
