package org.custodian.logic.inventory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.io.SourceRow;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.classification.Classification;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.DecisionCheck;
import org.custodian.model.classification.DecisionDraft;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.DecisionValidator;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetCheck;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetValidator;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.Problem;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;
import org.custodian.model.classification.SourceDataset;
import org.custodian.store.ReferenceRepository;

/**
 * Takes datasets in from CSV (and, through {@link #importRows}, from JSON and CKAN): every row is checked by the
 * same validator as the editor; the code is the key (known code updates, new code creates, a code repeated in
 * one input rejects the later rows). A level in a row is a classification decision whose rationale names the
 * file: a new level is recorded as one, a downgrade that needs approval rejects the row (it needs an approver,
 * which {@code classify} or a decisions import records), and a blank level keeps the recorded one. An input
 * without the {@code encryption_at_rest} column keeps what is recorded of a known dataset's encryption.
 * Accepted rows commit in one transaction with one audit event per record;
 * the dry run makes the same pass on a read connection and changes nothing. Rows stream through, so a
 * 100,000-row file is never held in memory.
 */
public final class DatasetImport {

    private static final Set<String> REQUIRED = Set.of("code", "department");
    private static final int PROGRESS_EVERY = 250;

    private final Database database;
    private final DatasetRepository datasets;
    private final ReferenceRepository references;
    private final Inventory inventory;
    private final Classification classification;

    public DatasetImport(Database database, DatasetRepository datasets, ReferenceRepository references,
                         Inventory inventory, Classification classification) {
        this.database = database;
        this.datasets = datasets;
        this.references = references;
        this.inventory = inventory;
        this.classification = classification;
    }

    /**
     * @param size the input's length in bytes for progress, or -1
     * @throws org.custodian.logic.io.InputRejectedException when the file as a whole is refused (encoding, header);
     *     nothing was changed
     * @throws CancelledException when cancelled; nothing was changed
     */
    public DatasetImportReport importCsv(String sourceName, InputStream in, long size, Charset charset,
                                         boolean dryRun, WorkProgress progress) {
        AtomicLong read = new AtomicLong();
        InputStream counted = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
        Set<String> known = new HashSet<>(DatasetColumn.headers());
        try (CsvSource csv = CsvSource.open(sourceName, counted, charset, known, REQUIRED)) {
            List<String> headers = csv.headers();
            List<String> lower = headers.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!lower.contains(DatasetColumn.TITLE_EN.header()) && !lower.contains(DatasetColumn.TITLE_TC.header())) {
                throw new org.custodian.logic.io.InputRejectedException(sourceName + ", line 1: a title column is"
                        + " missing: the header needs title_en or title_tc (it has " + csv.headerText() + ").");
            }
            Iterator<CsvSource.Row> it = csv.each().iterator();
            Iterator<SourceRow> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public SourceRow next() {
                    CsvSource.Row row = it.next();
                    Map<DatasetColumn, String> fields = new EnumMap<>(DatasetColumn.class);
                    for (DatasetColumn c : DatasetColumn.values()) {
                        // Only the file's columns: a column it lacks is told apart from an empty cell.
                        if (row.values().containsKey(c.header())) {
                            fields.put(c, row.values().get(c.header()));
                        }
                    }
                    Map<String, String> original = new LinkedHashMap<>();
                    for (String h : headers) {
                        original.put(h, row.values().get(h.strip().toLowerCase(Locale.ROOT)));
                    }
                    SourceRow source = SourceRow.of(row.line(), fields, original);
                    if (row.overflow() > 0) {
                        // An unquoted comma shifts every later cell into the wrong column: refuse the row.
                        source = source.withProblem(new RowProblem(sourceName, row.line(), null, "the row has "
                                + row.overflow() + " value(s) after the header's last column; a value with a comma"
                                + " must be in double quotes"));
                    }
                    return source;
                }
            };
            WorkProgress byBytes = new WorkProgress() {
                @Override
                public void update(long done, long total) {
                    progress.update(read.get(), size);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            return importRows(sourceName, () -> rows, headers, csv.warnings(), dryRun, byBytes);
        }
    }

    /**
     * How a source that knows only part of a record fills the rest: for a known code, the columns in
     * {@code kept} that the source leaves empty keep the stored values; for a new code they take
     * {@code defaults}. A CKAN catalogue, for one, knows nothing of classification or retention, and a field the
     * portal leaves empty may hold what the officer wrote.
     */
    public record Merge(Set<DatasetColumn> kept, Map<DatasetColumn, String> defaults) {
        public static final Merge NONE = new Merge(Set.of(), Map.of());
    }

