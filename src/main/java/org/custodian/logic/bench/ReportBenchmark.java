package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.pdf.ReportFont;
import org.custodian.logic.report.RenderedReport;
import org.custodian.logic.report.ReportContent;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.workbench.Access;

/**
 * The assessment report of a generated long assessment (every question answered, a note on every third) laid out
 * to PDF: the first report in the process (cold: classes, fonts) and warm ones, against PDFBox writing the same
 * question, answer and note lines itself with the same embedded font, one line under another, in the same run.
 */
public final class ReportBenchmark {

    private static final int RUNS = 7;
    private static final int WARM_UP = 3;
    private final Path folder;
    private final int questions;

    public ReportBenchmark(Path folder, int questions) {
        this.folder = folder;
        this.questions = questions;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("questions", Integer.toString(questions));
        Path templates = Files.createDirectories(folder.resolve("templates"));
        Files.writeString(templates.resolve("bench-long.yaml"), AssessmentBenchmark.template(questions));
        Path app = folder.resolve("bench-report.db");
        Figures.freshWorkbench(app);
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false, templates)) {
            TemplateCatalog.Entry entry = s.assessments().catalog().latest("bench-long").orElseThrow();
            Assessment a = s.assessments().create(entry, "Benchmark", new AssessmentSubject("Benchmark system",
                    SubjectKind.AI_SYSTEM, "", "", List.of())).record();
            int n = 0;
            for (String[] answer : AssessmentBenchmark.answers(questions)) {
                s.assessments().answer(a.key(), answer[0], answer[1]);
                if (n++ % 3 == 0) {
                    s.assessments().note(a.key(), answer[0], "Checked with the project team on site; the"
                            + " minutes are filed. 已與項目團隊核實，會議記錄已存檔。");
                }
            }
            AssessmentRecord record = s.assessments().load(a.key()).orElseThrow();
            out.put("answers", Integer.toString(record.answers().size()));
            ReportOptions options = new ReportOptions(ReportLanguage.EN, null, null);
            long[] pages = new long[1];
            long first = Figures.time(() -> pages[0] = render(s, a, options).pages());
            out.put("pages", Long.toString(pages[0]));
            out.put("first_pdf_ms", Figures.millis(first));
            for (int i = 0; i < WARM_UP; i++) {
                render(s, a, options); // let the JIT settle before the warm figures
            }
            long[] warm = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                warm[i] = Figures.time(() -> render(s, a, options));
            }
            long[] both = new long[RUNS];
            ReportOptions bilingual = new ReportOptions(ReportLanguage.BOTH, null, null);
            for (int i = 0; i < RUNS; i++) {
                both[i] = Figures.time(() -> render(s, a, bilingual));
            }
            List<String> lines = lines(s.assessments().templateOf(a), record);
            for (int i = 0; i < WARM_UP; i++) {
                rawPdf(lines);
            }
            long[] raw = new long[RUNS * 3];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Figures.time(() -> rawPdf(lines));
            }
            long warmP50 = Figures.percentile(warm, 50);
            long rawP50 = Figures.percentile(raw, 50);
            out.put("pdf_p50_ms", Figures.millis(warmP50));
            out.put("pdf_max_ms", Figures.millis(Figures.percentile(warm, 100)));
            out.put("pdf_both_languages_p50_ms", Figures.millis(Figures.percentile(both, 50)));
            out.put("raw_pdfbox_lines_p50_ms", Figures.millis(rawP50));
            out.put("report_vs_raw_pdfbox", Figures.ratio((double) rawP50 / warmP50));
            out.put("first_pdf_under_3s", first < 3_000_000_000L ? "yes" : "NO");
        }
        return out;
    }

    private static RenderedReport render(WorkbenchSession s, Assessment a, ReportOptions options) throws IOException {
        ReportContent content = s.reports().assessment(a.key(), options);
        return s.reports().render(content, ReportFormat.PDF, null, WorkProgress.NONE);
    }

    private static List<String> lines(AssessmentTemplate t, AssessmentRecord r) {
        List<String> lines = new ArrayList<>();
        for (Question q : t.questions()) {
            var answer = r.answers().get(q.id());
            if (answer != null && answer.answered()) {
                lines.add(t.numberOf(q.id()) + " " + q.text().en());
                lines.add("Answer: " + answer.value());
                if (!answer.note().isBlank()) {
                    lines.add("Note: " + answer.note());
                }
            }
        }
        return lines;
    }

    /** The floor: the same text shown line by line with PDFBox and the same font, no layout at all. */
    private static void rawPdf(List<String> lines) throws IOException {
        ReportFont font = ReportFont.locate(null).orElseThrow(() -> new IOException("no Chinese font"));
        synchronized (ReportFont.LOCK) {
            rawPdf(lines, font.face());
        }
    }

    private static void rawPdf(List<String> lines, TrueTypeFont face) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font pdf = PDType0Font.load(doc, face, true);
            int perPage = 60;
            for (int from = 0; from < lines.size(); from += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(pdf, 9);
                    cs.newLineAtOffset(40, 800);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -12.5f);
                    }
                    cs.endText();
                }
            }
            doc.save(new java.io.ByteArrayOutputStream());
        }
    }
}
