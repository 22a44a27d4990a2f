package org.custodian.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.custodian.model.workbench.Access;
import org.custodian.store.TestFiles;
import org.custodian.ui.common.InlineTaskRunner;
import org.custodian.ui.common.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help › Verify audit chain says plainly what it found: intact with its events and head, or where and why not. */
class AuditVerdictTest {

    @TempDir
    Path dir;
    RecordingDialogs dialogs;
    MainWindowViewModel model;

    @BeforeEach
    void shell() {
        dialogs = new RecordingDialogs();
        model = new MainWindowViewModel(new InlineTaskRunner(), dialogs,
                ShellSettings.load(dir.resolve("settings.properties")), "vm-officer");
    }

    @AfterEach
    void close() {
        model.shutdown();
    }

    @Test
    void anIntactChainIsReportedWithItsEventsAndHead() {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 1200);
        model.open(file, false, Access.READ_WRITE);
        String head = model.sessionProperty().get().audit().head().asText();
        model.verifyAuditChain();
        String shown = dialogs.shown.get(dialogs.shown.size() - 1);
        assertTrue(shown.startsWith("info: The audit chain is intact: all 1,200 events check out"), shown);
        assertTrue(shown.contains("Head: " + head), shown);
    }

    @Test
    void aBrokenChainSaysWhereWhatWasFoundAndWhatItMeans() throws Exception {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 5);
        TestFiles.execute(file, "DROP TRIGGER audit_event_no_update",
                "UPDATE audit_event SET actor = 'mallory' WHERE seq = 3");
        model.open(file, false, Access.READ_WRITE);
        model.verifyAuditChain();
        String shown = dialogs.shown.get(dialogs.shown.size() - 1);
        assertTrue(shown.startsWith("error: Audit chain: The audit chain is broken at sequence 3."), shown);
        assertTrue(shown.contains("What was found: its content does not match its hash (the event was edited)."),
                shown);
        assertTrue(shown.contains("the 2 events before it check out"), shown);
        assertTrue(shown.contains("restore the newest backup whose chain is intact"), shown);
        assertEquals(1, dialogs.shown.stream().filter(s -> s.startsWith("error:")).count());
    }
}
