package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.sharing.AgreementExchange;
import org.custodian.logic.sharing.SharingRegister;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.DueQuery;
import org.custodian.model.workbench.Access;
import org.custodian.store.RawBaseline;

/**
 * Measures the agreements register at size against raw SQLite in the same run: importing a register (every row
 * checked, parties and datasets resolved, one audit event each) against plain batch inserts of the same rows; the
 * register's page (a status filter, ordered by expiry, with each agreement's parties and datasets) and its search
 * against plain queries; the due list, a dataset's agreements, and the export and re-import.
 */
public final class SharingBenchmark {

    private static final int RUNS = 15;
    private static final String[] TYPES = {"inter-departmental-api", "consented-exchange", "commercial-interchange",
            "cross-boundary-transfer", "contractor-processor", "open-data-release", "other"};
    private static final String[] STATUSES = {"active", "active", "active", "active", "active", "draft",
            "under-negotiation", "suspended", "expired", "terminated"};

    private final Path folder;
    private final int datasets;
    private final int agreements;

    public SharingBenchmark(Path folder, int datasets, int agreements) {
        this.folder = folder;
        this.datasets = datasets;
        this.agreements = agreements;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("datasets", Integer.toString(datasets));
        out.put("agreements", Integer.toString(agreements));
        Path app = folder.resolve("bench-sharing.db");
        Path raw = folder.resolve("bench-sharing-raw.db");
        Path datasetCsv = folder.resolve("datasets.csv");
        List<String[]> datasetRows = DatasetGenerator.rows(datasets, 20261129L);
        write(datasetCsv, DatasetColumn.headers(), datasetRows);
        Figures.freshWorkbench(app);
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            DatasetImportReport report = s.datasetExchange().importFile(datasetCsv, StandardCharsets.UTF_8, false,
                    WorkProgress.NONE);
            if (report.anyRejected()) {
                throw new IllegalStateException("benchmark dataset import rejected rows: " + report.summary());
            }
        }
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(raw.resolveSibling(raw.getFileName() + suffix));
        }
        Files.copy(app, raw, StandardCopyOption.REPLACE_EXISTING);

        // Importing the register: the app's checked, audited import against plain inserts of the same rows.
        List<String[]> rows = agreementRows(datasetRows, agreements);
        Path csv = folder.resolve("agreements.csv");
        write(csv, AgreementColumn.headers(), rows);
        long rawNs = RawBaseline.insertAgreements(raw, rows);
        long appNs;
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            long start = System.nanoTime();
            DatasetImportReport report = s.agreementExchange().importFile(csv, StandardCharsets.UTF_8, false,
                    WorkProgress.NONE);
            appNs = System.nanoTime() - start;
            if (report.anyRejected()) {
                throw new IllegalStateException("benchmark agreement import rejected rows: " + report.summary()
                        + " " + report.rows().stream().filter(r -> !r.problems().isEmpty()).findFirst()
                        .map(r -> r.details()).orElse(""));
            }
        }
        out.put("import_rows_per_s", Figures.perSecond(agreements, appNs));
        out.put("raw_insert_rows_per_s", Figures.perSecond(agreements, rawNs));
        out.put("import_vs_raw_insert", Figures.ratio((double) rawNs / appNs));

        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_ONLY, "bench", false);
             RawBaseline.Query plain = new RawBaseline.Query(app)) {
            SharingRegister register = s.sharing();
            LocalDate today = register.today();
            AgreementQuery page = new AgreementQuery(null, Set.of(), EnumSet.of(AgreementStatus.ACTIVE), null, null,
                    null, today, AgreementSort.EXPIRES_ON, false, 100, 0);
            // The page also counts what matches the filter, so the plain query does too.
            long[] pageNs = new long[RUNS];
            long[] rawPageNs = new long[RUNS];
            long[] matched = {0};
            for (int i = -2; i < RUNS; i++) {
                long a = Figures.time(() -> {
                    register.page(page);
                    matched[0] = register.count(page);
                });
                long b = plain.time(RawBaseline.Query.AGREEMENTS_PAGE, "active")
                        + plain.time(RawBaseline.Query.AGREEMENTS_COUNT, "active");
                if (i >= 0) {
                    pageNs[i] = a;
                    rawPageNs[i] = b;
                }
            }
            out.put("page_active_matching", Long.toString(matched[0]));
            out.put("page_p95_ms", Figures.millis(Figures.percentile(pageNs, 95)));
            out.put("page_raw_p95_ms", Figures.millis(Figures.percentile(rawPageNs, 95)));
            out.put("page_vs_raw", Figures.ratio((double) Figures.percentile(pageNs, 95)
                    / Figures.percentile(rawPageNs, 95)));

            AgreementQuery search = new AgreementQuery("licence", Set.of(), Set.of(), null, null, null, today,
                    AgreementSort.REFERENCE, false, 100, 0);
            long[] searchNs = new long[RUNS];
            long[] rawSearchNs = new long[RUNS];
            for (int i = -2; i < RUNS; i++) {
                long a = Figures.time(() -> {
                    register.page(search);
                    matched[0] = register.count(search);
                });
                // Like the page, the plain search also counts its matches.
                long b = plain.time(RawBaseline.Query.AGREEMENTS_LIKE, "%licence%")
                        + plain.time(RawBaseline.Query.AGREEMENTS_LIKE_COUNT, "%licence%");
                if (i >= 0) {
                    searchNs[i] = a;
                    rawSearchNs[i] = b;
                }
            }
            out.put("search_matching", Long.toString(matched[0]));
            out.put("search_p95_ms", Figures.millis(Figures.percentile(searchNs, 95)));
            out.put("search_raw_like_p95_ms", Figures.millis(Figures.percentile(rawSearchNs, 95)));
            out.put("search_vs_raw_like", Figures.ratio((double) Figures.percentile(searchNs, 95)
                    / Figures.percentile(rawSearchNs, 95)));

            long[] dueNs = new long[RUNS];
            long[] rawDueNs = new long[RUNS];
            int[] dueRows = {0};
            String horizon = today.plusDays(90).toString();
            for (int i = -2; i < RUNS; i++) {
                long a = Figures.time(() -> dueRows[0] = register.due(new DueQuery(today, 90, null)).size());
                long b = plain.time(RawBaseline.Query.AGREEMENTS_DUE, horizon);
                if (i >= 0) {
                    dueNs[i] = a;
                    rawDueNs[i] = b;
                }
            }
            out.put("due_90_days_rows", Integer.toString(dueRows[0]));
            out.put("due_90_days_p95_ms", Figures.millis(Figures.percentile(dueNs, 95)));
            out.put("due_raw_p95_ms", Figures.millis(Figures.percentile(rawDueNs, 95)));
            out.put("due_vs_raw", Figures.ratio((double) Figures.percentile(dueNs, 95)
                    / Figures.percentile(rawDueNs, 95)));

            UUID covered = s.inventory().findByCode(datasetRows.get(0)[0]).orElseThrow().id();
            long[] coveringNs = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                coveringNs[i] = Figures.time(() -> register.covering(covered));
            }
            out.put("dataset_agreements_p95_ms", Figures.millis(Figures.percentile(coveringNs, 95)));
        }

        // The round trip: export every agreement, import it back (every row unchanged).
        Path exported = folder.resolve("agreements-export.csv");
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            long[] n = {0};
            long exportNs = Figures.time(() -> n[0] = s.agreementExchange().export(AgreementQuery.all(
                    s.sharing().today()), AgreementExchange.Format.CSV, exported, WorkProgress.NONE));
            out.put("export_rows_per_s", Figures.perSecond(n[0], exportNs));
            long[] unchanged = {0};
            long importNs = Figures.time(() -> unchanged[0] = s.agreementExchange().importFile(exported,
                    StandardCharsets.UTF_8, false, WorkProgress.NONE).count(
                    org.custodian.logic.inventory.RowOutcome.UNCHANGED));
            out.put("reimport_unchanged", Long.toString(unchanged[0]));
            out.put("reimport_rows_per_s", Figures.perSecond(n[0], importNs));
        }
        out.put("file_mb", String.format(Locale.ROOT, "%.1f", Files.size(app) / 1e6));
        return out;
    }

    /**
     * Agreements between the generated departments, each covering one to three datasets of its provider; the
     * ceiling and mechanism every level allows (TOP SECRET, physical media), so every row is taken.
     */
    static List<String[]> agreementRows(List<String[]> datasetRows, int agreements) {
        Random r = new Random(20261129L);
        List<String[]> rows = new ArrayList<>(agreements);
        LocalDate base = LocalDate.of(2026, 11, 29);
        int columns = AgreementColumn.values().length;
        for (int i = 0; i < agreements; i++) {
            String[] row = new String[columns];
            String[] first = datasetRows.get(r.nextInt(datasetRows.size()));
            String provider = first[DatasetColumn.DEPARTMENT.ordinal()];
            String recipient = DatasetGenerator.DEPARTMENTS[r.nextInt(DatasetGenerator.DEPARTMENTS.length)];
            if (recipient.equals(provider)) {
                recipient = "hk-dpo";
            }
            List<String> covered = new ArrayList<>();
            covered.add(first[0] + " (record id, date, district)");
            for (int k = r.nextInt(3); k > 0; k--) {
                String[] more = datasetRows.get(r.nextInt(datasetRows.size()));
                if (covered.stream().noneMatch(c -> c.startsWith(more[0] + " ") || c.equals(more[0]))) {
                    covered.add(more[0]);
                }
            }
            String type = TYPES[r.nextInt(TYPES.length)];
            boolean cross = type.equals("cross-boundary-transfer");
            LocalDate from = base.minusDays(r.nextInt(1500));
            set(row, AgreementColumn.REFERENCE, String.format(Locale.ROOT, "BENCH-%06d", i));
            set(row, AgreementColumn.TITLE, DatasetGenerator.SUBJECTS[r.nextInt(DatasetGenerator.SUBJECTS.length)][0]
                    + (r.nextInt(8) == 0 ? " licence checks" : " data exchange") + " " + i);
            set(row, AgreementColumn.TYPE, type);
            set(row, AgreementColumn.STATUS, STATUSES[r.nextInt(STATUSES.length)]);
            set(row, AgreementColumn.PURPOSE, "Lets the recipient use the provider's records for its statutory"
                    + " functions, as set out in the schedule to this agreement.");
            set(row, AgreementColumn.LEGAL_BASIS, "statutory-function");
            set(row, AgreementColumn.PARTIES, "provider:" + provider + "|Chan Tai-man (Senior Officer)|"
                    + from.minusDays(10) + ";recipient:" + recipient);
            set(row, AgreementColumn.DATASETS, String.join(";", covered));
            set(row, AgreementColumn.PERSONAL_DATA_CATEGORIES, "name;address");
            set(row, AgreementColumn.CLASSIFICATION_CEILING, "TOP SECRET");
            set(row, AgreementColumn.MECHANISM, "physical-media");
            set(row, AgreementColumn.FREQUENCY, "monthly");
            set(row, AgreementColumn.CROSS_BOUNDARY, cross ? "yes" : "no");
            if (cross) {
                set(row, AgreementColumn.DESTINATIONS, "Shenzhen, Guangdong");
                set(row, AgreementColumn.TRANSFER_MECHANISM, "gba-standard-contract");
                set(row, AgreementColumn.SAFEGUARDS, "Encrypted transfer; filed standard contract.");
            }
            set(row, AgreementColumn.EFFECTIVE_FROM, from.toString());
            set(row, AgreementColumn.EXPIRES_ON, from.plusDays(365 + r.nextInt(1500)).toString());
            set(row, AgreementColumn.REVIEW_DUE, from.plusDays(180 + r.nextInt(700)).toString());
            rows.add(row);
        }
        return rows;
    }

    private static void set(String[] row, AgreementColumn column, String value) {
        row[column.ordinal()] = value;
    }

    static void write(Path file, List<String> headers, List<String[]> rows) throws IOException {
        AtomicOutput.write(file, stream -> {
            try (SafeCsvWriter w = new SafeCsvWriter(stream, headers)) {
                for (String[] r : rows) {
                    w.row(Arrays.asList(r));
                }
            }
        });
    }
}
