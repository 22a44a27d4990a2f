package org.custodian.logic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.AssessmentFiles;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.assessment.TemplateFile;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.sharing.AgreementExchange;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every import path over broken and hostile files: the named ones (empty, binary, 200 MB, truncated, invalid
 * UTF-8, 100,000 '[', a YAML bomb, a 50,000-character CSV field, 10,000 CSV columns, databases that are not sound
 * workbenches) and a few hundred seeded mutations of the sample files. For each: nothing but the refusal escapes,
 * the refusal names the file, and the workbench is exactly as it was, unless the import took some rows, in which
 * case it took them whole, audited, in one transaction.
 */
class HostileInputTest {

    private static final long SEED = 20261129L;
    private static final int MUTATIONS = 40;
    private static final String ACTOR = "hostile.tester";

    @TempDir
    static Path seeds;

    @TempDir
    Path dir;

    // ---- the importers ---------------------------------------------------------------------------------------

    /** One import path: what it reads (a sample of its files), and the call that imports a file. */
    private record Importer(String name, String extension, byte[] sample, boolean csv, Action action) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Action {
        Object run(WorkbenchSession s, Path file) throws Exception;
    }

    private static final List<Importer> IMPORTERS = new ArrayList<>();

    @BeforeAll
    static void samples() throws IOException {
        Path from = AssessmentFiles.sampleFile(seeds.resolve("from.db"));
        byte[] datasetsJson;
        byte[] agreementsJson;
        byte[] assessmentJson;
        try (WorkbenchSession s = AssessmentFiles.open(from, ACTOR)) {
            Path datasets = seeds.resolve("datasets.json");
            s.datasetExchange().export(DatasetQuery.all().withFilter(DatasetFacet.DEPARTMENT, Set.of("hk-td")),
                    DatasetExchange.Format.JSON, datasets, false, null, WorkProgress.NONE);
            datasetsJson = Files.readAllBytes(datasets);
            Path agreements = seeds.resolve("agreements.json");
            s.agreementExchange().export(AgreementQuery.all(LocalDate.now()), AgreementExchange.Format.JSON,
                    agreements, WorkProgress.NONE);
            agreementsJson = Files.readAllBytes(agreements);
            Assessment a = AssessmentFiles.create(s, "privacy-impact", AssessmentFiles.PERSONAL);
            AssessmentFiles.done(s.assessments().answer(a.key(), "scr-project-summary", "Online renewals."));
            Path minutes = Files.writeString(seeds.resolve("minutes.txt"), "Minutes of the privacy meeting.\n");
            AssessmentFiles.done(s.assessments().addEvidenceFile(a.key(), "scr-project-summary", minutes));
            Path export = seeds.resolve("assessment.json");
            s.assessmentExchange().export(a.key(), export);
            assessmentJson = Files.readAllBytes(export);
        }
        byte[] schemeYaml = resource("/org/custodian/schemes/hk-government.yaml");
        byte[] schemeJson = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new YAMLMapper().readTree(schemeYaml));

