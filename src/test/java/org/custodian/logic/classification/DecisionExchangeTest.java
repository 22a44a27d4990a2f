package org.custodian.logic.classification;

import static org.custodian.logic.classification.ClassificationFixtures.firstAt;
import static org.custodian.logic.classification.ClassificationFixtures.id;
import static org.custodian.logic.classification.ClassificationFixtures.inUseAt;
import static org.custodian.logic.classification.ClassificationFixtures.level;
import static org.custodian.logic.inventory.InventoryFiles.Row;
import static org.custodian.logic.inventory.InventoryFiles.csv;
import static org.custodian.logic.inventory.InventoryFiles.importFile;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions register as CSV, and the levels the inventory import brings. */
class DecisionExchangeTest {

    static final String HEADER = "dataset_code,level,rationale,decided_by,approved_by,justification,effective_from";

    @TempDir
    Path dir;
    WorkbenchSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private WorkbenchSession sample() {
        session = InventoryFiles.withSample(dir.resolve("w.db"));
        return session;
    }

    private static Path export(WorkbenchSession s, Path target) {
        try {
            s.decisionExchange().export(target, WorkProgress.NONE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetImportReport importDecisions(WorkbenchSession s, Path file, boolean dryRun) {
        try (InputStream in = Files.newInputStream(file)) {
            return s.decisionExchange().importCsv(file.getFileName().toString(), in, StandardCharsets.UTF_8, dryRun,
                    WorkProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RowResult line(DatasetImportReport report, long line) {
        return report.rows().stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no result for line " + line + " in " + report.rows()));
    }

    private static List<String> columns(RowResult r) {
        return r.problems().stream().map(RowProblem::column).toList();
    }

    /** What the import said of each row: line, outcome and the columns of its problems. */
    private static List<String> outcomes(DatasetImportReport report) {
        return report.rows().stream().map(r -> r.line() + " " + r.outcome() + " " + columns(r)).toList();
    }

    private static Map<String, String> levels(WorkbenchSession s) {
        return s.inventory().page(DatasetQuery.all().withPage(10_000, 0)).stream()
                .filter(d -> d.classification() != null)
                .collect(Collectors.toMap(Dataset::code, Dataset::classification, (a, b) -> a, TreeMap::new));
    }

    // ---- export and re-import ----------------------------------------------------------------------------------

    @Test
    void anExportReimportedIntoTheSameWorkbenchIsAllAlreadyRecorded() throws IOException {
        WorkbenchSession s = sample();
        long decisions = s.classification().decisionCount();
        Path out = export(s, dir.resolve("decisions.csv"));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("\uFEFF" + String.join(",", DecisionExchange.HEADERS), lines.get(0));
        assertTrue(decisions > 300, "the sample has its decisions: " + decisions);

        InventoryFiles.State before = state(s);
        DatasetImportReport report = importDecisions(s, out, false);
        assertEquals(decisions, report.rows().size());
        assertEquals(decisions, report.count(RowOutcome.UNCHANGED), outcomes(report).toString());
        assertFalse(report.anyRejected());
        assertEquals(before, state(s), "nothing added, same audit head");
        assertEquals(decisions, s.classification().decisionCount());
        assertEquals("decisions.csv: 0 recorded, " + decisions + " already recorded, 0 rejected",
                DecisionExchange.summary(report));
    }

    @Test
    void anExportImportedIntoAWorkbenchWithoutThemGivesTheSameLevels() {
        WorkbenchSession s = sample();
        Path out = export(s, dir.resolve("decisions.csv"));
        Map<String, String> expected = levels(s);
        long decisions = s.classification().decisionCount();

        try (WorkbenchSession other = InventoryFiles.withLists(dir.resolve("other.db"))) {
            DatasetImportReport datasets = importFile(other, InventoryFiles.SAMPLE_DATASETS);
            assertEquals(InventoryFiles.SAMPLE_ROWS, datasets.count(RowOutcome.CREATED), datasets.summary());
            assertEquals(Map.of(), levels(other), "the sample's datasets carry no level");

            DatasetImportReport report = importDecisions(other, out, false);
            assertEquals(decisions, report.count(RowOutcome.CREATED), report.rows().stream()
                    .filter(r -> r.outcome() == RowOutcome.REJECTED).limit(5).map(RowResult::details).toList()
                    .toString());
            assertEquals(expected, levels(other));
            assertEquals(decisions, other.classification().decisionCount());

            String code = firstAt(s, "CONFIDENTIAL");
            List<UUID> ids = s.classification().decisions(id(s, code)).stream().map(ClassificationDecision::id)
                    .toList();
            assertEquals(ids, other.classification().decisions(id(other, code)).stream()
                    .map(ClassificationDecision::id).toList(), "decisions keep their ids");

            DatasetImportReport again = importDecisions(other, out, false);
            assertEquals(decisions, again.count(RowOutcome.UNCHANGED));
        }
    }

    // ---- rows checked one by one -------------------------------------------------------------------------------

    /** A file whose lines 3, 4, 5 and 7 are wrong; lines 2 and 6 are good. */
    private Path mixed(WorkbenchSession s) {
        List<String> unclassified = inUseAt(s, "UNCLASSIFIED");
        String u = unclassified.get(0);
        String u2 = unclassified.get(1);
        String c = firstAt(s, "CONFIDENTIAL");
        return write(dir.resolve("mixed.csv"), String.join("\n", HEADER,
                u + ",RESTRICTED,now holds officers' names,Wong,,,",
                "NO-SUCH-0001,RESTRICTED,a dataset that is not here,Wong,,,",
                c + ",RESTRICTED,the tender has closed,Wong,,,",
                u2 + ",RESTRICTED,a bad date,Wong,,,2026-13-01",
                u2 + ",CONFIDENTIAL,holds tender prices,Wong,,,",
                u + ",UNCLASSIFIED,back to public,Wong,,,") + "\n");
    }

    @Test
    void badRowsAreRejectedWithLineAndColumnAndTheOthersCommit() {
        WorkbenchSession s = sample();
        List<String> unclassified = inUseAt(s, "UNCLASSIFIED");
        String u = unclassified.get(0);
        String u2 = unclassified.get(1);
        String c = firstAt(s, "CONFIDENTIAL");
        long decisions = s.classification().decisionCount();
        Path file = mixed(s);

        DatasetImportReport report = importDecisions(s, file, false);
        assertEquals(List.of("2 CREATED []", "3 REJECTED [dataset_code]", "4 REJECTED [approved_by, justification]",
                "5 REJECTED [effective_from]", "6 CREATED []", "7 REJECTED [approved_by, justification]"),
                outcomes(report));
        RowProblem unknown = line(report, 3).problems().get(0);
        assertEquals("mixed.csv", unknown.source());
        assertEquals(3, unknown.line());
        assertTrue(unknown.describe().startsWith("mixed.csv, line 3, column dataset_code: "), unknown.describe());
        assertTrue(unknown.message().contains("NO-SUCH-0001"), unknown.message());
        assertTrue(line(report, 5).problems().get(0).message().contains("2026-13-01"));
        assertTrue(line(report, 7).problems().get(0).message().contains("from RESTRICTED to UNCLASSIFIED"),
                "row 7 is checked against the level row 2 gave: " + line(report, 7).problems());
        assertEquals(4, report.rejectedRows().size());
        assertEquals("NO-SUCH-0001", report.rejectedRows().get(0).get("dataset_code"));

        assertEquals(decisions + 2, s.classification().decisionCount());
        assertEquals("RESTRICTED", level(s, u));
        assertEquals("CONFIDENTIAL", level(s, u2));
        assertEquals("CONFIDENTIAL", level(s, c));
        ClassificationDecision raised = s.classification().currentDecision(id(s, u)).orElseThrow();
        assertEquals("now holds officers' names", raised.rationale());
        assertEquals("Wong", raised.decidedBy());
        assertEquals("tester", raised.recordedBy());
    }

    @Test
    void aDryRunReportsTheSameOutcomesAndChangesNothing() {
        WorkbenchSession s = sample();
        Path file = mixed(s);
        InventoryFiles.State before = state(s);
        long decisions = s.classification().decisionCount();
        Map<String, String> levels = levels(s);

        DatasetImportReport dry = importDecisions(s, file, true);
        assertTrue(dry.dryRun());
        assertEquals(before, state(s), "same audit head");
        assertEquals(decisions, s.classification().decisionCount());
        assertEquals(levels, levels(s));
        assertTrue(DecisionExchange.summary(dry).contains("(dry run, nothing saved): 2 recorded, 0 already recorded,"
                + " 4 rejected"), DecisionExchange.summary(dry));

        DatasetImportReport real = importDecisions(s, file, false);
        assertEquals(outcomes(real), outcomes(dry));
        assertEquals(decisions + 2, s.classification().decisionCount());
    }

    @Test
    void idsAndStatusesAreChecked() {
        WorkbenchSession s = sample();
        String u = firstAt(s, "UNCLASSIFIED");
        String id = UUID.randomUUID().toString();
        Path file = write(dir.resolve("ids.csv"), String.join("\n",
                "id,dataset_code,status,level,rationale,proposed_by,decided_by",
                "not-a-uuid," + u + ",confirmed,RESTRICTED,r,,Wong",
                UUID.randomUUID() + "," + u + ",maybe,RESTRICTED,r,,Wong",
                id + "," + u + ",proposed,RESTRICTED,a proposal,Chan,",
                id + "," + u + ",confirmed,RESTRICTED,the same id again,,Wong",
                "," + u + ",,RESTRICTED,no decider given: the importer stands behind it,,") + "\n");
        DatasetImportReport report = importDecisions(s, file, false);
        assertEquals(List.of("2 REJECTED [id]", "3 REJECTED [status]", "4 CREATED []", "5 REJECTED [id]",
                "6 CREATED []"), outcomes(report));

        List<ClassificationDecision> history = s.classification().decisions(id(s, u));
        ClassificationDecision proposal = history.stream().filter(d -> d.id().toString().equals(id)).findFirst()
                .orElseThrow();
        assertFalse(proposal.confirmed());
        assertEquals("Chan", proposal.proposedBy());
        ClassificationDecision current = s.classification().currentDecision(id(s, u)).orElseThrow();
        assertEquals("tester", current.decidedBy());
        assertEquals("RESTRICTED", level(s, u));
    }

    @Test
    void aProposalDoesNotSetTheLevel() {
        WorkbenchSession s = sample();
        String u = firstAt(s, "UNCLASSIFIED");
        Path file = write(dir.resolve("proposal.csv"), "dataset_code,status,level,rationale,proposed_by\n"
                + u + ",proposed,CONFIDENTIAL,holds tender prices,Chan Tai-man\n");
        DatasetImportReport report = importDecisions(s, file, false);
        assertEquals(List.of("2 CREATED []"), outcomes(report));
        assertEquals("UNCLASSIFIED", level(s, u));
        assertEquals("UNCLASSIFIED", s.classification().currentDecision(id(s, u)).orElseThrow().level());
    }

    // ---- levels in the inventory import ------------------------------------------------------------------------

    private static Dataset dataset(WorkbenchSession s, String code) {
        return ClassificationFixtures.dataset(s, code);
    }

    @Test
    void theInventoryImportRecordsARaisedLevelAsADecisionNamingTheFile() {
        session = InventoryFiles.withLists(dir.resolve("w.db"));
        Row row = Row.valid("WSD-T-0001");
        DatasetImportReport first = importFile(session, write(dir.resolve("first.csv"), csv(row)));
        assertEquals(1, first.count(RowOutcome.CREATED), first.summary());
        UUID id = dataset(session, "WSD-T-0001").id();
        List<ClassificationDecision> initial = session.classification().decisions(id);
        assertEquals(1, initial.size(), "a new dataset's level is its first decision");
        assertEquals("UNCLASSIFIED", initial.get(0).level());
        assertEquals("Imported from first.csv (line 2)", initial.get(0).rationale());

        DatasetImportReport raise = importFile(session, write(dir.resolve("raise.csv"),
                csv(row.with(DatasetColumn.CLASSIFICATION, "CONFIDENTIAL"))));
        assertEquals(1, raise.count(RowOutcome.UPDATED), raise.summary());
        assertEquals("CONFIDENTIAL", dataset(session, "WSD-T-0001").classification());
        ClassificationDecision d = session.classification().currentDecision(id).orElseThrow();
        assertEquals("CONFIDENTIAL", d.level());
        assertEquals("UNCLASSIFIED", d.previousLevel());
        assertTrue(d.rationale().contains("raise.csv") && d.rationale().contains("line 2"), d.rationale());
        assertEquals("tester", d.decidedBy());
        assertEquals(initial.get(0).id(), d.supersedes());
        assertEquals(2, session.classification().decisions(id).size());
    }

    @Test
    void theInventoryImportRefusesADowngradeThatNeedsApprovalAndKeepsTheLevel() {
        session = InventoryFiles.withLists(dir.resolve("w.db"));
        Row row = Row.valid("WSD-T-0001").with(DatasetColumn.CLASSIFICATION, "CONFIDENTIAL");
        importFile(session, write(dir.resolve("first.csv"), csv(row)));
        assertEquals("CONFIDENTIAL", dataset(session, "WSD-T-0001").classification());
        InventoryFiles.State before = state(session);

        DatasetImportReport lower = importFile(session, write(dir.resolve("lower.csv"),
                csv(row.with(DatasetColumn.CLASSIFICATION, "RESTRICTED")
                        .with(DatasetColumn.TITLE_EN, "A title that would change too"))));
        assertEquals(1, lower.count(RowOutcome.REJECTED), lower.summary());
        RowResult r = lower.rows().get(0);
        assertFalse(r.problems().isEmpty());
        for (RowProblem p : r.problems()) {
            assertEquals("classification", p.column(), p.describe());
            assertEquals(2, p.line());
        }
        assertTrue(r.details().contains("from CONFIDENTIAL to RESTRICTED"), r.details());
        assertEquals(before, state(session), "nothing of the row was taken");
        assertEquals("CONFIDENTIAL", dataset(session, "WSD-T-0001").classification());
        assertTrue(dataset(session, "WSD-T-0001").titleEn().startsWith("Bus Stop Locations"));
    }

    @Test
    void aBlankLevelInTheInventoryImportKeepsTheRecordedOneWithAWarning() {
        session = InventoryFiles.withLists(dir.resolve("w.db"));
        Row row = Row.valid("WSD-T-0001").with(DatasetColumn.CLASSIFICATION, "RESTRICTED");
        importFile(session, write(dir.resolve("first.csv"), csv(row)));
        UUID id = dataset(session, "WSD-T-0001").id();
        long decisions = session.classification().decisionCount();

        DatasetImportReport blank = importFile(session, write(dir.resolve("blank.csv"),
                csv(row.with(DatasetColumn.CLASSIFICATION, "").with(DatasetColumn.TITLE_EN, "Renamed dataset"))));
        assertEquals(1, blank.count(RowOutcome.UPDATED), blank.summary());
        assertEquals("RESTRICTED", dataset(session, "WSD-T-0001").classification());
        assertEquals("Renamed dataset", dataset(session, "WSD-T-0001").titleEn());
        assertEquals(decisions, session.classification().decisionCount(), "no decision for a blank level");

        List<RowProblem> warnings = blank.rows().get(0).warnings().stream()
                .filter(w -> "classification".equals(w.column())).toList();
        assertEquals(1, warnings.size(), blank.rows().get(0).warnings().toString());
        assertTrue(warnings.get(0).message().contains("the recorded level RESTRICTED stays"),
                warnings.get(0).message());
        assertEquals(2, warnings.get(0).line());
        assertTrue(blank.warnings().contains(warnings.get(0)), "the report lists the row's warning");
        assertEquals("RESTRICTED", session.classification().currentDecision(id).orElseThrow().level());
    }

    @Test
    void aDryRunOnAReadOnlyWorkbenchMeetsEachRowAsTheEarlierRowsWouldLeaveTheDataset() throws Exception {
        WorkbenchSession writable = sample();
        String code = ClassificationFixtures.firstAt(writable, "UNCLASSIFIED");
        String other = ClassificationFixtures.firstAt(writable, "RESTRICTED");
        java.util.UUID recorded = writable.classification().decisions(ClassificationFixtures.id(writable, other))
                .get(0).id();
        writable.close();
        session = WorkbenchSession.open(dir.resolve("w.db"), org.custodian.model.workbench.Access.READ_ONLY, "tester",
                false);
        // Row 2 raises the level; row 3 lowers it again without approval, so it is refused only because of row 2.
        // Row 4 names a recorded decision of another dataset.
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "id," + HEADER + "\n"
                + "," + code + ",CONFIDENTIAL,now holds tender prices,Wong,,,\n"
                + "," + code + ",UNCLASSIFIED,tender closed,Wong,,,\n"
                + recorded + "," + code + ",SECRET,copied row,Wong,,,\n");
        String head = session.audit().head().asText();

        DatasetImportReport dry = importDecisions(session, file, true);

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.REJECTED, RowOutcome.REJECTED),
                dry.rows().stream().map(RowResult::outcome).toList());
        assertTrue(dry.rows().get(1).problems().stream().anyMatch(p -> "approved_by".equals(p.column())),
                dry.rows().get(1).problems().toString());
        assertTrue(dry.rows().get(2).problems().get(0).message().contains("is recorded for dataset " + other),
                dry.rows().get(2).problems().toString());
        assertEquals(head, session.audit().head().asText(), "a dry run writes nothing");
        assertEquals("UNCLASSIFIED", ClassificationFixtures.level(session, code));
    }
}
