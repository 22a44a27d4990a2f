package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.workbench.Access;
import org.custodian.store.RawBaseline;

/**
 * Measures classification at size against raw SQLite in the same run: the reviews-due queue over every
 * classified dataset (the latest decision per dataset, plus the access reviews) against a plain join that lists
 * the same decisions; recording decisions one transaction each (checks, level, audit) against plain inserts and
 * updates with the same durability; and the decisions export and re-import.
 */
public final class ClassificationBenchmark {

    private static final int QUEUE_RUNS = 12;

    private final Path folder;
    private final int datasets;
    private final int decisions;

    public ClassificationBenchmark(Path folder, int datasets, int decisions) {
        this.folder = folder;
        this.datasets = datasets;
        this.decisions = decisions;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("datasets", Integer.toString(datasets));
        Path app = folder.resolve("bench-classification.db");
        Path csv = folder.resolve("datasets.csv");
        List<String[]> rows = DatasetGenerator.rows(datasets, 20261129L);
        AtomicOutput.write(csv, stream -> {
            try (SafeCsvWriter w = new SafeCsvWriter(stream, DatasetColumn.headers())) {
                for (String[] r : rows) {
                    w.row(Arrays.asList(r));
                }
            }
        });
        Figures.freshWorkbench(app);
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            DatasetImportReport report = s.datasetExchange().importFile(csv, StandardCharsets.UTF_8, false,
                    WorkProgress.NONE);
            if (report.anyRejected()) {
                throw new IllegalStateException("benchmark import rejected rows: " + report.summary());
            }
            out.put("decisions_after_import", Long.toString(s.classification().decisionCount()));
        }

        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_ONLY, "bench", false);
             RawBaseline.Query plain = new RawBaseline.Query(app)) {
            Classification c = s.classification();
            LocalDate today = c.today();
            // Every scheduled review: the whole queue, the worst case for the page.
            ReviewQuery all = ReviewQuery.dueWithin(today, null);
            long[] appNs = new long[QUEUE_RUNS];
            long[] rawNs = new long[QUEUE_RUNS];
            int[] size = {0};
            for (int i = -2; i < QUEUE_RUNS; i++) {
                long a = Figures.time(() -> size[0] = c.due(all).size());
                long b = plain.time(RawBaseline.Query.DECISIONS_DUE, "9999-12-31");
                if (i >= 0) {
                    appNs[i] = a;
                    rawNs[i] = b;
                }
            }
            out.put("queue_all_rows", Integer.toString(size[0]));
            out.put("queue_all_p50_ms", Figures.millis(Figures.percentile(appNs, 50)));
            out.put("queue_all_p95_ms", Figures.millis(Figures.percentile(appNs, 95)));
            out.put("queue_raw_join_p95_ms", Figures.millis(Figures.percentile(rawNs, 95)));
            out.put("queue_vs_raw_join", Figures.ratio((double) Figures.percentile(appNs, 95)
                    / Figures.percentile(rawNs, 95)));
            // The page's windows: what an officer looks at day to day.
            for (int days : new int[] {90, 365}) {
                ReviewQuery window = ReviewQuery.dueWithin(today, days);
                long[] windowNs = new long[QUEUE_RUNS];
                for (int i = 0; i < QUEUE_RUNS; i++) {
                    windowNs[i] = Figures.time(() -> size[0] = c.due(window).size());
                }
                out.put("queue_" + days + "_days_rows", Integer.toString(size[0]));
                out.put("queue_" + days + "_days_p95_ms", Figures.millis(Figures.percentile(windowNs, 95)));
            }
        }

        // Reclassifying one dataset at a time, as a user does: the app's checked, audited transaction against the
        // same rows written plainly, each in its own transaction with the same full sync.
        List<String> ids = new ArrayList<>();
        List<Dataset> chosen = new ArrayList<>();
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_ONLY, "bench", false)) {
            DatasetQuery q = new DatasetQuery("", Map.of(), DatasetSort.CODE, false, decisions * 2, 0);
            for (Dataset d : s.inventory().page(q)) {
                if (ids.size() < decisions) {
                    ids.add(d.id().toString());
                } else {
                    chosen.add(d);
                }
            }
        }
        long rawNs = RawBaseline.decisionWrites(app, ids, "TOP SECRET");
        long appNs;
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            long start = System.nanoTime();
            for (Dataset d : chosen.subList(0, Math.min(decisions, chosen.size()))) {
                var outcome = s.classification().classify(d.id(), DecisionInput.of("TOP SECRET",
                        "benchmark reclassification", "bench"));
                if (!outcome.isDone()) {
                    throw new IllegalStateException("benchmark decision refused: " + outcome.describe());
                }
            }
            appNs = System.nanoTime() - start;
        }
        out.put("classify_per_s", Figures.perSecond(decisions, appNs));
        out.put("raw_decision_writes_per_s", Figures.perSecond(decisions, rawNs));
        out.put("classify_vs_raw", Figures.ratio((double) rawNs / appNs));

        // The register's round trip: export every decision, import it back (every row already recorded).
        Path exported = folder.resolve("decisions.csv");
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
            long[] n = {0};
            long exportNs = Figures.time(() -> n[0] = s.decisionExchange().export(exported,
                    WorkProgress.NONE));
            out.put("export_decisions", Long.toString(n[0]));
            out.put("export_rows_per_s", Figures.perSecond(n[0], exportNs));
            long importNs = Figures.time(() -> {
                try (var in = Files.newInputStream(exported)) {
                    s.decisionExchange().importCsv("decisions.csv", in, StandardCharsets.UTF_8, false,
                            WorkProgress.NONE);
                }
            });
            out.put("reimport_rows_per_s", Figures.perSecond(n[0], importNs));
        }
        out.put("file_mb", String.format(Locale.ROOT, "%.1f", Files.size(app) / 1e6));
        return out;
    }
}
