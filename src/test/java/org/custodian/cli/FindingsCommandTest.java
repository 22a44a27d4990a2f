package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.Severity;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code findings}: what it prints in each format, and the exit code a script gates on. */
class FindingsCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    private Path sample() {
        Path db = dir.resolve("sample.db");
        assertEquals(0, run("--db", db.toString(), "sample", "load").exit());
        return db;
    }

    @Test
    void exitsOneWhileAHighFindingIsOpenAndZeroOnceEveryOneIsAccepted() throws Exception {
        Path db = sample();
        CliRun open = run("--db", db.toString(), "findings", "--on", "2026-11-29");
        assertEquals(ExitCode.REJECTED, open.exit(), open.err());
        assertTrue(open.out().contains("open-data-level"), open.out());
        // only low ones printed, but a high one is open: still 1, so a script cannot gate on a filtered view
        assertEquals(ExitCode.REJECTED, run("--db", db.toString(), "findings", "--on", "2026-11-29", "--severity",
                "low").exit());
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_WRITE, "manager", false)) {
            LocalDate until = s.findings().today().plusDays(30);
            for (FindingState f : s.findings().evaluate(s.findings().today()).open()) {
                if (f.finding().severity() == Severity.HIGH) {
                    s.findings().accept(f.finding(), "accepted for the release; tracked in the risk register", until);
                }
            }
        }
        CliRun accepted = run("--db", db.toString(), "findings", "--severity", "high");
        assertEquals(ExitCode.OK, accepted.exit(), accepted.out() + accepted.err());
        CliRun acceptedList = run("--db", db.toString(), "findings", "--accepted", "--format", "csv");
        assertEquals(ExitCode.OK, acceptedList.exit());
        assertTrue(acceptedList.out().contains(",accepted,"), acceptedList.out());
    }

    @Test
    void anEmptyWorkbenchHasNoFindingsAndExitsZero() {
        Path db = dir.resolve("empty.db");
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_WRITE, "officer", true)) {
            assertTrue(s.findings().evaluate(s.findings().today()).findings().isEmpty());
        }
        CliRun none = run("--db", db.toString(), "findings", "--format", "json");
        assertEquals(ExitCode.OK, none.exit(), none.err());
        assertEquals("[ ]", none.out().strip());
    }

    @Test
    void jsonIsAnArrayOfFindingsNamingTheirRecords() throws Exception {
        Path db = sample();
        CliRun json = run("--db", db.toString(), "findings", "--on", "2026-11-29", "--format", "json");
        assertEquals(ExitCode.REJECTED, json.exit());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertTrue(array.isArray() && array.size() > 15, json.out());
        Set<String> rules = new HashSet<>();
        for (JsonNode f : array) {
            rules.add(f.get("rule").asText());
            assertTrue(Set.of("high", "medium", "low").contains(f.get("severity").asText()));
            assertTrue(f.get("records").isArray() && f.get("records").size() >= 1);
            assertTrue(f.get("message").asText().contains(f.get("records").get(0).asText()), f.toString());
            assertFalse(f.get("message_zh").asText().isBlank());
            assertFalse(f.get("fix").asText().isBlank());
        }
        for (FindingRule r : FindingRule.values()) {
            assertTrue(rules.contains(r.id()), "the sample triggers " + r.id());
        }
        JsonNode ceiling = null;
        for (JsonNode f : array) {
            if (f.get("rule").asText().equals("ceiling-below-level")) {
                ceiling = f;
            }
        }
        assertEquals("[\"LCSD-BOOK-0001\",\"DSA-2022-013\"]", ceiling.get("records").toString());
        assertEquals("high", ceiling.get("severity").asText());
    }

    @Test
    void filtersByRuleSeverityAndDepartment() {
        Path db = sample();
        CliRun rule = run("--db", db.toString(), "findings", "--on", "2026-11-29", "--rule", "personal-data-no-retention",
                "--format", "csv");
        assertEquals(2, rule.out().strip().lines().count(), rule.out());
        assertTrue(rule.out().contains("HYD-DEFECT-0001"));
        CliRun dept = run("--db", db.toString(), "findings", "--on", "2026-11-29", "--department", "hk-swd",
                "--format", "csv");
        dept.out().lines().skip(1).forEach(line -> assertTrue(line.contains(",hk-swd,"), line));
        CliRun low = run("--db", db.toString(), "findings", "--on", "2026-11-29", "--severity", "LOW", "--format",
                "csv");
        low.out().lines().skip(1).forEach(line -> assertTrue(line.startsWith("low,"), line));
    }

    @Test
    void aBadSeverityRuleOrDayIsAUsageError() {
        Path db = sample();
        CliRun severity = run("--db", db.toString(), "findings", "--severity", "urgent");
        assertEquals(ExitCode.USAGE, severity.exit());
        assertTrue(severity.err().contains("Unknown severity 'urgent'"), severity.err());
        CliRun rule = run("--db", db.toString(), "findings", "--rule", "no-such-rule");
        assertEquals(ExitCode.USAGE, rule.exit());
        assertTrue(rule.err().contains("open-data-level"), rule.err());
        assertEquals(ExitCode.USAGE, run("--db", db.toString(), "findings", "--on", "29/11/2026").exit());
    }
}
