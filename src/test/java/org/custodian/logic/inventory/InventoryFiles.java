package org.custodian.logic.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.workbench.Access;

/** Shared helpers for the inventory tests: workbenches, dataset rows and files written as an officer would. */
public final class InventoryFiles {

    /** The sample register and the saved CKAN response (tests run in the project folder). */
    public static final Path SAMPLE_DATASETS = Path.of("sample-data", "datasets.csv");
    public static final Path SAMPLE_DECISIONS = Path.of("sample-data", "decisions.csv");
    public static final Path SAMPLE_CKAN = Path.of("sample-data", "ckan-package-search.json");
    public static final int SAMPLE_ROWS = 302;
    public static final String HEADER = String.join(",", DatasetColumn.headers());
    public static final String BOM = "\uFEFF";

    private InventoryFiles() {
    }

    /** A new or existing workbench, opened for writing by the test officer. */
    public static WorkbenchSession open(Path file) {
        return WorkbenchSession.open(file, Access.READ_WRITE, "tester", true);
    }

    /** A new workbench with the sample reference lists (organisations, categories, formats) and no datasets. */
    public static WorkbenchSession withLists(Path file) {
        return open(copy(Templates.LISTS, file));
    }

    /** A new workbench with the reference lists and the 302 sample datasets. */
    public static WorkbenchSession withSample(Path file) {
        return open(copy(Templates.SAMPLE, file));
    }

    /** The file of a new workbench with the reference lists and the sample datasets, closed. */
    public static Path sampleFile(Path file) {
        return copy(Templates.SAMPLE, file);
    }