    /** The import pass over rows from any reader; see the class comment. */
    public DatasetImportReport importRows(String sourceName, Iterable<SourceRow> rows, List<String> headers,
                                          List<RowProblem> fileWarnings, boolean dryRun, WorkProgress progress) {
        return importRows(sourceName, rows, headers, fileWarnings, Merge.NONE, dryRun, progress);
    }

    public DatasetImportReport importRows(String sourceName, Iterable<SourceRow> rows, List<String> headers,
                                          List<RowProblem> fileWarnings, Merge merge, boolean dryRun,
                                          WorkProgress progress) {
        ReferenceIndex index = ReferenceIndex.load(references);
        DatasetValidator validator = inventory.validator(index, true);
        Pass pass = new Pass(sourceName, validator, index, headers, fileWarnings, merge, progress);
        if (dryRun) {
            datasets.withLookup(lookup -> {
                pass.run(rows, lookup, null);
                return null;
            });
        } else {
            database.backupBeforeImport();
            database.inTransaction(tx -> {
                java.util.Set<java.util.UUID> classified = new HashSet<>();
                pass.run(rows, datasets.lookup(tx), new Writer() {
                    @Override
                    public void addReference(NewReference added) {
                        references.insert(tx, added.list(), added.code(), added.nameEn(), added.nameTc());
                    }

                    @Override
                    public void create(DatasetRepository.Staged d) {
                        datasets.insert(tx, d, "imported from " + sourceName);
                    }

                    @Override
                    public void update(Dataset current, Dataset changed) {
                        datasets.update(tx, current, changed, "imported from " + sourceName);
                    }

                    @Override
                    public void classify(Dataset dataset, DecisionDraft decision) {
                        classification.recordInBulk(tx, dataset, decision);
                        classified.add(dataset.id());
                    }

                    @Override
                    public void classifyNew(Dataset created, DecisionDraft decision) {
                        classification.recordFirst(tx, created, decision);
                        classified.add(created.id());
                    }
                });
                classification.refreshReviewsDue(tx, classified);
                return null;
            });
        }
        return new DatasetImportReport(sourceName, dryRun, pass.results, pass.warnings, pass.added, headers,
                pass.rejectedRows);
    }

    /** Where accepted rows go; null on a dry run. */
    private interface Writer {
        void addReference(NewReference added);

        void create(DatasetRepository.Staged d);

        void update(Dataset current, Dataset changed);

        /** Records the level the row brings as a decision (before the dataset's other changes). */
        void classify(Dataset dataset, DecisionDraft decision);

        /** Records the first decision of a dataset just created with its level. */
        void classifyNew(Dataset created, DecisionDraft decision);
    }

    /** A row after reading and checking, on its way to the writer. */
    private record Checked(SourceRow row, String code, String title, DatasetCheck check, List<RowProblem> problems,
                           DatasetRepository.Staged staged) {
    }

    /**
     * One pass over the rows. Reading and checking (stage one) and storing (stage two) are separate so that a
     * plain import runs them on two threads: the CSV parser and validator keep the next rows ready while the
     * writer talks to SQLite. Rows reach the writer in file order, so results and audit events keep it too.
     * A merging source (CKAN) needs the stored record to check a row and runs both stages on one thread.
     */
    private final class Pass {
        final String source;
        final DatasetValidator validator;
        final ReferenceIndex index;
        final WorkProgress progress;
        final List<RowResult> results = new ArrayList<>();
        final List<RowProblem> warnings = new ArrayList<>();
        final List<NewReference> added = new ArrayList<>();
        final List<Map<String, String>> rejectedRows = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Map<java.util.UUID, String> seenIds = new java.util.HashMap<>();
        final Set<String> stored;
        final Merge merge;
        final ClassificationScheme scheme = classification.scheme();
        final Map<java.util.UUID, List<SourceDataset>> sourcesOf = classification.allSources();
        final DecisionValidator decisions = new DecisionValidator();
        final boolean hasLevelColumn;
        final Map<String, NewReference> pendingAdditions = new java.util.HashMap<>();

        Pass(String source, DatasetValidator validator, ReferenceIndex index, List<String> headers,
             List<RowProblem> fileWarnings, Merge merge, WorkProgress progress) {
            this.source = source;
            this.merge = merge;
            this.validator = validator;
            this.index = index;
            this.progress = progress;
            this.warnings.addAll(fileWarnings);
            this.stored = datasets.codes();
            this.hasLevelColumn = headers.stream().anyMatch(h -> h.strip().equalsIgnoreCase(
                    DatasetColumn.CLASSIFICATION.header()));
        }

