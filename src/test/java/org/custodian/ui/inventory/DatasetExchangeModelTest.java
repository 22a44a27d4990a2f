package org.custodian.ui.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExchangeModelTest {

    private static final String HEADER = "code,title_en,title_tc,department\n";

    @TempDir
    Path dir;
    InventoryViewModels vm;
    DatasetListViewModel list;
    DatasetExchangeModel exchange;

    private void start(boolean sample) {
        vm = new InventoryViewModels(dir, sample);
        list = new DatasetListViewModel(vm.shell);
        list.start();
        exchange = new DatasetExchangeModel(vm.shell, list::query);
    }

    @AfterEach
    void close() {
        list.dispose();
        vm.close();
    }

    private long datasets() {
        return vm.shell.sessionProperty().get().inventory().total();
    }

    @Test
    void theDryRunIsReviewedBeforeAnythingIsSavedAndCancelSavesNothing() throws Exception {
        start(false);
        Path csv = dir.resolve("inventory.csv");
        Files.writeString(csv, HEADER + "TD-1,Journey times,行車時間,hk-td\nTD-2,,,hk-td\nTD-3,Traffic counts,,Transport Department\n");
        long events = vm.auditEvents();
        vm.dialogs.answers.push(csv);
        exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON);
        DatasetExchangeModel.PendingImport pending = exchange.pending.get();
        assertNotNull(pending, "the report waits for the officer");
        assertEquals(2, pending.accepted());
        assertEquals(1, pending.rejected());
        assertEquals(events, vm.auditEvents(), "the dry run saved nothing");
        List<List<String>> rows = pending.reviewed().rows();
        assertEquals(List.of("3", "TD-2", "rejected"), rows.get(1).subList(0, 3));
        assertEquals("title_en: A title in English or Traditional Chinese is required.", rows.get(1).get(4),
                "the problem in the window's language");
        assertTrue(pending.summary().contains("2 to create, 0 to update, 0 unchanged, 1 rejected"), pending.summary());

        exchange.cancelReview();
        assertNull(exchange.pending.get());
        assertEquals(0, datasets());

        vm.dialogs.answers.push(csv);
        exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON);
        exchange.confirmImport();
        assertEquals(2, datasets());
        assertEquals(2, list.total.get(), "the page reloads after the import");
        assertTrue(vm.dialogs.shown.contains("notify: Import finished: 2 created, 0 updated, 0 unchanged, 1 rejected."),
                vm.dialogs.shown.toString());
    }

    @Test
    void aFileThatIsNotUtf8OffersBig5HkscsAndReadsIt() throws Exception {
        start(false);
        Path csv = dir.resolve("big5.csv");
        Charset big5 = Charset.forName("Big5-HKSCS");
        Files.write(csv, (HEADER + "FEHD-1,,嘅餐廳巡查紀錄,hk-fehd\n").getBytes(big5));
        vm.dialogs.answers.push(csv);
        vm.dialogs.answers.add(0); // "Read it as Big5-HKSCS"
        exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON);
        assertTrue(vm.dialogs.shown.stream().anyMatch(s -> s.startsWith("choose: big5.csv cannot be read as UTF-8")),
                vm.dialogs.shown.toString());
        assertEquals(big5, exchange.pending.get().charset());
        exchange.confirmImport();
        assertEquals("嘅餐廳巡查紀錄", vm.shell.sessionProperty().get().inventory().findByCode("FEHD-1").orElseThrow()
                .titleTc());
    }

    @Test
    void theExportWritesEveryPageOfWhatThePageShows() throws Exception {
        start(true);
        list.toggleFacet(DatasetFacet.DEPARTMENT, "hk-td", true);
        Path out = dir.resolve("td.csv");
        vm.dialogs.answers.push(out);
        exchange.chooseAndExport(DatasetExchange.Format.CSV);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFcode,title_en"), "UTF-8 with a BOM and the import header");
        assertEquals(24, vm.shell.sessionProperty().get().inventory().count(list.query()));
        // 24 datasets; a description with a line break inside quotes adds lines, so count records by code prefix
        assertEquals(24, lines.stream().filter(l -> l.startsWith("TD-")).count());
        assertTrue(vm.dialogs.shown.contains("notify: 24 datasets exported to " + out + "."), vm.dialogs.shown.toString());
        assertEquals(302, vm.shell.sessionProperty().get().inventory().count(DatasetQuery.all()));
    }
}
