package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.custodian.logic.assessment.AssessmentFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Section;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assessments list, export, import and score, run in-process on copies of the sample workbench. */
class AssessmentsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;
    Assessment privacy;
    Assessment ethics;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void sample() {
        db = AssessmentFiles.sampleFile(dir.resolve("sample.db"));
        try (WorkbenchSession s = AssessmentFiles.open(db, "assessor.chan")) {
            privacy = AssessmentFiles.create(s, "privacy-impact", AssessmentFiles.PERSONAL);
            AssessmentFiles.done(s.assessments().answer(privacy.key(), "scr-project-summary", "Online renewals."));
            AssessmentFiles.done(s.assessments().answer(privacy.key(), "scr-sensitive", "yes"));
            ethics = AssessmentFiles.create(s, "ethical-ai");
            AssessmentFiles.done(s.assessments().answer(ethics.key(), "scr-rights-decisions", "yes"));
        }
    }

    private Run run(Path workbench, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", workbench.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private <T> T read(Path workbench, Function<WorkbenchSession, T> query) {
        try (WorkbenchSession s = WorkbenchSession.open(workbench, Access.READ_ONLY, "reader", false)) {
            return query.apply(s);
        }
    }

    @Test
    void listAsJsonIsAnArrayOfObjectsWithIdTitleStatusAndTemplate() throws IOException {
        Run r = run(db, "assessments", "list", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray(), r.out());
        assertEquals(2, array.size(), r.out());
        for (JsonNode o : array) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            assertEquals(AssessmentsCommand.COLUMNS, keys);
            assertTrue(o.get("id").asText().matches("AS-\\d{4}-00[12]"), o.toString());
            assertEquals("draft", o.get("status").asText());
            assertEquals("1", o.get("revision").asText());
        }
        // Newest reference first.
        JsonNode first = array.get(0);
        assertEquals(ethics.reference(), first.get("id").asText());
        assertEquals("Assessment of ethical-ai", first.get("title").asText());
        assertEquals("ethical-ai", first.get("template").asText());
        assertEquals("high", first.get("level").asText(), "the screening knock-out");
        JsonNode second = array.get(1);
        assertEquals(privacy.reference(), second.get("id").asText());
        assertEquals("privacy-impact", second.get("template").asText());
        assertEquals("1.0", second.get("template_version").asText());
        assertEquals("hk-td", second.get("department").asText());

        Run drafts = run(db, "assessments", "list", "--status", "approved", "--format", "json");
        assertEquals(0, drafts.exit(), drafts.err());
        assertEquals(0, JSON.readTree(drafts.out()).size());
        Run bad = run(db, "assessments", "list", "--status", "finished");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.err().contains("'finished' is not a status"), bad.err());
    }

    @Test
    void anExportImportsIntoAnotherWorkbenchAndAgainChangesNothing() throws IOException {
        Path out = dir.resolve("exports/privacy.json");
        Files.createDirectories(out.getParent());
        Run exported = run(db, "assessments", "export", privacy.reference(), out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(exported.out().startsWith("Exported " + privacy.reference() + " to "), exported.out());
        assertTrue(Files.size(out) > 0);

        Path other = AssessmentFiles.sampleFile(dir.resolve("other.db"));
        Run imported = run(other, "assessments", "import", out.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("Imported " + privacy.reference() + " (draft) from privacy.json.", imported.out().strip());
        AssessmentRecord there = read(db, s -> s.assessments().load(privacy.key()).orElseThrow());
        AssessmentRecord here = read(other, s -> s.assessments().load(s.assessments().find(privacy.reference(), 1)
                .orElseThrow().key()).orElseThrow());
        assertEquals(there.answers(), here.answers());
        assertEquals(there.risks(), here.risks());
        long events = read(other, s -> s.audit().eventCount());

        Run again = run(other, "assessments", "import", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("is already in the workbench exactly as in privacy.json; nothing changed."),
                again.out());
        assertEquals(events, (long) read(other, s -> s.audit().eventCount()));
        assertEquals(1L, (long) read(other, s -> s.assessments().total()));
    }

    @Test
    void exportOfAnUnknownAssessmentExitsOneAndWritesNothing() {
        Path out = dir.resolve("none.json");
        Run r = run(db, "assessments", "export", "AS-1999-999", out.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("No assessment AS-1999-999 in sample.db."), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void importOfABrokenFileExitsOneNamingTheFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"something-else\"}");
        long events = read(db, s -> s.audit().eventCount());
        Run r = run(db, "assessments", "import", broken.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("broken.json: not a Custodian assessment"), r.err());
        assertEquals(events, (long) read(db, s -> s.audit().eventCount()));
    }

    @Test
    void scorePrintsTheSectionsTheOverallResultAndTheLevel() {
        Run r = run(db, "assessments", "score", ethics.reference());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        AssessmentTemplate t = read(db, s -> s.assessments().templateOf(ethics));
        assertTrue(out.startsWith(ethics.reference() + " — Assessment of ethical-ai"), out);
        assertTrue(out.contains("\nSections:\n"), out);
        for (Section section : t.sections()) {
            assertTrue(out.contains("  " + section.title().en()), section.id() + " in\n" + out);
        }
        assertTrue(out.contains("\nPrinciples:\n"), out);
        assertTrue(out.contains("\nOverall:\n  " + t.title().en()), out);
        assertTrue(out.contains("\nLevel: High (risk "), out);
        assertTrue(out.contains("forced by knock-out answers to scr-rights-decisions"), out);
        assertTrue(out.contains("Approval needs the third line of defence (IT board or CIO)."), out);

        Run privacyScore = run(db, "assessments", "score", privacy.reference() + "@1");
        assertEquals(0, privacyScore.exit(), privacyScore.err());
        assertTrue(privacyScore.out().contains("Overall:"), privacyScore.out());
        assertTrue(privacyScore.out().contains("\nLevel: "), privacyScore.out());
    }

    @Test
    void scoreBeforeAnyScoredAnswerSaysThereIsNoLevelYet() {
        Assessment blank;
        try (WorkbenchSession s = AssessmentFiles.open(db, "assessor.chan")) {
            blank = AssessmentFiles.create(s, "pcpd-ai-ethics");
        }
        Run r = run(db, "assessments", "score", blank.reference());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Level: none yet (no scored question answered)."), r.out());
        Run missing = run(db, "assessments", "score", "AS-1999-001");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("No assessment AS-1999-001"), missing.err());
    }
}