        void run(Iterable<SourceRow> rows, DatasetRepository.Lookup lookup, Writer writer) {
            if (merge != Merge.NONE) {
                long n = 0;
                for (SourceRow row : rows) {
                    tick(++n);
                    store(check(row, lookup), lookup, writer);
                }
                progress.update(n, n);
                return;
            }
            RowPipeline<Checked> pipeline = new RowPipeline<>(rows, row -> check(row, null));
            try {
                long n = 0;
                for (Checked c : pipeline) {
                    tick(++n);
                    store(c, lookup, writer);
                }
                progress.update(n, n);
            } finally {
                pipeline.close();
            }
        }

        private void tick(long n) {
            if (n % PROGRESS_EVERY == 0) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                progress.update(n, -1);
            }
        }

        /** Stage one: the row's checks. Needs the stored record only when merging. */
        private Checked check(SourceRow row, DatasetRepository.Lookup lookup) {
            Map<DatasetColumn, String> fields = row.fields();
            String rawCode = blankToNull(fields.get(DatasetColumn.CODE));
            if (merge != Merge.NONE) {
                Optional<Dataset> existing = existing(rawCode, lookup);
                fields = new EnumMap<>(DatasetColumn.class);
                fields.putAll(row.fields());
                Map<DatasetColumn, String> kept = existing.map(Dataset::columns).orElse(null);
                for (DatasetColumn c : merge.kept()) {
                    if (blankToNull(fields.get(c)) == null) {
                        fields.put(c, kept != null ? kept.get(c) : merge.defaults().get(c));
                    }
                }
            }
            DatasetCheck check = validator.check(fields);
            String code = check.dataset() != null ? check.dataset().code() : rawCode;
            String title = firstNonBlank(fields.get(DatasetColumn.TITLE_EN), fields.get(DatasetColumn.TITLE_TC));
            List<RowProblem> problems = new ArrayList<>(row.problems());
            check.problems().forEach(p -> problems.add(located(row, p)));
            if (code != null && !seen.add(code.toLowerCase(Locale.ROOT))) {
                problems.add(new RowProblem(source, row.line(), "code",
                        "code '" + code + "' already appears on an earlier row of this file"));
            }
            DatasetRepository.Staged staged = null;
            if (problems.isEmpty()) {
                // Later rows must find what this one adds (the writer stores it before this row).
                check.additions().forEach(index::add);
                if (!stored.contains(code.toLowerCase(Locale.ROOT))) {
                    staged = DatasetRepository.stage(check.dataset().withIdentity(row.id(), row.createdAt(),
                            row.updatedAt()));
                }
            }
            return new Checked(row, code, title, check, problems, staged);
        }