        IMPORTERS.add(new Importer("datasets CSV", ".csv", lines(InventoryFiles.SAMPLE_DATASETS, 16), true,
                (s, f) -> s.datasetExchange().importFile(f, StandardCharsets.UTF_8, false, WorkProgress.NONE)));
        IMPORTERS.add(new Importer("datasets JSON", ".json", datasetsJson, false,
                (s, f) -> s.datasetExchange().importFile(f, StandardCharsets.UTF_8, false, WorkProgress.NONE)));
        IMPORTERS.add(new Importer("CKAN response", ".json", Files.readAllBytes(InventoryFiles.SAMPLE_CKAN), false,
                (s, f) -> s.datasetExchange().importCkan(f, false, WorkProgress.NONE)));
        IMPORTERS.add(new Importer("decisions CSV", ".csv", lines(InventoryFiles.SAMPLE_DECISIONS, 16), true,
                (s, f) -> s.decisionExchange().importFile(f, StandardCharsets.UTF_8, false, WorkProgress.NONE)));
        IMPORTERS.add(new Importer("agreements CSV", ".csv", Files.readAllBytes(SharingFiles.SAMPLE_AGREEMENTS_FILE),
                true, (s, f) -> s.agreementExchange().importFile(f, StandardCharsets.UTF_8, false,
                WorkProgress.NONE)));
        IMPORTERS.add(new Importer("agreements JSON", ".json", agreementsJson, false,
                (s, f) -> s.agreementExchange().importFile(f, StandardCharsets.UTF_8, false, WorkProgress.NONE)));
        IMPORTERS.add(new Importer("reference list", ".csv", Files.readAllBytes(Path.of("sample-data",
                "categories.csv")), true, (s, f) -> s.referenceImport().importFile(ReferenceList.CATEGORY, f)));
        IMPORTERS.add(new Importer("scheme YAML", ".yaml", schemeYaml, false, HostileInputTest::loadScheme));
        IMPORTERS.add(new Importer("scheme JSON", ".json", schemeJson, false, HostileInputTest::loadScheme));
        IMPORTERS.add(new Importer("template", ".yaml", resource("/org/custodian/templates/privacy-impact.yaml"),
                false, HostileInputTest::readTemplate));
        IMPORTERS.add(new Importer("assessment", ".json", assessmentJson, false,
                (s, f) -> s.assessmentExchange().importFile(f, false, f.getFileName().toString().contains("-new"))));
    }

    /** A scheme file is read, and loaded when it is sound: the path of {@code scheme load}. */
    private static Object loadScheme(WorkbenchSession s, Path file) throws IOException {
        SchemeFile.Result r = SchemeFile.read(file);
        return r.valid() ? s.classification().loadScheme(r.scheme(), file.getFileName().toString()) : r;
    }

    /**
     * A template is checked on its own ({@code templates validate}) and listed from a department's folder (here the
     * folder it is in, with every other hostile file), where a broken one is shown with its problems.
     */
    private static Object readTemplate(WorkbenchSession s, Path file) throws IOException {
        TemplateFile.Result r = TemplateFile.read(file);
        String name = file.getFileName().toString();
        TemplateCatalog.Entry listed = new TemplateCatalog(file.getParent()).entries().stream()
                .filter(e -> e.origin() == TemplateCatalog.Origin.DEPARTMENT && e.file().equals(name)).findFirst()
                .orElseThrow();
        assertEquals(r.valid(), listed.valid(), "the catalog and validate agree on " + file.getFileName());
        listed.problems().forEach(p -> assertTrue(p.describe().startsWith(file.getFileName().toString()),
                p.describe()));
        return r;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /**
     * The first {@code n} lines of a sample CSV file, the header among them, and as many more as close a quoted
     * value the last one opened: a whole file, small enough to import often.
     */
    private static byte[] lines(Path file, int n) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        long quotes = 0;
        for (int k = 0; k < all.size() && (k < n || quotes % 2 == 1); k++) {
            text.append(all.get(k)).append('\n');
            quotes += all.get(k).chars().filter(c -> c == '"').count();
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Importer importer(String name) {
        return IMPORTERS.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static Stream<Importer> csvImporters() {
        return IMPORTERS.stream().filter(Importer::csv);
    }

    // ---- what a workbench holds ------------------------------------------------------------------------------

    /** Everything an import could change: the audit chain's head and length, and the count of every register. */
    private record State(AuditHead head, long events, Object references, long datasets, long decisions,
                         long agreements, long assessments, String scheme, long attachments) {
    }

    private static State state(WorkbenchSession s) {
        var summary = s.summary();
        return new State(summary.auditHead(), summary.auditEvents(), summary.referenceCounts(), summary.datasets(),
                s.classification().decisionCount(), summary.agreements(), s.assessments().total(),
                s.classification().scheme().id() + " " + s.classification().scheme().codes(),
                fileCount(s.file().resolveSibling("attachments")));
    }

    private static long fileCount(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WorkbenchSession workbench() {
        return AssessmentFiles.open(AssessmentFiles.sampleFile(dir.resolve("workbench.db")), ACTOR);
    }

    // ---- the rule every attempt keeps --------------------------------------------------------------------------

    /** How an attempt ended: refused with this message, or imported (taking {@code accepted} records). */
    private record Result(String refusal, long accepted) {
        boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Runs {@code importer} over {@code bytes} written to a file named {@code name} and checks the rule: only a
     * refusal escapes; it names the file, in one or two lines when {@code short} (an assessment lists up to 20
     * faults), without a stack trace; a refusal, or an import that took nothing, leaves the workbench as it was;
     * an import that took rows committed them whole and audited.
     */
    private Result attempt(WorkbenchSession s, Importer importer, String name, byte[] bytes, String what,
                           boolean brief) throws IOException {
        Path file = dir.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return attempt(s, importer, file, what, brief);
    }

    private Result attempt(WorkbenchSession s, Importer importer, Path file, String what, boolean brief) {
        String name = file.getFileName().toString();
        String context = importer + " on " + what + " (" + name + ")";
        State before = state(s);
        Object result;
        try {
            result = importer.action().run(s, file);
        } catch (InputRejectedException e) {
            checkRefusal(e.getMessage(), name, context, brief);
            assertEquals(before, state(s), context + ": a refused import changed the workbench");
            return new Result(e.getMessage(), 0);
        } catch (Throwable t) {
            throw new AssertionError(context + " let " + t + " escape", t);
        }
        long accepted = accepted(result, name, context);
        State after = state(s);
        if (accepted == 0) {
            assertEquals(before, after, context + ": an import that took nothing changed the workbench");
        } else {
            assertTrue(after.events() >= before.events() + accepted, context + ": " + accepted
                    + " records taken with only " + (after.events() - before.events()) + " audit events");
            assertTrue(s.audit().verify(null, n -> { }).isIntact(), context + ": the audit chain is broken");
        }
        return new Result(null, accepted);
    }

    private static void checkRefusal(String message, String name, String context, boolean brief) {
        assertTrue(message != null && !message.isBlank(), context + ": a refusal without a message");
        assertTrue(message.startsWith(name), context + ": the refusal does not start with the file name: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("\n\tat"),
                context + ": the refusal holds a stack trace: " + message);
        List<String> lines = message.lines().toList();
        assertTrue(lines.size() <= (brief ? 2 : 22), context + ": " + lines.size() + " lines: " + message);
        lines.forEach(l -> assertTrue(l.length() < 1200, context + ": a line of " + l.length() + " characters"));
    }

    /** What an import took, after checking that every problem it reports names the file and a line. */
    private static long accepted(Object result, String name, String context) {
        if (result instanceof DatasetImportReport r) {
            for (RowResult row : r.rows()) {
                row.problems().forEach(p -> checkProblem(p, name, context));
                row.warnings().forEach(p -> checkProblem(p, name, context));
            }
            r.warnings().forEach(p -> checkProblem(p, name, context));
            return r.dryRun() ? 0 : r.count(RowOutcome.CREATED) + r.count(RowOutcome.UPDATED);
        }
        if (result instanceof ImportReport r) {
            r.problems().forEach(p -> checkProblem(p, name, context));
            return r.created() + r.updated();
        }
        if (result instanceof AssessmentExchange.Imported r) {
            return r.kind() == AssessmentExchange.Kind.UNCHANGED ? 0 : 1;
        }
        if (result instanceof Outcome<?> o) {
            return o.isDone() ? 1 : 0;
        }
        if (result instanceof SchemeFile.Result r) {
            r.problems().forEach(p -> assertTrue(p.describe().startsWith(name), context + ": " + p.describe()));
            return 0;
        }
        if (result instanceof TemplateFile.Result r) {
            r.problems().forEach(p -> assertTrue(p.describe().startsWith(name), context + ": " + p.describe()));
            return 0;
        }
        throw new AssertionError(context + " returned " + result);
    }

    private static void checkProblem(RowProblem p, String name, String context) {
        assertEquals(name, p.source(), () -> context + ": " + p.describe());
        assertTrue(p.describe().length() < 1200, () -> context + ": a problem of " + p.describe().length()
                + " characters: " + p.describe().substring(0, 200));
    }

    // ---- the named hostile files -------------------------------------------------------------------------------

    @Test
    void emptyFilesAreRefusedByEveryImporter() throws IOException {
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                Result r = attempt(s, i, "empty" + i.extension(), new byte[0], "an empty file", true);
                assertTrue(r.refused(), i + " took an empty file");
                assertTrue(r.refusal().contains("empty"), r.refusal());
            }
        }
    }

    @Test
    void binaryFilesAreRefusedAsNotText() throws IOException {
        // What a person picks by mistake: a spreadsheet (a zip), and bytes of no format at all.
        byte[] zip = new byte[4096];
        new Random(SEED).nextBytes(zip);
        System.arraycopy(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, 0, zip, 0, 8);
        byte[] noise = new byte[4096];
        new Random(SEED + 1).nextBytes(noise);
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                for (byte[] bytes : List.of(zip, noise)) {
                    Result r = attempt(s, i, "binary" + i.extension(), bytes, "a binary file", true);
                    assertTrue(r.refused(), i + " took a binary file");
                    assertTrue(r.refusal().contains("not a text file") || r.refusal().contains("NUL")
                            || r.refusal().contains("not valid UTF-8"), r.refusal());
                }
            }
        }
    }

    @Test
    void twoHundredMegabyteFilesAreRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big");
        Files.createDirectories(big);
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                Path file = big.resolve("huge" + i.extension());
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.setLength(200L * 1024 * 1024); // sparse: takes no disk, and reading it would take seconds
                }
                long start = System.nanoTime();
                Result r = attempt(s, i, file, "a 200 MB file", true);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(r.refused(), i + " took a 200 MB file");
                assertTrue(r.refusal().contains("200 MB") && r.refusal().contains("larger than"), r.refusal());
                assertTrue(ms < 2_000, i + " took " + ms + " ms: it read the file");
                Files.delete(file);
            }
        }
    }

    @Test
    void truncatedFilesAreRefusedOrTakeOnlyWholeRecords() throws IOException {
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                for (int cut : new int[] {i.sample().length / 2, i.sample().length - 7}) {
                    attempt(s, i, "truncated" + i.extension(), Arrays.copyOf(i.sample(), cut), "cut at byte " + cut,
                            true);
                }
            }
            // A register cut inside a quoted CSV value or a JSON object is refused whole, not imported in part.
            for (String name : List.of("datasets JSON", "agreements JSON", "CKAN response", "assessment",
                    "scheme JSON")) {
                Importer i = importer(name);
                assertTrue(attempt(s, i, "cut" + i.extension(), Arrays.copyOf(i.sample(), i.sample().length / 2),
                        "cut in half", true).refused(), name + " took half a JSON file");
            }
        }
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() throws IOException {
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                byte[] sample = i.sample();
                int secondLine = indexOf(sample, (byte) '\n') + 1;
                byte[] bad = new byte[sample.length + 1];
                System.arraycopy(sample, 0, bad, 0, secondLine);
                bad[secondLine] = (byte) 0xFF;
                System.arraycopy(sample, secondLine, bad, secondLine + 1, sample.length - secondLine);
                Result r = attempt(s, i, "latin" + i.extension(), bad, "a byte that is not UTF-8", true);
                assertTrue(r.refused(), i + " took invalid UTF-8");
                assertTrue(r.refusal().startsWith("latin" + i.extension() + ", line 2: the byte FF is not valid"
                        + " UTF-8 text"), r.refusal());
            }
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutOverflowingTheStack() throws IOException {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        byte[] deepObject = ("[" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "]")
                .getBytes(StandardCharsets.US_ASCII);
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS.stream().filter(i -> !i.csv()).toList()) {
                for (byte[] bytes : List.of(deep, deepObject)) {
                    Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                            () -> attempt(s, i, "deep" + i.extension(), bytes, "100,000 levels of nesting", true));
                    assertTrue(r.refused(), i + " took 100,000 levels of nesting");
                    assertTrue(r.refusal().contains("nested more than"), r.refusal());
                }
            }
            // Inside an array of records, too: the first record is fine, the second is a pit.
            for (String name : List.of("datasets JSON", "agreements JSON")) {
                byte[] bytes = ("[{}, " + "[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
                Result r = attempt(s, importer(name), "pit.json", bytes, "a deep second record", true);
                assertTrue(r.refused() && r.refusal().startsWith("pit.json, line 1: nested more than 200 levels"),
                        String.valueOf(r.refusal()));
            }
        }
    }

    @Test
    void aJsonValueOfTwoMillionCharactersIsRefusedNotHeld() throws IOException {
        byte[] bytes = ("[{\"code\": \"" + "x".repeat(2_000_000) + "\"}]").getBytes(StandardCharsets.US_ASCII);
        try (WorkbenchSession s = workbench()) {
            for (String name : List.of("datasets JSON", "agreements JSON", "CKAN response")) {
                Result r = attempt(s, importer(name), "long.json", bytes, "a 2,000,000-character value", true);
                assertEquals("long.json, line 1: a text value too long to read; no field Custodian keeps is near"
                        + " that long", r.refusal(), name);
            }
        }
    }

    @Test
    void yamlBombIsRefusedWithoutExpanding() throws IOException {
        // Nine levels of ten aliases each: expanded, the last alias alone is 10^9 lists.
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int n = 1; n <= 9; n++) {
            bomb.append("a").append(n).append(": &a").append(n).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (n - 1)))).append("]\n");
        }
        bomb.append("scheme: *a9\ntemplate: *a9\n");
        byte[] bytes = bomb.toString().getBytes(StandardCharsets.UTF_8);
        try (WorkbenchSession s = workbench()) {
            for (Importer i : List.of(importer("scheme YAML"), importer("template"))) {
                Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> attempt(s, i, "bomb.yaml", bytes, "a billion laughs", true));
                assertTrue(r.refused(), i + " took a YAML bomb");
                assertEquals("bomb.yaml, line 2, a1[0]: a YAML alias (*a0); write the value out in full, Custodian"
                        + " does not expand aliases", r.refusal());
            }
            // The template copy inside an assessment export is YAML too, read when the file is imported.
            String export = new String(importer("assessment").sample(), StandardCharsets.UTF_8);
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(export);
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("template")).put("source", bomb.toString());
            Result r = attempt(s, importer("assessment"), "bombed.json", new ObjectMapper().writeValueAsBytes(root),
                    "a YAML bomb as its template", true);
            assertTrue(r.refused() && r.refusal().startsWith("bombed.json, template.source: the template inside the"
                    + " file does not read: "), String.valueOf(r.refusal()));
        }
    }

    @Test
    void aFiftyThousandCharacterCsvFieldIsARowErrorNamingRowAndColumn() throws IOException {
        String huge = "x".repeat(50_000);
        String datasets = InventoryFiles.csv(InventoryFiles.Row.valid("HOSTILE-0001")
                .with(DatasetColumn.TITLE_EN, huge));
        String decisions = "dataset_code,level,rationale\nTD-VL-0001,RESTRICTED," + huge + "\n";
        String agreements = "reference,title,type\nDSA-HOSTILE-1," + huge + ",data-sharing\n";
        String categories = "code,name_en,name_tc\nhostile," + huge + ",敵意\n";
        Object[][] cases = {
            {"datasets CSV", datasets, "title_en", "title_en is longer than 500 characters"},
            {"decisions CSV", decisions, "rationale", "rationale is longer than 20000 characters"},
            {"agreements CSV", agreements, "title", "title is longer than 500 characters"},
            {"reference list", categories, "name_en", "name_en is longer than 300 characters"},
        };
        try (WorkbenchSession s = workbench()) {
            for (Object[] c : cases) {
                Importer i = importer((String) c[0]);
                State before = state(s);
                Path file = Files.writeString(Files.createDirectories(dir.resolve("long")).resolve("long.csv"),
                        (String) c[1]);
                Object result;
                try {
                    result = i.action().run(s, file);
                } catch (Exception e) {
                    throw new AssertionError(i + " refused the whole file: " + e.getMessage(), e);
                }
                List<RowProblem> problems = result instanceof DatasetImportReport r
                        ? r.rows().stream().flatMap(row -> row.problems().stream()).toList()
                        : ((ImportReport) result).problems();
                assertEquals(List.of("long.csv, line 2, column " + c[2] + ": " + c[3]),
                        problems.stream().map(RowProblem::describe).toList(), i.toString());
                assertEquals(before, state(s), i + ": the long row was taken");
            }
        }
    }

    @Test
    void aCsvWithTenThousandColumnsIsRefusedQuickly() throws IOException {
        // Every importer's required columns, then enough more to make 10,000.
        StringBuilder header = new StringBuilder("code,department,title_en,dataset_code,level,rationale,reference,"
                + "title");
        for (int c = header.toString().split(",").length; c < 10_000; c++) {
            header.append(",extra_").append(c);
        }
        byte[] bytes = (header + "\nx" + ",x".repeat(9_999) + "\n").getBytes(StandardCharsets.UTF_8);
        try (WorkbenchSession s = workbench()) {
            for (Importer i : csvImporters().toList()) {
                long start = System.nanoTime();
                Result r = attempt(s, i, "wide.csv", bytes, "10,000 columns", true);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals("wide.csv, line 1: the header has 10000 columns; Custodian reads at most 1000.",
                        r.refusal(), i.toString());
                assertTrue(ms < 2_000, i + " took " + ms + " ms");
            }
        }
    }

    @Test
    void aNulInTheMiddleOfATextFileIsRefusedNamingTheLine() throws IOException {
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                // Past the first 8 KB the start of a file is judged by, so the decoder meets it.
                byte[] sample = i.sample();
                byte[] padded = sample.length > 9_000 ? sample.clone() : null;
                if (padded == null) {
                    continue;
                }
                int at = indexOf(padded, (byte) '\n', 9_000) + 1;
                padded[at] = 0;
                Result r = attempt(s, i, "nul" + i.extension(), padded, "a NUL past 8 KB", true);
                assertTrue(r.refused(), i + " took a NUL");
                assertTrue(r.refusal().matches("nul\\.\\w+, line \\d+: a NUL character, which text never holds.*"),
                        r.refusal());
            }
        }
    }

    // ---- databases -------------------------------------------------------------------------------------------

    /** Files that are no sound workbench: each must be refused by opening and by restoring, changing nothing. */
    private List<Path> hostileDatabases() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db"));
        Path sound = InventoryFiles.sampleFile(folder.resolve("sound.db"));
        byte[] bytes = Files.readAllBytes(sound);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(folder.resolve("notes.db"), "These are my notes, not a database.\n"));
        byte[] noise = new byte[64 * 1024];
        new Random(SEED).nextBytes(noise);
        files.add(Files.write(folder.resolve("noise.db"), noise));
        byte[] headed = noise.clone();
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, headed, 0, 16);
        files.add(Files.write(folder.resolve("headed.db"), headed));
        files.add(Files.write(folder.resolve("truncated.db"), Arrays.copyOf(bytes, bytes.length / 3)));
        // Pages past the schema overwritten: the file opens, and quick_check finds the damage.
        byte[] damaged = bytes.clone();
        Random r = new Random(SEED);
        for (int page = 8; page * 4096 < damaged.length; page += 3) {
            for (int k = 0; k < 64; k++) {
                damaged[page * 4096 + 100 + r.nextInt(3_900)] = (byte) r.nextInt(256);
            }
        }
        files.add(Files.write(folder.resolve("damaged.db"), damaged));
        files.add(Files.write(folder.resolve("empty.db"), new byte[0]));
        Path huge = folder.resolve("huge.db");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
        files.add(huge);
        try (var c = org.custodian.store.TestFiles.raw(folder.resolve("foreign.db"));
             var st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            st.execute("INSERT INTO notes (body) VALUES ('another program''s data')");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        files.add(folder.resolve("foreign.db"));
        return files;
    }

    @Test
    void databaseFilesThatAreNotSoundWorkbenchesAreRefusedOnOpenAndRestore() throws Exception {
        Path target = InventoryFiles.sampleFile(dir.resolve("target/workbench.db"));
        String targetHash = org.custodian.store.TestFiles.sha256(target);
        for (Path hostile : hostileDatabases()) {
            String name = hostile.getFileName().toString();
            String hash = org.custodian.store.TestFiles.sha256(hostile);
            for (Access access : Access.values()) {
                refusedAsWorkbench(() -> WorkbenchSession.open(hostile, access, ACTOR, false).close(), hostile,
                        "opening " + name + " " + access);
            }
            refusedAsWorkbench(() -> Backups.restore(hostile, target, ACTOR), hostile, "restoring " + name);
            assertEquals(hash, org.custodian.store.TestFiles.sha256(hostile), name + " was changed");
            assertEquals(targetHash, org.custodian.store.TestFiles.sha256(target),
                    "restoring " + name + " changed the workbench");
            assertFalse(Files.exists(target.resolveSibling("backups")), "restoring " + name + " took a backup");
        }
    }

    private static void refusedAsWorkbench(Runnable action, Path file, String what) {
        try {
            action.run();
            fail(what + " was not refused");
        } catch (WorkbenchAccessException e) {
            String message = e.getMessage();
            assertTrue(message.contains(file.getFileName().toString()), what + ": " + message);
            assertTrue(message.lines().count() <= 2, what + ": " + message);
            assertFalse(message.contains("Exception"), what + ": " + message);
        } catch (Throwable t) {
            throw new AssertionError(what + " let " + t + " escape", t);
        }
    }

    @Test
    void seededMutationsOfAWorkbenchFileAreRefusedOrRestoredWhole() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mutated-db"));
        Path small = folder.resolve("small.db");
        try (WorkbenchSession s = InventoryFiles.open(small)) {
            s.sample().loadReferenceLists();
        }
        byte[] bytes = Files.readAllBytes(small);
        Path target = InventoryFiles.sampleFile(dir.resolve("target/workbench.db"));
        Random random = new Random(SEED);
        for (int n = 0; n < 10; n++) {
            Mutation m = Mutation.of(bytes, random);
            Path file = Files.write(folder.resolve("mutant-" + n + ".db"), m.bytes());
            String before = org.custodian.store.TestFiles.sha256(target);
            try {
                Backups.restore(file, target, ACTOR);
                assertTrue(Backups.isSound(target), m + ": restored, but the result is not sound");
                try (WorkbenchSession s = WorkbenchSession.open(target, Access.READ_ONLY, ACTOR, false)) {
                    assertTrue(s.audit().verify(null, x -> { }).isIntact(), m + ": restored a broken chain");
                }
            } catch (WorkbenchAccessException e) {
                assertTrue(e.getMessage().contains(file.getFileName().toString()), m + ": " + e.getMessage());
                assertEquals(before, org.custodian.store.TestFiles.sha256(target), m + ": refused, but changed");
            } catch (Throwable t) {
                throw new AssertionError("restoring " + m + " let " + t + " escape", t);
            }
        }
    }

    // ---- seeded mutations of every sample ----------------------------------------------------------------------

    /** A sample file changed the ways files break: cut, bytes flipped or overwritten, delimiters lost or doubled. */
    private record Mutation(String what, byte[] bytes) {
        private static final byte[] STRUCTURE = ",\"\n{}[]: -&*".getBytes(StandardCharsets.US_ASCII);

        static Mutation of(byte[] valid, Random r) {
            int at = r.nextInt(valid.length);
            switch (r.nextInt(7)) {
                case 0 -> {
                    return new Mutation("cut at byte " + at, Arrays.copyOf(valid, at));
                }
                case 1 -> {
                    byte[] b = valid.clone();
                    int flips = 1 + r.nextInt(8);
                    for (int k = 0; k < flips; k++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    return new Mutation(flips + " bytes flipped", b);
                }
                case 2 -> {
                    byte[] b = valid.clone();
                    byte[] noise = new byte[1 + r.nextInt(64)];
                    r.nextBytes(noise);
                    System.arraycopy(noise, 0, b, at, Math.min(noise.length, b.length - at));
                    return new Mutation(noise.length + " random bytes at " + at, b);
                }
                case 3, 4 -> {
                    byte c = STRUCTURE[r.nextInt(STRUCTURE.length)];
                    int found = indexOf(valid, c, at);
                    if (found < 0) {
                        found = indexOf(valid, c, 0);
                    }
                    if (found < 0) {
                        return new Mutation("cut at byte " + at, Arrays.copyOf(valid, at));
                    }
                    boolean remove = r.nextBoolean();
                    byte[] b = new byte[valid.length + (remove ? -1 : 1)];
                    System.arraycopy(valid, 0, b, 0, found);
                    if (remove) {
                        System.arraycopy(valid, found + 1, b, found, valid.length - found - 1);
                    } else {
                        b[found] = c;
                        System.arraycopy(valid, found, b, found + 1, valid.length - found);
                    }
                    return new Mutation((remove ? "removed '" : "doubled '") + (char) c + "' at " + found, b);
                }
                case 5 -> {
                    int lineStart = indexOf(valid, (byte) '\n', at) + 1;
                    int lineEnd = lineStart == 0 ? -1 : indexOf(valid, (byte) '\n', lineStart);
                    if (lineEnd < 0) {
                        return new Mutation("cut at byte " + at, Arrays.copyOf(valid, at));
                    }
                    byte[] line = Arrays.copyOfRange(valid, lineStart, lineEnd + 1);
                    byte[] b = new byte[valid.length + line.length];
                    System.arraycopy(valid, 0, b, 0, lineEnd + 1);
                    System.arraycopy(line, 0, b, lineEnd + 1, line.length);
                    System.arraycopy(valid, lineEnd + 1, b, lineEnd + 1 + line.length, valid.length - lineEnd - 1);
                    return new Mutation("line at " + lineStart + " doubled", b);
                }
                default -> {
                    byte[] b = new byte[valid.length / 4 + 1];
                    r.nextBytes(b);
                    return new Mutation(b.length + " random bytes", b);
                }
            }
        }

        @Override
        public String toString() {
            return what;
        }
    }

    @Test
    void seededMutationsOfEverySampleNeverEscapeNorHalfWrite() throws IOException {
        Random random = new Random(SEED);
        int runs = 0;
        int refused = 0;
        int took = 0;
        try (WorkbenchSession s = workbench()) {
            for (Importer i : IMPORTERS) {
                // The sample itself first: it must import (or change nothing) under the same rule.
                Result valid = attempt(s, i, "sample" + i.extension(), i.sample(), "the sample itself", true);
                assertFalse(valid.refused(), i + " refused its own sample: " + valid.refusal());
                for (int n = 0; n < MUTATIONS; n++) {
                    Mutation m = Mutation.of(i.sample(), random);
                    String name = "mutant-" + n + (random.nextBoolean() ? "-new" : "") + i.extension();
                    Result r = attempt(s, i, name, m.bytes(), m.what(), false);
                    runs++;
                    refused += r.refused() ? 1 : 0;
                    took += r.accepted() > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(runs >= IMPORTERS.size() * MUTATIONS, "runs: " + runs);
        assertTrue(refused > runs / 4, "only " + refused + " of " + runs + " mutants were refused whole");
        assertTrue(took > 0, "no mutant took a record: the all-or-nothing rule was never put to work");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static int indexOf(byte[] bytes, byte b) {
        return indexOf(bytes, b, 0);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int k = Math.max(0, from); k < bytes.length; k++) {
            if (bytes[k] == b) {
                return k;
            }
        }
        return -1;
    }
}
