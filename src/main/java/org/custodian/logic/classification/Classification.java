package org.custodian.logic.classification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.model.classification.AccessReviewValidator;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.DecisionCheck;
import org.custodian.model.classification.DecisionContext;
import org.custodian.model.classification.DecisionDraft;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.DecisionValidator;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.validation.Problem;
import org.custodian.store.AccessReviewRepository;
import org.custodian.store.ClassificationSchemeRepository;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;
import org.custodian.model.classification.SourceDataset;
import org.custodian.store.DatasetSourceRepository;
import org.custodian.store.DecisionRepository;
import org.custodian.store.ReviewQueueRepository;
import org.custodian.store.Tx;

/**
 * Classification use cases for the window and the command line: decide a dataset's level (the only way a level
 * changes), record access reviews, name the datasets a dataset is derived from, list the reviews due, and load a
 * scheme. Each write is one transaction with its audit event.
 */
public final class Classification {

    private final Database database;
    private final DatasetRepository datasets;
    private final ClassificationSchemeRepository schemes;
    private final DecisionRepository decisions;
    private final AccessReviewRepository accessReviews;
    private final DatasetSourceRepository sources;
    private final ReviewQueueRepository queue;
    private final Clock clock;
    private final DecisionValidator validator = new DecisionValidator();

