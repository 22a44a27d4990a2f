package org.custodian.ui.inventory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.custodian.logic.inventory.SaveOutcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.EncryptionAtRest;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.DatasetCheck;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetValidator;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The dataset editor in the drawer: one text property per canonical field, checked with the same validator the
 * importer uses. A field's message shows once the user has left it (or pressed Save); Save with problems
 * stores nothing and points at the first one; a failed save keeps everything typed.
 */
final class DatasetEditorModel {

    final Map<DatasetColumn, StringProperty> fields = new EnumMap<>(DatasetColumn.class);
    final Map<DatasetColumn, StringProperty> errors = new EnumMap<>(DatasetColumn.class);
    /** The record as stored (null while creating a new one). */
    final ObjectProperty<Dataset> original = new SimpleObjectProperty<>();
    final BooleanProperty open = new SimpleBooleanProperty(false);
    final BooleanProperty saving = new SimpleBooleanProperty(false);
    /** The first field with a problem after a refused save, for the view to scroll to and focus. */
    final ObjectProperty<DatasetColumn> firstProblem = new SimpleObjectProperty<>();
    final ObservableList<AuditEvent> history = FXCollections.observableArrayList();
    /** What the level's handling rules ask of encryption at rest; empty when they ask nothing. */
    final StringProperty encryptionHint = new SimpleStringProperty("");
    /** The level requires encryption at rest and the dataset is not recorded as encrypted. */
    final BooleanProperty encryptionShort = new SimpleBooleanProperty(false);
    final BooleanBinding dirty;
    final BooleanBinding isNew;

    private final ObservableSet<DatasetColumn> touched = FXCollections.observableSet();
    private final PageContext context;
    private final I18n i18n;
    private DatasetValidator validator;
    private Map<String, ClassificationLevel> levels = Map.of();
    private Map<DatasetColumn, String> baseline = new EnumMap<>(DatasetColumn.class);
    private final BooleanProperty changedSinceLoad = new SimpleBooleanProperty(false);
    private boolean loading;
    // Counts the records loaded into the form, so a save finishing late knows whether the form still holds it.
    private long draftNumber;

    DatasetEditorModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (DatasetColumn c : DatasetColumn.values()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> {
                if (!loading) {
                    changedSinceLoad.set(!Objects.equals(current(), baseline));
                    check(false);
                }
            });
            fields.put(c, p);
            errors.put(c, new SimpleStringProperty(""));
        }
        dirty = Bindings.createBooleanBinding(() -> open.get() && changedSinceLoad.get(), open, changedSinceLoad);
        isNew = original.isNull();
    }

    /** The fields as typed, trimmed, empty as null: the validator's input. */
    Map<DatasetColumn, String> current() {
        Map<DatasetColumn, String> m = new EnumMap<>(DatasetColumn.class);
        fields.forEach((c, p) -> {
            String v = p.get();
            m.put(c, v == null || v.isBlank() ? null : v.strip());
        });
        return m;
    }

    /** Shows this dataset's events in the audit log. */
    void openInAuditLog() {
        Dataset d = original.get();
        if (d != null) {
            context.openAuditLog(org.custodian.model.audit.AuditFilter.forRecord("dataset", d.code()));
        }
    }

    /** Opens a stored dataset for editing, and its history. */
    void edit(Dataset d) {
        original.set(d);
        fill(d.columns());
        loadHistory(d.id());
    }

    /** Starts a new dataset, empty or (duplicate) from another one's fields with the code cleared. */
    void create(Dataset from) {
        original.set(null);
        Map<DatasetColumn, String> values = new EnumMap<>(DatasetColumn.class);
        if (from != null) {
            values.putAll(from.columns());
            values.put(DatasetColumn.CODE, null);
            // A level is a decision about one dataset: the copy is classified on its own once saved.
            values.put(DatasetColumn.CLASSIFICATION, null);
            values.put(DatasetColumn.LIFECYCLE_STATUS, "draft");
        } else {
            values.put(DatasetColumn.LIFECYCLE_STATUS, "draft");
            values.put(DatasetColumn.OPEN_DATA_STATUS, "not-planned");
            values.put(DatasetColumn.CROSS_BOUNDARY, "no");
        }
        fill(values);
        history.clear();
        // A duplicate differs from what is stored (nothing is): it counts as unsaved from the start.
        if (from != null) {
            baseline = new EnumMap<>(DatasetColumn.class);
            changedSinceLoad.set(true);
        }
    }

    void close() {
        open.set(false);
        original.set(null);
        history.clear();
    }

    /**
     * The stored record's level changed through a decision: show the new level and keep everything else the
     * user typed (the level is not part of what Save writes).
     */
    void levelChanged(Dataset fresh) {
        Dataset open = original.get();
        if (open == null || !open.id().equals(fresh.id())) {
            return;
        }
        // Only the level is taken from the fresh record: the loaded stamp stays, so a save still notices any
        // other change made meanwhile (an import) instead of overwriting it.
        original.set(open.withClassification(fresh.classification()));
        String level = fresh.classification();
        loading = true;
        try {
            fields.get(DatasetColumn.CLASSIFICATION).set(level == null ? "" : level);
        } finally {
            loading = false;
        }
        baseline.put(DatasetColumn.CLASSIFICATION, level);
        changedSinceLoad.set(!Objects.equals(current(), baseline));
        loadHistory(fresh.id());
    }

    /** Puts back what was loaded. */
    void revert() {
        fill(baseline);
    }

    private void fill(Map<DatasetColumn, String> values) {
        draftNumber++;
        loading = true;
        try {
            for (DatasetColumn c : DatasetColumn.values()) {
                String v = values.get(c);
                fields.get(c).set(v == null ? "" : v);
                errors.get(c).set("");
            }
        } finally {
            loading = false;
        }
        baseline = new EnumMap<>(current());
        changedSinceLoad.set(false);
        touched.clear();
        firstProblem.set(null);
        open.set(true);
        ensureValidator();
        check(false); // no messages yet (nothing is touched): the encryption hint for the loaded level
    }

    /** The user left a field: from now on its message shows. */
    void touch(DatasetColumn column) {
        touched.add(column);
        check(false);
    }

    /**
     * Checks the fields; shows messages for touched fields, or for all of them when {@code all}.
     *
     * @return the problems found (empty when the validator is not loaded yet)
     */
    List<Problem> check(boolean all) {
        if (validator == null) {
            hintEncryption(List.of());
            return List.of();
        }
        DatasetCheck check = validator.check(current());
        hintEncryption(check.warnings());
        Set<DatasetColumn> withProblem = java.util.EnumSet.noneOf(DatasetColumn.class);
        for (DatasetColumn c : DatasetColumn.values()) {
            errors.get(c).set("");
        }
        for (Problem p : check.problems()) {
            DatasetColumn c = DatasetColumn.byHeader(p.field());
            if (c != null && (all || touched.contains(c)) && withProblem.add(c)) {
                errors.get(c).set(i18n.problem(p));
            }
        }
        return check.problems();
    }

    /** Saves (creates or updates) in the background; with problems, stores nothing and points at the first. */
    void save() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null || saving.get()) {
            return;
        }
        // Checked here when the lists are loaded; the save itself checks again in the background either way.
        List<Problem> problems = check(true);
        if (!problems.isEmpty()) {
            pointAt(problems);
            return;
        }
        Map<DatasetColumn, String> values = current();
        UUID id = original.get() == null ? null : original.get().id();
        java.time.Instant loadedAt = original.get() == null ? null : original.get().updatedAt();
        String reason = null;
        if (original.get() != null && original.get().lifecycleStatus() != LifecycleStatus.RETIRED
                && LifecycleStatus.RETIRED.code().equalsIgnoreCase(values.getOrDefault(DatasetColumn.LIFECYCLE_STATUS,
                ""))) {
            // Retiring is a change people must account for: the save asks why, and goes ahead only with a reason.
            String code = original.get().code();
            java.util.Optional<String> why = context.dialogs().askReason(i18n.tr("datasets.retire.title"),
                    i18n.tr("dataset.retire.message", code), i18n.tr("dataset.retire.confirm", code),
                    i18n.tr("datasets.retire.reason"), true);
            if (why.isEmpty()) {
                return;
            }
            reason = why.get();
        }
        String why = reason;
        long draft = draftNumber;
        saving.set(true);
        context.runner().run(i18n.tr("task.saving"), progress -> session.inventory().save(id, values, why, loadedAt),
                outcome -> {
                    saving.set(false);
                    if (draft == draftNumber) {
                        saved(outcome);
                    } else if (outcome.ok()) {
                        // The user moved on while it saved: say so, and leave the form to what it shows now.
                        context.dialogs().notify(i18n.tr("dataset.saved", outcome.saved().code()));
                        context.dataChanged();
                    }
                },
                failure -> {
                    saving.set(false);
                    // Everything typed stays in the form.
                    context.dialogs().showError(i18n.tr("dataset.save.failed.title"), i18n.tr("dataset.save.failed"),
                            failure.getMessage());
                });
    }

    private void saved(SaveOutcome outcome) {
        if (!outcome.ok()) {
            for (Problem p : outcome.problems()) {
                DatasetColumn c = DatasetColumn.byHeader(p.field());
                if (c != null) {
                    errors.get(c).set(i18n.problem(p));
                } else {
                    // Not one field's fault (the record changed meanwhile): say it; the form keeps the text.
                    context.dialogs().showError(i18n.tr("dataset.save.failed.title"), i18n.problem(p), p.english());
                }
            }
            pointAt(outcome.problems());
            return;
        }
        boolean created = original.get() == null;
        edit(outcome.saved());
        context.dialogs().notify(i18n.tr(created ? "dataset.created" : "dataset.saved", outcome.saved().code()));
        context.dataChanged();
    }

    private void pointAt(List<Problem> problems) {
        firstProblem.set(null);
        for (DatasetColumn c : DatasetColumn.values()) {
            if (problems.stream().anyMatch(p -> c.header().equals(p.field()))) {
                firstProblem.set(c);
                return;
            }
        }
    }

    private void ensureValidator() {
        WorkbenchSession session = context.sessionProperty().get();
        if (validator != null || session == null) {
            return;
        }
        context.runner().read(progress -> session.inventory().formValidator(), v -> {
            validator = v;
            check(false);
        }, failure -> { });
    }

    /** The scheme's levels, for what their handling rules ask of the dataset. */
    void setLevels(List<ClassificationLevel> list) {
        Map<String, ClassificationLevel> byCode = new java.util.HashMap<>();
        list.forEach(l -> byCode.put(l.code(), l));
        levels = byCode;
        check(false);
    }

    /**
     * The hint under the encryption choice: the level's rule, and, when the dataset is short of it, what that
     * means (the validator's warning for a recorded no; the findings report it, so Save still stores it).
     */
    private void hintEncryption(List<Problem> warnings) {
        String code = fields.get(DatasetColumn.CLASSIFICATION).get();
        ClassificationLevel level = code == null ? null : levels.get(code.strip());
        if (level == null || !level.rules().encryptionAtRest()) {
            encryptionHint.set("");
            encryptionShort.set(false);
            return;
        }
        String name = level.name(i18n.chinese());
        boolean recordedNo = warnings.stream().anyMatch(w -> DatasetColumn.ENCRYPTION_AT_REST.header().equals(
                w.field()));
        String value = fields.get(DatasetColumn.ENCRYPTION_AT_REST).get();
        boolean yes = EncryptionAtRest.YES.code().equalsIgnoreCase(value == null ? "" : value.strip());
        encryptionHint.set(i18n.tr(recordedNo ? "dataset.encryptionAtRest.hint.no" : yes
                ? "dataset.encryptionAtRest.hint.required" : "dataset.encryptionAtRest.hint.notRecorded", name));
        encryptionShort.set(!yes);
    }

    /** The reference lists changed (an import added entries): check again against fresh ones. */
    void referencesChanged() {
        validator = null;
        if (open.get()) {
            ensureValidator();
        }
    }

    private void loadHistory(UUID id) {
        history.clear();
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().read(progress -> session.inventory().history(id), events -> {
            if (original.get() != null && original.get().id().equals(id)) {
                history.setAll(events);
            }
        }, failure -> context.dialogs().notify(i18n.tr("reference.historyFailed")));
    }
}
