package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.BOM;
import static org.custodian.logic.inventory.InventoryFiles.HEADER;
import static org.custodian.logic.inventory.InventoryFiles.Row;
import static org.custodian.logic.inventory.InventoryFiles.csv;
import static org.custodian.logic.inventory.InventoryFiles.importFile;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetImportTest {

    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");

    @TempDir
    Path dir;
    WorkbenchSession session;

    @BeforeEach
    void open() {
        session = InventoryFiles.withLists(dir.resolve("w.db"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private DatasetImportReport load(String name, String text) {
        return importFile(session, write(dir.resolve(name), text));
    }

    private Dataset stored(String code) {
        return session.inventory().findByCode(code).orElseThrow(() -> new AssertionError(code + " is not stored"));
    }

    private static RowResult row(DatasetImportReport report, String code) {
        return report.rows().stream().filter(r -> code.equals(r.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + code + " in " + report.rows()));
    }

    private static List<RowOutcome> outcomes(DatasetImportReport report) {
        return report.rows().stream().map(RowResult::outcome).toList();
    }

    // ---- reading the file ------------------------------------------------------------------------------------

    @Test
    void aBomCrlfFileWithAQuotedLineBreakAndChineseIsReadExactlyAndRowsAreNumberedByTheLineTheyStartOn() {
        String description = "Stops served by franchised buses.\r\nSecond line, with a comma.";
        String chinese = "𨋢口巴士站（觀塘）嘅位置";
        String text = BOM + HEADER + "\r\n"
                + Row.valid("TD-BUS-0001").with(DatasetColumn.DESCRIPTION_EN, description)
                        .with(DatasetColumn.TITLE_TC, chinese).line() + "\r\n"
                + Row.valid("TD-BUS-0002").line() + "\r\n"
                + Row.valid("TD-BUS-0003").with(DatasetColumn.CONTACT_EMAIL, "not-an-address").line() + "\r\n"
                + Row.valid("TD-BUS-0004").with(DatasetColumn.DESCRIPTION_EN, "Two\nlines")
                        .with(DatasetColumn.RETENTION, "ever").line() + "\r\n";

        DatasetImportReport report = load("bus.csv", text);

        assertEquals(List.of(2L, 4L, 5L, 6L), report.rows().stream().map(RowResult::line).toList(),
                "the first row spans lines 2-3, so the next ones start on lines 4, 5 and 6");
        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.CREATED, RowOutcome.REJECTED, RowOutcome.REJECTED),
                outcomes(report));
        assertEquals("bus.csv, line 5, column contact_email: 'not-an-address' is not an e-mail address",
                row(report, "TD-BUS-0003").problems().get(0).describe());
        assertEquals("bus.csv, line 6, column retention: 'ever' is not a retention period: write an ISO-8601 period"
                + " such as P7Y or P18M, or 'permanent'", row(report, "TD-BUS-0004").problems().get(0).describe());
        assertEquals(List.of(), report.warnings(), "the BOM is not part of the first column's name");
        Dataset first = stored("TD-BUS-0001");
        assertEquals(description, first.descriptionEn());
        assertEquals(chinese, first.titleTc());
        assertEquals("專營巴士站的位置。", first.descriptionTc());
        assertEquals(List.of("bus", "stops", "巴士"), first.keywords());
    }

    @Test
    void formulaPayloadsAreStoredAsWrittenExportedWithAnApostropheAndReimportedToTheSameValue() throws Exception {
        Row payloads = Row.valid("TD-CSV-0001")
                .with(DatasetColumn.TITLE_EN, "=HYPERLINK(\"http://evil.example\",\"Click\")")
                .with(DatasetColumn.DESCRIPTION_EN, "+SUM(1,2)")
                .with(DatasetColumn.CUSTODIAN, "-2+3")
                .with(DatasetColumn.SOURCE_SYSTEM, "@cmd|' /C calc'!A0")
                .with(DatasetColumn.KEYWORDS, "=1+1;@x;plain");
        Row tab = Row.valid("TD-CSV-0002").with(DatasetColumn.TITLE_EN, "\t=1+2");
        load("payloads.csv", csv(payloads, tab));

        Dataset d = stored("TD-CSV-0001");
        assertEquals("=HYPERLINK(\"http://evil.example\",\"Click\")", d.titleEn());
        assertEquals("+SUM(1,2)", d.descriptionEn());
        assertEquals("-2+3", d.custodian());
        assertEquals("@cmd|' /C calc'!A0", d.sourceSystem());
        assertEquals(List.of("=1+1", "@x", "plain"), d.keywords());
        assertEquals("=1+2", stored("TD-CSV-0002").titleEn(),
                "cells are trimmed like every field, and what is left is still a formula");

        Path export = InventoryFiles.export(session, DatasetExchange.Format.CSV, dir.resolve("out.csv"));
        String written = Files.readString(export, StandardCharsets.UTF_8);
        for (String guarded : List.of("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", "\"'+SUM(1,2)\"",
                ",'-2+3,", ",'@cmd|' /C calc'!A0,", ",'=1+1;@x;plain,", ",'=1+2,")) {
            assertTrue(written.contains(guarded), guarded + " in\n" + written);
        }

        DatasetImportReport again = importFile(session, export);
        assertEquals(List.of(RowOutcome.UNCHANGED, RowOutcome.UNCHANGED), outcomes(again),
                "the apostrophes come off again on import");
        assertEquals("=HYPERLINK(\"http://evil.example\",\"Click\")", stored("TD-CSV-0001").titleEn());
    }

    @Test
    void blankLinesAreNotRowsAndDoNotShiftTheLinesOfTheRowsAfterThem() {
        String text = HEADER + "\r\n" + Row.valid("TD-BUS-0001").line() + "\r\n\r\n"
                + Row.valid("TD-BUS-0002").with(DatasetColumn.CONTACT_EMAIL, "nobody").line() + "\r\n"
                + Row.valid("TD-BUS-0003").line() + "\r\n\r\n\r\n";

        DatasetImportReport report = load("gaps.csv", text);

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.REJECTED, RowOutcome.CREATED), outcomes(report),
                report.rows().toString());
        assertEquals(List.of(2L, 4L, 5L), report.rows().stream().map(RowResult::line).toList());
        assertEquals("gaps.csv, line 4, column contact_email: 'nobody' is not an e-mail address",
                report.rows().get(1).problems().get(0).describe());
    }

    // ---- whole files refused -----------------------------------------------------------------------------------

    /** Imports a first file so "nothing changed" is about a workbench with data, then expects {@code text} refused. */
    private InputRejectedException refused(String name, String text) {
        load("first.csv", csv(Row.valid("TD-OLD-0001")));
        InventoryFiles.State before = state(session);
        Path file = write(dir.resolve(name), text);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importFile(session, file));
        assertEquals(before, state(session), "a refused file changes nothing");
        return e;
    }

    @Test
    void aFileWithoutTheCodeColumnIsRefusedWholeNamingTheColumn() {
        String text = csv(Row.valid("TD-NEW-0001")).replaceFirst("^code,", "reference,");
        InputRejectedException e = refused("nocode.csv", text);
        assertTrue(e.getMessage().startsWith("nocode.csv, line 1: required column code missing"), e.getMessage());
    }

    @Test
    void aFileWithoutTheDepartmentColumnIsRefusedWholeNamingTheColumn() {
        String text = "code,title_en\nTD-NEW-0001,Bus Stops\n";
        InputRejectedException e = refused("nodept.csv", text);
        assertTrue(e.getMessage().startsWith("nodept.csv, line 1: required column department missing"),
                e.getMessage());
    }

    @Test
    void aFileWithADuplicateColumnIsRefusedWhole() {
        String text = "code,title_en,department,Title_EN\nTD-NEW-0001,Bus Stops,hk-td,Bus Stops again\n";
        InputRejectedException e = refused("twice.csv", text);
        assertEquals("twice.csv, line 1: column 'title_en' appears twice.", e.getMessage());
    }

    @Test
    void anUnknownColumnIsOnlyAWarningAndTheRowsAreImported() {
        DatasetImportReport report = load("extra.csv",
                "Code,Title_EN,Department,Colour\nTD-NEW-0001,Bus Stops,hk-td,red\n");
        assertEquals(List.of(new RowProblem("extra.csv", 1, "colour", "unknown column, ignored")), report.warnings());
        assertEquals(List.of(RowOutcome.CREATED), outcomes(report));
        assertEquals("Bus Stops", stored("TD-NEW-0001").titleEn());
    }

    // ---- rows rejected -----------------------------------------------------------------------------------------

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(DatasetColumn.CODE, "", "code", "code is required"),
                Arguments.of(DatasetColumn.CODE, "TD BUS#1", "code", "code 'TD BUS#1' may hold only letters"),
                Arguments.of(DatasetColumn.DEPARTMENT, " ", "department", "department is required"),
                Arguments.of(DatasetColumn.CONTACT_EMAIL, "chan.td.gov.hk", "contact_email",
                        "'chan.td.gov.hk' is not an e-mail address"),
                Arguments.of(DatasetColumn.CLASSIFICATION, "HUSH-HUSH", "classification",
                        "'HUSH-HUSH' is not a level of the classification scheme"),
                Arguments.of(DatasetColumn.CROSS_BOUNDARY, "maybe", "cross_boundary", "'maybe' is not yes or no"),
                Arguments.of(DatasetColumn.CONTAINS_PERSONAL_DATA, "perhaps", "contains_personal_data",
                        "'perhaps' is not yes or no"),
                Arguments.of(DatasetColumn.RETENTION, "7 years", "retention", "'7 years' is not a retention period"),
                Arguments.of(DatasetColumn.RETENTION, "P0Y", "retention", "'P0Y' is not a retention period"),
                Arguments.of(DatasetColumn.LAST_UPDATED, "30/09/2026", "last_updated",
                        "'30/09/2026' is not a date in the form YYYY-MM-DD"),
                Arguments.of(DatasetColumn.LAST_UPDATED, "2026-02-30", "last_updated",
                        "'2026-02-30' is not a date in the form YYYY-MM-DD"),
                Arguments.of(DatasetColumn.LANDING_PAGE, "data.gov.hk/bus", "landing_page",
                        "'data.gov.hk/bus' is not a web address starting with http:// or https://"),
                Arguments.of(DatasetColumn.OPEN_DATA_STATUS, "public", "open_data_status",
                        "'public' is not one of not-planned, planned, published"),
                Arguments.of(DatasetColumn.LIFECYCLE_STATUS, "archived", "lifecycle_status",
                        "'archived' is not one of draft, active, superseded, retired"),
                Arguments.of(DatasetColumn.UPDATE_FREQUENCY, "whenever", "update_frequency",
                        "'whenever' is not one of real-time"),
                Arguments.of(DatasetColumn.PERSONAL_DATA_CATEGORIES, "name;address", "personal_data_categories",
                        "personal data categories are given but contains_personal_data is 'no'"),
                Arguments.of(DatasetColumn.TITLE_EN, "T".repeat(501), "title_en",
                        "title_en is longer than 500 characters"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void aRowWithABadFieldIsRejectedWithFileLineColumnAndMessageWhileTheOtherRowsCommit(
            DatasetColumn column, String value, String expectedColumn, String expectedMessage) {
        InventoryFiles.State before = state(session);
        Row bad = Row.valid("TD-BAD-0002").with(column, value);
        DatasetImportReport report = load("mixed.csv", csv(Row.valid("TD-OK-0001"), bad, Row.valid("TD-OK-0003")));

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.REJECTED, RowOutcome.CREATED), outcomes(report));
        List<RowProblem> problems = report.rows().get(1).problems();
        assertEquals(1, problems.size(), problems.toString());
        RowProblem p = problems.get(0);
        assertEquals("mixed.csv", p.source());
        assertEquals(3, p.line());
        assertEquals(expectedColumn, p.column());
        assertTrue(p.message().startsWith(expectedMessage), p.message());
        assertFalse(session.inventory().findByCode("TD-BAD-0002").isPresent(), "a rejected row changes nothing");
        assertEquals(before.datasets() + 2, session.inventory().total());
        assertEquals(before.events() + 4, session.audit().eventCount(),
                "per created record, one audit event for the record and one for its level's decision");
    }

    @Test
    void aRowWithNeitherTitleIsRejectedOnTheEnglishTitle() {
        Row untitled = Row.valid("TD-BAD-0001").with(DatasetColumn.TITLE_EN, "").with(DatasetColumn.TITLE_TC, "");
        Row chineseOnly = Row.valid("TD-OK-0002").with(DatasetColumn.TITLE_EN, "");
        DatasetImportReport report = load("titles.csv", csv(untitled, chineseOnly));
        assertEquals(List.of(RowOutcome.REJECTED, RowOutcome.CREATED), outcomes(report));
        assertEquals("titles.csv, line 2, column title_en: a title in English or Traditional Chinese is required",
                report.rows().get(0).problems().get(0).describe());
        assertEquals("巴士站位置", stored("TD-OK-0002").title(), "one title is enough");
    }

    @Test
    void aCodeRepeatedLaterInTheFileRejectsTheLaterRowAndKeepsTheFirst() {
        Row first = Row.valid("TD-BUS-0001").with(DatasetColumn.TITLE_EN, "First spelling");
        Row repeat = Row.valid("td-bus-0001").with(DatasetColumn.TITLE_EN, "Second spelling");
        DatasetImportReport report = load("repeat.csv", csv(first, Row.valid("TD-BUS-0002"), repeat));

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.CREATED, RowOutcome.REJECTED), outcomes(report));
        assertEquals("repeat.csv, line 4, column code: code 'td-bus-0001' already appears on an earlier row of this"
                + " file", report.rows().get(2).problems().get(0).describe());
        assertEquals("First spelling", stored("TD-BUS-0001").titleEn());
        assertEquals(2, session.inventory().total());
    }

    @Test
    void aRowWithSeveralProblemsListsEveryOne() {
        Row bad = Row.valid("TD-BAD-0001").with(DatasetColumn.CONTACT_EMAIL, "nobody")
                .with(DatasetColumn.CLASSIFICATION, "ULTRA").with(DatasetColumn.CROSS_BOUNDARY, "perhaps")
                .with(DatasetColumn.LAST_UPDATED, "yesterday").with(DatasetColumn.LANDING_PAGE, "ftp://x");
        DatasetImportReport report = load("many.csv", csv(bad));
        RowResult r = report.rows().get(0);
        assertEquals(RowOutcome.REJECTED, r.outcome());
        assertEquals(List.of("contact_email", "classification", "cross_boundary", "landing_page", "last_updated"),
                r.problems().stream().map(RowProblem::column).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.line() == 2 && p.source().equals("many.csv")));
        assertTrue(r.details().startsWith("contact_email: 'nobody' is not an e-mail address; classification: 'ULTRA'"),
                r.details());
        assertEquals(0, session.inventory().total());
    }

    // ---- decoding ----------------------------------------------------------------------------------------------

    /** The canonical header and {@code n} valid rows, as bytes; rows are numbered from 1 and start on line 2. */
    private static ByteArrayOutputStream rows(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= n; i++) {
            bytes.writeBytes((Row.valid(String.format("TD-ROW-%04d", i)).line() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }

    private void assertRefusedNamingLine(ByteArrayOutputStream bytes, long line) throws Exception {
        Path file = Files.write(dir.resolve("broken.csv"), bytes.toByteArray());
        InventoryFiles.State before = state(session);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importFile(session, file));
        assertTrue(e.getMessage().startsWith("broken.csv") && e.getMessage().contains("line " + line + ":")
                && e.getMessage().contains("encoding"), e.getMessage());
        assertEquals(before, state(session), "nothing was imported, not even the rows before the bad byte");
    }

    @Test
    void anInvalidUtf8ByteRejectsTheFileNamingItsLine() throws Exception {
        ByteArrayOutputStream small = rows(2);
        small.writeBytes("TD-BAD-0003,Bus Stops \u00e9".getBytes(StandardCharsets.UTF_8));
        small.write(0xFF);
        small.writeBytes(",巴士站,,,hk-td\n".getBytes(StandardCharsets.UTF_8));
        assertRefusedNamingLine(small, 4);
    }

    @Test
    void anInvalidUtf8ByteDeepInALargeFileRejectsTheFileNamingItsLine() throws Exception {
        ByteArrayOutputStream large = rows(400);
        large.writeBytes("TD-BAD-0401,Bus Stops,".getBytes(StandardCharsets.UTF_8));
        large.writeBytes(new byte[] {(byte) 0xE5, (byte) 0xB7}); // the first two bytes of 巴, cut short
        large.writeBytes(",,,hk-td\n".getBytes(StandardCharsets.UTF_8));
        large.writeBytes((Row.valid("TD-ROW-0402").line() + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(large.size() > 100_000, "past every read buffer");
        assertRefusedNamingLine(large, 402);
    }

    @Test
    void aBig5HkscsFileWithCharactersOutsidePlainBig5ImportsExactly() throws Exception {
        String hongKong = "𨋢";
        String title = "升降機（𨋢）維修紀錄㗎";
        String description = "邊部𨋢壞咗，嘅維修紀錄";
        for (String c : List.of(hongKong, "㗎", "嘅", "咗")) {
            assertFalse(Charset.forName("Big5").newEncoder().canEncode(c), c + " is outside plain Big5");
            assertTrue(BIG5_HKSCS.newEncoder().canEncode(c), c + " is in Big5-HKSCS");
        }
        Row row = Row.valid("EMSD-LIFT-0001").with(DatasetColumn.TITLE_TC, title)
                .with(DatasetColumn.DESCRIPTION_TC, description).with(DatasetColumn.DEPARTMENT, "機電工程署")
                .with(DatasetColumn.KEYWORDS, "𨋢;升降機");
        Path file = write(dir.resolve("lifts-big5.csv"), csv(row), BIG5_HKSCS);

        assertThrows(InputRejectedException.class, () -> importFile(session, file),
                "the same bytes read as UTF-8 are refused");
        assertEquals(0, session.inventory().total());

        DatasetImportReport report = importFile(session, file, BIG5_HKSCS, false);
        assertEquals(List.of(RowOutcome.CREATED), outcomes(report));
        Dataset d = stored("EMSD-LIFT-0001");
        assertEquals(title, d.titleTc());
        assertEquals(description, d.descriptionTc());
        assertEquals(List.of("𨋢", "升降機"), d.keywords());
        assertEquals("hk-emsd", d.department(), "the Chinese department name resolves to its code");
    }

    // ---- outcomes ----------------------------------------------------------------------------------------------

    @Test
    void importingTheSameFileTwiceLeavesEveryRowUnchangedAndWritesNoAuditEvent() {
        String text = csv(Row.valid("TD-BUS-0001"), Row.valid("TD-BUS-0002").with(DatasetColumn.RETENTION, "p18m")
                .with(DatasetColumn.CLASSIFICATION, "top_secret").with(DatasetColumn.CROSS_BOUNDARY, "Y"));
        load("twice.csv", text);
        InventoryFiles.State before = state(session);

        DatasetImportReport again = load("twice.csv", text);

        assertEquals(List.of(RowOutcome.UNCHANGED, RowOutcome.UNCHANGED), outcomes(again));
        assertEquals(before, state(session));
    }

    @Test
    void changingOneFieldUpdatesThatRowWithAnAuditEventHoldingOnlyTheChange() {
        Row bus = Row.valid("TD-BUS-0001");
        load("v1.csv", csv(bus, Row.valid("TD-BUS-0002")));
        long events = session.audit().eventCount();

        DatasetImportReport report = load("v2.csv",
                csv(bus.with(DatasetColumn.CUSTODIAN, "Lee Siu-ming"), Row.valid("TD-BUS-0002")));

        assertEquals(List.of(RowOutcome.UPDATED, RowOutcome.UNCHANGED), outcomes(report));
        assertEquals(events + 1, session.audit().eventCount());
        Dataset d = stored("TD-BUS-0001");
        assertEquals("Lee Siu-ming", d.custodian());
        List<AuditEvent> history = session.inventory().history(d.id());
        assertEquals(List.of("create", "classify", "update"), history.stream().map(AuditEvent::action).toList());
        AuditEvent update = history.get(2);
        assertEquals("{\"custodian\":\"Chan Tai-man\"}", update.before());
        assertEquals("{\"custodian\":\"Lee Siu-ming\"}", update.after());
        assertEquals("imported from v2.csv", update.reason());
        assertEquals("tester", update.actor());
    }

    @Test
    void theDryRunReportsWhatTheImportWillDoOnAReadOnlyWorkbenchAndChangesNothing() {
        load("v1.csv", csv(Row.valid("TD-BUS-0001"), Row.valid("TD-BUS-0002")));
        session.close();
        Path file = write(dir.resolve("v2.csv"), csv(
                Row.valid("TD-BUS-0001"),
                Row.valid("TD-BUS-0002").with(DatasetColumn.TITLE_EN, "Bus Stops, renamed"),
                Row.valid("DSD-NEW-0003").with(DatasetColumn.DEPARTMENT, "Office of the Data Steward"),
                Row.valid("TD-BAD-0004").with(DatasetColumn.LAST_UPDATED, "soon"),
                Row.valid("TD-BUS-0001")));

        DatasetImportReport dry;
        InventoryFiles.State before;
        try (WorkbenchSession readOnly = WorkbenchSession.open(dir.resolve("w.db"), Access.READ_ONLY, "tester",
                false)) {
            before = state(readOnly);
            dry = importFile(readOnly, file, StandardCharsets.UTF_8, true);
            assertEquals(before, state(readOnly));
            assertTrue(dry.dryRun());
        }
        session = InventoryFiles.open(dir.resolve("w.db"));
        assertEquals(before, state(session), "the dry run wrote nothing");
        assertEquals(0, session.referenceLists().count(ReferenceList.ORGANISATION, "Data Steward"));

        DatasetImportReport real = importFile(session, file);

        assertEquals(List.of(RowOutcome.UNCHANGED, RowOutcome.UPDATED, RowOutcome.CREATED, RowOutcome.REJECTED,
                RowOutcome.REJECTED), outcomes(real));
        assertEquals(real.rows(), dry.rows(), "the same outcomes, lines and problems");
        assertEquals(real.warnings(), dry.warnings());
        assertEquals(real.addedReferences(), dry.addedReferences());
    }

    // ---- reference lists ---------------------------------------------------------------------------------------

    @Test
    void departmentCategoryAndFormatNamedByCodeEnglishOrChineseNameResolveToTheSameCode() {
        DatasetImportReport report = load("names.csv", csv(
                Row.valid("TD-BUS-0001").with(DatasetColumn.DEPARTMENT, "hk-td")
                        .with(DatasetColumn.CATEGORY, "transport").with(DatasetColumn.FORMATS, "CSV"),
                Row.valid("TD-BUS-0002").with(DatasetColumn.DEPARTMENT, "transport department")
                        .with(DatasetColumn.CATEGORY, "Transportation").with(DatasetColumn.FORMATS, "csv"),
                Row.valid("TD-BUS-0003").with(DatasetColumn.DEPARTMENT, "運輸署")
                        .with(DatasetColumn.CATEGORY, "運輸").with(DatasetColumn.FORMATS, " Csv ;CSV")));
        assertEquals(List.of(), report.warnings(), "every name is known");
        assertEquals(List.of(), report.addedReferences());
        for (String code : List.of("TD-BUS-0001", "TD-BUS-0002", "TD-BUS-0003")) {
            Dataset d = stored(code);
            assertEquals("hk-td", d.department(), code);
            assertEquals("transport", d.category(), code);
            assertEquals(List.of("CSV"), d.formats(), code);
        }
    }

    @Test
    void anUnknownDepartmentIsAddedToTheOrganisationListWithAWarningAndTheRowIsAccepted() {
        long events = session.audit().eventCount();
        DatasetImportReport report = load("new-dept.csv", csv(
                Row.valid("ODS-0001").with(DatasetColumn.DEPARTMENT, "Office of the Data Steward"),
                Row.valid("ODS-0002").with(DatasetColumn.DEPARTMENT, "office of the data steward")));

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.CREATED), outcomes(report));
        assertEquals(1, report.warnings().size(), "one warning, on the row that adds it: " + report.warnings());
        RowProblem warning = report.warnings().get(0);
        assertEquals("new-dept.csv, line 2, column department: 'Office of the Data Steward' is not in the"
                + " organisation list yet; it will be added as 'office-of-the-data-steward'", warning.describe());
        List<ReferenceEntry> added = session.referenceLists().page(ReferenceList.ORGANISATION,
                "office-of-the-data-steward", org.custodian.logic.reference.ReferenceLists.Sort.CODE, false, 10, 0);
        assertEquals(1, added.size());
        assertEquals("Office of the Data Steward", added.get(0).nameEn());
        assertEquals("office-of-the-data-steward", stored("ODS-0002").department(),
                "the second row finds the entry the first one added");
        assertEquals(events + 5, session.audit().eventCount(),
                "the new organisation, two datasets and their two level decisions");
    }

    @Test
    void anImportIntoAnEmptyWorkbenchAddsEveryReferenceItNeeds() {
        session.close();
        session = InventoryFiles.open(dir.resolve("empty.db"));
        DatasetImportReport report = load("first.csv", csv(Row.valid("TD-BUS-0001"),
                Row.valid("HKO-RAIN-0001").with(DatasetColumn.DEPARTMENT, "香港天文台")
                        .with(DatasetColumn.CATEGORY, "Climate and Weather")));

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.CREATED), outcomes(report));
        assertEquals(List.of("hk-td", "transport", "CSV", "JSON", "x-" + Integer.toHexString("香港天文台".hashCode()),
                        "climate-and-weather"),
                report.addedReferences().stream().map(n -> n.code()).toList());
        assertEquals(report.addedReferences().size(), report.warnings().size());
        assertEquals("香港天文台", session.referenceLists().page(ReferenceList.ORGANISATION, "香港天文台",
                org.custodian.logic.reference.ReferenceLists.Sort.CODE, false, 1, 0).get(0).nameTc());
    }
}
