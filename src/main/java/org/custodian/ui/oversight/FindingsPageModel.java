package org.custodian.ui.oversight;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.oversight.FindingRows;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingList;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.oversight.Severity;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.RecordLink;

/**
 * The findings: every rule run over the registers in the background, shown open or accepted, filtered by rule,
 * severity and department; accepting asks why and until when, withdrawing asks why, both audited.
 */
final class FindingsPageModel {

    /** Which list shows: the open findings, or those accepted for now. */
    enum Shown { OPEN, ACCEPTED }

    final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(Shown.OPEN);
    final ObjectProperty<FindingRule> rule = new SimpleObjectProperty<>();
    final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    final ObjectProperty<String> department = new SimpleObjectProperty<>();
    final ObservableList<String> departments = FXCollections.observableArrayList();
    final ObservableList<FindingState> rows = FXCollections.observableArrayList();
    final ObjectProperty<FindingState> selected = new SimpleObjectProperty<>();
    final IntegerProperty openCount = new SimpleIntegerProperty();
    final IntegerProperty acceptedCount = new SimpleIntegerProperty();
    final ObjectProperty<Map<Severity, Integer>> openBySeverity = new SimpleObjectProperty<>(Map.of());
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding countText;

    private final PageContext context;
    private FindingList all = new FindingList(LocalDate.now(), List.of());
    private Map<String, ReferenceEntry> organisationByCode = Map.of();
    private long request;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    FindingsPageModel(PageContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> {
            if (!loaded.get()) {
                return "";
            }
            Map<Severity, Integer> by = openBySeverity.get();
            return i18n.tr("findings.count", String.valueOf(openCount.get()),
                    String.valueOf(by.getOrDefault(Severity.HIGH, 0)), String.valueOf(by.getOrDefault(Severity.MEDIUM,
                            0)), String.valueOf(by.getOrDefault(Severity.LOW, 0)),
                    String.valueOf(acceptedCount.get()));
        }, loaded, openCount, acceptedCount, openBySeverity);
        ChangeListener<Object> refilter = (o, a, b) -> filter();
        shown.addListener(refilter);
        rule.addListener(refilter);
        severity.addListener(refilter);
        department.addListener(refilter);
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            loaded.set(false);
            return;
        }
        writable.set(session.access() == Access.READ_WRITE);
        long mine = ++request;
        context.runner().read(progress -> new Loaded(session.findings().evaluate(session.findings().today()),
                session.sharing().organisations()), result -> {
                    if (mine != request) {
                        return;
                    }
                    Map<String, ReferenceEntry> byCode = new HashMap<>();
                    result.organisations().forEach(e -> byCode.put(e.code().toLowerCase(Locale.ROOT), e));
                    organisationByCode = byCode;
                    all = result.findings();
                    TreeSet<String> codes = new TreeSet<>();
                    all.findings().forEach(s -> {
                        if (s.finding().department() != null) {
                            codes.add(s.finding().department());
                        }
                    });
                    String chosen = department.get();
                    departments.setAll(codes);
                    if (chosen != null && !codes.contains(chosen)) {
                        department.set(null);
                    }
                    openBySeverity.set(all.openBySeverity());
                    openCount.set(all.open().size());
                    acceptedCount.set(all.accepted().size());
                    filter();
                    loaded.set(true);
                }, failure -> context.dialogs().notify(context.i18n().tr("findings.loadFailed")));
    }

    /** What one background read brings back. */
    private record Loaded(FindingList findings, List<ReferenceEntry> organisations) {
    }

    private void filter() {
        FindingState keep = selected.get();
        List<FindingState> from = shown.get() == Shown.ACCEPTED ? all.accepted() : all.open();
        rows.setAll(from.stream().filter(s -> rule.get() == null || s.finding().rule() == rule.get())
                .filter(s -> severity.get() == null || s.finding().severity() == severity.get())
                .filter(s -> department.get() == null || department.get().equalsIgnoreCase(s.finding().department()))
                .sorted(java.util.Comparator.comparing((FindingState s) -> s.finding().severity()))
                .toList());
        if (keep != null) {
            rows.stream().filter(s -> s.finding().key().equals(keep.finding().key())).findFirst()
                    .ifPresent(selected::set);
        }
    }

    /** Shows the open findings of one severity (the dashboard's tiles ask for this); null for every severity. */
    void showOpen(Severity only) {
        shown.set(Shown.OPEN);
        rule.set(null);
        department.set(null);
        severity.set(only);
    }

    // ---- texts ---------------------------------------------------------------------------------------------------

    String title(Finding f) {
        return context.i18n().tr(f.rule().titleKey());
    }

    String message(Finding f) {
        I18n i18n = context.i18n();
        Object[] args = f.args().stream().map(a -> a instanceof CodedValue v ? i18n.tr(v.labelKey())
                : a instanceof org.custodian.model.oversight.LevelName l ? l.name(i18n.chinese())
                : a == null ? "" : a).toArray();
        return i18n.tr(f.rule().messageKey(), args);
    }

    String fix(Finding f) {
        return context.i18n().tr(f.rule().fixKey());
    }

    /** A department's name in the window's language, or its code when the list does not know it. */
    String departmentName(String code) {
        if (code == null) {
            return "";
        }
        ReferenceEntry e = organisationByCode.get(code.toLowerCase(Locale.ROOT));
        return e == null ? code : e.name(context.i18n().chinese());
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    void open(RecordRef record) {
        if (record == null) {
            return;
        }
        String kind = switch (record.kind()) {
            case DATASET -> RecordLink.DATASET;
            case AGREEMENT -> RecordLink.AGREEMENT;
            case ASSESSMENT -> RecordLink.ASSESSMENT;
        };
        context.openRecord(new RecordLink(kind, record.id()));
    }

    /** Writes the findings the list shows (open or accepted, as filtered) to a CSV file the user names. */
    void exportCsv() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null || rows.isEmpty()) {
            return;
        }
        I18n i18n = context.i18n();
        List<FindingState> shownNow = List.copyOf(rows);
        context.dialogs().chooseFileToSave(i18n.tr("findings.export"), null, "findings-" + session.findings().today()
                + ".csv", i18n.tr("findings.csvFiles"), "*.csv").ifPresent(target -> context.runner().run(
                i18n.tr("task.exportingFindings"), progress -> {
                    new FindingRows().writeCsv(shownNow, target);
                    return target;
                }, written -> context.dialogs().notify(i18n.tr("findings.exported", String.valueOf(shownNow.size()),
                        written.getFileName().toString())),
                failure -> context.dialogs().showError(i18n.tr("findings.export"), i18n.tr("findings.exportFailed",
                        target.getFileName().toString()), failure.getMessage())));
    }

    void accept(FindingState state) {
        WorkbenchSession session = context.sessionProperty().get();
        if (state == null || !state.open() || session == null) {
            return;
        }
        I18n i18n = context.i18n();
        Finding f = state.finding();
        AcceptFindingForm form = new AcceptFindingForm(message(f), session.findings().today(), i18n);
        if (!context.dialogs().showForm(i18n.tr("findings.accept.title"), form.node(), i18n.tr("findings.accept.confirm"),
                form::check)) {
            return;
        }
        String reason = form.reason.get();
        LocalDate until = form.until();
        context.runner().run(i18n.tr("task.acceptingFinding"), progress -> session.findings().accept(f, reason, until),
                accepted -> {
                    context.dialogs().notify(i18n.tr("findings.accepted", f.recordLabels(), until.toString()));
                    context.dataChanged();
                },
                failure -> context.dialogs().showError(i18n.tr("findings.accept.title"),
                        i18n.tr("findings.acceptFailed"), failure.getMessage()));
    }

    void withdraw(FindingState state) {
        WorkbenchSession session = context.sessionProperty().get();
        if (state == null || state.open() || session == null) {
            return;
        }
        I18n i18n = context.i18n();
        context.dialogs().askReason(i18n.tr("findings.withdraw.title"), i18n.tr("findings.withdraw.message",
                state.finding().recordLabels()), i18n.tr("findings.withdraw.confirm"),
                i18n.tr("findings.withdraw.reason"), true).ifPresent(reason ->
                context.runner().run(i18n.tr("task.withdrawingAcceptance"),
                        progress -> session.findings().withdraw(state.acceptance().id(), reason), withdrawn -> {
                            context.dialogs().notify(i18n.tr("findings.withdrawn", state.finding().recordLabels()));
                            context.dataChanged();
                        }, failure -> context.dialogs().showError(i18n.tr("findings.withdraw.title"),
                                i18n.tr("findings.withdrawFailed"), failure.getMessage())));
    }
}
