package org.custodian.ui.sharing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementCheck;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.PartyRole;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.sharing.StatusChange;
import org.custodian.model.validation.Problem;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The agreement editor's state: the fields as typed, the parties and covered datasets as rows, the messages by
 * field, and the record's status timeline, attachments and history. Saving checks with the same validator as the
 * importer (in the background) and asks before adding an organisation the list does not know yet; the status
 * moves only through {@link #changeStatus}.
 */
final class AgreementEditorModel {

    /** The fields typed in the form (parties and datasets are rows; the status is changed by its own dialog). */
    static final List<AgreementColumn> TYPED = java.util.Arrays.stream(AgreementColumn.values())
            .filter(c -> c != AgreementColumn.PARTIES && c != AgreementColumn.DATASETS && c != AgreementColumn.STATUS
                    && c != AgreementColumn.STATUS_SINCE).toList();

    final Map<AgreementColumn, StringProperty> fields = new EnumMap<>(AgreementColumn.class);
    final Map<AgreementColumn, StringProperty> errors = new EnumMap<>(AgreementColumn.class);
    final StringProperty generalError = new SimpleStringProperty("");
    final ObservableList<PartyRow> parties = FXCollections.observableArrayList(r -> r.observables());
    final ObservableList<DatasetRow> datasets = FXCollections.observableArrayList(r -> r.observables());
    final ObjectProperty<SharingAgreement> original = new SimpleObjectProperty<>();
    final BooleanProperty open = new SimpleBooleanProperty(false);
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    final BooleanProperty isNew = new SimpleBooleanProperty(true);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final ObjectProperty<AgreementColumn> firstProblem = new SimpleObjectProperty<>();
    final ObservableList<StatusChange> timeline = FXCollections.observableArrayList();
    final ObservableList<AttachmentRow> attachments = FXCollections.observableArrayList();
    final ObservableList<AuditEvent> history = FXCollections.observableArrayList();
    final ObservableList<ReferenceEntry> organisations = FXCollections.observableArrayList();

    private final PageContext context;
    private final I18n i18n;
    private boolean loading;

    /** Shows this agreement's events in the audit log. */
    void openInAuditLog() {
        SharingAgreement a = original.get();
        if (a != null) {
            context.openAuditLog(org.custodian.model.audit.AuditFilter.forRecord("agreement", a.reference()));
        }
    }

    AgreementEditorModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (AgreementColumn c : AgreementColumn.values()) {
            fields.put(c, new SimpleStringProperty(""));
            errors.put(c, new SimpleStringProperty(""));
            fields.get(c).addListener((o, a, b) -> recomputeDirty());
        }
        parties.addListener((ListChangeListener<PartyRow>) c -> recomputeDirty());
        datasets.addListener((ListChangeListener<DatasetRow>) c -> recomputeDirty());
    }

    private WorkbenchSession session() {
        return context.sessionProperty().get();
    }

    void setOrganisations(List<ReferenceEntry> entries) {
        if (!organisations.equals(entries)) {
            organisations.setAll(entries);
        }
    }

    /** The organisation's name in the current language, or the code when the list does not know it. */
    String organisationName(String code) {
        for (ReferenceEntry e : organisations) {
            if (e.code().equalsIgnoreCase(code)) {
                return e.name(i18n.chinese());
            }
        }
        return code;
    }

    /** The code of a typed organisation when it is a name (either language) or code the list knows; else the text. */
    private String organisationCode(String typed) {
        String t = typed.strip();
        for (ReferenceEntry e : organisations) {
            if (e.code().equalsIgnoreCase(t) || t.equalsIgnoreCase(e.nameEn() == null ? "" : e.nameEn())
                    || t.equals(e.nameTc())) {
                return e.code();
            }
        }
        return t;
    }

    // ---- loading -------------------------------------------------------------------------------------------

    void edit(SharingAgreement a) {
        loading = true;
        try {
            original.set(a);
            isNew.set(false);
            Map<AgreementColumn, String> values = a.columns();
            for (AgreementColumn c : AgreementColumn.values()) {
                String v = values.get(c);
                fields.get(c).set(v == null ? "" : v);
            }
            parties.setAll(a.parties().stream().map(p -> {
                PartyRow row = new PartyRow(organisationName(p.organisation()), p.role(), p.signatory(),
                        p.signedOn() == null ? null : p.signedOn().toString());
                row.loadedCode = p.organisation();
                row.loadedName = row.organisation.get();
                return row;
            }).toList());
            datasets.setAll(a.datasets().stream().map(d -> new DatasetRow(d.datasetCode(),
                    String.join(", ", d.dataItems()))).toList());
            clearErrors();
        } finally {
            loading = false;
        }
        opened();
        loadDetails(a.id());
        datasets.forEach(this::lookUp);
    }

    void create() {
        loading = true;
        try {
            original.set(null);
            isNew.set(true);
            fields.values().forEach(p -> p.set(""));
            fields.get(AgreementColumn.STATUS).set(AgreementStatus.DRAFT.code());
            fields.get(AgreementColumn.CROSS_BOUNDARY).set("no");
            parties.setAll(new PartyRow("", PartyRole.PROVIDER, null, null), new PartyRow("", PartyRole.RECIPIENT,
                    null, null));
            datasets.setAll(new DatasetRow("", ""));
            timeline.clear();
            attachments.clear();
            history.clear();
            clearErrors();
        } finally {
            loading = false;
        }
        opened();
    }

    /** The drawer shows what was just loaded: untouched, writable when the workbench is. */
    private void opened() {
        writable.set(session() != null && session().access() == Access.READ_WRITE);
        open.set(true);
        dirty.set(false);
    }

    void close() {
        open.set(false);
        original.set(null);
        dirty.set(false);
    }

    void revert() {
        if (original.get() != null) {
            edit(original.get());
        } else {
            create();
        }
    }

    /** What one background read of the record's details brings back. */
    private record Details(List<StatusChange> timeline, List<AttachmentRow> attachments, List<AuditEvent> history) {
    }

    private void loadDetails(UUID id) {
        WorkbenchSession s = session();
        if (s == null) {
            return;
        }
        context.runner().read(progress -> {
            List<AttachmentRow> rows = new ArrayList<>();
            for (Attachment a : s.sharing().attachments(id)) {
                rows.add(new AttachmentRow(a, s.sharing().check(a)));
            }
            return new Details(s.sharing().timeline(id), rows, s.sharing().history(id));
        }, d -> {
            SharingAgreement now = original.get();
            if (now == null || !now.id().equals(id)) {
                return;
            }
            timeline.setAll(d.timeline());
            attachments.setAll(d.attachments());
            history.setAll(d.history());
        }, failure -> context.dialogs().notify(i18n.tr("agreement.detailsFailed")));
    }

    // ---- the fields as the validator reads them ----------------------------------------------------------------

    Map<AgreementColumn, String> fieldValues() {
        Map<AgreementColumn, String> m = new EnumMap<>(AgreementColumn.class);
        for (AgreementColumn c : AgreementColumn.values()) {
            String v = fields.get(c).get();
            m.put(c, v == null || v.isBlank() ? null : v.strip());
        }
        List<String> partyTexts = new ArrayList<>();
        for (PartyRow r : parties) {
            if (r.organisation.get().isBlank() && r.signatory.get().isBlank() && r.signedOn.get().isBlank()) {
                continue;
            }
            String typed = r.organisation.get();
            String code = r.loadedCode != null && typed.equals(r.loadedName) ? r.loadedCode : organisationCode(typed);
            String base = (r.role.get() == null ? "" : r.role.get().code()) + ":" + code;
            boolean signed = !r.signatory.get().isBlank() || !r.signedOn.get().isBlank();
            partyTexts.add(signed ? base + "|" + r.signatory.get().strip() + "|" + r.signedOn.get().strip() : base);
        }
        m.put(AgreementColumn.PARTIES, SharingAgreement.join(partyTexts));
        List<String> datasetTexts = new ArrayList<>();
        for (DatasetRow r : datasets) {
            if (r.code.get().isBlank()) {
                continue;
            }
            String items = r.items.get().strip();
            datasetTexts.add(items.isEmpty() ? r.code.get().strip() : r.code.get().strip() + " (" + items + ")");
        }
        m.put(AgreementColumn.DATASETS, SharingAgreement.join(datasetTexts));
        return m;
    }

    private void recomputeDirty() {
        if (loading) {
            return;
        }
        SharingAgreement o = original.get();
        Map<AgreementColumn, String> now = fieldValues();
        if (o == null) {
            dirty.set(TYPED.stream().anyMatch(c -> now.get(c) != null && !(c == AgreementColumn.CROSS_BOUNDARY
                    && "no".equals(now.get(c)))) || now.get(AgreementColumn.PARTIES) != null
                    || now.get(AgreementColumn.DATASETS) != null);
            return;
        }
        Map<AgreementColumn, String> was = o.columns();
        boolean changed = false;
        for (AgreementColumn c : AgreementColumn.values()) {
            if (!Objects.equals(blank(was.get(c)), blank(now.get(c)))) {
                changed = true;
                break;
            }
        }
        dirty.set(changed);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- messages ----------------------------------------------------------------------------------------------

    void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        generalError.set("");
    }

    void showProblems(List<Problem> problems) {
        clearErrors();
        AgreementColumn first = null;
        for (Problem p : problems) {
            AgreementColumn column = column(p.field());
            StringProperty target = column == null ? generalError : errors.get(column);
            String text = i18n.problem(p);
            target.set(target.get().isEmpty() ? text : target.get() + "\n" + text);
            if (first == null && column != null) {
                first = column;
            }
        }
        firstProblem.set(null);
        firstProblem.set(first);
    }

    /** "Legal basis: " before a problem's message, so a list of them says which field each is about. */
    private String label(Problem p) {
        AgreementColumn c = column(p.field());
        return c == null ? "" : i18n.tr(c.labelKey()) + ": ";
    }

    private static AgreementColumn column(String header) {
        if (header == null) {
            return null;
        }
        for (AgreementColumn c : AgreementColumn.values()) {
            if (c.header().equals(header)) {
                return c;
            }
        }
        return null;
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    /**
     * Checks in the background; a form with problems shows them by field. Names of organisations the list does
     * not know are confirmed with the user before the save adds them.
     */
    void save() {
        WorkbenchSession s = session();
        if (s == null || !writable.get() || busy.get()) {
            return;
        }
        List<Problem> typing = rowProblems();
        if (!typing.isEmpty()) {
            showProblems(typing);
            return;
        }
        Map<AgreementColumn, String> values = fieldValues();
        SharingAgreement was = original.get();
        busy.set(true);
        context.runner().read(progress -> s.sharing().check(withStatus(values, was)), check -> {
            if (!check.valid()) {
                busy.set(false);
                showProblems(check.problems());
                return;
            }
            if (!check.additions().isEmpty() && !confirmAdditions(check)) {
                busy.set(false);
                return;
            }
            store(s, values, was, check.warnings());
        }, failure -> {
            busy.set(false);
            context.dialogs().showError(i18n.tr("agreement.saveFailed.title"), i18n.tr("agreement.saveFailed"),
                    String.valueOf(failure.getMessage()));
        });
    }

    /**
     * The rows are saved in the register's file spelling (parties split on ";" and "|", data items in brackets
     * split on ","), so those characters cannot be part of a name or an item: say so plainly, under the rows.
     */
    private List<Problem> rowProblems() {
        List<Problem> problems = new ArrayList<>();
        for (PartyRow r : parties) {
            for (String text : List.of(r.organisation.get(), r.signatory.get())) {
                if (text.contains(";") || text.contains("|")) {
                    problems.add(Problem.of(AgreementColumn.PARTIES.header(), "validation.agreement.partyCharacters",
                            "'" + text + "' may not contain ; or |", text));
                }
            }
        }
        for (DatasetRow r : datasets) {
            String items = r.items.get();
            if (items.contains(";") || items.contains("(") || items.contains(")")) {
                problems.add(Problem.of(AgreementColumn.DATASETS.header(), "validation.agreement.itemCharacters",
                        "'" + items + "' may not contain ; ( or )", items));
            }
        }
        return problems;
    }

    private static Map<AgreementColumn, String> withStatus(Map<AgreementColumn, String> values, SharingAgreement was) {
        Map<AgreementColumn, String> m = new EnumMap<>(values);
        if (was != null) {
            m.put(AgreementColumn.STATUS, was.status().code());
        } else {
            m.put(AgreementColumn.STATUS, AgreementStatus.DRAFT.code());
        }
        return m;
    }

    private boolean confirmAdditions(AgreementCheck check) {
        List<String> shown = check.additions().stream().map((NewReference r) -> r.nameEn() != null ? r.nameEn()
                : r.nameTc() != null ? r.nameTc() : r.code()).toList();
        return context.dialogs().confirm(i18n.tr("agreement.addOrganisations.title"),
                i18n.tr("agreement.addOrganisations", String.join("\n", shown)),
                i18n.tr("agreement.addOrganisations.confirm"));
    }

    private void store(WorkbenchSession s, Map<AgreementColumn, String> values, SharingAgreement was,
                       List<Problem> warnings) {
        UUID id = was == null ? null : was.id();
        Instant loadedAt = was == null ? null : was.updatedAt();
        context.runner().run(i18n.tr("agreement.saving"), progress -> s.sharing().save(id, values, loadedAt),
                (Outcome<SharingAgreement> outcome) -> {
                    busy.set(false);
                    if (!outcome.isDone()) {
                        showProblems(outcome.problems());
                        return;
                    }
                    SharingAgreement saved = outcome.record();
                    context.dataChanged();
                    context.dialogs().notify(i18n.tr("agreement.saved", saved.reference()));
                    if (!warnings.isEmpty()) {
                        context.dialogs().showInformation(i18n.tr("agreement.savedWithWarnings.title"),
                                i18n.tr("agreement.savedWithWarnings", saved.reference()) + "\n"
                                        + String.join("\n", warnings.stream().map(i18n::problem).toList()));
                    }
                    refreshOrganisationsThen(s, () -> edit(saved));
                }, failure -> {
                    busy.set(false);
                    context.dialogs().showError(i18n.tr("agreement.saveFailed.title"),
                            i18n.tr("agreement.saveFailed"), String.valueOf(failure.getMessage()));
                });
    }

    private void refreshOrganisationsThen(WorkbenchSession s, Runnable then) {
        context.runner().read(progress -> s.sharing().organisations(), list -> {
            setOrganisations(list);
            then.run();
        }, failure -> then.run());
    }

    // ---- status ------------------------------------------------------------------------------------------------

    /**
     * Opens the status dialog; the change is checked and recorded in the background. One the agreement is not
     * ready for (making it active) shows what is missing under the fields.
     */
    void changeStatus() {
        SharingAgreement current = original.get();
        WorkbenchSession s = session();
        if (current == null || s == null || !writable.get()) {
            return;
        }
        if (current.status().next().isEmpty()) {
            context.dialogs().showInformation(i18n.tr("agreement.status.title"), i18n.tr("agreement.status.final",
                    i18n.tr(current.status().labelKey())));
            return;
        }
        StatusChangeForm form = new StatusChangeForm(current, s.sharing().today(), i18n);
        if (!context.dialogs().showForm(i18n.tr("agreement.status.title"), form.node(), i18n.tr("agreement.status.confirm"),
                form::check)) {
            return;
        }
        AgreementStatus chosen = form.to.get();
        LocalDate date = LocalDate.parse(form.effectiveOn.get().strip());
        String why = form.reason.get();
        context.runner().run(i18n.tr("agreement.status.saving"), progress -> s.sharing().changeStatus(current.id(),
                chosen, date, why), (Outcome<SharingAgreement> outcome) -> {
                    if (!outcome.isDone()) {
                        // What the agreement lacks shows under its fields; the officer completes them, saves and
                        // changes the status again.
                        showProblems(outcome.problems());
                        context.dialogs().showInformation(i18n.tr("agreement.status.refused.title"),
                                i18n.tr("agreement.status.refused", i18n.tr(chosen.labelKey())) + "\n"
                                        + String.join("\n", outcome.problems().stream().map(p -> label(p)
                                        + i18n.problem(p)).toList()));
                        return;
                    }
                    context.dataChanged();
                    context.dialogs().notify(i18n.tr("agreement.status.changed", current.reference(),
                            i18n.tr(chosen.labelKey())));
                    edit(outcome.record());
                }, failure -> context.dialogs().showError(i18n.tr("agreement.saveFailed.title"),
                        i18n.tr("agreement.saveFailed"), String.valueOf(failure.getMessage())));
    }

    // ---- attachments -------------------------------------------------------------------------------------------

    void attach() {
        SharingAgreement current = original.get();
        WorkbenchSession s = session();
        if (current == null || s == null || !writable.get()) {
            return;
        }
        context.dialogs().chooseFileToOpen(i18n.tr("agreement.attach.choose"), null, i18n.tr("agreement.attach.files"),
                "*.pdf", "*.*").ifPresent(file -> context.runner().run(i18n.tr("agreement.attach.saving"),
                progress -> s.sharing().attach(current.id(), file), a -> {
                    context.dataChanged();
                    context.dialogs().notify(i18n.tr("agreement.attach.done", a.fileName()));
                    loadDetails(current.id());
                }, failure -> context.dialogs().showError(i18n.tr("agreement.attach.failed.title"),
                        i18n.tr("agreement.attach.failed", file.getFileName().toString()),
                        String.valueOf(failure.getMessage()))));
    }

    /** Checks the kept copy's hash again, then opens it; a changed or missing copy is flagged, not opened quietly. */
    void openAttachment(AttachmentRow row) {
        verifyThen(row, path -> context.dialogs().openDocument(path));
    }

    /** Checks the kept copy, then writes a copy of it where the user chooses. */
    void saveAttachmentCopy(AttachmentRow row) {
        WorkbenchSession s = session();
        verifyThen(row, path -> context.dialogs().chooseFileToSave(i18n.tr("agreement.attach.saveCopy"), null,
                row.attachment().fileName(), i18n.tr("agreement.attach.files"), "*.*").ifPresent(target ->
                context.runner().run(i18n.tr("agreement.attach.copying"), progress -> Files.copy(path, target,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING), done -> context.dialogs().notify(
                        i18n.tr("agreement.attach.copied", target.getFileName().toString())),
                        failure -> context.dialogs().showError(i18n.tr("agreement.attach.failed.title"),
                                i18n.tr("agreement.attach.copyFailed"), String.valueOf(failure.getMessage())))));
    }

    /** What checking a kept copy found: its state, and its hash now when it changed. */
    private record Checked(AttachmentState state, String currentHash) {
    }

    private void verifyThen(AttachmentRow row, java.util.function.Consumer<Path> action) {
        WorkbenchSession s = session();
        if (s == null) {
            return;
        }
        Attachment a = row.attachment();
        Path path = s.sharing().fileOf(a);
        context.runner().read(progress -> {
            AttachmentState state = s.sharing().check(a);
            return new Checked(state, state == AttachmentState.CHANGED
                    ? org.custodian.logic.sharing.AttachmentFiles.sha256(path) : null);
        }, checked -> {
            replaceState(a, checked.state());
            switch (checked.state()) {
                case INTACT -> action.accept(path);
                case MISSING -> context.dialogs().showError(i18n.tr("agreement.attach.missing.title"),
                        i18n.tr("agreement.attach.missing", a.fileName()), path.toString());
                case CHANGED -> {
                    if (context.dialogs().confirm(i18n.tr("agreement.attach.changed.title"),
                            i18n.tr("agreement.attach.changed", a.fileName(), a.sha256(), checked.currentHash()),
                            i18n.tr("agreement.attach.changed.openAnyway"))) {
                        action.accept(path);
                    }
                }
            }
        }, failure -> context.dialogs().showError(i18n.tr("agreement.attach.failed.title"),
                i18n.tr("agreement.attach.checkFailed", a.fileName()), String.valueOf(failure.getMessage())));
    }

    private void replaceState(Attachment a, AttachmentState state) {
        for (int i = 0; i < attachments.size(); i++) {
            // Replaced only when the state changed: replacing a row drops the list's selection.
            if (attachments.get(i).attachment().id().equals(a.id()) && attachments.get(i).state() != state) {
                attachments.set(i, new AttachmentRow(a, state));
            }
        }
    }

    /** Looks the row's code up in the background, so the row can show the dataset's level and personal data. */
    void lookUp(DatasetRow row) {
        WorkbenchSession s = session();
        String code = row.code.get().strip();
        if (s == null || code.isEmpty()) {
            row.facts.set(null);
            return;
        }
        context.runner().read(progress -> s.sharing().datasetFacts(code), found -> {
            if (row.code.get().strip().equals(code)) {
                row.facts.set(found.orElse(null));
            }
        }, failure -> row.facts.set(null));
    }

    /** Opens a covered dataset on the datasets page. */
    void openDataset(String code) {
        WorkbenchSession s = session();
        if (s == null || code == null || code.isBlank()) {
            return;
        }
        context.runner().read(progress -> s.inventory().findByCode(code.strip()), found -> found.ifPresentOrElse(
                d -> context.openRecord(new org.custodian.ui.common.RecordLink(
                        org.custodian.ui.common.RecordLink.DATASET, d.id())),
                () -> context.dialogs().notify(i18n.tr("agreement.dataset.unknown", code.strip()))),
                failure -> { });
    }
}