        private Optional<Dataset> existing(String code, DatasetRepository.Lookup lookup) {
            if (code == null || !stored.contains(code.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return lookup.byCode(code);
        }

        /** Stage two, in row order: the outcome, and the writes unless this is a dry run. */
        private void store(Checked c, DatasetRepository.Lookup lookup, Writer writer) {
            SourceRow row = c.row();
            if (!c.problems().isEmpty()) {
                results.add(new RowResult(row.line(), c.code(), c.title(), RowOutcome.REJECTED, c.problems(),
                        List.of()));
                rejectedRows.add(row.original());
                return;
            }
            List<RowProblem> rowWarnings = new ArrayList<>(row.warnings());
            c.check().warnings().forEach(p -> rowWarnings.add(located(row, p)));
            Dataset incoming = c.check().dataset();
            Optional<Dataset> existing = existing(incoming.code(), lookup);
            if (existing.isPresent() && !row.fields().containsKey(DatasetColumn.ENCRYPTION_AT_REST)) {
                // A file without the column (made before it existed) says nothing of encryption: what is recorded
                // stays. A new dataset from such a file has it not recorded.
                incoming = incoming.withEncryptionAtRest(existing.get().encryptionAtRest());
            }
            if (existing.isEmpty() && row.id() != null) {
                // A JSON row brings its own id: it must not belong to another dataset already.
                String earlier = seenIds.putIfAbsent(row.id(), incoming.code());
                String holder = earlier != null ? earlier + " on an earlier row of this file"
                        : lookup.byId(row.id()).map(Dataset::code).orElse(null);
                if (holder != null) {
                    RowProblem clash = new RowProblem(source, row.line(), "id", "id " + row.id()
                            + " already belongs to dataset " + holder + "; remove the id to add this as a new dataset");
                    rejectLate(c, List.of(clash));
                    return;
                }
            }
            String oldLevel = existing.map(Dataset::classification).orElse(null);
            DecisionDraft decision = null;
            if (incoming.classification() == null && oldLevel != null) {
                incoming = incoming.withClassification(oldLevel);
                if (hasLevelColumn && merge == Merge.NONE) {
                    Problem stays = Problem.of(DatasetColumn.CLASSIFICATION.header(), "validation.dataset.levelKept",
                            "blank: the recorded level " + oldLevel + " stays (a level changes only through a"
                                    + " classification decision)", oldLevel);
                    RowProblem kept = new RowProblem(source, row.line(), stays.field(), stays.english(), stays);
                    rowWarnings.add(kept);
                }
            } else if (incoming.classification() != null && !incoming.classification().equals(oldLevel)) {
                Dataset subject = existing.orElse(incoming.withClassification(null));
                DecisionCheck check = decisions.check(DecisionInput.of(incoming.classification(),
                        "Imported from " + source + " (line " + row.line() + ")", classification.actor()),
                        classification.context(scheme, subject, existing.isEmpty() ? List.of()
                                : sourcesOf.getOrDefault(subject.id(), List.of())));
                if (!check.valid()) {
                    List<RowProblem> refused = check.problems().stream().map(p -> new RowProblem(source, row.line(),
                            DatasetColumn.CLASSIFICATION.header(), p.english() + "; record that decision with"
                            + " `classify` or a decisions import", p)).toList();
                    rejectLate(c, refused);
                    return;
                }
                decision = check.draft();
            }
            // Only a row that is taken adds the references it names.
            for (NewReference ref : c.check().additions()) {
                add(ref, writer);
            }
            for (String key : referenceKeys(incoming)) {
                NewReference pending = pendingAdditions.remove(key);
                if (pending != null) {
                    add(pending, writer);
                }
            }
            warnings.addAll(rowWarnings);
            RowOutcome outcome;
            if (existing.isEmpty()) {
                outcome = RowOutcome.CREATED;
                if (writer != null) {
                    DatasetRepository.Staged staged = c.staged() != null ? c.staged() : DatasetRepository.stage(
                            incoming.withIdentity(row.id(), row.createdAt(), row.updatedAt()));
                    writer.create(staged);
                    if (decision != null) {
                        writer.classifyNew(staged.dataset(), decision);
                    }
                }
            } else if (existing.get().sameContent(incoming)) {
                outcome = RowOutcome.UNCHANGED;
            } else {
                outcome = RowOutcome.UPDATED;
                if (writer != null) {
                    Dataset current = existing.get();
                    if (decision != null) {
                        writer.classify(current, decision);
                        current = current.withClassification(decision.level().code());
                    }
                    writer.update(current, incoming);
                }
            }
            results.add(new RowResult(row.line(), c.code(), c.title(), outcome, List.of(), rowWarnings));
        }

        /**
         * Rejects a row after stage one took it: the references it would have added are already in the index
         * later rows were checked against, so they wait here for the first taken row that names them.
         */
        private void rejectLate(Checked c, List<RowProblem> problems) {
            results.add(new RowResult(c.row().line(), c.code(), c.title(), RowOutcome.REJECTED, problems, List.of()));
            rejectedRows.add(c.row().original());
            for (NewReference ref : c.check().additions()) {
                pendingAdditions.put(ref.list() + ":" + ref.code().toLowerCase(Locale.ROOT), ref);
            }
        }

        private void add(NewReference ref, Writer writer) {
            added.add(ref);
            if (writer != null) {
                writer.addReference(ref);
            }
        }

        private List<String> referenceKeys(Dataset d) {
            if (pendingAdditions.isEmpty()) {
                return List.of();
            }
            List<String> keys = new ArrayList<>();
            keys.add(ReferenceList.ORGANISATION + ":" + d.department().toLowerCase(Locale.ROOT));
            if (d.category() != null) {
                keys.add(ReferenceList.CATEGORY + ":" + d.category().toLowerCase(Locale.ROOT));
            }
            d.formats().forEach(f -> keys.add(ReferenceList.FORMAT + ":" + f.toLowerCase(Locale.ROOT)));
            return keys;
        }

        private RowProblem located(SourceRow row, Problem p) {
            return new RowProblem(source, row.line(), p.field(), p.english(), p);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String a, String b) {
        String x = blankToNull(a);
        return x != null ? x : blankToNull(b);
    }
}