    private static Path copy(Path template, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.copy(template, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Workbenches filled once per test run through the real import and copied for each test (a closed SQLite
     * file is one file): migrating and loading anew for every test would cost most of the run.
     */
    private static final class Templates {
        static final Path LISTS;
        static final Path SAMPLE;

        static {
            try {
                Path dir = Files.createTempDirectory("custodian-inventory-templates");
                dir.toFile().deleteOnExit(); // deleted last: registered first
                LISTS = dir.resolve("lists.db");
                SAMPLE = dir.resolve("sample.db");
                try (WorkbenchSession session = open(LISTS)) {
                    session.sample().loadReferenceLists();
                }
                Files.copy(LISTS, SAMPLE);
                try (WorkbenchSession session = open(SAMPLE)) {
                    DatasetImportReport report = importFile(session, SAMPLE_DATASETS);
                    if (report.count(RowOutcome.CREATED) != SAMPLE_ROWS) {
                        throw new IllegalStateException("the sample did not load: " + report.summary());
                    }
                    // The sample's levels are its classification decisions, with their history.
                    try (var in = Files.newInputStream(SAMPLE_DECISIONS)) {
                        DatasetImportReport decisions = session.decisionExchange().importCsv("decisions.csv", in,
                                java.nio.charset.StandardCharsets.UTF_8, false, org.custodian.logic.io.WorkProgress.NONE);
                        if (decisions.anyRejected()) {
                            throw new IllegalStateException("the sample decisions did not load: "
                                    + decisions.rows().stream().filter(r -> r.outcome() == RowOutcome.REJECTED)
                                    .limit(3).toList());
                        }
                    }
                }
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().deleteOnExit());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One dataset row as a CSV file gives it: every canonical column, valid unless a test changes one. */
    public record Row(Map<DatasetColumn, String> fields) {

        public static Row valid(String code) {
            Map<DatasetColumn, String> f = new EnumMap<>(DatasetColumn.class);
            f.put(DatasetColumn.CODE, code);
            f.put(DatasetColumn.TITLE_EN, "Bus Stop Locations " + code);
            f.put(DatasetColumn.TITLE_TC, "巴士站位置");
            f.put(DatasetColumn.DESCRIPTION_EN, "Locations of franchised bus stops.");
            f.put(DatasetColumn.DESCRIPTION_TC, "專營巴士站的位置。");
            f.put(DatasetColumn.DEPARTMENT, "hk-td");
            f.put(DatasetColumn.CUSTODIAN, "Chan Tai-man");
            f.put(DatasetColumn.CONTACT_EMAIL, "tm_chan@td.gov.hk");
            f.put(DatasetColumn.CATEGORY, "transport");
            f.put(DatasetColumn.KEYWORDS, "bus;stops;巴士");
            f.put(DatasetColumn.FORMATS, "CSV;JSON");
            f.put(DatasetColumn.UPDATE_FREQUENCY, "monthly");
            f.put(DatasetColumn.SOURCE_SYSTEM, "Bus Route Database");
            f.put(DatasetColumn.CONTAINS_PERSONAL_DATA, "no");
            f.put(DatasetColumn.PERSONAL_DATA_CATEGORIES, "");
            f.put(DatasetColumn.CLASSIFICATION, "UNCLASSIFIED");
            f.put(DatasetColumn.OPEN_DATA_STATUS, "published");
            f.put(DatasetColumn.RETENTION, "P7Y");
            f.put(DatasetColumn.CROSS_BOUNDARY, "no");
            f.put(DatasetColumn.ENCRYPTION_AT_REST, "no");
            f.put(DatasetColumn.LIFECYCLE_STATUS, "active");
            f.put(DatasetColumn.LANDING_PAGE, "https://data.gov.hk/en-data/dataset/bus-stops");
            f.put(DatasetColumn.LAST_UPDATED, "2026-09-30");
            return new Row(f);
        }

        public Row with(DatasetColumn column, String value) {
            Map<DatasetColumn, String> f = new EnumMap<>(fields);
            f.put(column, value);
            return new Row(f);
        }

        public String get(DatasetColumn column) {
            return fields.get(column);
        }

        /** The row as a CSV line in canonical column order (RFC 4180 quoting, no line end). */
        public String line() {
            List<String> cells = new ArrayList<>();
            for (DatasetColumn c : DatasetColumn.values()) {
                cells.add(fields.get(c));
            }
            return CSVFormat.RFC4180.format(cells.toArray());
        }
    }

    /** The canonical header and the rows, one per line. */
    public static String csv(Row... rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            s.append(r.line()).append('\n');
        }
        return s.toString();
    }

    public static Path write(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path file, String text, Charset charset) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatasetImportReport importFile(WorkbenchSession session, Path file) {
        return importFile(session, file, StandardCharsets.UTF_8, false);
    }

    public static DatasetImportReport importFile(WorkbenchSession session, Path file, Charset charset,
                                                 boolean dryRun) {
        try {
            return session.datasetExchange().importFile(file, charset, dryRun, WorkProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatasetImportReport importCkan(WorkbenchSession session, Path file) {
        try {
            return session.datasetExchange().importCkan(file, false, WorkProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports every dataset in {@code format}; returns the file. */
    public static Path export(WorkbenchSession session, DatasetExchange.Format format, Path target) {
        return export(session, DatasetQuery.all(), format, target, false);
    }

    public static Path export(WorkbenchSession session, DatasetQuery query, DatasetExchange.Format format,
                              Path target, boolean dcatAll) {
        try {
            session.datasetExchange().export(query, format, target, dcatAll, null, WorkProgress.NONE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample file's rows in file order, read with the importer's own CSV reader. */
    /** The sample datasets as the CSV gives them, each with its level from the sample decisions. */
    public static List<CsvSource.Row> sampleRows() {
        Map<String, String> levels = sampleLevels();
        try (InputStream in = Files.newInputStream(SAMPLE_DATASETS);
             CsvSource csv = CsvSource.open("datasets.csv", in, StandardCharsets.UTF_8,
                     new HashSet<>(DatasetColumn.headers()), Set.of("code"))) {
            return csv.rows().stream().map(r -> {
                Map<String, String> values = new java.util.HashMap<>(r.values());
                values.put("classification", levels.get(r.values().get("code")));
                return new CsvSource.Row(r.line(), values, r.overflow());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each sample dataset's level: that of its latest decision in decisions.csv (by effective date). */
    public static Map<String, String> sampleLevels() {
        Map<String, String> level = new java.util.HashMap<>();
        Map<String, String> since = new java.util.HashMap<>();
        try (InputStream in = Files.newInputStream(SAMPLE_DECISIONS);
             CsvSource csv = CsvSource.open("decisions.csv", in, StandardCharsets.UTF_8,
                     new HashSet<>(org.custodian.logic.classification.DecisionExchange.HEADERS), Set.of())) {
            for (CsvSource.Row r : csv.rows()) {
                String code = r.values().get("dataset_code");
                String from = r.values().get("effective_from");
                if (since.get(code) == null || from.compareTo(since.get(code)) >= 0) {
                    since.put(code, from);
                    level.put(code, r.values().get("level"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return level;
    }

    /** How many datasets and audit events the workbench holds, and its audit head: what "nothing changed" means. */
    public record State(long datasets, long events, String head) {
    }

    public static State state(WorkbenchSession session) {
        return new State(session.inventory().total(), session.audit().eventCount(), session.audit().head().asText());
    }
}
