package org.custodian.ui.classification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The reviews-due queue: classification and access reviews falling due, overdue first, filtered by window,
 * kind, department and level, read in the background; completing one opens the matching dialog.
 */
final class ReviewsPageModel {


    final ObjectProperty<Integer> within = new SimpleObjectProperty<>(90);
    final ObjectProperty<ReviewKind> kind = new SimpleObjectProperty<>();
    final ObjectProperty<String> department = new SimpleObjectProperty<>();
    final ObjectProperty<String> level = new SimpleObjectProperty<>();
    final ObservableList<DueReview> rows = FXCollections.observableArrayList();
    final ObservableList<ReferenceEntry> departments = FXCollections.observableArrayList();
    final ObjectProperty<ClassificationScheme> scheme = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> today = new SimpleObjectProperty<>(LocalDate.now());
    final ObjectProperty<DueReview> selected = new SimpleObjectProperty<>();
    final IntegerProperty overdue = new SimpleIntegerProperty();
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding countText;

    private final PageContext context;
    private final I18n i18n;
    private final ReviewActions actions;
    private Map<String, ReferenceEntry> departmentByCode = Map.of();
    private long request;
    // Registered weakly on the shell's properties, so a page dropped by a language switch is collected.
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);
    private final ChangeListener<org.custodian.ui.common.ListRequest> onListRequest = (o, a, r) -> takeListRequest();
    private final WeakChangeListener<org.custodian.ui.common.ListRequest> weakListRequest =
            new WeakChangeListener<>(onListRequest);

    ReviewsPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.actions = new ReviewActions(context);
        countText = Bindings.createStringBinding(() -> !loaded.get() ? "" : i18n.tr("reviews.count",
                String.valueOf(rows.size()), String.valueOf(overdue.get())), rows, overdue, loaded);
        within.addListener((o, a, b) -> reload());
        kind.addListener((o, a, b) -> reload());
        department.addListener((o, a, b) -> reload());
        level.addListener((o, a, b) -> reload());
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
        context.listRequestProperty().addListener(weakListRequest);
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
        context.listRequestProperty().removeListener(weakListRequest);
    }

    /** Shows the queue another page asked for (a dashboard tile): its kind and window, the other filters cleared. */
    void takeListRequest() {
        if (!(context.listRequestProperty().get() instanceof org.custodian.ui.common.ListRequest.Reviews r)) {
            return;
        }
        context.listRequestHandled();
        department.set(null);
        level.set(null);
        kind.set(r.kind());
        within.set(r.overdueOnly() ? ReviewQuery.OVERDUE : null);
    }

    String departmentName(String code) {
        ReferenceEntry e = code == null ? null : departmentByCode.get(code);
        if (e == null) {
            return code;
        }
        return e.name(i18n.chinese());
    }

    /** The queue's query as the filters stand, or null with no workbench open. */
    ReviewQuery query() {
        WorkbenchSession session = context.sessionProperty().get();
        return session == null ? null : new ReviewQuery(session.classification().today(), within.get(), kind.get(),
                department.get(), level.get());
    }

    PageContext context() {
        return context;
    }

    /** What one background read brings back. */
    private record Loaded(List<DueReview> due, ClassificationScheme scheme, List<ReferenceEntry> departments,
                          LocalDate today) {
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            loaded.set(false);
            return;
        }
        long mine = ++request;
        writable.set(session.access() == org.custodian.model.workbench.Access.READ_WRITE);
        ReviewQuery query = query();
        // The lists come along each time: another workbench, or an import that added departments.
        context.runner().read(progress -> new Loaded(session.classification().due(query),
                session.classification().scheme(), session.inventory().referenceEntries(ReferenceList.ORGANISATION),
                query.today()), result -> {
            if (mine != request) {
                return; // a newer filter's answer is on its way
            }
            Map<String, ReferenceEntry> byCode = new HashMap<>();
            result.departments().forEach(e -> byCode.put(e.code(), e));
            departmentByCode = byCode;
            if (!departments.equals(result.departments())) {
                departments.setAll(result.departments());
            }
            scheme.set(result.scheme());
            today.set(result.today());
            overdue.set((int) result.due().stream().filter(r -> r.overdue(result.today())).count());
            rows.setAll(result.due());
            loaded.set(true);
        }, failure -> context.dialogs().notify(i18n.tr("reviews.loadFailed")));
    }

    /** Completes the chosen review: a classification review confirms or changes the level; an access review records one. */
    void complete(DueReview r) {
        if (r == null) {
            return;
        }
        String label = r.datasetCode() + " · " + r.title(i18n.chinese());
        if (r.kind() == ReviewKind.CLASSIFICATION) {
            actions.reclassify(r.datasetId(), label, true, () -> { });
        } else {
            actions.recordAccessReview(r.datasetId(), label, () -> { });
        }
    }
}
