package org.custodian.cli;

import static org.custodian.logic.inventory.InventoryFiles.Row;
import static org.custodian.logic.inventory.InventoryFiles.csv;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.workbench.Access;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> errLines(String prefix) {
            return err.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private Run run(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A workbench file with the reference lists and no datasets. */
    private Path withLists() {
        Path db = dir.resolve("lists.db");
        InventoryFiles.withLists(db).close();
        return db;
    }

    /** A workbench file with the lists and the 302 sample datasets. */
    private Path withSample() {
        return InventoryFiles.sampleFile(dir.resolve("sample.db"));
    }

    private static long datasets(Path db) {
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            return s.inventory().total();
        }
    }

    private static List<CsvSource.Row> readCsv(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file);
             CsvSource csv = CsvSource.open(file.getFileName().toString(), in, StandardCharsets.UTF_8,
                     new HashSet<>(DatasetColumn.headers()), Set.of("code"))) {
            return csv.rows();
        }
    }

    // ---- datasets import ---------------------------------------------------------------------------------------

    @Test
    void importExitsZeroWhenEveryRowIsAcceptedEvenIntoANewWorkbench() {
        Path db = dir.resolve("new/w.db");
        Path file = write(dir.resolve("rows.csv"), csv(Row.valid("TD-BUS-0001"), Row.valid("TD-BUS-0002")));

        Run r = run(db, "datasets", "import", file.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals("rows.csv: 2 created, 0 updated, 0 unchanged, 0 rejected", r.out().strip());
        assertEquals(4, r.errLines("warning: rows.csv, line 2, column ").size(),
                "hk-td, transport, CSV and JSON are added to the empty lists: " + r.err());
        assertEquals(2, datasets(db));
    }

    @Test
    void importExitsOneWithALinePerProblemNamingFileLineAndColumnAndKeepsTheAcceptedRows() {
        Path db = withLists();
        Path file = write(dir.resolve("rows.csv"), csv(Row.valid("TD-BUS-0001"),
                Row.valid("TD-BUS-0002").with(DatasetColumn.CONTACT_EMAIL, "bus stops"),
                Row.valid("TD-BUS-0003").with(DatasetColumn.LAST_UPDATED, "next week")
                        .with(DatasetColumn.LANDING_PAGE, "td.gov.hk"),
                Row.valid("TD-BUS-0004")));

        Run r = run(db, "datasets", "import", file.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(
                "rejected: rows.csv, line 3, column contact_email: 'bus stops' is not an e-mail address",
                "rejected: rows.csv, line 4, column landing_page: 'td.gov.hk' is not a web address starting with"
                        + " http:// or https://",
                "rejected: rows.csv, line 4, column last_updated: 'next week' is not a date in the form YYYY-MM-DD"),
                r.errLines("rejected: "));
        assertEquals("rows.csv: 2 created, 0 updated, 0 unchanged, 2 rejected", r.out().strip());
        assertEquals(2, datasets(db));
    }

    @Test
    void aDryRunReportsButLeavesTheWorkbenchFileUntouched() throws Exception {
        Path db = withSample();
        String before = TestFiles.sha256(db);
        Path file = write(dir.resolve("rows.csv"), csv(Row.valid("TD-NEW-0001"),
                Row.valid("TD-NEW-0002").with(DatasetColumn.RETENTION, "a while"),
                Row.valid("TD-JTI-0001").with(DatasetColumn.TITLE_EN, "Journey Times")));

        Run r = run(db, "datasets", "import", "--dry-run", file.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals("rows.csv (dry run, nothing saved): 1 created, 1 updated, 0 unchanged, 1 rejected",
                r.out().strip());
        assertEquals(1, r.errLines("rejected: rows.csv, line 3, column retention:").size(), r.err());
        assertEquals(before, TestFiles.sha256(db), "not a byte of the workbench changed");
        assertEquals(InventoryFiles.SAMPLE_ROWS, datasets(db));
    }

    @Test
    void theErrorsFileHoldsTheRejectedRowsAsWrittenAndReimportsOnceFixed() throws Exception {
        Path db = withLists();
        Path file = write(dir.resolve("rows.csv"), """
                Title_EN,CODE,Department,Contact_Email,Notes
                Bus Stops,TD-BUS-0001,hk-td,tm_chan@td.gov.hk,first
                "Bus Routes, Kowloon",TD-BUS-0002,hk-td,tm_chan at td.gov.hk,=needs a fix
                Ferry Piers,TD-FERRY-0001,,tm_chan@td.gov.hk,
                """);
        Path errors = dir.resolve("out/rejected.csv");
        Files.createDirectories(errors.getParent());

        Run r = run(db, "datasets", "import", file.toString(), "--errors", errors.toString());

        assertEquals(1, r.exit(), r.err());
        String written = Files.readString(errors, StandardCharsets.UTF_8);
        assertEquals("\uFEFFstatus,details,Title_EN,CODE,Department,Contact_Email,Notes\r\n"
                + "rejected,line 3: contact_email: 'tm_chan at td.gov.hk' is not an e-mail address,"
                + "\"Bus Routes, Kowloon\",TD-BUS-0002,hk-td,tm_chan at td.gov.hk,'=needs a fix\r\n"
                + "rejected,line 4: department: department is required,Ferry Piers,TD-FERRY-0001,,"
                + "tm_chan@td.gov.hk,\r\n", written);

        write(errors, written.replace("tm_chan at td.gov.hk,'=", "tm_chan@td.gov.hk,'=")
                .replace("TD-FERRY-0001,,", "TD-FERRY-0001,Marine Department,"));
        Run fixed = run(db, "datasets", "import", errors.toString());

        assertEquals(0, fixed.exit(), fixed.err());
        assertEquals("rejected.csv: 2 created, 0 updated, 0 unchanged, 0 rejected", fixed.out().strip());
        assertEquals(3, datasets(db));
        assertEquals(List.of("warning: rejected.csv, line 1, column status: unknown column, ignored",
                "warning: rejected.csv, line 1, column details: unknown column, ignored",
                "warning: rejected.csv, line 1, column notes: unknown column, ignored"),
                fixed.errLines("warning: "));
    }

    @Test
    void aBig5HkscsFileImportsWithItsEncodingNamed() {
        Path db = withLists();
        String title = "升降機（𨋢）保養紀錄";
        Path file = write(dir.resolve("lifts.csv"),
                csv(Row.valid("EMSD-LIFT-0001").with(DatasetColumn.TITLE_TC, title)), Charset.forName("Big5-HKSCS"));

        Run r = run(db, "datasets", "import", "--encoding", "Big5-HKSCS", file.toString());

        assertEquals(0, r.exit(), r.err());
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            assertEquals(title, s.inventory().findByCode("EMSD-LIFT-0001").orElseThrow().titleTc());
        }
    }

    @Test
    void aFileNotValidInItsEncodingExitsOneNamingTheLine() throws Exception {
        Path db = withLists();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(csv(Row.valid("TD-BUS-0001")).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("TD-BUS-0002,Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in Latin-1
        bytes.writeBytes(",,,,hk-td\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        Run r = run(db, "datasets", "import", file.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals("latin1.csv, line 3: the byte E9 is not valid UTF-8 text; choose its encoding, e.g. Big5-HKSCS.",
                r.err().strip());
        assertEquals(0, datasets(db), "the row before the bad byte is not imported either");
    }

    @Test
    void anUnknownEncodingIsAUsageErrorAndAMissingFileAnIoFailure() {
        Path db = dir.resolve("w.db");
        Path file = write(dir.resolve("rows.csv"), csv(Row.valid("TD-BUS-0001")));

        Run unknown = run(db, "datasets", "import", "--encoding", "Klingon-8", file.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown encoding 'Klingon-8'"), unknown.err());
        assertFalse(Files.exists(db), "nothing was opened");

        Run missing = run(db, "datasets", "import", dir.resolve("nowhere.csv").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("nowhere.csv: no such file"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }

    // ---- datasets export ---------------------------------------------------------------------------------------

    @Test
    void aCsvExportWithQueryAndDepartmentHoldsOnlyTheMatchingRows() throws Exception {
        Path db = withSample();
        Set<String> expected = InventoryFiles.sampleRows().stream()
                .filter(r -> "hk-td".equals(r.get("department")))
                .filter(r -> List.of("code", "title_en", "description_en", "keywords", "custodian", "contact_email",
                                "source_system").stream()
                        .map(r::get).filter(v -> v != null)
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("traffic")))
                .map(r -> r.get("code")).collect(Collectors.toSet());
        Path out = dir.resolve("traffic.csv");

        Run r = run(db, "datasets", "export", out.toString(), "--query", "traffic", "--department", "hk-td");

        assertEquals(0, r.exit(), r.err());
        List<CsvSource.Row> rows = readCsv(out);
        assertEquals(expected, rows.stream().map(x -> x.get("code")).collect(Collectors.toSet()));
        assertTrue(expected.size() > 5, "a real selection: " + expected);
        assertTrue(r.err().contains("Wrote " + expected.size() + " datasets to " + out), r.err());
    }

    @Test
    void aDcatExportHoldsThePublicDatasetsAndWithAllEveryOneUnderTheNamespace() throws Exception {
        Path db = withSample();
        long published = InventoryFiles.sampleRows().stream()
                .filter(r -> "published".equals(r.get("open_data_status"))
                        && "UNCLASSIFIED".equalsIgnoreCase(r.get("classification"))).count();
        Path publicOut = dir.resolve("catalog.jsonld");
        Path allOut = dir.resolve("internal.json");

        Run open = run(db, "datasets", "export", publicOut.toString(), "--format", "dcat");
        Run all = run(db, "datasets", "export", allOut.toString(), "--format", "DCAT", "--all", "--namespace",
                "https://data.td.gov.hk/ns#");

        assertEquals(0, open.exit(), open.err());
        assertEquals(0, all.exit(), all.err());
        JsonNode publicCatalog = JSON.readTree(publicOut.toFile());
        JsonNode fullCatalog = JSON.readTree(allOut.toFile());
        assertEquals(published, publicCatalog.get("dcat:dataset").size());
        assertFalse(publicCatalog.toString().contains("dept:"));
        assertEquals(InventoryFiles.SAMPLE_ROWS, fullCatalog.get("dcat:dataset").size());
        assertEquals("https://data.td.gov.hk/ns#", fullCatalog.get("@context").get("dept").asText());
        assertTrue(fullCatalog.get("dcat:dataset").get(0).has("dept:classification"));
    }

    // ---- catalog import ----------------------------------------------------------------------------------------

    @Test
    void aCatalogImportPrintsItsCountsAndASecondRunCreatesNothing() {
        Path db = withLists();
        String ckan = InventoryFiles.SAMPLE_CKAN.toString();

        Run first = run(db, "catalog", "import", ckan);
        Run second = run(db, "catalog", "import", ckan);

        assertEquals(0, first.exit(), first.err());
        assertEquals("ckan-package-search.json: 15 created, 0 updated, 0 unchanged, 0 rejected", first.out().strip());
        assertEquals(0, second.exit(), second.err());
        assertEquals("ckan-package-search.json: 0 created, 0 updated, 15 unchanged, 0 rejected", second.out().strip());
        assertEquals(15, datasets(db));
    }
}
