package org.custodian.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.FieldChange;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.InlineTaskRunner;
import org.custodian.ui.common.RecordingDialogs;
import org.custodian.ui.shell.MainWindowViewModel;
import org.custodian.ui.shell.Page;
import org.custodian.ui.shell.ShellSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log page's state over the sample department, without a stage: filters, pages, the chosen event. */
class AuditLogPageModelTest {

    @TempDir
    static Path dir;
    static RecordingDialogs dialogs = new RecordingDialogs();
    static MainWindowViewModel shell;
    AuditLogPageModel log;

    @BeforeAll
    static void open() {
        shell = new MainWindowViewModel(new InlineTaskRunner(), dialogs,
                ShellSettings.load(dir.resolve("settings.properties")), "vm-officer");
        shell.open(dir.resolve("w.db"), true, Access.READ_WRITE);
        shell.loadSampleDepartment();
    }

    @AfterAll
    static void close() {
        shell.shutdown();
    }

    @BeforeEach
    void page() {
        log = new AuditLogPageModel(shell);
        log.reload();
    }

    private String someDatasetCode() {
        return shell.sessionProperty().get().inventory().page(DatasetQuery.all()).get(5).code();
    }

    @Test
    void theWholeLogComesNewestFirstAPageAtATime() {
        assertEquals("1,550 events", log.countText.get());
        assertEquals(100, log.rows.size());
        assertEquals(1550L, log.rows.get(0).event().sequence());
        assertEquals("1–100 of 1,550", log.pageText.get());
        assertFalse(log.hasPrevious.get());
        log.nextPage();
        assertEquals(1450L, log.rows.get(0).event().sequence());
        assertTrue(log.hasPrevious.get());
        assertTrue(log.actors.contains("vm-officer") && log.actors.get(0) == null, "everyone, then each actor");
        assertTrue(log.actions.contains("classify"));
        assertTrue(log.entityTypes.contains("dataset"));
    }

    @Test
    void filtersNarrowTheLogAndSayHowMuchOfItShows() {
        String code = someDatasetCode();
        log.record.set(code);
        assertTrue(log.rows.stream().allMatch(e -> e.record().equals(code)), "only that dataset's events");
        long events = log.matching.get();
        assertEquals(events + " of 1,550 events", log.countText.get());
        assertTrue(log.filtered.get());
        log.action.set("classify");
        assertTrue(log.rows.stream().allMatch(e -> e.event().action().equals("classify")));
        assertEquals(code + " · Classified", log.describeFilters());
        log.clearFilters();
        assertEquals(1550, log.matching.get());

        log.entityType.set("agreement");
        assertTrue(log.rows.stream().allMatch(e -> e.event().entityType().equals("agreement")));
        log.entityType.set(null);
        log.from.set(LocalDate.now().plusDays(1));
        assertEquals(0, log.matching.get(), "nothing happens tomorrow");
        log.from.set(LocalDate.now());
        log.to.set(LocalDate.now());
        assertEquals(1550, log.matching.get(), "today, both ends included");
        log.to.set(LocalDate.now().minusDays(1));
        assertTrue(log.datesReversed.get());
        log.clearFilters();
        log.text.set("Ho Chun-kit");
        assertTrue(log.matching.get() > 0 && log.matching.get() < 1550, log.countText.get());
    }

    @Test
    void theChosenEventShowsWhatItChangedFieldByField() {
        log.action.set("classify");
        AuditEntry first = log.rows.get(0);
        log.selected.set(first);
        assertFalse(log.changes.isEmpty());
        FieldChange level = log.changes.stream().filter(c -> c.field().equals("classification")).findFirst()
                .orElseThrow();
        assertTrue(level.after() != null, level.toString());
        assertEquals("Classification", log.fieldLabel("dataset", "classification"));
        assertEquals("Decided by", log.fieldLabel("dataset", "decided_by"));
        assertEquals("Classified", log.actionLabel("classify"));
        assertEquals("Dataset", log.entityLabel("dataset"));
        assertEquals("something-new", log.actionLabel("something-new"), "an action without words shows as it is");
        log.selected.set(null);
        assertTrue(log.changes.isEmpty());
    }

    @Test
    void aRecordsHistoryLinkOpensTheLogFilteredToIt() {
        String code = someDatasetCode();
        log.from.set(LocalDate.now().plusDays(3));
        shell.openAuditLog(AuditFilter.forRecord("dataset", code));
        assertEquals(Page.AUDIT, shell.pageProperty().get());
        assertNull(shell.auditRequestProperty().get(), "the page took the request");
        assertEquals("dataset", log.entityType.get());
        assertEquals(code, log.record.get());
        assertNull(log.from.get(), "the other filters are cleared");
        assertTrue(log.matching.get() > 0);
        assertTrue(log.rows.stream().allMatch(e -> e.record().equals(code)));
    }

    @Test
    void theExportWritesWhatTheFiltersSelect() throws Exception {
        log.action.set("status");
        Path out = dir.resolve("status.csv");
        log.exportCsvTo(shell.sessionProperty().get(), log.filter(), log.describeFilters(), out);
        String csv = Files.readString(out);
        assertTrue(csv.contains("# Filter: Status changed;"), csv.substring(0, 300));
        assertEquals(log.matching.get() + 3, csv.lines().filter(l -> l.matches("^(\uFEFF)?(#|seq,|\\d+,).*"))
                .count(), "two comment lines, the header and one row per event");
        assertTrue(dialogs.shown.stream().anyMatch(s -> s.startsWith("notify: Wrote " + log.matching.get()
                + " events to status.csv")), dialogs.shown.toString());
    }
}
