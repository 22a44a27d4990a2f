package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agreements import, export and list, run in-process on a copy of the sample workbench with its agreements. */
class AgreementsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void sample() {
        db = SharingFiles.agreementsFile(dir.resolve("sample.db"));
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private <T> T read(java.util.function.Function<WorkbenchSession, T> query) {
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            return query.apply(s);
        }
    }

    /** The agreements, the organisations and the audit head: what "nothing changed" means. */
    private List<Object> state() {
        return read(s -> List.of(s.sharing().page(AgreementQuery.all(s.sharing().today())).stream()
                .map(SharingAgreement::columns).toList(), s.sharing().organisations().size(),
                s.audit().head().asText()));
    }

    private LocalDate today() {
        return read(s -> s.sharing().today());
    }

    private long total() {
        return read(s -> s.sharing().total());
    }

    private boolean exists(String reference) {
        return read(s -> s.sharing().findByReference(reference).isPresent());
    }

    private static Map<String, String> row(String reference) {
        Map<String, String> m = new LinkedHashMap<>();
        SharingFiles.activeFields(reference).forEach((c, v) -> m.put(c.header(), v));
        return m;
    }

    private Path csv(String name, List<Map<String, String>> rows) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             SafeCsvWriter csv = new SafeCsvWriter(out, AgreementColumn.headers())) {
            for (Map<String, String> r : rows) {
                csv.row(AgreementColumn.headers().stream().map(r::get).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** One good row (line 2) and one with an unknown type (line 3). */
    private Path goodAndBad() {
        Map<String, String> bad = row("T-CLI-002");
        bad.put("type", "handshake");
        return csv("mixed.csv", List.of(row("T-CLI-001"), bad));
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private JsonNode listJson(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("agreements", "list", "--format", "json"));
        args.addAll(List.of(extra));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray(), r.out());
        for (JsonNode o : array) {
            assertEquals(AgreementColumn.headers(), keys(o), "the keys of every object are the CSV columns");
        }
        return array;
    }

    private static List<Map<String, String>> readCsv(Path file) {
        try (InputStream in = Files.newInputStream(file);
             CsvSource csv = CsvSource.open(file.getFileName().toString(), in, StandardCharsets.UTF_8,
                     new HashSet<>(AgreementColumn.headers()), Set.of("reference"))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvSource.Row r : csv.rows()) {
                rows.add(r.values());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- import ----------------------------------------------------------------------------------------------

    @Test
    void importCreatesAndPrintsTheSummary() {
        Path file = csv("new.csv", List.of(row("T-CLI-001")));
        Run r = run("agreements", "import", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("new.csv: 1 created, 0 updated, 0 unchanged, 0 rejected", r.out().strip());
        assertTrue(exists("T-CLI-001"));
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS + 1, total());

        Run again = run("agreements", "import", file.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals("new.csv: 0 created, 0 updated, 1 unchanged, 0 rejected", again.out().strip());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS + 1, total());
    }

    @Test
    void aRejectedRowExitsOneNamingItsLine() {
        Run r = run("agreements", "import", goodAndBad().toString());
        assertEquals(ExitCode.REJECTED, r.exit(), r.err());
        assertTrue(r.err().contains("rejected: mixed.csv, line 3, column type: 'handshake'"), r.err());
        assertFalse(r.err().contains("line 2"), r.err());
        assertEquals("mixed.csv: 1 created, 0 updated, 0 unchanged, 1 rejected", r.out().strip());
        assertTrue(exists("T-CLI-001"), "the good row is taken");
        assertFalse(exists("T-CLI-002"));
    }

    @Test
    void aDryRunChangesNothing() {
        List<Object> before = state();
        Run r = run("agreements", "import", "--dry-run", goodAndBad().toString());
        assertEquals(ExitCode.REJECTED, r.exit(), r.err());
        assertEquals("mixed.csv (dry run, nothing saved): 1 created, 0 updated, 0 unchanged, 1 rejected",
                r.out().strip());
        assertEquals(before, state());
        assertFalse(exists("T-CLI-001"));
    }

    @Test
    void errorsWritesTheRejectedRowsToBeFixedAndImportedAgain() throws IOException {
        Path errors = dir.resolve("rejected.csv");
        Run r = run("agreements", "import", goodAndBad().toString(), "--errors", errors.toString());
        assertEquals(ExitCode.REJECTED, r.exit());
        assertTrue(r.err().contains("Rejected rows written to " + errors), r.err());
        try (InputStream in = Files.newInputStream(errors);
             CsvSource csv = CsvSource.open("rejected.csv", in, StandardCharsets.UTF_8, Set.of(), Set.of())) {
            // the agreements' own status column keeps its name: the report's columns step aside
            List<String> header = new ArrayList<>(List.of("import_status", "import_details"));
            header.addAll(AgreementColumn.headers());
            assertEquals(header, csv.headers());
            List<CsvSource.Row> rows = csv.rows();
            assertEquals(1, rows.size());
            CsvSource.Row rejected = rows.get(0);
            assertEquals("rejected", rejected.get("import_status"));
            assertTrue(rejected.get("import_details").startsWith("line 3: type: "), rejected.get("import_details"));
            assertEquals("T-CLI-002", rejected.get("reference"));
            assertEquals("handshake", rejected.get("type"));
            assertEquals("active", rejected.get("status"));
            assertEquals("provider:hk-td|Chan Tai-man|2026-01-05;recipient:hk-hkpf", rejected.get("parties"));
        }

        // fixed in place, the file imports: its two report columns are only warned about
        Files.writeString(errors, Files.readString(errors, StandardCharsets.UTF_8).replace(",handshake,", ",other,"),
                StandardCharsets.UTF_8);
        Run fixed = run("agreements", "import", errors.toString());
        assertEquals(0, fixed.exit(), fixed.err());
        assertEquals("rejected.csv: 1 created, 0 updated, 0 unchanged, 0 rejected", fixed.out().strip());
        assertTrue(fixed.err().contains("column import_status: unknown column, ignored"), fixed.err());
        assertTrue(exists("T-CLI-002"));
    }

    @Test
    void aMissingFileIsAnIoFailure() {
        Run r = run("agreements", "import", dir.resolve("nowhere.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exit(), r.err());
    }

    // ---- export ----------------------------------------------------------------------------------------------

    @Test
    void exportWritesCsvThatReimportsUnchanged() {
        Path out = dir.resolve("out.csv");
        Run r = run("agreements", "export", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Wrote " + SharingFiles.SAMPLE_AGREEMENTS + " agreements to " + out), r.err());
        List<Map<String, String>> rows = readCsv(out);
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, rows.size());
        Set<String> references = new TreeSet<>();
        rows.forEach(m -> references.add(m.get("reference")));
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, references.size());

        List<Object> before = state();
        Run again = run("agreements", "import", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals("out.csv: 0 created, 0 updated, " + SharingFiles.SAMPLE_AGREEMENTS + " unchanged, 0 rejected",
                again.out().strip());
        assertEquals(before, state());
    }

    @Test
    void exportWritesJsonByTheFileName() throws IOException {
        Path out = dir.resolve("out.json");
        Run r = run("agreements", "export", out.toString(), "--status", "active");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(out.toFile());
        assertTrue(array.isArray());
        long active = read(s -> s.sharing().page(AgreementQuery.all(s.sharing().today())).stream()
                .filter(a -> a.status().code().equals("active")).count());
        assertEquals(active, array.size());
        for (JsonNode o : array) {
            assertEquals(AgreementColumn.headers(), keys(o));
            assertEquals("active", o.get("status").asText());
        }
        Run again = run("agreements", "import", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains(" 0 created, 0 updated, " + active + " unchanged, 0 rejected"), again.out());
    }

    // ---- list ------------------------------------------------------------------------------------------------

    @Test
    void listAsJsonFiltersByStatus() throws IOException {
        JsonNode active = listJson("--status", "active");
        assertFalse(active.isEmpty());
        for (JsonNode o : active) {
            assertEquals("active", o.get("status").asText(), o.toString());
        }
        JsonNode every = listJson();
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, every.size());
        long expected = 0;
        for (JsonNode o : every) {
            expected += o.get("status").asText().equals("active") ? 1 : 0;
        }
        assertEquals(expected, active.size());
        JsonNode two = listJson("--status", "draft,terminated");
        for (JsonNode o : two) {
            assertTrue(Set.of("draft", "terminated").contains(o.get("status").asText()), o.toString());
        }
        assertTrue(two.size() >= 2);
    }

    @Test
    void expiringWithinListsOnlyAgreementsInForceExpiringByThen() throws IOException {
        LocalDate horizon = today().plusDays(30);
        JsonNode expiring = listJson("--expiring-within", "30");
        Set<String> listed = new TreeSet<>();
        LocalDate previous = LocalDate.MIN;
        for (JsonNode o : expiring) {
            String status = o.get("status").asText();
            assertTrue(status.equals("active") || status.equals("suspended"), o.toString());
            LocalDate expires = LocalDate.parse(o.get("expires_on").asText());
            assertFalse(expires.isAfter(horizon), o.toString());
            assertFalse(expires.isBefore(previous), "by expiry date");
            previous = expires;
            listed.add(o.get("reference").asText());
        }
        Set<String> expected = new TreeSet<>();
        for (JsonNode o : listJson()) {
            String status = o.get("status").asText();
            JsonNode expires = o.get("expires_on");
            if ((status.equals("active") || status.equals("suspended")) && !expires.isNull()
                    && !LocalDate.parse(expires.asText()).isAfter(horizon)) {
                expected.add(o.get("reference").asText());
            }
        }
        assertEquals(expected, listed);
        assertTrue(listed.contains("DSA-2022-017"), "the expired-but-active agreement: " + listed);
        assertTrue(listed.size() >= 2, "and at least one coming up: " + listed);
    }

    @Test
    void listAsCsvHasTheColumnsAsItsHeader() {
        Run r = run("agreements", "list", "--format", "csv", "--status", "suspended");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.join(",", AgreementColumn.headers()), lines.get(0));
        assertFalse(r.out().startsWith("\uFEFF"), "no byte order mark on stdout");
        long suspended = read(s -> s.sharing().page(AgreementQuery.all(s.sharing().today())).stream()
                .filter(a -> a.status().code().equals("suspended")).count());
        assertEquals(suspended + 1, lines.size(), r.out());
    }

    @Test
    void listAsTextShowsTheTableColumns() {
        Run r = run("agreements", "list", "--status", "active");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().findFirst().orElseThrow().matches(
                "reference +title +type +status +parties +expires_on +review_due"), r.out());
        assertTrue(r.out().contains("DSA-2022-017"), r.out());
        assertFalse(r.out().contains("DSA-2022-019"), "terminated is not active");
    }

    @Test
    void anUnknownStatusIsAUsageError() {
        Run r = run("agreements", "list", "--status", "bogus");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("Unknown status 'bogus'"), r.err());
        assertEquals("", r.out());
        assertEquals(ExitCode.USAGE, run("agreements", "list", "--expiring-within", "-1").exit());
        assertEquals(ExitCode.USAGE, run("agreements", "list", "--format", "xml").exit());
        assertEquals(ExitCode.USAGE, run("agreements", "export", dir.resolve("x.csv").toString(),
                "--type", "bogus").exit());
    }

    @Test
    void attachRecordsTheHashAndAttachmentsFlagsAChangedCopy() throws Exception {
        Path signed = dir.resolve("signed.pdf");
        Files.writeString(signed, "%PDF-1.4 signed by both parties");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(signed)));

        Run attached = run("agreements", "attach", "DSA-2022-017", signed.toString());
        assertEquals(0, attached.exit(), attached.err());
        assertEquals(expected + "  signed.pdf", attached.out().strip());

        Run intact = run("agreements", "attachments", "DSA-2022-017", "--format", "json");
        assertEquals(0, intact.exit(), intact.err());
        JsonNode listed = JSON.readTree(intact.out());
        assertEquals(1, listed.size());
        assertEquals(expected, listed.get(0).get("sha256").asText());
        assertEquals("intact", listed.get(0).get("state").asText());

        // The kept copy is changed behind the workbench's back: the check says so and exits 1.
        Path kept = read(s -> s.sharing().fileOf(s.sharing().attachments(s.sharing().findByReference("DSA-2022-017")
                .orElseThrow().id()).get(0)));
        Files.writeString(kept, "%PDF-1.4 altered");
        Run changed = run("agreements", "attachments");
        assertEquals(1, changed.exit(), changed.out());
        assertTrue(changed.out().contains("changed"), changed.out());
        assertTrue(changed.err().contains("1 changed or missing"), changed.err());

        Run unknown = run("agreements", "attach", "NO-SUCH-REF", signed.toString());
        assertEquals(2, unknown.exit(), unknown.err());
        Run missing = run("agreements", "attach", "DSA-2022-017", dir.resolve("absent.pdf").toString());
        assertEquals(3, missing.exit(), missing.err());
    }
}
