package org.custodian.ui.shell;

import org.custodian.ui.common.RecordingDialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.InlineTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {

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
    void startsOnTheDefaultWorkbenchAndRemembersIt() {
        Path file = dir.resolve("home/workbench.db");
        model.openAtStart(null, file);
        assertNotNull(model.sessionProperty().get());
        assertTrue(model.summaryProperty().get().isEmpty());
        assertEquals(java.util.List.of(file.toAbsolutePath()), model.recentFiles());
        model.shutdown();
        ShellSettings reread = ShellSettings.load(dir.resolve("settings.properties"));
        assertEquals(file.toAbsolutePath(), reread.lastFile());
    }

    @Test
    void loadingTheSampleFillsTheSummaryAndBumpsTheDataVersion() {
        model.open(dir.resolve("w.db"), true, Access.READ_WRITE);
        int version = model.dataVersionProperty().get();
        model.loadSampleDepartment();
        // The portal's 118 bodies and the 12 outside counterparties the sample agreements name.
        assertEquals(118 + 12, model.summaryProperty().get().count(ReferenceList.ORGANISATION));
        // One event per list entry and dataset, then 395 decisions, 15 lineage links, 128 access reviews, the 12
        // outside organisations, 32 agreements and 2 later reclassifications; then the sample assessments' 488
        // events: the creation of each of their 8 revisions, every answer (pre-filled from the inventory or given),
        // note, evidence reference, risk and action, and their 11 workflow steps.
        assertEquals(118 + 20 + 38 + 302 + 395 + 15 + 128 + 12 + 32 + 2 + 488,
                model.summaryProperty().get().auditHead().sequence());
        assertTrue(model.dataVersionProperty().get() > version);
        assertTrue(dialogs.shown.stream().anyMatch(s -> s.startsWith("notify: The sample department was loaded")));
    }

    @Test
    void aDamagedFileOffersTheNewestVerifiedBackupAndRestoresIt() throws Exception {
        Path file = dir.resolve("w.db");
        model.open(file, true, Access.READ_WRITE);
        model.loadSampleDepartment();
        model.backUpTo(dir.resolve("backups/w-20261129-090000-000-daily.db"));
        model.shutdown();
        Files.writeString(file, "garbage written by a crashed sync tool");

        shell();
        dialogs.answers.push(0); // the first choice: restore the backup
        model.open(file, false, Access.READ_WRITE);
        assertTrue(dialogs.choicesOffered.get(0).get(0).startsWith("Restore w-20261129-090000-000-daily.db"),
                dialogs.choicesOffered.toString());
        assertTrue(dialogs.shown.get(0).contains("is not a Custodian workbench"), dialogs.shown.get(0));
        assertNotNull(model.sessionProperty().get(), "the restored file is open");
        // The portal's 118 bodies and the 12 outside counterparties the sample agreements name.
        assertEquals(118 + 12, model.summaryProperty().get().count(ReferenceList.ORGANISATION));
    }

    @Test
    void aFileHeldByAnotherWriterCanBeOpenedReadOnly() {
        Path file = dir.resolve("w.db");
        model.open(file, true, Access.READ_WRITE);
        RecordingDialogs otherDialogs = new RecordingDialogs();
        MainWindowViewModel other = new MainWindowViewModel(new InlineTaskRunner(), otherDialogs,
                ShellSettings.load(dir.resolve("other.properties")), "second-officer");
        otherDialogs.answers.push(0); // "Open read-only"
        other.open(file, false, Access.READ_WRITE);
        assertTrue(otherDialogs.shown.get(0).contains("vm-officer"), "the holder is named: " + otherDialogs.shown);
        assertEquals("Open read-only", otherDialogs.choicesOffered.get(0).get(0));
        assertEquals(Access.READ_ONLY, other.sessionProperty().get().access());
        other.shutdown();
    }

    @Test
    void aNewWorkbenchNeverReplacesAFile() throws Exception {
        Path existing = dir.resolve("exists.db");
        Files.writeString(existing, "someone's file");
        model.createWorkbench(existing);
        assertNull(model.sessionProperty().get());
        assertEquals("someone's file", Files.readString(existing));
        assertTrue(dialogs.shown.get(0).startsWith("choose: ") && dialogs.shown.get(0).contains("already exists"),
                dialogs.shown.toString());
    }

    @Test
    void switchingLanguageChangesEveryText() {
        model.setLanguage("zh-TW");
        assertEquals("工作台", model.i18n().tr("nav.workbench"));
        assertEquals("zh-TW", model.settings().language());
        model.setLanguage("en");
        assertEquals("Workbench", model.i18n().tr("nav.workbench"));
    }
}
