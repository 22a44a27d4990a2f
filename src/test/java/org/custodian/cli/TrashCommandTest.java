package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.workbench.Access;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trash list, restore and purge as a script uses them, with their exit codes. */
class TrashCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    @Test
    void aDeletedRiskIsListedRestoredOnceAndPurgedOnlyWhenConfirmed() throws Exception {
        Path db = dir.resolve("w.db");
        assertEquals(0, run("--db", db.toString(), "sample", "load").exit());
        String title;
        String riskId;
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_WRITE, "cli-officer", false)) {
            AssessmentRecord draft = s.assessments().list(AssessmentStatus.DRAFT).stream()
                    .map(a -> s.assessments().load(a.key()).orElseThrow())
                    .filter(r -> !r.risks().isEmpty()).findFirst().orElseThrow();
            RiskEntry risk = draft.risks().get(0);
            title = risk.title();
            riskId = risk.key().toString();
            assertTrue(s.assessments().deleteRisk(draft.assessment().key(), risk).isDone());
        }
        CliRun list = run("--db", db.toString(), "trash", "list", "--format", "csv");
        assertEquals(0, list.exit(), list.err());
        String[] lines = list.out().strip().split("\\R");
        assertEquals("id,kind,label,belonged_to,deleted_at,deleted_by,reason", lines[0]);
        assertEquals(2, lines.length, list.out());
        assertTrue(lines[1].contains(",risk,") && lines[1].contains(title), lines[1]);
        String id = lines[1].substring(0, 36);

        assertEquals(2, run("--db", db.toString(), "trash", "restore", "not-an-id").exit());
        CliRun restored = run("--db", db.toString(), "trash", "restore", id);
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.err().contains(title), restored.err());
        CliRun again = run("--db", db.toString(), "trash", "restore", id);
        assertEquals(1, again.exit(), "no longer in the trash: " + again.err());
        assertEquals(List.of(title), TestFiles.column(db, "SELECT title FROM assessment_risk WHERE id = '"
                + riskId + "'"), "the risk is back under its own id");

        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_WRITE, "cli-officer", false)) {
            AssessmentRecord draft = s.assessments().list(AssessmentStatus.DRAFT).stream()
                    .map(a -> s.assessments().load(a.key()).orElseThrow())
                    .filter(r -> r.risks().stream().anyMatch(x -> x.key().toString().equals(riskId))).findFirst()
                    .orElseThrow();
            s.assessments().deleteRisk(draft.assessment().key(), draft.risks().stream()
                    .filter(x -> x.key().toString().equals(riskId)).findFirst().orElseThrow());
            id = s.trash().list().get(0).id().toString();
        }
        CliRun unconfirmed = run("--db", db.toString(), "trash", "purge", id, "--reason", "duplicate");
        assertEquals(2, unconfirmed.exit());
        assertTrue(unconfirmed.err().contains("--confirm"), unconfirmed.err());
        CliRun purged = run("--db", db.toString(), "trash", "purge", id, "--reason", "duplicate", "--confirm");
        assertEquals(0, purged.exit(), purged.err());
        assertEquals(1, run("--db", db.toString(), "trash", "list", "--format", "csv").out().strip().lines().count());
        assertEquals(List.of("duplicate"), TestFiles.column(db,
                "SELECT reason FROM audit_event WHERE entity_type = 'trash' AND action = 'purge'"));
    }
}
