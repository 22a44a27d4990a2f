package org.custodian.ui.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.audit.AuditDiff;
import org.custodian.logic.audit.AuditLabels;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditChoices;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.FieldChange;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The audit log page's state and commands: the filters (record, kind, actor, action, days, words), the page of
 * events read newest first from SQLite in the background, the chosen event's changes field by field, and the
 * exports of what the filters select.
 */
final class AuditLogPageModel {

    static final int PAGE_SIZE = 100;

    // --- filters ---
    final StringProperty record = new SimpleStringProperty("");
    final ObjectProperty<String> entityType = new SimpleObjectProperty<>();
    final ObjectProperty<String> actor = new SimpleObjectProperty<>();
    final ObjectProperty<String> action = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final StringProperty text = new SimpleStringProperty("");

    // --- what the page shows ---
    final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    final LongProperty matching = new SimpleLongProperty(0);
    final LongProperty total = new SimpleLongProperty(0);
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    final ObservableList<String> actors = FXCollections.observableArrayList();
    final ObservableList<String> actions = FXCollections.observableArrayList();
    final ObservableList<String> entityTypes = FXCollections.observableArrayList();
    final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    final ObservableList<FieldChange> changes = FXCollections.observableArrayList();
    final StringBinding countText;
    final StringBinding pageText;
    final BooleanBinding hasPrevious;
    final BooleanBinding hasNext;
    final BooleanBinding filtered;
    final BooleanBinding datesReversed;

