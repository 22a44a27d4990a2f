package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.oversight.Dashboard;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.workbench.Access;
import org.custodian.store.RawBaseline;

/**
 * Measures the dashboard's figures on a generated workbench (datasets with their classification decisions and
 * reviews, and agreements) against raw SQLite in the same run: the figures as the page loads them (the first load
 * on a newly opened file, then warm loads) against plain GROUP BY counts of the dataset table's four facets.
 */
public final class DashboardBenchmark {

    private static final int RUNS = 15;

    private final Path folder;
    private final int datasets;
    private final int agreements;

    public DashboardBenchmark(Path folder, int datasets, int agreements) {
        this.folder = folder;
        this.datasets = datasets;
        this.agreements = agreements;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("datasets", Integer.toString(datasets));
        out.put("agreements", Integer.toString(agreements));
        Path app = folder.resolve("bench-dashboard.db");
        List<String[]> datasetRows = DatasetGenerator.rows(datasets, 20261129L);
        Path datasetCsv = folder.resolve("datasets.csv");
        SharingBenchmark.write(datasetCsv, DatasetColumn.headers(), datasetRows);
        Path agreementCsv = folder.resolve("agreements.csv");
        SharingBenchmark.write(agreementCsv, AgreementColumn.headers(),
                SharingBenchmark.agreementRows(datasetRows, agreements));
        Figures.freshWorkbench(app);
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            for (Path csv : List.of(datasetCsv, agreementCsv)) {
                DatasetImportReport report = csv.equals(datasetCsv)
                        ? s.datasetExchange().importFile(csv, StandardCharsets.UTF_8, false, WorkProgress.NONE)
                        : s.agreementExchange().importFile(csv, StandardCharsets.UTF_8, false, WorkProgress.NONE);
                if (report.anyRejected()) {
                    throw new IllegalStateException("benchmark import rejected rows of " + csv.getFileName() + ": "
                            + report.summary());
                }
            }
        }

        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_ONLY, "bench", false);
             RawBaseline.Query plain = new RawBaseline.Query(app)) {
            Dashboard dashboard = s.dashboard();
            LocalDate today = dashboard.today();
            DashboardFigures[] figures = new DashboardFigures[1];
            // The first load on a newly opened file: what the window does when it opens on the dashboard.
            out.put("first_load_ms", Figures.millis(Figures.time(() -> figures[0] = dashboard.figures(today))));
            long[] appNs = new long[RUNS];
            long[] rawNs = new long[RUNS];
            for (int i = -2; i < RUNS; i++) {
                long a = Figures.time(() -> figures[0] = dashboard.figures(today));
                long b = plain.time(RawBaseline.Query.DATASET_FACET_COUNTS, "retired");
                if (i >= 0) {
                    appNs[i] = a;
                    rawNs[i] = b;
                }
            }
            DashboardFigures f = figures[0];
            out.put("datasets_in_use", Long.toString(f.datasets()));
            out.put("departments", Integer.toString(f.byDepartment().size()));
            out.put("agreements_expiring_90_days", Long.toString(f.expiringWithin().get(90)));
            out.put("reviews_overdue", Long.toString(f.overdueReviews().values().stream().mapToLong(Long::longValue)
                    .sum()));
            // The dashboard runs every findings rule to count the open findings: how many it found.
            out.put("open_findings", Long.toString(f.openFindings().values().stream().mapToLong(Number::longValue)
                    .sum()));
            out.put("load_p50_ms", Figures.millis(Figures.percentile(appNs, 50)));
            out.put("load_p95_ms", Figures.millis(Figures.percentile(appNs, 95)));
            out.put("raw_group_by_p95_ms", Figures.millis(Figures.percentile(rawNs, 95)));
            out.put("load_vs_raw_group_by", Figures.ratio((double) Figures.percentile(appNs, 95)
                    / Figures.percentile(rawNs, 95)));
            // The same register three years on, unreviewed: every review overdue and agreements lapsed, so the
            // rules find far more. The worst case the dashboard meets on a neglected workbench.
            LocalDate later = today.plusYears(3);
            long[] lateNs = new long[RUNS];
            for (int i = -1; i < RUNS; i++) {
                long a = Figures.time(() -> figures[0] = dashboard.figures(later));
                if (i >= 0) {
                    lateNs[i] = a;
                }
            }
            out.put("late_open_findings", Long.toString(figures[0].openFindings().values().stream()
                    .mapToLong(Number::longValue).sum()));
            out.put("late_load_p50_ms", Figures.millis(Figures.percentile(lateNs, 50)));
            out.put("late_load_p95_ms", Figures.millis(Figures.percentile(lateNs, 95)));
            out.put("late_load_vs_raw_group_by", Figures.ratio((double) Figures.percentile(lateNs, 95)
                    / Figures.percentile(rawNs, 95)));
        }
        out.put("file_mb", String.format(Locale.ROOT, "%.1f", Files.size(app) / 1e6));
        for (Path scratch : List.of(datasetCsv, agreementCsv)) {
            Files.deleteIfExists(scratch);
        }
        return out;
    }
}
