package org.custodian.logic.inventory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetCheck;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetValidator;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.Problem;
import org.custodian.store.ClassificationSchemeRepository;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;
import org.custodian.store.ReferenceRepository;

/**
 * The dataset inventory's use cases for the window and the command line: list, count and facet in the store;
 * create, save, bulk edit and retire, each in one audited transaction. There is no delete: a dataset that is
 * no longer kept is retired, and its history stays.
 */
public final class Inventory {

    private final Database database;
    private final DatasetRepository datasets;
    private final ReferenceRepository references;
    private final ClassificationSchemeRepository scheme;

    public Inventory(Database database, DatasetRepository datasets, ReferenceRepository references,
                     ClassificationSchemeRepository scheme) {
        this.database = database;
        this.datasets = datasets;
        this.references = references;
        this.scheme = scheme;
    }

    public List<ClassificationLevel> levels() {
        return scheme.levels();
    }

    /** All entries of a reference list, by code, for pickers. */
    public List<ReferenceEntry> referenceEntries(ReferenceList list) {
        return references.search(list, "", ReferenceRepository.SortColumn.CODE, false, Integer.MAX_VALUE, 0);
    }

    public List<Dataset> page(DatasetQuery query) {
        return datasets.page(query);
    }

    /** Every dataset the query matches, in its order, ignoring its page (for reports and exports). */
    public long forEach(DatasetQuery query, java.util.function.Consumer<Dataset> sink) {
        return datasets.forEach(query, sink);
    }

    public long count(DatasetQuery query) {
        return datasets.count(query);
    }

    public long total() {
        return datasets.total();
    }

    public List<FacetCount> facets(DatasetQuery query) {
        return datasets.facets(query);
    }

    public Optional<Dataset> find(UUID id) {
        return datasets.findById(id);
    }

    public Optional<Dataset> findByCode(String code) {
        return datasets.findByCode(code);
    }

    public List<AuditEvent> history(UUID id) {
        return database.auditHistory(DatasetRepository.ENTITY, id.toString());
    }

    /** The validator the editor uses: references must exist (the form picks them from the lists). */
    public DatasetValidator formValidator() {
        return validator(ReferenceIndex.load(references), false);
    }

    DatasetValidator validator(ReferenceIndex index, boolean addUnknownReferences) {
        org.custodian.model.classification.ClassificationScheme levels = scheme.scheme();
        return new DatasetValidator(index, levels::named, addUnknownReferences);
    }

    /**
     * Creates a dataset ({@code id == null}) or saves changes to an existing one from the editor's fields.
     * The code must be free; a failed save writes nothing and the form keeps what was typed. The level is not
     * saved here: it changes only through a classification decision.
     */
    public SaveOutcome save(UUID id, Map<DatasetColumn, String> fields, String reason) {
        return save(id, fields, reason, null);
    }

