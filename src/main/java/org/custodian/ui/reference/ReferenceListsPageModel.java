package org.custodian.ui.reference;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.reference.ReferenceLists;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The reference lists page: one list at a time, filtered, sorted and paged by the store, and the history of the
 * selected entry from the audit chain.
 */
final class ReferenceListsPageModel {

    static final int PAGE_SIZE = 100;

    // --- properties ---
    final ObjectProperty<ReferenceList> list = new SimpleObjectProperty<>(ReferenceList.ORGANISATION);
    final StringProperty filter = new SimpleStringProperty("");
    final ObjectProperty<ReferenceLists.Sort> sort = new SimpleObjectProperty<>(ReferenceLists.Sort.CODE);
    final BooleanProperty descending = new SimpleBooleanProperty(false);
    final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    final IntegerProperty total = new SimpleIntegerProperty(0);
    final ObservableList<ReferenceEntry> rows = FXCollections.observableArrayList();
    final ObjectProperty<ReferenceEntry> selected = new SimpleObjectProperty<>();
    final ObservableList<AuditEvent> history = FXCollections.observableArrayList();
    final BooleanProperty loaded = new SimpleBooleanProperty(false);

    final StringBinding countText;
    final StringBinding pageText;
    final BooleanBinding hasPrevious;
    final BooleanBinding hasNext;
    final BooleanBinding emptyList;
    final BooleanBinding noMatches;

    private final PageContext context;
    private final I18n i18n;
    private long request;
    // Held here and registered weakly on the shell's properties, so a page dropped by a language switch is
    // collected instead of reloading in the background for ever.
    private final javafx.beans.value.ChangeListener<Object> reloadOnDataChange = (o, a, b) -> reload();
    private final javafx.beans.value.ChangeListener<Object> firstPageOnNewSession = (o, a, b) -> firstPage();
    private final javafx.beans.value.WeakChangeListener<Object> weakReload =
            new javafx.beans.value.WeakChangeListener<>(reloadOnDataChange);
    private final javafx.beans.value.WeakChangeListener<Object> weakFirstPage =
            new javafx.beans.value.WeakChangeListener<>(firstPageOnNewSession);
    private boolean disposed;

    /** Shows the chosen entry's events in the audit log. */
    void openInAuditLog() {
        ReferenceEntry e = selected.get();
        if (e != null) {
            context.openAuditLog(org.custodian.model.audit.AuditFilter.forRecord(e.list().entityType(), e.code()));
        }
    }

    ReferenceListsPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> i18n.tr("reference.count", total.get()), total);
        pageText = Bindings.createStringBinding(() -> total.get() == 0 ? ""
                : i18n.tr("table.pageRange", pageIndex.get() * PAGE_SIZE + 1,
                        Math.min(total.get(), (pageIndex.get() + 1) * PAGE_SIZE), total.get()), total, pageIndex);
        hasPrevious = pageIndex.greaterThan(0);
        hasNext = Bindings.createBooleanBinding(() -> (pageIndex.get() + 1) * PAGE_SIZE < total.get(), pageIndex, total);
        emptyList = Bindings.createBooleanBinding(() -> loaded.get() && total.get() == 0 && filter.get().isBlank(),
                loaded, total, filter);
        noMatches = Bindings.createBooleanBinding(() -> loaded.get() && total.get() == 0 && !filter.get().isBlank(),
                loaded, total, filter);

        list.addListener((o, a, b) -> firstPage());
        filter.addListener((o, a, b) -> firstPage());
        sort.addListener((o, a, b) -> reload());
        descending.addListener((o, a, b) -> reload());
        pageIndex.addListener((o, a, b) -> reload());
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakFirstPage);
        selected.addListener((o, a, b) -> loadHistory(b));
    }

    // --- commands ---
    void firstPage() {
        if (pageIndex.get() != 0) {
            pageIndex.set(0); // its listener reloads
        } else {
            reload();
        }
    }

    void nextPage() {
        if (hasNext.get()) {
            pageIndex.set(pageIndex.get() + 1);
        }
    }

    void previousPage() {
        if (hasPrevious.get()) {
            pageIndex.set(pageIndex.get() - 1);
        }
    }

    void sortBy(ReferenceLists.Sort column, boolean desc) {
        sort.set(column);
        descending.set(desc);
    }

    void loadSample() {
        context.loadSampleDepartment();
    }

    void dispose() {
        disposed = true;
        request++;
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakFirstPage);
    }

    /** Queries the store in the background; answers to older requests are dropped. */
    void reload() {
        if (disposed) {
            return;
        }
        long mine = ++request; // also voids a query still running for a previous file
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            total.set(0);
            loaded.set(false);
            return;
        }
        ReferenceList l = list.get();
        String f = filter.get();
        ReferenceLists.Sort s = sort.get();
        boolean d = descending.get();
        int offset = pageIndex.get() * PAGE_SIZE;
        context.runner().run(i18n.tr("task.searching"), progress -> new Page(
                        session.referenceLists().count(l, f),
                        session.referenceLists().page(l, f, s, d, PAGE_SIZE, offset)),
                page -> {
                    if (mine == request) {
                        total.set(page.total());
                        rows.setAll(page.rows());
                        loaded.set(true);
                    }
                },
                failure -> {
                    if (mine == request) {
                        context.dialogs().showError(i18n.tr("reference.failed.title"),
                                i18n.tr("reference.failed"), failure.getMessage());
                    }
                });
    }

    private void loadHistory(ReferenceEntry entry) {
        history.clear();
        WorkbenchSession session = context.sessionProperty().get();
        if (entry == null || session == null) {
            return;
        }
        context.runner().run(i18n.tr("task.loadingHistory"),
                progress -> session.audit().history(entry.list().entityType(), entry.id().toString()),
                events -> {
                    if (entry.equals(selected.get())) {
                        history.setAll(events);
                    }
                },
                failure -> context.dialogs().notify(i18n.tr("reference.historyFailed")));
    }

    private record Page(int total, List<ReferenceEntry> rows) {
    }
}