    private final PageContext context;
    private final I18n i18n;
    private final ZoneId zone = ZoneId.systemDefault();
    private long request;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);
    private final ChangeListener<AuditFilter> onRequest = (o, a, b) -> takeRequest();
    private final WeakChangeListener<AuditFilter> weakRequest = new WeakChangeListener<>(onRequest);

    AuditLogPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> !loaded.get() ? "" : matching.get() == total.get()
                ? i18n.tr("audit.log.count", format(total.get()))
                : i18n.tr("audit.log.countFiltered", format(matching.get()), format(total.get())),
                loaded, matching, total);
        pageText = org.custodian.ui.common.Paging.rangeText(i18n, pageIndex, matching, PAGE_SIZE);
        hasPrevious = pageIndex.greaterThan(0);
        hasNext = org.custodian.ui.common.Paging.hasNext(pageIndex, matching, PAGE_SIZE);
        filtered = Bindings.createBooleanBinding(() -> !filter().isEmpty(), record, entityType, actor, action, from,
                to, text);
        datesReversed = Bindings.createBooleanBinding(() -> from.get() != null && to.get() != null
                && to.get().isBefore(from.get()), from, to);
        // Each keystroke asks the store again (as the inventory's search does); an answer to an older question is
        // dropped when it comes back (see reload).
        for (javafx.beans.Observable f : List.of(record, text, entityType, actor, action, from, to)) {
            f.addListener(o -> firstPage());
        }
        pageIndex.addListener((o, a, b) -> reload());
        selected.addListener((o, a, entry) -> changes.setAll(entry == null ? List.of() : AuditDiff.of(entry.event())));
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
        context.auditRequestProperty().addListener(weakRequest);
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
        context.auditRequestProperty().removeListener(weakRequest);
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Shows one record's history when another page asks for it ("Open in the audit log"). */
    void takeRequest() {
        AuditFilter wanted = context.auditRequestProperty().get();
        if (wanted == null) {
            return;
        }
        context.auditRequestHandled();
        text.set(wanted.text() == null ? "" : wanted.text());
        actor.set(wanted.actor());
        action.set(wanted.action());
        from.set(null);
        to.set(null);
        entityType.set(wanted.entityType());
        record.set(wanted.record() == null ? "" : wanted.record());
        selected.set(null);
        firstPage();
    }

    /** Narrows the log to the chosen event's record. */
    void showRecordOfSelected() {
        AuditEntry e = selected.get();
        if (e != null) {
            context.openAuditLog(AuditFilter.forRecord(e.event().entityType(), e.record()));
        }
    }

    void clearFilters() {
        record.set("");
        entityType.set(null);
        actor.set(null);
        action.set(null);
        from.set(null);
        to.set(null);
        text.set("");
    }

    void previousPage() {
        if (hasPrevious.get()) {
            pageIndex.set(pageIndex.get() - 1);
        }
    }

    void nextPage() {
        if (hasNext.get()) {
            pageIndex.set(pageIndex.get() + 1);
        }
    }

    private void firstPage() {
        if (pageIndex.get() == 0) {
            reload();
        } else {
            pageIndex.set(0);
        }
    }

    /** What the filters select: days are whole days in this computer's time zone, both ends included. */
    AuditFilter filter() {
        return new AuditFilter(entityType.get(), record.get(), actor.get(), action.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(), text.get());
    }

    /** The filters in words, for the exports ("" for the whole log). */
    String describeFilters() {
        List<String> parts = new ArrayList<>();
        if (entityType.get() != null) {
            parts.add(entityLabel(entityType.get()));
        }
        if (!record.get().isBlank()) {
            parts.add(record.get().strip());
        }
        if (actor.get() != null) {
            parts.add(actor.get());
        }
        if (action.get() != null) {
            parts.add(actionLabel(action.get()));
        }
        if (from.get() != null || to.get() != null) {
            parts.add((from.get() == null ? "…" : from.get().toString()) + " – "
                    + (to.get() == null ? "…" : to.get().toString()));
        }
        if (!text.get().isBlank()) {
            parts.add("“" + text.get().strip() + "”");
        }
        return String.join(" · ", parts);
    }

    /** What one background read brings back. */
    private record Loaded(List<AuditEntry> page, long matching, long total, AuditChoices choices) {
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            selected.set(null);
            loaded.set(false);
            return;
        }
        long mine = ++request;
        AuditFilter f = filter(); // read on the FX thread, run on the reader
        long offset = pageIndex.get() * (long) PAGE_SIZE;
        var trail = session.audit();
        context.runner().read(progress -> new Loaded(trail.page(f, PAGE_SIZE, offset), trail.count(f),
                trail.eventCount(), trail.choices()), result -> {
                    if (mine != request) {
                        return; // a newer filter's answer is on its way
                    }
                    keepChoice(actors, actor, result.choices().actors());
                    keepChoice(actions, action, result.choices().actions());
                    keepChoice(entityTypes, entityType, result.choices().entityTypes());
                    total.set(result.total());
                    matching.set(result.matching());
                    AuditEntry was = selected.get();
                    rows.setAll(result.page());
                    // The same event stays chosen when it is still on the page (a reload after another page's save).
                    selected.set(was == null ? null : result.page().stream()
                            .filter(e -> e.event().sequence() == was.event().sequence()).findFirst().orElse(null));
                    loaded.set(true);
                }, failure -> context.dialogs().notify(i18n.tr("audit.log.loadFailed")));
    }

    /** Refreshes a filter's choices, keeping what is chosen (even when it no longer occurs). */
    private static void keepChoice(ObservableList<String> choices, ObjectProperty<String> chosen, List<String> now) {
        List<String> next = new ArrayList<>();
        next.add(null);
        next.addAll(now);
        if (chosen.get() != null && !now.contains(chosen.get())) {
            next.add(chosen.get());
        }
        if (!choices.equals(next)) {
            String keep = chosen.get();
            choices.setAll(next);
            chosen.set(keep);
        }
    }

    /** Writes what the filters select as CSV, oldest first, to a file the user names. */
    void exportCsv() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        AuditFilter f = filter();
        String words = describeFilters();
        context.dialogs().chooseFileToSave(i18n.tr("audit.log.exportCsv"), null, "audit-log-" + LocalDate.now()
                + ".csv", i18n.tr("audit.log.csvFiles"), "*.csv").ifPresent(target -> exportCsvTo(session, f, words,
                target));
    }

    void exportCsvTo(WorkbenchSession session, AuditFilter f, String words, Path target) {
        context.runner().runCancellable(i18n.tr("audit.log.exporting"),
                progress -> session.auditExport().csv(f, words, target, progress),
                written -> context.dialogs().notify(i18n.tr("audit.log.exported", format(written.events()),
                        target.getFileName().toString(), written.head().shortText())),
                failure -> {
                    if (!(failure instanceof CancelledException)) {
                        context.dialogs().showError(i18n.tr("audit.log.exportCsv"), i18n.tr("audit.log.exportFailed",
                                target.getFileName().toString()), String.valueOf(failure));
                    }
                });
    }

    // ---- words -------------------------------------------------------------------------------------------------

    /** An action's words, starting with a capital as a column's values do ("Created", "Answer"). */
    String actionLabel(String action) {
        String t = firstOr(List.of(AuditLabels.actionKey(action)), null);
        // An action without words of its own shows as it is recorded.
        return t == null || t.isEmpty() ? action : t.substring(0, 1).toUpperCase(i18n.locale()) + t.substring(1);
    }

    String entityLabel(String entityType) {
        return firstOr(List.of(AuditLabels.entityKey(entityType)), entityType);
    }

    String fieldLabel(String entityType, String field) {
        return field.isEmpty() ? i18n.tr("audit.log.wholeState") : firstOr(AuditLabels.fieldKeys(entityType, field),
                field);
    }

    private String firstOr(List<String> keys, String fallback) {
        for (String key : keys) {
            String t = i18n.tr(key);
            if (!t.startsWith("!")) {
                return t;
            }
        }
        return fallback;
    }

    String format(long n) {
        return String.format(i18n.locale(), "%,d", n);
    }

    ZoneId zone() {
        return zone;
    }

    WorkbenchSession session() {
        return context.sessionProperty().get();
    }
}
