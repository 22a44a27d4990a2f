package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.custodian.logic.classification.SchemeTexts;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify, reviews due, decisions import/export and scheme, run in-process on a copy of the sample workbench. */
class ClassificationCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REVIEW_COLUMNS = List.of("kind", "dataset_code", "title", "department", "level",
            "due_on", "days_overdue", "last_done_on");

    @TempDir
    Path dir;
    Path db;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void sample() {
        db = InventoryFiles.sampleFile(dir.resolve("sample.db"));
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private <T> T read(java.util.function.Function<WorkbenchSession, T> query) {
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            return query.apply(s);
        }
    }

    private String level(String code) {
        return read(s -> s.inventory().findByCode(code).orElseThrow().classification());
    }

    private String firstAt(String level) {
        return InventoryFiles.sampleLevels().entrySet().stream().filter(e -> level.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private JsonNode reviewsJson(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("reviews", "due", "--format", "json"));
        args.addAll(List.of(extra));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray(), r.out());
        return array;
    }

    // ---- classify ----------------------------------------------------------------------------------------------

    @Test
    void classifyRecordsADecisionAndTheLevelChanges() {
        String code = firstAt("UNCLASSIFIED");
        Run r = run("classify", code, "RESTRICTED", "--rationale", "now holds officers' names",
                "--criterion", "personal-data-volume=names of 40 officers");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(code + ": UNCLASSIFIED → RESTRICTED from " + LocalDate.now()), r.out());
        assertEquals("RESTRICTED", level(code));
        ClassificationDecision d = read(s -> s.classification().currentDecision(
                s.classification().datasetId(code).orElseThrow()).orElseThrow());
        assertEquals("cli-officer", d.decidedBy(), "the decider defaults to whoever runs the command");
        assertEquals("now holds officers' names", d.rationale());
        assertEquals(1, d.criteria().size());
        assertTrue(r.out().contains("(decision " + d.id() + ")"), r.out());
    }

    @Test
    void aDowngradeWithoutAnApproverExitsOneNamingApprovedBy() {
        String code = firstAt("CONFIDENTIAL");
        Run refused = run("classify", code, "RESTRICTED", "--rationale", "the tender has closed");
        assertEquals(ExitCode.REJECTED, refused.exit());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().startsWith("Not recorded: " + code + " RESTRICTED"), refused.err());
        assertTrue(refused.err().contains("approved_by: "), refused.err());
        assertTrue(refused.err().contains("justification: "), refused.err());
        assertEquals("", refused.out());
        assertEquals("CONFIDENTIAL", level(code));

        Run approved = run("classify", code, "RESTRICTED", "--rationale", "the tender has closed",
                "--approved-by", "Lee Ka-yan (Deputy Head)", "--justification", "contract awarded and published");
        assertEquals(0, approved.exit(), approved.err());
        assertEquals("RESTRICTED", level(code));
        assertTrue(approved.out().contains("CONFIDENTIAL → RESTRICTED"), approved.out());
    }

    @Test
    void classifyRefusesAnUnknownDatasetOrLevelWithExitOne() {
        Run unknown = run("classify", "NO-SUCH-0001", "RESTRICTED", "--rationale", "r");
        assertEquals(ExitCode.REJECTED, unknown.exit());
        assertTrue(unknown.err().contains("NO-SUCH-0001"), unknown.err());

        String code = firstAt("UNCLASSIFIED");
        Run badLevel = run("classify", code, "HUSH-HUSH", "--rationale", "r");
        assertEquals(ExitCode.REJECTED, badLevel.exit());
        assertTrue(badLevel.err().contains("level: ") && badLevel.err().contains("TOP SECRET"), badLevel.err());
        assertEquals("UNCLASSIFIED", level(code));

        assertEquals(ExitCode.USAGE, run("classify", code, "RESTRICTED").exit(), "--rationale is required");
    }

    // ---- reviews due -------------------------------------------------------------------------------------------

    @Test
    void reviewsDueAsJsonIsAnArrayOfObjectsWithTheColumnKeys() throws Exception {
        JsonNode array = reviewsJson();
        assertTrue(array.size() > 100, "the sample's queue: " + array.size());
        LocalDate previous = LocalDate.MIN;
        for (JsonNode o : array) {
            assertEquals(REVIEW_COLUMNS, keys(o), o.toString());
            assertTrue(List.of("classification", "access").contains(o.get("kind").asText()), o.toString());
            LocalDate due = LocalDate.parse(o.get("due_on").asText());
            assertFalse(due.isBefore(previous), "ordered by due date: " + o);
            previous = due;
            long overdue = Long.parseLong(o.get("days_overdue").asText());
            assertEquals(Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, LocalDate.now())), overdue);
        }
    }

    @Test
    void reviewsDueAsCsvStartsWithTheHeader() throws Exception {
        Run r = run("reviews", "due", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.join(",", REVIEW_COLUMNS), lines.get(0));
        assertEquals(reviewsJson().size(), lines.size() - 1, "one line per review (titles hold no line break)");
    }

    @Test
    void reviewsDueWithinZeroListsOnlyTheOverdueAndThoseDueToday() throws Exception {
        JsonNode all = reviewsJson();
        JsonNode within = reviewsJson("--within", "0");
        assertTrue(within.size() > 0, "the sample has overdue reviews");
        assertTrue(within.size() < all.size());
        String today = LocalDate.now().toString();
        for (JsonNode o : within) {
            assertTrue(Long.parseLong(o.get("days_overdue").asText()) > 0 || today.equals(o.get("due_on").asText()),
                    o.toString());
        }
        long overdueInAll = 0;
        for (JsonNode o : all) {
            if (!LocalDate.parse(o.get("due_on").asText()).isAfter(LocalDate.now())) {
                overdueInAll++;
            }
        }
        assertEquals(overdueInAll, within.size());
    }

    @Test
    void reviewsDueFiltersByKindLevelAndDepartment() throws Exception {
        JsonNode access = reviewsJson("--kind", "access", "--level", "confidential");
        assertTrue(access.size() > 0, "the sample's CONFIDENTIAL datasets have access reviews due");
        assertTrue(access.size() < reviewsJson("--kind", "access").size());
        for (JsonNode o : access) {
            assertEquals("access", o.get("kind").asText());
            assertEquals("CONFIDENTIAL", o.get("level").asText());
        }
        String department = reviewsJson().get(0).get("department").asText();
        JsonNode mine = reviewsJson("--department", department);
        assertTrue(mine.size() > 0);
        for (JsonNode o : mine) {
            assertEquals(department, o.get("department").asText());
        }
        assertEquals(ExitCode.USAGE, run("reviews", "due", "--level", "HUSH-HUSH").exit());
        assertEquals(ExitCode.USAGE, run("reviews", "due", "--kind", "yearly").exit());
        assertEquals(ExitCode.USAGE, run("reviews", "due", "--within", "-1").exit());
    }

    @Test
    void reviewsDueAsTextSummarisesOnStderr() {
        Run r = run("reviews", "due");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("kind "), r.out().lines().findFirst().orElse(""));
        assertTrue(r.err().matches("(?s)\\d+ reviews due, \\d+ overdue \\(today " + LocalDate.now() + "\\)\\.\\s*"),
                r.err());
    }

    // ---- decisions import / export -----------------------------------------------------------------------------

    @Test
    void decisionsExportThenADryRunImportExitZero() throws Exception {
        long count = read(s -> s.classification().decisionCount());
        Path out = dir.resolve("decisions.csv");
        Run export = run("decisions", "export", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.err().contains("Wrote " + count + " decisions"), export.err());
        assertEquals(count + 1, Files.readAllLines(out).size());

        Run dry = run("decisions", "import", "--dry-run", out.toString());
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("(dry run, nothing saved): 0 recorded, " + count + " already recorded,"
                + " 0 rejected"), dry.out());
        assertEquals(count, (long) read(s -> s.classification().decisionCount()));
    }

    @Test
    void aDecisionsImportWithABadRowExitsOneAndWritesTheRejectedRows() throws Exception {
        String code = firstAt("UNCLASSIFIED");
        Path file = InventoryFiles.write(dir.resolve("in.csv"), "dataset_code,level,rationale\n"
                + code + ",RESTRICTED,now holds names\n"
                + "NO-SUCH-0001,RESTRICTED,not here\n");
        Path errors = dir.resolve("errors.csv");
        Run r = run("decisions", "import", file.toString(), "--errors", errors.toString());
        assertEquals(ExitCode.REJECTED, r.exit());
        assertTrue(r.err().contains("rejected: in.csv, line 3, column dataset_code: "), r.err());
        assertTrue(r.out().contains("in.csv: 1 recorded, 0 already recorded, 1 rejected"), r.out());
        assertEquals("RESTRICTED", level(code));
        List<String> lines = Files.readAllLines(errors);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("status,details,dataset_code,level,rationale"), lines.get(0));
        assertTrue(lines.get(1).contains("NO-SUCH-0001"), lines.get(1));
    }

    // ---- scheme ------------------------------------------------------------------------------------------------

    @Test
    void schemeValidateOfABrokenFileExitsOneNamingTheLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"),
                SchemeTexts.BROKEN);
        Run r = run("scheme", "validate", broken.toString());
        assertEquals(ExitCode.REJECTED, r.exit());
        assertTrue(r.err().contains("broken.yaml, line 19, levels[1].colour: 'red' is not a colour"), r.err());
        assertTrue(r.err().contains("line 26"), r.err());
        assertEquals(5, r.err().strip().lines().count(), r.err());

        Path good = Files.writeString(dir.resolve("good.yaml"),
                SchemeTexts.CUSTOM);
        Run ok = run("scheme", "validate", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("a valid scheme, water-supplies, with 2 levels (PUBLIC, INTERNAL)"), ok.out());

        Path malformed = Files.writeString(dir.resolve("bad.yaml"), "scheme: x\nname:\n  en: A\n    zh: B\n");
        Run bad = run("scheme", "validate", malformed.toString());
        assertFalse(bad.exit() == 0, bad.out());
        assertTrue(bad.err().contains("line 4"), bad.err());
    }

    @Test
    void schemeShowAsJsonListsTheFiveLevels() throws Exception {
        Run r = run("scheme", "show", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = JSON.readTree(r.out());
        assertEquals(5, levels.size(), r.out());
        List<String> codes = new ArrayList<>();
        for (JsonNode l : levels) {
            assertEquals(SchemeCommand.COLUMNS, keys(l));
            codes.add(l.get("code").asText());
        }
        assertEquals(List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"), codes);
        assertEquals("P6M", levels.get(2).get("access_review").asText());
        assertEquals("none", levels.get(0).get("access_review").asText());
    }

    @Test
    void schemeLoadRefusesASchemeWithoutTheLevelsInUse() {
        Run r = run("scheme", "load", "--bundled", "official");
        assertEquals(ExitCode.REJECTED, r.exit());
        assertTrue(r.err().startsWith("Not loaded: levels: the scheme leaves out CONFIDENTIAL, RESTRICTED,"
                + " UNCLASSIFIED"), r.err());
        assertEquals("hk-government", read(s -> s.classification().scheme().id()));
        assertEquals(ExitCode.USAGE, run("scheme", "load").exit(), "a file or --bundled");
    }

    @Test
    void loadingTheSampleASecondTimeRecordsNoDecisionAgain() {
        db = dir.resolve("full.db");
        Run first = run("sample", "load");
        assertEquals(0, first.exit(), first.err());
        long decisions = read(s -> s.classification().decisionCount());
        Run second = run("sample", "load");
        assertEquals(0, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("decisions.csv: 0 created"), second.out());
        assertEquals(decisions, (long) read(s -> s.classification().decisionCount()));
    }

    @Test
    void reviewsDueTakesALevelSpeltAsClassifyTakesIt() throws Exception {
        String code = firstAt("UNCLASSIFIED");
        assertEquals(0, run("classify", code, "TOP_SECRET", "--rationale", "holds defence plans").exit());
        JsonNode due = reviewsJson("--level", "TOP_SECRET");
        assertEquals(2, due.size(), due.toString());
    }
}
