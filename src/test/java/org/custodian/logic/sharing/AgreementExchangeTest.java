package org.custodian.logic.sharing;

import static org.custodian.logic.sharing.SharingFiles.activeFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.sharing.StatusChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register as CSV and JSON: the round trip, updates by reference, per-row rejections and refused files. */
class AgreementExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WorkbenchSession session;
    AgreementExchange exchange;
    LocalDate today;

    @BeforeEach
    void open() {
        session = SharingFiles.withAgreements(dir.resolve("w.db"));
        exchange = session.agreementExchange();
        today = session.sharing().today();
    }

    @AfterEach
    void close() {
        session.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Everything an import could change: the agreements, their timelines, the organisations and the audit chain. */
    record State(List<Map<AgreementColumn, String>> content, int timelineEntries, int organisations, long events,
                 String head) {
    }

    private State state() {
        List<SharingAgreement> all = all();
        return new State(all.stream().map(SharingAgreement::columns).toList(),
                all.stream().mapToInt(a -> session.sharing().timeline(a.id()).size()).sum(),
                session.sharing().organisations().size(), session.audit().eventCount(),
                session.audit().head().asText());
    }

    private List<SharingAgreement> all() {
        return session.sharing().page(AgreementQuery.all(today));
    }

    private SharingAgreement byReference(String reference) {
        return session.sharing().findByReference(reference).orElseThrow(() -> new AssertionError("no " + reference));
    }

    private Path export(AgreementExchange.Format format, String name) {
        Path target = dir.resolve(name);
        try {
            long n = exchange.export(AgreementQuery.all(today), format, target, WorkProgress.NONE);
            assertEquals(session.sharing().total(), n);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DatasetImportReport importFile(Path file, boolean dryRun) {
        try {
            return exchange.importFile(file, StandardCharsets.UTF_8, dryRun, WorkProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV file by header (blank cells as null), read with the importer's own reader. */
    private static List<Map<String, String>> readCsv(Path file) {
        try (InputStream in = Files.newInputStream(file);
             CsvSource csv = CsvSource.open(file.getFileName().toString(), in, StandardCharsets.UTF_8,
                     new HashSet<>(AgreementColumn.headers()), Set.of())) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvSource.Row r : csv.rows()) {
                Map<String, String> cells = new LinkedHashMap<>();
                AgreementColumn.headers().forEach(h -> cells.put(h, r.get(h)));
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows (by header) under the full header, as the export writes them. */
    private static Path writeCsv(Path file, List<Map<String, String>> rows) {
        try (OutputStream out = Files.newOutputStream(file);
             SafeCsvWriter csv = new SafeCsvWriter(out, AgreementColumn.headers())) {
            for (Map<String, String> r : rows) {
                csv.row(AgreementColumn.headers().stream().map(r::get).toList());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites an exported CSV, letting {@code edit} change the row of {@code reference}. */
    private static Path editRow(Path file, String reference, Consumer<Map<String, String>> edit) {
        List<Map<String, String>> rows = readCsv(file);
        Map<String, String> row = rows.stream().filter(r -> reference.equals(r.get("reference"))).findFirst()
                .orElseThrow(() -> new AssertionError(reference + " is not in " + file));
        edit.accept(row);
        return writeCsv(file, rows);
    }

    private static Map<String, String> byHeader(Map<AgreementColumn, String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach((c, v) -> m.put(c.header(), v));
        return m;
    }

    private static RowResult row(DatasetImportReport report, String reference) {
        return report.rows().stream().filter(r -> reference.equals(r.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + reference + " in " + report.rows()));
    }

    private static RowResult atLine(DatasetImportReport report, long line) {
        return report.rows().stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row at line " + line + " in " + report.rows()));
    }

    private static void assertAll(DatasetImportReport report, RowOutcome outcome, long count) {
        assertEquals(count, report.rows().size(), report.summary());
        for (RowResult r : report.rows()) {
            assertEquals(outcome, r.outcome(), () -> r.code() + " line " + r.line() + ": " + r.details());
        }
    }

    // ---- the round trip ----------------------------------------------------------------------------------------

    @Test
    void aCsvExportReimportsUnchanged() {
        State before = state();
        Path csv = export(AgreementExchange.Format.CSV, "register.csv");
        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(before.content().size(), rows.size());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, rows.size());

        DatasetImportReport report = importFile(csv, false);
        assertAll(report, RowOutcome.UNCHANGED, SharingFiles.SAMPLE_AGREEMENTS);
        assertEquals(List.of(), report.addedReferences());
        assertEquals(before, state());
    }

    @Test
    void aJsonExportReimportsUnchanged() throws IOException {
        State before = state();
        Path json = export(AgreementExchange.Format.JSON, "register.json");
        JsonNode array = JSON.readTree(json.toFile());
        assertTrue(array.isArray());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, array.size());
        List<String> keys = new ArrayList<>();
        array.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(AgreementColumn.headers(), keys, "every column, in order, empty ones as null");

        DatasetImportReport report = importFile(json, false);
        assertAll(report, RowOutcome.UNCHANGED, SharingFiles.SAMPLE_AGREEMENTS);
        assertEquals(before, state());
    }

    @Test
    void anEditedTitleUpdatesThatAgreementOnly() {
        Path csv = editRow(export(AgreementExchange.Format.CSV, "edited.csv"), "DSA-2023-004",
                r -> r.put("title", "Vehicle licensing data for enforcement (renewed)"));
        SharingAgreement before = byReference("DSA-2023-004");
        long events = session.audit().eventCount();

        DatasetImportReport report = importFile(csv, false);
        RowResult edited = row(report, "DSA-2023-004");
        assertEquals(RowOutcome.UPDATED, edited.outcome());
        assertEquals(1, report.count(RowOutcome.UPDATED));
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS - 1, report.count(RowOutcome.UNCHANGED));
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, session.sharing().total(), "nothing duplicated");

        SharingAgreement after = byReference("DSA-2023-004");
        assertEquals(before.id(), after.id());
        assertEquals("Vehicle licensing data for enforcement (renewed)", after.title());
        assertEquals(before.status(), after.status());
        assertEquals(before.datasets(), after.datasets());
        assertEquals(events + 1, session.audit().eventCount());
        List<AuditEvent> history = session.sharing().history(after.id());
        AuditEvent last = history.get(history.size() - 1);
        assertEquals("update", last.action());
        assertEquals("Imported from edited.csv (line " + edited.line() + ")", last.reason());
        assertTrue(last.after().contains("(renewed)"), last.after());
        assertFalse(last.after().contains("purpose"), "only the changed column is in the event: " + last.after());
    }

    @Test
    void aFileOfFewColumnsUpdatesOnlyThoseAndKeepsTheRest() throws IOException {
        SharingAgreement before = byReference("DSA-2019-010");
        assertTrue(before.securityMeasures() != null && before.onwardSharing() != null,
                "the sample agreement has the fields this test expects kept");
        Path csv = dir.resolve("titles.csv");
        Files.writeString(csv, "reference,title,onward_sharing\nDSA-2019-010,Weather data for the public sector portal,\n");

        DatasetImportReport report = importFile(csv, false);
        assertEquals(RowOutcome.UPDATED, row(report, "DSA-2019-010").outcome());
        SharingAgreement after = byReference("DSA-2019-010");
        assertEquals("Weather data for the public sector portal", after.title());
        assertEquals(null, after.onwardSharing(), "a column the file has but leaves blank clears the field");
        Map<AgreementColumn, String> was = before.columns();
        Map<AgreementColumn, String> now = after.columns();
        for (AgreementColumn c : AgreementColumn.values()) {
            if (c != AgreementColumn.TITLE && c != AgreementColumn.ONWARD_SHARING) {
                assertEquals(was.get(c), now.get(c), c + " is not in the file, so it keeps what was stored");
            }
        }
    }

    @Test
    void aDryRunReportsButChangesNothing() {
        Path csv = editRow(export(AgreementExchange.Format.CSV, "dry.csv"), "DSA-2023-004",
                r -> r.put("title", "A new title"));
        List<Map<String, String>> rows = readCsv(csv);
        rows.add(byHeader(activeFields("T-2026-100")));
        writeCsv(csv, rows);
        State before = state();

        DatasetImportReport dry = importFile(csv, true);
        assertTrue(dry.dryRun());
        assertEquals(1, dry.count(RowOutcome.CREATED), dry.summary());
        assertEquals(1, dry.count(RowOutcome.UPDATED), dry.summary());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS - 1, dry.count(RowOutcome.UNCHANGED), dry.summary());
        assertEquals(RowOutcome.CREATED, row(dry, "T-2026-100").outcome());
        assertEquals(before, state());
        assertTrue(session.sharing().findByReference("T-2026-100").isEmpty());

        // the real import does what the dry run said
        DatasetImportReport real = importFile(csv, false);
        assertEquals(dry.rows().stream().map(RowResult::outcome).toList(),
                real.rows().stream().map(RowResult::outcome).toList());
        assertEquals("A new title", byReference("DSA-2023-004").title());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS + 1, session.sharing().total());
    }

    // ---- rejected rows -------------------------------------------------------------------------------------------

    @Test
    void aRejectedRowIsReportedByLineAndColumnAndTheOthersAreTaken() {
        Map<String, String> badType = byHeader(activeFields("T-2026-202"));
        badType.put("type", "handshake");
        Map<String, String> unknownDataset = byHeader(activeFields("T-2026-203"));
        unknownDataset.put("datasets", "TD-JTI-0001;NOPE-0001");
        Map<String, String> aboveCeiling = byHeader(activeFields("T-2026-204"));
        aboveCeiling.put("datasets", "IMMD-ROP-0001 (name)"); // CONFIDENTIAL, with personal data
        aboveCeiling.put("personal_data_categories", "name");
        Path csv = writeCsv(dir.resolve("mixed.csv"), List.of(byHeader(activeFields("T-2026-201")), badType,
                unknownDataset, aboveCeiling, byHeader(activeFields("T-2026-205"))));
        State before = state();

        DatasetImportReport report = importFile(csv, false);
        assertEquals(2, report.count(RowOutcome.CREATED), report.summary());
        assertEquals(3, report.count(RowOutcome.REJECTED), report.summary());
        assertEquals(RowOutcome.CREATED, atLine(report, 2).outcome());
        assertEquals(RowOutcome.CREATED, atLine(report, 6).outcome());
        assertRejected(atLine(report, 3), "T-2026-202", "type", "handshake");
        assertRejected(atLine(report, 4), "T-2026-203", "datasets", "NOPE-0001");
        assertRejected(atLine(report, 5), "T-2026-204", "datasets", "IMMD-ROP-0001");

        assertEquals(before.content().size() + 2, session.sharing().total());
        assertTrue(session.sharing().findByReference("T-2026-201").isPresent());
        assertTrue(session.sharing().findByReference("T-2026-205").isPresent());
        for (String refused : List.of("T-2026-202", "T-2026-203", "T-2026-204")) {
            assertTrue(session.sharing().findByReference(refused).isEmpty(), refused);
        }
        // the rejected rows as the file spelt them, to be fixed and imported again
        assertEquals(List.of("T-2026-202", "T-2026-203", "T-2026-204"),
                report.rejectedRows().stream().map(r -> r.get("reference")).toList());
        assertEquals("handshake", report.rejectedRows().get(0).get("type"));
    }

    private static void assertRejected(RowResult r, String reference, String column, String named) {
        assertEquals(RowOutcome.REJECTED, r.outcome(), r.toString());
        assertEquals(reference, r.code());
        assertEquals(1, r.problems().size(), r.details());
        RowProblem p = r.problems().get(0);
        assertEquals(r.line(), p.line());
        assertEquals("mixed.csv", p.source());
        assertEquals(column, p.column());
        assertTrue(p.message().contains(named), p.message());
        assertTrue(p.describe().startsWith("mixed.csv, line " + r.line() + ", column " + column + ": "),
                p.describe());
    }

    @Test
    void aReferenceRepeatedInTheFileRejectsTheLaterRow() {
        Map<String, String> first = byHeader(activeFields("T-2026-301"));
        Map<String, String> again = byHeader(activeFields("t-2026-301"));
        again.put("title", "A second title");
        Path csv = writeCsv(dir.resolve("twice.csv"), List.of(first, again));

        DatasetImportReport report = importFile(csv, false);
        assertEquals(RowOutcome.CREATED, atLine(report, 2).outcome());
        RowResult later = atLine(report, 3);
        assertEquals(RowOutcome.REJECTED, later.outcome());
        assertEquals("reference", later.problems().get(0).column());
        assertTrue(later.details().contains("earlier row"), later.details());
        assertEquals("Journey times for enforcement planning", byReference("T-2026-301").title());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS + 1, session.sharing().total());
    }

    @Test
    void aStatusChangeTheLifecycleForbidsIsRejected() {
        SharingAgreement terminated = byReference("DSA-2022-019");
        int timeline = session.sharing().timeline(terminated.id()).size();
        Path csv = editRow(export(AgreementExchange.Format.CSV, "revive.csv"), "DSA-2022-019", r -> {
            r.put("status", "active");
            r.put("status_since", null);
        });

        DatasetImportReport report = importFile(csv, false);
        RowResult r = row(report, "DSA-2022-019");
        assertEquals(RowOutcome.REJECTED, r.outcome());
        assertEquals("status", r.problems().get(0).column());
        assertTrue(r.details().contains("terminated") && r.details().contains("active"), r.details());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS - 1, report.count(RowOutcome.UNCHANGED));
        assertEquals(AgreementStatus.TERMINATED, byReference("DSA-2022-019").status());
        assertEquals(timeline, session.sharing().timeline(terminated.id()).size());
    }

    @Test
    void anAllowedStatusChangeIsRecordedOnTheTimeline() {
        SharingAgreement lapsed = byReference("DSA-2022-017");
        assertEquals(AgreementStatus.ACTIVE, lapsed.status());
        int timeline = session.sharing().timeline(lapsed.id()).size();
        Path csv = editRow(export(AgreementExchange.Format.CSV, "expire.csv"), "DSA-2022-017", r -> {
            r.put("status", "expired");
            r.put("status_since", null);
        });

        DatasetImportReport report = importFile(csv, false);
        RowResult r = row(report, "DSA-2022-017");
        assertEquals(RowOutcome.UPDATED, r.outcome(), r.details());
        SharingAgreement after = byReference("DSA-2022-017");
        assertEquals(AgreementStatus.EXPIRED, after.status());
        assertEquals(today, after.statusSince(), "a blank status_since on a change means today");

        List<StatusChange> changes = session.sharing().timeline(lapsed.id());
        assertEquals(timeline + 1, changes.size());
        StatusChange last = changes.get(changes.size() - 1);
        assertEquals(AgreementStatus.ACTIVE, last.from());
        assertEquals(AgreementStatus.EXPIRED, last.to());
        assertEquals(today, last.effectiveOn());
        assertEquals("Imported from expire.csv (line " + r.line() + ")", last.reason());
        assertEquals(session.actor(), last.recordedBy());
    }

    @Test
    void anImportedStatusChangeIsDatedFromTheFileWhenItSaysSo() {
        SharingAgreement lapsed = byReference("DSA-2022-017");
        Path csv = editRow(export(AgreementExchange.Format.CSV, "expire.csv"), "DSA-2022-017", r -> {
            r.put("status", "expired");
            r.put("status_since", "2026-11-01");
        });
        assertEquals(RowOutcome.UPDATED, row(importFile(csv, false), "DSA-2022-017").outcome());
        List<StatusChange> changes = session.sharing().timeline(lapsed.id());
        assertEquals(LocalDate.of(2026, 11, 1), changes.get(changes.size() - 1).effectiveOn());
        assertEquals(LocalDate.of(2026, 11, 1), byReference("DSA-2022-017").statusSince());
    }

    @Test
    void anImportedStatusChangeCannotBeDatedBeforeTheCurrentStatus() {
        // The register refuses a change effective before the current status took effect; the import must too.
        SharingAgreement lapsed = byReference("DSA-2022-017");
        int timeline = session.sharing().timeline(lapsed.id()).size();
        Path csv = editRow(export(AgreementExchange.Format.CSV, "backdated.csv"), "DSA-2022-017", r -> {
            r.put("status", "suspended");
            r.put("status_since", "2021-01-01"); // it became active on 2022-11-01
        });
        RowResult r = row(importFile(csv, false), "DSA-2022-017");
        assertEquals(RowOutcome.REJECTED, r.outcome(), r.toString());
        assertEquals("status_since", r.problems().get(0).column());
        assertEquals(AgreementStatus.ACTIVE, byReference("DSA-2022-017").status());
        assertEquals(timeline, session.sharing().timeline(lapsed.id()).size());
    }

    @Test
    void aStatusChangedOnlyInTheStatusCellOfAnExportIsDatedToday() {
        // An officer exports, changes "active" to "suspended" and imports: status_since still holds the date the
        // agreement became active. The change happened now, not on that date.
        SharingAgreement a = byReference("DSA-2023-004");
        Path csv = editRow(export(AgreementExchange.Format.CSV, "suspend.csv"), "DSA-2023-004",
                r -> r.put("status", "suspended"));
        RowResult r = row(importFile(csv, false), "DSA-2023-004");
        assertEquals(RowOutcome.UPDATED, r.outcome(), r.details());
        List<StatusChange> changes = session.sharing().timeline(a.id());
        StatusChange last = changes.get(changes.size() - 1);
        assertEquals(AgreementStatus.SUSPENDED, last.to());
        assertEquals(today, last.effectiveOn());
        assertEquals(today, byReference("DSA-2023-004").statusSince());
    }

    @Test
    void aStatusDateEditedWithoutAStatusChangeIsKeptAsStoredWithAWarning() {
        // The date of a status comes from the timeline; the editor's save keeps it too.
        SharingAgreement a = byReference("DSA-2023-004");
        State before = state();
        Path csv = editRow(export(AgreementExchange.Format.CSV, "redate.csv"), "DSA-2023-004",
                r -> r.put("status_since", "2024-01-01"));
        DatasetImportReport report = importFile(csv, false);
        RowResult r = row(report, "DSA-2023-004");
        assertEquals(RowOutcome.UNCHANGED, r.outcome());
        assertEquals(List.of("status_since"), r.warnings().stream().map(RowProblem::column).toList());
        assertEquals(a.statusSince(), byReference("DSA-2023-004").statusSince());
        assertEquals(before, state());
    }

    @Test
    void anUnknownOrganisationIsAddedToTheListWithAWarning() {
        Map<String, String> row = byHeader(activeFields("T-2026-401"));
        row.put("parties", "provider:hk-td;processor:Acme Data Services Ltd|Ann Lee|2026-01-04");
        Path csv = writeCsv(dir.resolve("new-party.csv"), List.of(row));
        int organisations = session.sharing().organisations().size();

        DatasetImportReport dry = importFile(csv, true);
        assertEquals(RowOutcome.CREATED, atLine(dry, 2).outcome());
        assertEquals(organisations, session.sharing().organisations().size(), "a dry run adds nothing");

        DatasetImportReport report = importFile(csv, false);
        assertEquals(RowOutcome.CREATED, atLine(report, 2).outcome(), atLine(report, 2).details());
        assertEquals(List.of("acme-data-services-ltd"),
                report.addedReferences().stream().map(n -> n.code()).toList());
        assertTrue(report.warnings().stream().anyMatch(w -> "parties".equals(w.column()) && w.line() == 2
                && w.message().contains("Acme Data Services Ltd")), report.warnings().toString());
        List<ReferenceEntry> after = session.sharing().organisations();
        assertEquals(organisations + 1, after.size());
        ReferenceEntry added = after.stream().filter(e -> e.code().equals("acme-data-services-ltd")).findFirst()
                .orElseThrow();
        assertEquals("Acme Data Services Ltd", added.nameEn());
        SharingAgreement stored = byReference("T-2026-401");
        assertEquals("acme-data-services-ltd", stored.parties().get(1).organisation());
        assertEquals("Ann Lee", stored.parties().get(1).signatory());
    }

    @Test
    void aFormulaTitleIsNeutralisedInTheFileAndSurvivesTheRoundTrip() throws IOException {
        Map<org.custodian.model.sharing.AgreementColumn, String> fields = activeFields("T-2026-501");
        fields.put(AgreementColumn.TITLE, "=HYPERLINK(\"http://evil.example\",\"x\")");
        assertTrue(session.sharing().save(null, fields, null).isDone());
        Path csv = export(AgreementExchange.Format.CSV, "formula.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), text);
        assertFalse(text.contains(",\"=HYPERLINK"), "no cell starts with '='");

        State before = state();
        DatasetImportReport report = importFile(csv, false);
        assertAll(report, RowOutcome.UNCHANGED, SharingFiles.SAMPLE_AGREEMENTS + 1);
        assertEquals(before, state());
        assertEquals("=HYPERLINK(\"http://evil.example\",\"x\")", byReference("T-2026-501").title());
    }

    // ---- refused files ---------------------------------------------------------------------------------------------

    @Test
    void aFileWithoutTheReferenceColumnIsRefusedWhole() {
        String header = String.join(",", AgreementColumn.headers().stream().filter(h -> !h.equals("reference"))
                .toList());
        Path csv = dir.resolve("noref.csv");
        writeText(csv, header + "\nA title,other,draft\n");
        State before = state();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importFile(csv, false));
        assertTrue(e.getMessage().contains("reference"), e.getMessage());
        assertEquals(before, state());
    }

    @Test
    void jsonThatIsNotAnArrayIsRefused() {
        Path json = dir.resolve("one.json");
        writeText(json, "{\"reference\": \"T-2026-601\", \"title\": \"x\", \"type\": \"other\", \"purpose\": \"p\"}");
        State before = state();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importFile(json, false));
        assertTrue(e.getMessage().contains("array"), e.getMessage());
        Path broken = dir.resolve("broken.json");
        writeText(broken, "[{\"reference\": ");
        assertThrows(InputRejectedException.class, () -> importFile(broken, false));
        assertEquals(before, state());
    }

    @Test
    void aJsonEntryThatIsNotAnObjectIsRejectedAndTheOthersTaken() throws IOException {
        ArrayNode array = JSON.createArrayNode();
        ObjectNode good = array.addObject();
        byHeader(activeFields("T-2026-701")).forEach(good::put);
        good.putArray("destinations"); // an array is joined with ';'
        good.put("cross_boundary", false);
        array.add("not an object");
        Path json = dir.resolve("mixed.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), array);

        DatasetImportReport report = importFile(json, false);
        assertEquals(1, report.count(RowOutcome.CREATED), report.summary());
        assertEquals(1, report.count(RowOutcome.REJECTED), report.summary());
        assertNotNull(byReference("T-2026-701"));
        assertFalse(byReference("T-2026-701").crossBoundary());
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDatasetEntryOfTheFileIsStoredWithItsItems() throws IOException {
        Map<String, String> row = byHeader(activeFields("T-2026-801"));
        row.put("datasets", "td-jti-0001 (segment, journey time);TD-SPEED-0001");
        DatasetImportReport report = exchange.importCsv("items.csv", new ByteArrayInputStream(
                Files.readAllBytes(writeCsv(dir.resolve("items.csv"), List.of(row)))), StandardCharsets.UTF_8, false,
                WorkProgress.NONE);
        assertEquals(RowOutcome.CREATED, atLine(report, 2).outcome(), atLine(report, 2).details());
        SharingAgreement stored = byReference("T-2026-801");
        assertEquals("TD-JTI-0001 (segment, journey time);TD-SPEED-0001",
                stored.columns().get(AgreementColumn.DATASETS));
        assertNull(stored.legalBasisNote());
    }
}
