package org.custodian.logic.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.Criterion;
import org.custodian.model.classification.DecisionCheck;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.DecisionStatus;
import org.custodian.model.classification.DecisionValidator;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.validation.FieldText;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;

/**
 * The decisions register as CSV. Export writes every decision in recording order; import appends each row as a
 * decision, checked by the same rules as the reclassify dialog against the dataset as the earlier rows left it.
 * A row whose id is already recorded is skipped, so an export re-imports without duplicating. Accepted rows
 * commit together; the dry run makes the same pass on a read connection, remembering the rows it would take.
 */
public final class DecisionExchange {

    public static final String ID = "id";
    public static final String DATASET_CODE = "dataset_code";
    public static final String STATUS = "status";
    public static final String PREVIOUS_LEVEL = "previous_level";
    public static final String SUPERSEDES = "supersedes";
    public static final String RECORDED_AT = "recorded_at";
    public static final String RECORDED_BY = "recorded_by";

    /** The columns of the decisions CSV, in order. */
    public static final List<String> HEADERS = headers();

    private static final Set<String> REQUIRED = Set.of(DATASET_CODE, DecisionInput.LEVEL, DecisionInput.RATIONALE);

    private final Database database;
    private final DatasetRepository datasets;
    private final Classification classification;

    public DecisionExchange(Database database, DatasetRepository datasets, Classification classification) {
        this.database = database;
        this.datasets = datasets;
        this.classification = classification;
    }

    private static List<String> headers() {
        List<String> h = new ArrayList<>(List.of(ID, DATASET_CODE, STATUS, DecisionInput.LEVEL, PREVIOUS_LEVEL,
                DecisionInput.RATIONALE));
        for (Criterion c : Criterion.values()) {
            h.add(c.header());
        }
        h.addAll(List.of(DecisionInput.PROPOSED_BY, DecisionInput.DECIDED_BY, DecisionInput.APPROVED_BY,
                DecisionInput.JUSTIFICATION, DecisionInput.EFFECTIVE_FROM, DecisionInput.REVIEW_DUE,
                DecisionInput.DECLASSIFY_ON, DecisionInput.DECLASSIFY_EVENT, SUPERSEDES, RECORDED_AT, RECORDED_BY));
        return List.copyOf(h);
    }

