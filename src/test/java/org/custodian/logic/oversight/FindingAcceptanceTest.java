package org.custodian.logic.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingAcceptance;
import org.custodian.model.oversight.FindingList;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting a finding: with a reason and an expiry, audited, listed apart, and open again once it ends. */
class FindingAcceptanceTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static LocalDate today;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("w.db"), Access.READ_WRITE, "manager", true);
        session.sample().load();
        today = session.findings().today();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private Finding open(FindingRule rule) {
        return session.findings().evaluate(today).open().stream().map(FindingState::finding)
                .filter(f -> f.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void anAcceptedFindingLeavesTheOpenListUntilItsExpiry() {
        Finding f = open(FindingRule.NO_CUSTODIAN_OR_CONTACT);
        int openBefore = session.findings().evaluate(today).open().size();
        long events = session.audit().eventCount();
        FindingAcceptance a = session.findings().accept(f, "  The tide tables are maintained by the observatory’s"
                + " web team; a contact is being named.  ", today.plusDays(60));
        assertEquals(events + 1, session.audit().eventCount(), "one audited event");
        FindingList now = session.findings().evaluate(today);
        assertEquals(openBefore - 1, now.open().size());
        FindingState accepted = now.accepted().stream().filter(s -> s.finding().key().equals(f.key())).findFirst()
                .orElseThrow();
        assertEquals(a.id(), accepted.acceptance().id());
        assertEquals("manager", accepted.acceptance().acceptedBy());
        assertTrue(a.reason().startsWith("The tide"), "the reason is kept stripped");
        // on its expiry day it still holds; the day after, the finding is open again
        assertTrue(session.findings().evaluate(today.plusDays(60)).accepted().stream()
                .anyMatch(s -> s.finding().key().equals(f.key())));
        assertTrue(session.findings().evaluate(today.plusDays(61)).open().stream()
                .anyMatch(s -> s.finding().key().equals(f.key())));
        AuditEvent event = session.audit().history("finding", a.id().toString()).get(0);
        assertEquals("accept", event.action());
        assertTrue(event.reason().startsWith("The tide tables"));
        assertTrue(event.after().contains("no-custodian-or-contact"), event.after());
    }

    @Test
    void withdrawingReopensItAndIsAudited() {
        Finding f = open(FindingRule.PERSONAL_DATA_NO_RETENTION);
        FindingAcceptance a = session.findings().accept(f, "retention schedule under review", today.plusDays(10));
        FindingAcceptance w = session.findings().withdraw(a.id(), "the schedule review was cancelled");
        assertEquals("manager", w.withdrawnBy());
        assertTrue(session.findings().evaluate(today).open().stream().anyMatch(s -> s.finding().key()
                .equals(f.key())));
        List<AuditEvent> history = session.audit().history("finding", a.id().toString());
        assertEquals(List.of("accept", "withdraw-acceptance"), history.stream().map(AuditEvent::action).toList());
        assertThrows(InputRejectedException.class, () -> session.findings().withdraw(a.id(), "again"));
        // the acceptance stays on record
        assertTrue(session.findings().acceptances().stream().anyMatch(x -> x.id().equals(a.id())
                && x.withdrawnAt() != null));
    }

    @Test
    void aReasonAndAnExpiryWithinAYearAreRequired() {
        Finding f = open(FindingRule.OPEN_DATA_LEVEL);
        long events = session.audit().eventCount();
        assertThrows(InputRejectedException.class, () -> session.findings().accept(f, "  ", today.plusDays(5)));
        assertThrows(InputRejectedException.class, () -> session.findings().accept(f, "ok", today));
        assertThrows(InputRejectedException.class, () -> session.findings().accept(f, "ok", null));
        assertThrows(InputRejectedException.class, () -> session.findings().accept(f, "ok", today.plusYears(2)));
        assertEquals(events, session.audit().eventCount(), "a refusal writes nothing");
        assertTrue(session.findings().evaluate(today).open().stream().anyMatch(s -> s.finding().key()
                .equals(f.key())));
    }

    @Test
    void anAcceptanceCoversOnlyTheRecordsItNamed() {
        List<Finding> openData = session.findings().evaluate(today).open().stream().map(FindingState::finding)
                .filter(f -> f.rule() == FindingRule.OPEN_DATA_LEVEL).toList();
        assertTrue(openData.size() >= 2);
        session.findings().accept(openData.get(1), "publication postponed pending reclassification",
                today.plusDays(20));
        FindingList now = session.findings().evaluate(today);
        assertNull(now.findings().stream().filter(s -> s.finding().key().equals(openData.get(0).key())).findFirst()
                .orElseThrow().acceptance(), "another dataset's finding stays open");
    }

    @Test
    void theCsvExportCarriesTheAcceptanceAndGuardsFormulas() throws Exception {
        Finding f = open(FindingRule.ASSESSMENT_REVIEW_OVERDUE);
        session.findings().accept(f, "=HYPERLINK(\"http://x\",\"renewal agreed\")", today.plusDays(15));
        FindingList now = session.findings().evaluate(today);
        Path csv = dir.resolve("findings.csv");
        new FindingRows().writeCsv(now.accepted(), csv);
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(java.nio.file.Files.newBufferedReader(csv, java.nio.charset.StandardCharsets.UTF_8))) {
            List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
            assertEquals(now.accepted().size(), records.size());
            org.apache.commons.csv.CSVRecord row = records.stream().filter(r -> r.get("rule").equals(
                    "assessment-review-overdue")).findFirst().orElseThrow();
            assertEquals("accepted", row.get("status"));
            assertEquals(today.plusDays(15).toString(), row.get("accepted_until"));
            assertTrue(row.get("acceptance_reason").startsWith("'="), "a formula is neutralised: "
                    + row.get("acceptance_reason"));
            assertTrue(row.get("records").contains("AS-2026-002"));
        }
    }
}
