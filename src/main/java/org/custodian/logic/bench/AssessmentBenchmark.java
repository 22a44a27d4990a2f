package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.Scorer;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.workbench.Access;
import org.custodian.store.RawBaseline;

/**
 * Measures answering a long assessment: each answer saved as autosave saves it (checked, one transaction with its
 * audit event, hidden answers marked, risks raised, the result kept) against a plain upsert of the same answer in a
 * transaction of its own; scoring the whole assessment; its export and re-import.
 */
public final class AssessmentBenchmark {

    private static final int RUNS = 15;
    private final Path folder;
    private final int questions;

    public AssessmentBenchmark(Path folder, int questions) {
        this.folder = folder;
        this.questions = questions;
    }

    /** A template of {@code n} questions in sections of 20: yes/no and choices with points, follow-ups, risks. */
    static String template(int n) {
        StringBuilder y = new StringBuilder("""
                template: bench-long
                version: "1.0"
                title: {en: "Long benchmark assessment", zh: "基準測試評估"}
                description: {en: "Generated", zh: "生成"}
                source: "Custodian benchmark"
                scoring:
                  method: risk
                  levels:
                    - {id: low, title: {en: Low, zh: 低}, from: 0}
                    - {id: medium, title: {en: Medium, zh: 中}, from: 25}
                    - {id: high, title: {en: High, zh: 高}, from: 50}
                sections:
                """);
        for (int i = 0; i < n; i++) {
            if (i % 20 == 0) {
                y.append("  - id: s").append(i / 20).append("\n    title: {en: \"Section ").append(i / 20)
                        .append("\", zh: \"部分\"}\n    questions:\n");
            }
            y.append("      - id: q").append(i).append('\n');
            y.append("        text: {en: \"Question ").append(i).append("?\", zh: \"問題？\"}\n");
            y.append("        help: {en: \"Help\", zh: \"說明\"}\n");
            if (i % 5 == 4) {
                y.append("        type: single\n        options:\n");
                y.append("          - {value: a, label: {en: A, zh: 甲}, points: 0}\n");
                y.append("          - {value: b, label: {en: B, zh: 乙}, points: 2}\n");
            } else {
                y.append("        type: yes-no\n        points: {yes: 0, partial: 1, no: 2}\n");
            }
            if (i % 5 == 1) {
                // A follow-up, shown when the question before it is answered no.
                y.append("        show_if: {in: {question: q").append(i - 1).append(", values: [no, partial]}}\n");
            }
            if (i % 10 == 3) {
                y.append("        risk: {when: [no], title: {en: \"Risk ").append(i)
                        .append("\", zh: \"風險\"}, likelihood: 2, impact: 3}\n");
            }
        }
        return y.toString();
    }

    /** The answers the benchmark gives: question id and value, in order. */
    static List<String[]> answers(int questions) {
        List<String[]> answers = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            // Every other parent answered no, so its follow-up shows and is answered too; every tenth raises a risk.
            answers.add(new String[] {"q" + i, i % 5 == 4 ? "b" : (i % 10 == 0 || i % 10 == 3 ? "no" : "yes")});
        }
        return answers;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("questions", Integer.toString(questions));
        Path templates = Files.createDirectories(folder.resolve("templates"));
        Files.writeString(templates.resolve("bench-long.yaml"), template(questions));
        Path app = folder.resolve("bench-assessment.db");
        Path raw = folder.resolve("bench-assessment-raw.db");
        Figures.freshWorkbench(app);
        List<String[]> answers = answers(questions);
        Assessment a;
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false, templates)) {
            TemplateCatalog.Entry entry = s.assessments().catalog().latest("bench-long").orElseThrow();
            a = done(s.assessments().create(entry, "Benchmark", new AssessmentSubject("Benchmark system",
                    SubjectKind.AI_SYSTEM, "", "", List.of())));
        }
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(raw.resolveSibling(raw.getFileName() + suffix));
        }
        Files.copy(app, raw, StandardCopyOption.REPLACE_EXISTING);

        long[] each = new long[answers.size()];
        long appNs;
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false, templates)) {
            Assessments work = s.assessments();
            long start = System.nanoTime();
            for (int i = 0; i < answers.size(); i++) {
                String[] ans = answers.get(i);
                each[i] = Figures.time(() -> done(work.answer(a.key(), ans[0], ans[1])));
            }
            appNs = System.nanoTime() - start;
            AssessmentRecord r = work.load(a.key()).orElseThrow();
            out.put("answers_saved", Integer.toString(r.answers().size()));
            out.put("risks_raised", Integer.toString(r.risks().size()));
            long[] scoreNs = new long[RUNS];
            for (int i = -2; i < RUNS; i++) {
                long t = Figures.time(() -> Scorer.score(work.templateOf(a), r.answers()));
                if (i >= 0) {
                    scoreNs[i] = t;
                }
            }
            out.put("score_p95_ms", Figures.millis(Figures.percentile(scoreNs, 95)));
            Path export = folder.resolve("assessment.json");
            out.put("export_ms", Figures.millis(Figures.time(() -> s.assessmentExchange().export(a.key(), export))));
            out.put("reimport_unchanged_ms", Figures.millis(Figures.time(() -> {
                AssessmentExchange.Imported again = s.assessmentExchange().importFile(export, false, false);
                if (again.kind() != AssessmentExchange.Kind.UNCHANGED) {
                    throw new IllegalStateException("re-import of the export changed something: " + again.kind());
                }
            })));
        }
        long rawNs = RawBaseline.answerWrites(raw, a.key().toString(), answers);
        out.put("answer_p50_ms", Figures.millis(Figures.percentile(each, 50)));
        out.put("answer_p95_ms", Figures.millis(Figures.percentile(each, 95)));
        out.put("answers_per_s", Figures.perSecond(answers.size(), appNs));
        out.put("raw_upserts_per_s", Figures.perSecond(answers.size(), rawNs));
        out.put("answer_vs_raw_upsert", Figures.ratio((double) rawNs / appNs));
        return out;
    }

    private static <T> T done(Outcome<T> o) {
        if (!o.isDone()) {
            throw new IllegalStateException("benchmark step refused: " + o.describe());
        }
        return o.record();
    }
}