    /**
     * As {@link #save(UUID, Map, String)}; with {@code loadedAt} (the record's {@code updatedAt} when the form
     * loaded it), a record changed since (an import, a bulk edit) is not overwritten: the save is refused.
     */
    public SaveOutcome save(UUID id, Map<DatasetColumn, String> fields, String reason, java.time.Instant loadedAt) {
        DatasetCheck check = formValidator().check(fields);
        if (!check.valid()) {
            return SaveOutcome.refused(check.problems());
        }
        Dataset incoming = check.dataset();
        return database.inTransaction(tx -> {
            Optional<Dataset> holder = datasets.findByCode(tx, incoming.code());
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                return SaveOutcome.refused(List.of(Problem.of(DatasetColumn.CODE.header(), "validation.dataset.codeTaken",
                        "code '" + incoming.code() + "' is already used by another dataset", incoming.code())));
            }
            if (id == null) {
                // A new dataset starts without a level: its first level is a classification decision.
                return SaveOutcome.saved(datasets.insert(tx, incoming.withClassification(null), reason));
            }
            Dataset current = datasets.findById(tx, id).orElseThrow(() -> new IllegalStateException(
                    "dataset " + id + " is no longer in the workbench"));
            if (retires(current, incoming) && blank(reason)) {
                return SaveOutcome.refused(List.of(retireReason(current.code())));
            }
            if (loadedAt != null && !loadedAt.equals(current.updatedAt())) {
                return SaveOutcome.refused(List.of(Problem.of("", "validation.dataset.changedMeanwhile",
                        "dataset " + current.code() + " was changed after it was opened (at " + current.updatedAt()
                                + "); reopen it and make the change again", current.code())));
            }
            return SaveOutcome.saved(datasets.update(tx, current, incoming, reason));
        });
    }

    /**
     * Sets the same fields on every chosen dataset in one transaction. Each changed record gets its audit event
     * with the reason; a record the change would make invalid refuses the whole edit.
     */
    public BulkEditOutcome bulkEdit(List<UUID> ids, Map<DatasetColumn, String> changes, String reason) {
        if (changes.containsKey(DatasetColumn.CLASSIFICATION)) {
            throw new IllegalArgumentException("a level changes only through a classification decision");
        }
        DatasetValidator validator = formValidator();
        return database.inTransaction(tx -> {
            List<Dataset[]> planned = new ArrayList<>();
            List<BulkEditOutcome.Refusal> refusals = new ArrayList<>();
            int unchanged = 0;
            for (UUID id : ids) {
                Optional<Dataset> current = datasets.findById(tx, id);
                if (current.isEmpty()) {
                    refusals.add(new BulkEditOutcome.Refusal(id.toString(), List.of(Problem.of("", "validation.dataset.gone",
                            "no longer in the workbench"))));
                    continue;
                }
                Map<DatasetColumn, String> fields = new EnumMap<>(current.get().columns());
                fields.putAll(changes);
                DatasetCheck check = validator.check(fields);
                if (!check.valid()) {
                    refusals.add(new BulkEditOutcome.Refusal(current.get().code(), check.problems()));
                } else if (current.get().sameContent(check.dataset())) {
                    unchanged++;
                } else {
                    planned.add(new Dataset[] {current.get(), check.dataset()});
                }
            }
            if (blank(reason)) {
                for (Dataset[] change : planned) {
                    if (retires(change[0], change[1])) {
                        refusals.add(new BulkEditOutcome.Refusal(change[0].code(),
                                List.of(retireReason(change[0].code()))));
                    }
                }
            }
            if (!refusals.isEmpty()) {
                return new BulkEditOutcome(0, 0, refusals);
            }
            for (Dataset[] change : planned) {
                datasets.update(tx, change[0], change[1], reason);
            }
            return new BulkEditOutcome(planned.size(), unchanged, List.of());
        });
    }

    /**
     * Retires the datasets (they stay in the inventory and keep their history). Retiring is a change people must
     * be able to account for: without a reason nothing is retired, and the reason goes into each audit event.
     */
    public BulkEditOutcome retire(List<UUID> ids, String reason) {
        if (blank(reason)) {
            return new BulkEditOutcome(0, 0, List.of(new BulkEditOutcome.Refusal("", List.of(retireReason("")))));
        }
        return bulkEdit(ids, Map.of(DatasetColumn.LIFECYCLE_STATUS,
                LifecycleStatus.RETIRED.code().toLowerCase(Locale.ROOT)), reason);
    }

    /** Whether a change takes a dataset out of use: it then needs a reason. */
    static boolean retires(Dataset before, Dataset after) {
        return before.lifecycleStatus() != LifecycleStatus.RETIRED && after.lifecycleStatus() == LifecycleStatus.RETIRED;
    }

    private static Problem retireReason(String code) {
        return Problem.of("reason", "validation.dataset.retireReason",
                "retiring " + (code.isEmpty() ? "a dataset" : code) + " needs a reason, which goes into the audit log");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
