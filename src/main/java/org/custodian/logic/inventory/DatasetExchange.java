package org.custodian.logic.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.io.SourceRow;
import java.util.Set;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.ckan.CkanPackages;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.io.dcat.DcatCatalog;
import org.custodian.logic.io.json.DatasetJson;
import org.custodian.logic.io.json.JsonInput;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.store.DatasetRepository;
import org.custodian.store.ReferenceRepository;

/**
 * Datasets in and out of files, for the window and the command line alike: CSV, JSON and DCAT exports (written
 * whole or not at all) and CSV, JSON and CKAN imports.
 */
public final class DatasetExchange {

    /** The export formats. */
    public enum Format { CSV, JSON, DCAT }

    /**
     * A CKAN package fills what the portal knows; for a package imported before, every field the portal leaves
     * empty (classification, retention, personal data, encryption at rest, and anything the officer added) keeps the
     * stored value.
     */
    private static DatasetImport.Merge ckanMerge(String lowestLevel) {
        return new DatasetImport.Merge(java.util.EnumSet.allOf(DatasetColumn.class), Map.of(
                DatasetColumn.CLASSIFICATION, lowestLevel,
                DatasetColumn.OPEN_DATA_STATUS, OpenDataStatus.PUBLISHED.code(),
                DatasetColumn.LIFECYCLE_STATUS, LifecycleStatus.ACTIVE.code(),
                DatasetColumn.CROSS_BOUNDARY, "no"));
    }

    private final DatasetRepository datasets;
    private final ReferenceRepository references;
    private final DatasetImport importer;
    private final Inventory inventory;

    public DatasetExchange(DatasetRepository datasets, ReferenceRepository references, DatasetImport importer,
                           Inventory inventory) {
        this.datasets = datasets;
        this.references = references;
        this.importer = importer;
        this.inventory = inventory;
    }

    /**
     * Writes the datasets matching {@code query} (all of them, not one page) to {@code target}.
     *
     * @param dcatAll for DCAT: every matching dataset with its internal fields, not only the public ones
     * @return how many datasets were written
     */
    public long export(DatasetQuery query, Format format, Path target, boolean dcatAll, String namespace,
                       WorkProgress progress) throws IOException {
        long total = datasets.count(query);
        long[] written = {0};
        ReferenceIndex names = format == Format.DCAT ? ReferenceIndex.load(references) : null;
        java.util.Set<String> openLevels = new java.util.HashSet<>();
        if (format == Format.DCAT) {
            // Public means published and at a level whose handling rules allow the open-data pipeline.
            inventory.levels().stream().filter(l -> l.rules().openDataAllowed())
                    .forEach(l -> openLevels.add(l.code().toUpperCase(Locale.ROOT)));
        }
        AtomicOutput.write(target, out -> {
            try {
                switch (format) {
                    case CSV -> {
                        try (SafeCsvWriter csv = new SafeCsvWriter(out, DatasetColumn.headers())) {
                            each(query, total, progress, d -> {
                                Map<DatasetColumn, String> columns = d.columns();
                                List<String> cells = new ArrayList<>();
                                for (DatasetColumn c : DatasetColumn.values()) {
                                    cells.add(columns.get(c));
                                }
                                csv.row(cells);
                                written[0]++;
                            });
                        }
                    }
                    case JSON -> {
                        try (DatasetJson.Writer json = new DatasetJson.Writer(out)) {
                            each(query, total, progress, d -> {
                                json.write(d);
                                written[0]++;
                            });
                        }
                    }
                    case DCAT -> {
                        try (DcatCatalog dcat = new DcatCatalog(out, "Dataset inventory", namespace, dcatAll,
                                names::entry, d -> d.classification() != null
                                && openLevels.contains(d.classification().toUpperCase(Locale.ROOT)))) {
                            each(query, total, progress, d -> {
                                if (dcatAll || dcat.isPublic(d)) {
                                    dcat.write(d);
                                    written[0]++;
                                }
                            });
                        }
                    }
                    default -> throw new IllegalArgumentException(format.name());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return written[0];
    }

    private interface DatasetSink {
        void accept(Dataset d) throws IOException;
    }

    private void each(DatasetQuery query, long total, WorkProgress progress, DatasetSink sink) {
        long[] n = {0};
        datasets.forEach(query, d -> {
            if (++n[0] % 500 == 0) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                progress.update(n[0], total);
            }
            try {
                sink.accept(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        progress.update(n[0], total);
    }

    /**
     * Imports a CSV file, or a JSON export when the name ends in {@code .json}.
     *
     * @throws org.custodian.logic.io.InputRejectedException when the file as a whole is refused (too large, not
     *     text, malformed, a bad header); nothing was changed
     */
    public DatasetImportReport importFile(Path file, Charset charset, boolean dryRun, WorkProgress progress)
            throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.REGISTER);
        String name = input.name();
        try (InputStream in = input.open()) {
            if (JsonInput.isJson(name)) {
                return importer.importRows(name, DatasetJson.read(name, in), DatasetColumn.headers(), List.of(),
                        dryRun, progress);
            }
            return importer.importCsv(name, in, input.size(), charset, dryRun, progress);
        }
    }

    /** Imports a saved CKAN response; a code seen before updates that dataset, so re-importing never duplicates. */
    public DatasetImportReport importCkan(Path file, boolean dryRun, WorkProgress progress) throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.CKAN);
        String name = input.name();
        List<SourceRow> rows;
        try (InputStream in = input.open()) {
            rows = CkanPackages.read(name, in);
        }
        // What the portal publishes is, by the scheme, at its lowest level (UNCLASSIFIED in the Hong Kong scheme).
        return importer.importRows(name, rows, DatasetColumn.headers(), List.of(), ckanMerge(inventory.levels().get(0)
                .code()), dryRun, progress);
    }

    /**
     * Writes the rejected rows as the file spelt them, with {@code status} and {@code details} in front (named
     * {@code import_status} and {@code import_details} when the file has a column of either name, as agreements
     * have {@code status}: a header naming a column twice could not be imported again).
     */
    public void writeRejected(DatasetImportReport report, Path target) throws IOException {
        boolean clash = taken("status", report) || taken("details", report);
        List<String> header = new ArrayList<>(clash ? List.of("import_status", "import_details")
                : List.of("status", "details"));
        header.addAll(report.headers());
        List<RowResult> rejected = report.rows().stream().filter(r -> r.outcome() == RowOutcome.REJECTED).toList();
        AtomicOutput.write(target, out -> {
            try (SafeCsvWriter csv = new SafeCsvWriter(out, header)) {
                for (int i = 0; i < rejected.size(); i++) {
                    RowResult r = rejected.get(i);
                    Map<String, String> original = report.rejectedRows().get(i);
                    List<String> cells = new ArrayList<>();
                    cells.add(RowOutcome.REJECTED.code());
                    cells.add("line " + r.line() + ": " + r.details());
                    for (String h : report.headers()) {
                        cells.add(original.get(h));
                    }
                    csv.row(cells);
                }
            }
        });
    }

    private static boolean taken(String name, DatasetImportReport report) {
        return report.headers().stream().anyMatch(h -> h != null && h.strip().equalsIgnoreCase(name));
    }

}