    public Classification(Database database, DatasetRepository datasets, ClassificationSchemeRepository schemes,
                          Clock clock) {
        this.database = database;
        this.datasets = datasets;
        this.schemes = schemes;
        this.decisions = new DecisionRepository(database);
        this.accessReviews = new AccessReviewRepository(database);
        this.sources = new DatasetSourceRepository(database);
        this.queue = new ReviewQueueRepository(database);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String actor() {
        return database.actor();
    }

    public ClassificationScheme scheme() {
        return schemes.scheme();
    }

    /** The id of the dataset with this code. */
    public Optional<UUID> datasetId(String code) {
        return code == null ? Optional.empty() : datasets.findByCode(code.strip()).map(Dataset::id);
    }

    public List<ClassificationDecision> decisions(UUID datasetId) {
        return decisions.forDataset(datasetId);
    }

    public Optional<ClassificationDecision> currentDecision(UUID datasetId) {
        return decisions.current(datasetId);
    }

    public List<AccessReview> accessReviews(UUID datasetId) {
        return accessReviews.forDataset(datasetId);
    }

    public List<SourceDataset> sources(UUID datasetId) {
        return sources.sources(datasetId);
    }

    public List<DueReview> due(ReviewQuery query) {
        return queue.due(query);
    }

    /** Every derived dataset's sources, by its id (an import checks a level against them). */
    public java.util.Map<UUID, List<SourceDataset>> allSources() {
        return sources.all();
    }

    public long decisionCount() {
        return decisions.count();
    }

    /** What a decision on this dataset is checked against now (the dialog shows when approval is needed). */
    public DecisionContext context(UUID datasetId) {
        Dataset d = datasets.findById(datasetId).orElseThrow(() -> gone(datasetId));
        return context(scheme(), d, sources.sources(datasetId));
    }

    /** The context of a decision on {@code d}, whose sources are {@code from}. */
    public DecisionContext context(ClassificationScheme scheme, Dataset d, List<SourceDataset> from) {
        return context(scheme, d, from, d.classification());
    }

    /**
     * The context of a decision on {@code d} that takes effect on the date {@code effectiveFrom} names (today
     * when empty or unreadable): it is checked against the level in force on that date, so a backdated decision
     * is judged against what it followed.
     */
    DecisionContext contextAt(Tx tx, ClassificationScheme scheme, Dataset d, String effectiveFrom) {
        LocalDate at = effectiveDate(effectiveFrom);
        String level = at.isBefore(today()) ? decisions.inForce(tx, d.id(), at).map(ClassificationDecision::level)
                .orElse(null) : d.classification();
        return context(scheme, d, sources.sources(tx, d.id()), level);
    }

    /** The date a decision's text names, or today when it names none (or one the validator will refuse). */
    LocalDate effectiveDate(String effectiveFrom) {
        try {
            if (effectiveFrom != null && !effectiveFrom.isBlank()) {
                return LocalDate.parse(effectiveFrom.strip());
            }
        } catch (java.time.format.DateTimeParseException e) {
            // the validator reports the date; check against today's level meanwhile
        }
        return today();
    }

    /**
     * Where a decisions import looks datasets and decisions up and records its rows: the write transaction, or,
     * for a dry run, the store read as it is plus the rows the dry run has taken so far (so the same rows meet
     * the same rules, without the writer).
     */
    interface Ledger {
        Optional<Dataset> dataset(String code);

        /** The code of the dataset the recorded decision with this id is about, if one is recorded. */
        Optional<String> recordedFor(UUID decisionId);

        DecisionContext context(ClassificationScheme scheme, Dataset d, String effectiveFrom);

        void record(Dataset d, DecisionDraft draft, UUID id);
    }

    Ledger ledger(Tx tx) {
        return new Ledger() {
            @Override
            public Optional<Dataset> dataset(String code) {
                return datasets.findByCode(tx, code);
            }

            @Override
            public Optional<String> recordedFor(UUID decisionId) {
                return decisions.recordedFor(tx, decisionId);
            }

            @Override
            public DecisionContext context(ClassificationScheme scheme, Dataset d, String effectiveFrom) {
                return contextAt(tx, scheme, d, effectiveFrom);
            }

            @Override
            public void record(Dataset d, DecisionDraft draft, UUID id) {
                Classification.this.record(tx, d, draft, id);
            }
        };
    }

    /** A dry run's ledger: reads the store, remembers what it would have recorded, writes nothing. */
    Ledger dryRunLedger() {
        // Per dataset, the confirmed levels this dry run would have recorded, by effective date in recording order.
        java.util.Map<UUID, List<java.util.Map.Entry<LocalDate, String>>> taken = new java.util.HashMap<>();
        java.util.Map<UUID, String> ids = new java.util.HashMap<>();
        return new Ledger() {
            @Override
            public Optional<Dataset> dataset(String code) {
                return datasets.findByCode(code);
            }

            @Override
            public Optional<String> recordedFor(UUID decisionId) {
                return ids.containsKey(decisionId) ? Optional.of(ids.get(decisionId))
                        : decisions.recordedFor(decisionId);
            }

            @Override
            public DecisionContext context(ClassificationScheme scheme, Dataset d, String effectiveFrom) {
                LocalDate at = effectiveDate(effectiveFrom);
                Optional<ClassificationDecision> stored = decisions.inForce(d.id(), at);
                String level = stored.map(ClassificationDecision::level).orElse(null);
                LocalDate since = stored.map(ClassificationDecision::effectiveFrom).orElse(LocalDate.MIN);
                // A row taken earlier in the file, effective on or before this date and no earlier than the stored
                // one, was recorded after it: it is the one in force.
                for (var t : taken.getOrDefault(d.id(), List.of())) {
                    if (!t.getKey().isAfter(at) && !t.getKey().isBefore(since)) {
                        since = t.getKey();
                        level = t.getValue();
                    }
                }
                return Classification.this.context(scheme, d, sources.sources(d.id()), level);
            }

            @Override
            public void record(Dataset d, DecisionDraft draft, UUID id) {
                if (draft.status() == org.custodian.model.classification.DecisionStatus.CONFIRMED) {
                    taken.computeIfAbsent(d.id(), k -> new ArrayList<>())
                            .add(java.util.Map.entry(draft.effectiveFrom(), draft.level().code()));
                }
                if (id != null) {
                    ids.put(id, d.code());
                }
            }
        };
    }

    private DecisionContext context(ClassificationScheme scheme, Dataset d, List<SourceDataset> from,
                                    String levelInForce) {
        ClassificationLevel current = scheme.level(levelInForce).orElse(null);
        ClassificationLevel highest = from.stream().map(s -> scheme.level(s.level()).orElse(null))
                .filter(java.util.Objects::nonNull).max(Comparator.comparingInt(ClassificationLevel::rank))
                .orElse(null);
        List<String> codes = highest == null ? List.of() : from.stream()
                .filter(s -> s.level() != null && s.level().equalsIgnoreCase(highest.code()))
                .map(SourceDataset::code).toList();
        return new DecisionContext(scheme, d.code(), current, highest, codes, today());
    }

    /** Records a decision on the dataset with this code (the command line's {@code classify}). */
    public Outcome<ClassificationDecision> classify(String code, DecisionInput input) {
        Optional<Dataset> d = datasets.findByCode(code);
        if (d.isEmpty()) {
            return Outcome.refused(Problem.of("code", "validation.decision.noDataset",
                    "no dataset with code '" + code + "' in this workbench", code));
        }
        return classify(d.get().id(), input);
    }

    /**
     * Checks {@code input} against the dataset as it is inside the transaction and records it: a confirmed
     * decision that is now the latest sets the dataset's level.
     */
    public Outcome<ClassificationDecision> classify(UUID datasetId, DecisionInput input) {
        ClassificationScheme scheme = scheme();
        return database.inTransaction(tx -> {
            Dataset d = datasets.findById(tx, datasetId).orElseThrow(() -> gone(datasetId));
            DecisionCheck check = validator.check(input, contextAt(tx, scheme, d, input.effectiveFrom()));
            if (!check.valid()) {
                return Outcome.refused(check.problems());
            }
            return Outcome.done(record(tx, d, check.draft()));
        });
    }

    /** Appends a checked decision inside the caller's transaction (an import records many in one). */
    public ClassificationDecision record(Tx tx, Dataset d, DecisionDraft draft) {
        return record(tx, d, draft, null, true);
    }

    /**
     * As {@link #record(Tx, Dataset, DecisionDraft)}, for an import of many: the reviews due are left for
     * {@link #refreshReviewsDue} at the import's end.
     */
    public ClassificationDecision recordInBulk(Tx tx, Dataset d, DecisionDraft draft) {
        return record(tx, d, draft, null, false);
    }

    /**
     * Records the first decision of a dataset an import has just created with the decision's level: nothing
     * precedes it, so there is nothing to look up or set; the reviews due are left for {@link #refreshReviewsDue}.
     */
    public ClassificationDecision recordFirst(Tx tx, Dataset created, DecisionDraft draft) {
        ClassificationDecision decision = new ClassificationDecision(UUID.randomUUID(), created.id(), created.code(),
                draft.status(), draft.level().code(), null, draft.rationale(), draft.criteria(), draft.proposedBy(),
                draft.decidedBy(), draft.approvedBy(), draft.justification(), draft.effectiveFrom(),
                draft.reviewDue(), draft.declassifyOn(), draft.declassifyEvent(), null, Instant.now(clock),
                tx.actor());
        decisions.appendFirst(tx, decision);
        return decision;
    }

    /** Brings the reviews due of these datasets (all of them when there are many) up to date in {@code tx}. */
    public void refreshReviewsDue(Tx tx, java.util.Collection<UUID> datasetIds) {
        if (datasetIds.size() > 2_000) {
            ReviewQueueRepository.refreshAll(tx);
        } else {
            datasetIds.forEach(id -> ReviewQueueRepository.refresh(tx, id));
        }
    }

    /** Appends a decision read from a decisions file, with its own id when it brings one. */
    ClassificationDecision record(Tx tx, Dataset d, DecisionDraft draft, UUID id) {
        return record(tx, d, draft, id, true);
    }

    private ClassificationDecision record(Tx tx, Dataset d, DecisionDraft draft, UUID id, boolean refreshQueue) {
        // It follows the decision in force on its own date (today's, unless it is backdated).
        Optional<ClassificationDecision> current = d.classification() == null ? Optional.empty()
                : decisions.inForce(tx, d.id(), draft.effectiveFrom());
        ClassificationDecision decision = new ClassificationDecision(id == null ? UUID.randomUUID() : id, d.id(),
                d.code(), draft.status(), draft.level().code(), current.map(ClassificationDecision::level)
                .orElse(null), draft.rationale(),
                draft.criteria(), draft.proposedBy(), draft.decidedBy(), draft.approvedBy(), draft.justification(),
                draft.effectiveFrom(), draft.reviewDue(), draft.declassifyOn(), draft.declassifyEvent(),
                current.map(ClassificationDecision::id).orElse(null), Instant.now(clock), tx.actor());
        decisions.append(tx, decision, refreshQueue);
        return decision;
    }

    DecisionRepository decisionStore() {
        return decisions;
    }

    DatasetSourceRepository sourceStore() {
        return sources;
    }

    /** Records an access-rights review of the dataset. */
    public Outcome<AccessReview> recordAccessReview(UUID datasetId, AccessReviewInput input) {
        ClassificationScheme scheme = scheme();
        return database.inTransaction(tx -> {
            Dataset d = datasets.findById(tx, datasetId).orElseThrow(() -> gone(datasetId));
            AccessReviewValidator.Check check = new AccessReviewValidator().check(input, d.id(), d.code(),
                    scheme.level(d.classification()).orElse(null), today());
            if (!check.valid()) {
                return Outcome.refused(check.problems());
            }
            AccessReview r = check.review();
            AccessReview stored = new AccessReview(UUID.randomUUID(), d.id(), d.code(), r.reviewer(),
                    r.reviewedOn(), r.scope(), r.findings(), r.actions(), r.nextDue(), Instant.now(clock), tx.actor());
            accessReviews.append(tx, stored);
            return Outcome.done(stored);
        });
    }

    /**
     * Names the datasets {@code datasetId} is derived from, by code. Refuses unknown codes, the dataset itself,
     * and a source that is itself derived from this dataset (a cycle).
     */
    public Outcome<List<SourceDataset>> setSources(UUID datasetId, List<String> codes,
                                                                     String reason) {
        return database.inTransaction(tx -> {
            Dataset d = datasets.findById(tx, datasetId).orElseThrow(() -> gone(datasetId));
            List<Problem> problems = new ArrayList<>();
            List<SourceDataset> chosen = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String raw : codes) {
                String code = raw.strip();
                if (code.isEmpty() || !seen.add(code.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Optional<Dataset> s = datasets.findByCode(tx, code);
                if (s.isEmpty()) {
                    problems.add(Problem.of("derived_from", "validation.sources.unknown",
                            "no dataset with code '" + code + "'", code));
                } else if (s.get().id().equals(datasetId)) {
                    problems.add(Problem.of("derived_from", "validation.sources.self",
                            "a dataset cannot be derived from itself"));
                } else if (sources.derivesFrom(tx, s.get().id(), datasetId)) {
                    problems.add(Problem.of("derived_from", "validation.sources.cycle",
                            s.get().code() + " is itself derived from " + d.code() + "; the sources would form a loop",
                            s.get().code(), d.code()));
                } else {
                    chosen.add(new SourceDataset(s.get().id(), s.get().code(), s.get().title(),
                            s.get().classification()));
                }
            }
            if (!problems.isEmpty()) {
                return Outcome.refused(problems);
            }
            List<SourceDataset> before = sources.sources(tx, datasetId);
            chosen.sort(Comparator.comparing(SourceDataset::code, String.CASE_INSENSITIVE_ORDER));
            if (!before.stream().map(SourceDataset::id).toList()
                    .equals(chosen.stream().map(SourceDataset::id).toList())) {
                sources.replace(tx, datasetId, before, chosen, reason);
            }
            return Outcome.done(chosen);
        });
    }

    /**
     * Makes {@code scheme} the workbench's scheme. Refused when a level that decisions or datasets use is not
     * in it (those records would lose their meaning).
     */
    public Outcome<ClassificationScheme> loadScheme(ClassificationScheme scheme, String loadedFrom) {
        database.backupBeforeImport();
        Outcome<ClassificationScheme> outcome = database.inTransaction(tx -> {
            Set<String> missing = new TreeSet<>(schemes.levelsInUse(tx));
            scheme.levels().forEach(l -> missing.remove(l.code().toUpperCase(Locale.ROOT)));
            if (!missing.isEmpty()) {
                String list = String.join(", ", missing);
                return Outcome.<ClassificationScheme>refused(Problem.of("levels", "validation.scheme.levelsInUse",
                        "the scheme leaves out " + list + ", which datasets or decisions use; keep those levels (or"
                                + " reclassify the datasets first)", list));
            }
            schemes.replace(tx, scheme, loadedFrom, "classification scheme loaded from " + loadedFrom);
            return Outcome.done(scheme);
        });
        return outcome.isDone() ? Outcome.done(schemes.scheme()) : outcome;
    }

    /** How many classification and access reviews are overdue today (the sidebar's badge). */
    public long overdueCount() {
        return queue.overdueCount(today());
    }

    /** The dataset's reviews due, as the queue has them. */
    public List<DueReview> reviewsDue(UUID datasetId) {
        return queue.forDataset(datasetId);
    }

    private static IllegalStateException gone(UUID id) {
        return new IllegalStateException("dataset " + id + " is no longer in the workbench");
    }
}
