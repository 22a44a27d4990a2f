package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.Inventory;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.workbench.Access;
import org.custodian.store.RawBaseline;

/**
 * Measures the inventory at size against raw SQLite in the same run: the CSV import (parse, validate, store,
 * index, audit) against a plain batch insert of the same rows into the same table; search latency for an English
 * prefix and 2- and 4-character Chinese queries against the plain index query and a LIKE scan; the first page
 * of the table; the heap after loading.
 */
public final class InventoryBenchmark {

    private static final int SEARCH_RUNS = 40;
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("en_prefix", "hosp");
        QUERIES.put("zh2", "醫院");
        QUERIES.put("zh4", "公共房屋");
        // One dataset's code: a search that matches almost nothing makes a LIKE scan read the whole table.
        QUERIES.put("rare_code", "000777");
    }

    private final Path folder;
    private final int datasets;

    public InventoryBenchmark(Path folder, int datasets) {
        this.folder = folder;
        this.datasets = datasets;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("datasets", Integer.toString(datasets));
        Path app = folder.resolve("bench-inventory.db");
        importRounds(out, app);
        try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_ONLY, "bench", false);
             RawBaseline.Query plain = new RawBaseline.Query(app)) {
            Inventory inventory = s.inventory();
            DatasetQuery first = new DatasetQuery("", Map.of(), DatasetSort.CODE, false, 100, 0);
            // What the table needs to show its first page: the rows, the matching count and the total.
            Figures.Timed firstPage = () -> {
                inventory.page(first);
                inventory.count(first);
                inventory.total();
            };
            long cold = Figures.time(firstPage);
            long[] page = new long[20];
            for (int i = 0; i < page.length; i++) {
                page[i] = Figures.time(firstPage);
            }
            out.put("first_page_cold_ms", Figures.millis(cold));
            out.put("first_page_p50_ms", Figures.millis(Figures.percentile(page, 50)));
            out.put("count_all_ms", Figures.millis(Figures.time(() -> inventory.count(first))));
            out.put("facets_all_ms", Figures.millis(Figures.time(() -> inventory.facets(first))));
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                String text = q.getValue();
                DatasetQuery search = first.withText(text);
                long[] appNs = new long[SEARCH_RUNS];
                long[] rawIndexNs = new long[SEARCH_RUNS];
                long[] likeNs = new long[SEARCH_RUNS];
                String match = RawBaseline.searchMatch(text);
                for (int i = -3; i < SEARCH_RUNS; i++) { // three warm-up rounds
                    long a = Figures.time(() -> inventory.page(search));
                    long b = plain.time(RawBaseline.Query.FTS, match);
                    long c = plain.time(RawBaseline.Query.LIKE_SCAN, "%" + text + "%");
                    if (i >= 0) {
                        appNs[i] = a;
                        rawIndexNs[i] = b;
                        likeNs[i] = c;
                    }
                }
                String k = "search_" + q.getKey();
                out.put(k + "_hits", Long.toString(inventory.count(search)));
                out.put(k + "_p50_ms", Figures.millis(Figures.percentile(appNs, 50)));
                out.put(k + "_p95_ms", Figures.millis(Figures.percentile(appNs, 95)));
                out.put(k + "_raw_index_p95_ms", Figures.millis(Figures.percentile(rawIndexNs, 95)));
                out.put(k + "_raw_like_p95_ms", Figures.millis(Figures.percentile(likeNs, 95)));
                // The raw query is the same index lookup straight from SQLite; the LIKE scan is what a search
                // without an index (or the trigram tokenizer for 1–2 characters) would cost.
                out.put(k + "_vs_raw", Figures.ratio((double) Figures.percentile(appNs, 95) / Figures.percentile(rawIndexNs, 95)));
                out.put(k + "_vs_raw_like", Figures.ratio((double) Figures.percentile(appNs, 95) / Figures.percentile(likeNs, 95)));
            }
            // The figure: the worst app/raw p95 ratio over the English prefix and the 2- and 4-character
            // Chinese queries.
            double worst = 0;
            for (String k : List.of("en_prefix", "zh2", "zh4")) {
                worst = Math.max(worst, Double.parseDouble(out.get("search_" + k + "_vs_raw")));
            }
            out.put("search_vs_raw", Figures.ratio(worst));
            System.gc();
            Runtime rt = Runtime.getRuntime();
            out.put("heap_after_load_mb", Long.toString((rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)));
        }
        out.put("file_mb", String.format(java.util.Locale.ROOT, "%.1f", Files.size(app) / 1e6));
        return out;
    }

    /**
     * Three alternating rounds on fresh files; the best of each side counts, so neither side pays alone for the
     * JIT's warm-up or a neighbour's burst on this shared machine. The generated rows live only in here, so the
     * heap measured afterwards is the app's.
     */
    private void importRounds(Map<String, String> out, Path app) throws IOException {
        List<String[]> rows = DatasetGenerator.rows(datasets, 20261129L);
        Path csv = folder.resolve("datasets.csv");
        AtomicOutput.write(csv, stream -> {
            try (SafeCsvWriter w = new SafeCsvWriter(stream, DatasetColumn.headers())) {
                for (String[] r : rows) {
                    w.row(Arrays.asList(r));
                }
            }
        });
        out.put("csv_mb", String.format(java.util.Locale.ROOT, "%.1f", Files.size(csv) / 1e6));

        Path raw = folder.resolve("raw.db");
        List<String> terms = rows.stream().map(RawBaseline::searchTerms).toList();
        long rawNs = Long.MAX_VALUE;
        long rawTableNs = Long.MAX_VALUE;
        long importNs = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            Figures.freshWorkbench(raw);
            rawTableNs = Math.min(rawTableNs, RawBaseline.insertDatasets(raw, rows, null));
            Figures.freshWorkbench(raw);
            rawNs = Math.min(rawNs, RawBaseline.insertDatasets(raw, rows, terms));
            Figures.freshWorkbench(app);
            try (WorkbenchSession s = WorkbenchSession.open(app, Access.READ_WRITE, "bench", false)) {
                long start = System.nanoTime();
                DatasetImportReport report = s.datasetExchange().importFile(csv, StandardCharsets.UTF_8, false,
                        WorkProgress.NONE);
                importNs = Math.min(importNs, System.nanoTime() - start);
                if (report.anyRejected() || report.rows().size() != datasets) {
                    throw new IllegalStateException("benchmark import rejected rows: " + report.summary());
                }
            }
        }
        // The raw insert writes the same rows into the same table and search index, without checks or audit;
        // the table-only figure shows what the search index itself costs.
        out.put("raw_insert_rows_per_s", Figures.perSecond(datasets, rawNs));
        out.put("raw_insert_table_only_rows_per_s", Figures.perSecond(datasets, rawTableNs));
        out.put("import_rows_per_s", Figures.perSecond(datasets, importNs));
        out.put("import_vs_raw_insert", Figures.ratio((double) rawNs / importNs));
        out.put("import_vs_raw_insert_table_only", Figures.ratio((double) rawTableNs / importNs));
    }
}