    /** Writes every decision to {@code target} (replaced only when complete); returns how many. */
    public long export(Path target, WorkProgress progress) throws IOException {
        long total = classification.decisionCount();
        long[] written = {0};
        AtomicOutput.write(target, out -> {
            try (SafeCsvWriter csv = new SafeCsvWriter(out, HEADERS)) {
                classification.decisionStore().forEach(d -> {
                    try {
                        csv.row(row(d));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (++written[0] % 500 == 0) {
                        if (progress.isCancelled()) {
                            throw new CancelledException();
                        }
                        progress.update(written[0], total);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return written[0];
    }

    private static List<String> row(ClassificationDecision d) {
        List<String> cells = new ArrayList<>(List.of(d.id().toString(), d.datasetCode(), d.status().code(),
                d.level(), nullToEmpty(d.previousLevel()), d.rationale()));
        for (Criterion c : Criterion.values()) {
            cells.add(nullToEmpty(d.criteria().get(c)));
        }
        cells.addAll(List.of(nullToEmpty(d.proposedBy()), nullToEmpty(d.decidedBy()), nullToEmpty(d.approvedBy()),
                nullToEmpty(d.justification()), d.effectiveFrom().toString(), text(d.reviewDue()),
                text(d.declassifyOn()), nullToEmpty(d.declassifyEvent()),
                d.supersedes() == null ? "" : d.supersedes().toString(), d.recordedAt().toString(),
                d.recordedBy()));
        return cells;
    }

    /**
     * Imports decisions from a CSV file.
     *
     * @throws org.custodian.logic.io.InputRejectedException when the file as a whole is refused (too large, not
     *     text, a bad header); nothing was changed
     */
    public DatasetImportReport importFile(Path file, Charset charset, boolean dryRun, WorkProgress progress)
            throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.REGISTER);
        try (InputStream in = input.open()) {
            return importCsv(input.name(), in, charset, dryRun, progress);
        }
    }

    /**
     * Imports decisions from CSV. A dry run reads the workbench as it is (no writer needed, so it works on a
     * read-only file or while another window holds it) and checks each row as the import would.
     *
     * @throws org.custodian.logic.io.InputRejectedException when the file as a whole is refused (encoding,
     *     header); nothing was changed
     */
    public DatasetImportReport importCsv(String sourceName, InputStream in, Charset charset, boolean dryRun,
                                         WorkProgress progress) {
        try (CsvSource csv = CsvSource.open(sourceName, in, charset, new HashSet<>(HEADERS), REQUIRED)) {
            if (dryRun) {
                return pass(sourceName, csv, classification.dryRunLedger(), true, progress);
            }
            database.backupBeforeImport();
            return database.inTransaction(tx -> pass(sourceName, csv, classification.ledger(tx), false, progress));
        }
    }

    private DatasetImportReport pass(String sourceName, CsvSource csv, Classification.Ledger ledger, boolean dryRun,
                                     WorkProgress progress) {
        List<String> headers = csv.headers();
        ClassificationScheme scheme = classification.scheme();
        DecisionValidator validator = new DecisionValidator();
        List<RowResult> results = new ArrayList<>();
        List<Map<String, String>> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        long n = 0;
        for (CsvSource.Row row : csv.each()) {
            if (++n % 100 == 0 && progress.isCancelled()) {
                throw new CancelledException();
            }
            Map<String, String> v = row.values();
            String code = blankToNull(v.get(DATASET_CODE));
            List<RowProblem> problems = new ArrayList<>();
            if (row.overflow() > 0) {
                problems.add(new RowProblem(sourceName, row.line(), null, "the row has " + row.overflow()
                        + " value(s) after the header's last column; a value with a comma must be in double quotes"));
            }
            UUID id = null;
            String idText = blankToNull(v.get(ID));
            if (idText != null) {
                try {
                    id = UUID.fromString(idText);
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(sourceName, row.line(), ID, "'" + FieldText.shown(idText)
                            + "' is not a decision id (leave it empty for a new decision)"));
                }
            }
            if (id != null && !seen.add(id)) {
                problems.add(new RowProblem(sourceName, row.line(), ID, "decision " + id
                        + " appears on an earlier row of this file"));
            }
            Optional<Dataset> dataset = code == null ? Optional.empty() : ledger.dataset(code);
            if (code == null) {
                problems.add(new RowProblem(sourceName, row.line(), DATASET_CODE, "missing"));
            } else if (dataset.isEmpty()) {
                problems.add(new RowProblem(sourceName, row.line(), DATASET_CODE,
                        "no dataset with code '" + FieldText.shown(code) + "' in this workbench"));
            }
            String statusText = blankToNull(v.get(STATUS));
            DecisionStatus status = statusText == null ? DecisionStatus.CONFIRMED
                    : CodedValue.parse(DecisionStatus.class, statusText);
            if (status == null) {
                problems.add(new RowProblem(sourceName, row.line(), STATUS, "'" + FieldText.shown(statusText)
                        + "' is not a status (expected " + CodedValue.codes(DecisionStatus.class) + ")"));
            }
            String title = dataset.map(Dataset::title).orElse(null);
            Optional<String> recordedFor = problems.isEmpty() && id != null ? ledger.recordedFor(id) : Optional.empty();
            if (recordedFor.isPresent()) {
                if (recordedFor.get().equalsIgnoreCase(dataset.get().code())) {
                    results.add(new RowResult(row.line(), code, title, RowOutcome.UNCHANGED, List.of(), List.of()));
                    continue;
                }
                problems.add(new RowProblem(sourceName, row.line(), ID, "decision " + id + " is recorded for dataset "
                        + recordedFor.get() + ", not " + code + "; remove the id to record this as a new decision"));
            }
            if (problems.isEmpty()) {
                DecisionCheck check = validator.check(input(v, status), ledger.context(scheme, dataset.get(),
                        v.get(DecisionInput.EFFECTIVE_FROM)));
                check.problems().forEach(p -> problems.add(new RowProblem(sourceName, row.line(), p.field(),
                        p.english(), p)));
                if (check.valid()) {
                    ledger.record(dataset.get(), check.draft(), id);
                    results.add(new RowResult(row.line(), code, title, RowOutcome.CREATED, List.of(), List.of()));
                    continue;
                }
            }
            results.add(new RowResult(row.line(), code, title, RowOutcome.REJECTED, problems, List.of()));
            Map<String, String> original = new LinkedHashMap<>();
            for (String h : headers) {
                original.put(h, v.get(h.strip().toLowerCase(Locale.ROOT)));
            }
            rejected.add(original);
        }
        progress.update(n, n);
        return new DatasetImportReport(sourceName, dryRun, results, csv.warnings(), List.of(), headers, rejected);
    }

    private DecisionInput input(Map<String, String> v, DecisionStatus status) {
        Map<Criterion, String> criteria = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            String note = blankToNull(v.get(c.header()));
            if (note != null) {
                criteria.put(c, note);
            }
        }
        boolean proposal = status == DecisionStatus.PROPOSED;
        String decidedBy = blankToNull(v.get(DecisionInput.DECIDED_BY));
        if (decidedBy == null && !proposal) {
            // The person importing stands behind a decision whose file does not name its decider.
            decidedBy = classification.actor();
        }
        return new DecisionInput(v.get(DecisionInput.LEVEL), v.get(DecisionInput.RATIONALE), criteria,
                v.get(DecisionInput.PROPOSED_BY), decidedBy, v.get(DecisionInput.APPROVED_BY),
                v.get(DecisionInput.JUSTIFICATION), v.get(DecisionInput.EFFECTIVE_FROM),
                v.get(DecisionInput.REVIEW_DUE), v.get(DecisionInput.DECLASSIFY_ON),
                v.get(DecisionInput.DECLASSIFY_EVENT), proposal);
    }

    /** The import's counts in a decisions register's words. */
    public static String summary(DatasetImportReport report) {
        return report.source() + (report.dryRun() ? " (dry run, nothing saved)" : "") + ": "
                + report.count(RowOutcome.CREATED) + " recorded, " + report.count(RowOutcome.UNCHANGED)
                + " already recorded, " + report.count(RowOutcome.REJECTED) + " rejected";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String text(java.time.LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
