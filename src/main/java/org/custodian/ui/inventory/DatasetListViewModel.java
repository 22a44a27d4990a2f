package org.custodian.ui.inventory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.custodian.logic.inventory.BulkEditOutcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The dataset inventory page: search, facets, sort and page are one {@link DatasetQuery} answered by the store
 * in the background (late answers to older queries are dropped); the selection drives the editor or, with
 * several rows, the bulk edit.
 */
final class DatasetListViewModel {

    static final int PAGE_SIZE = 100;

    final StringProperty search = new SimpleStringProperty("");
    final ObservableMap<DatasetFacet, Set<String>> filters = FXCollections.observableMap(new EnumMap<>(DatasetFacet.class));
    final ObjectProperty<DatasetSort> sort = new SimpleObjectProperty<>(DatasetSort.CODE);
    final BooleanProperty descending = new SimpleBooleanProperty(false);
    final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    final LongProperty total = new SimpleLongProperty(0);
    final LongProperty workbenchTotal = new SimpleLongProperty(0);
    final ObservableList<Dataset> rows = FXCollections.observableArrayList();
    final ObservableList<FacetCount> facets = FXCollections.observableArrayList();
    final ObservableList<Dataset> selection = FXCollections.observableArrayList();
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    /** Names and colours for codes in the table and facets; filled when a workbench opens. */
    final ObjectProperty<Lookups> lookups = new SimpleObjectProperty<>(Lookups.EMPTY);

    // Bulk edit: an empty value keeps each record's own.
    final StringProperty bulkCustodian = new SimpleStringProperty("");
    final ObjectProperty<String> bulkCategory = new SimpleObjectProperty<>();
    final ObjectProperty<String> bulkOpenData = new SimpleObjectProperty<>();
    final ObjectProperty<String> bulkLifecycle = new SimpleObjectProperty<>();
    final StringProperty bulkReason = new SimpleStringProperty("");

    final StringBinding countText;
    final StringBinding pageText;
    final BooleanBinding hasPrevious;
    final BooleanBinding hasNext;
    final BooleanBinding emptyInventory;
    final BooleanBinding noMatches;
    final BooleanBinding writable;

    private final PageContext context;
    private final I18n i18n;
    private long request;
    private long facetRequest;
    private boolean disposed;
    private boolean replacingRows;
    // A data change may add departments or categories (an import, the sample): names and pickers follow.
    private final javafx.beans.value.ChangeListener<Object> reloadOnDataChange = (o, a, b) -> {
        reloadLookups();
        reload();
    };
    private final javafx.beans.value.ChangeListener<Object> onNewSession = (o, a, b) -> sessionChanged();
    private final javafx.beans.value.WeakChangeListener<Object> weakReload =
            new javafx.beans.value.WeakChangeListener<>(reloadOnDataChange);
    private final javafx.beans.value.WeakChangeListener<Object> weakSession =
            new javafx.beans.value.WeakChangeListener<>(onNewSession);

    /** What the table shows for codes: organisation and category names, level colours. */
    record Lookups(Map<String, ReferenceEntry> departments, Map<String, ReferenceEntry> categories,
                   Map<String, ClassificationLevel> levels, List<ReferenceEntry> categoryList,
                   List<ReferenceEntry> departmentList, List<ReferenceEntry> formatList,
                   List<ClassificationLevel> levelList) {
        static final Lookups EMPTY = new Lookups(Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of());

        String name(ReferenceEntry e, boolean chinese) {
            if (e == null) {
                return null;
            }
            return e.name(chinese);
        }
    }

    DatasetListViewModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> total.get() == workbenchTotal.get()
                ? i18n.tr("datasets.count", total.get())
                : i18n.tr("datasets.countFiltered", total.get(), workbenchTotal.get()), total, workbenchTotal);
        pageText = Bindings.createStringBinding(() -> total.get() == 0 ? ""
                : i18n.tr("table.pageRange", (long) pageIndex.get() * PAGE_SIZE + 1,
                        Math.min(total.get(), (long) (pageIndex.get() + 1) * PAGE_SIZE), total.get()), total, pageIndex);
        hasPrevious = pageIndex.greaterThan(0);
        hasNext = Bindings.createBooleanBinding(() -> (long) (pageIndex.get() + 1) * PAGE_SIZE < total.get(),
                pageIndex, total);
        emptyInventory = Bindings.createBooleanBinding(() -> loaded.get() && workbenchTotal.get() == 0,
                loaded, workbenchTotal);
        noMatches = Bindings.createBooleanBinding(() -> loaded.get() && total.get() == 0 && workbenchTotal.get() > 0,
                loaded, total, workbenchTotal);
        writable = Bindings.createBooleanBinding(() -> context.sessionProperty().get() != null
                && context.sessionProperty().get().access() == org.custodian.model.workbench.Access.READ_WRITE,
                context.sessionProperty());

        search.addListener((o, a, b) -> firstPage());
        filters.addListener((javafx.collections.MapChangeListener<DatasetFacet, Set<String>>) c -> firstPage());
        sort.addListener((o, a, b) -> reload());
        descending.addListener((o, a, b) -> reload());
        pageIndex.addListener((o, a, b) -> reload());
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakSession);
    }

    /** True while a reload replaces the rows: the table's selection is being rebuilt, not changed by the user. */
    boolean replacingRows() {
        return replacingRows;
    }

    // --- commands ---

    void start() {
        sessionChanged();
    }

    DatasetQuery query() {
        return new DatasetQuery(search.get(), Map.copyOf(filters), sort.get(),
                descending.get(), PAGE_SIZE, pageIndex.get() * PAGE_SIZE);
    }

    /** The search and filters in words, as the register prints them under its title ("" for none). */
    String describeFilters() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (search.get() != null && !search.get().isBlank()) {
            parts.add("“" + search.get().strip() + "”");
        }
        filters.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                parts.add(i18n.tr(facet.labelKey()) + ": " + String.join(", ", values));
            }
        });
        return String.join(" · ", parts);
    }

    void toggleFacet(DatasetFacet facet, String value, boolean on) {
        Set<String> values = new LinkedHashSet<>(filters.getOrDefault(facet, Set.of()));
        if (on) {
            values.add(value);
        } else {
            values.remove(value);
        }
        if (values.isEmpty()) {
            filters.remove(facet);
        } else {
            filters.put(facet, values);
        }
    }

    boolean isFiltered(DatasetFacet facet, String value) {
        return filters.getOrDefault(facet, Set.of()).contains(value);
    }

    void clearFilters() {
        filters.clear();
        search.set("");
    }

    /** Shows what another page asked for (a dashboard tile): exactly these facet values, no search. */
    void apply(Map<DatasetFacet, Set<String>> wanted) {
        search.set("");
        filters.clear();
        wanted.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                filters.put(facet, new LinkedHashSet<>(values));
            }
        });
    }

    void firstPage() {
        if (pageIndex.get() != 0) {
            pageIndex.set(0);
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

    void sortBy(DatasetSort column, boolean desc) {
        boolean changed = sort.get() != column || descending.get() != desc;
        sort.set(column);
        descending.set(desc);
        if (changed) {
            pageIndex.set(0);
        }
    }

    void loadSample() {
        context.loadSampleDepartment();
    }

    void dispose() {
        disposed = true;
        request++;
        facetRequest++;
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakSession);
    }

    private void sessionChanged() {
        lookups.set(Lookups.EMPTY);
        reloadLookups();
        firstPage();
    }

    private long lookupRequest;

    private void reloadLookups() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null || disposed) {
            return;
        }
        long mine = ++lookupRequest;
        context.runner().read(progress -> loadLookups(session), l -> {
            if (mine == lookupRequest && session == context.sessionProperty().get()) {
                lookups.set(l);
            }
        }, failure -> {
            if (mine == lookupRequest && session == context.sessionProperty().get()) {
                context.dialogs().notify(i18n.tr("datasets.failed"));
            }
        });
    }

    private static Lookups loadLookups(WorkbenchSession session) {
        var inventory = session.inventory();
        List<ReferenceEntry> departments = inventory.referenceEntries(ReferenceList.ORGANISATION);
        List<ReferenceEntry> categories = inventory.referenceEntries(ReferenceList.CATEGORY);
        List<ReferenceEntry> formats = inventory.referenceEntries(ReferenceList.FORMAT);
        List<ClassificationLevel> levels = inventory.levels();
        Map<String, ReferenceEntry> d = new HashMap<>();
        departments.forEach(e -> d.put(e.code().toLowerCase(java.util.Locale.ROOT), e));
        Map<String, ReferenceEntry> c = new HashMap<>();
        categories.forEach(e -> c.put(e.code().toLowerCase(java.util.Locale.ROOT), e));
        Map<String, ClassificationLevel> l = new HashMap<>();
        levels.forEach(e -> l.put(e.code().toUpperCase(java.util.Locale.ROOT), e));
        return new Lookups(d, c, l, categories, departments, formats, levels);
    }

    /** Queries the page and the count, then the facet counts, in the background; older answers are dropped. */
    void reload() {
        if (disposed) {
            return;
        }
        long mine = ++request;
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            facets.clear();
            total.set(0);
            workbenchTotal.set(0);
            loaded.set(false);
            return;
        }
        DatasetQuery q = query();
        context.runner().read(progress -> new PageResult(
                        session.inventory().count(q), session.inventory().total(), session.inventory().page(q)),
                page -> {
                    if (mine == request) {
                        if (page.rows().isEmpty() && pageIndex.get() > 0 && page.total() > 0) {
                            // Records left the last page (retired under a filter, say): show the new last page.
                            pageIndex.set((int) ((page.total() - 1) / PAGE_SIZE));
                            return;
                        }
                        total.set(page.total());
                        workbenchTotal.set(page.all());
                        replacingRows = true;
                        try {
                            rows.setAll(page.rows());
                        } finally {
                            replacingRows = false;
                        }
                        loaded.set(true);
                        reloadFacets(session, q);
                    }
                },
                failure -> {
                    if (mine == request) {
                        context.dialogs().showError(i18n.tr("datasets.failed.title"), i18n.tr("datasets.failed"),
                                failure.getMessage());
                    }
                });
    }

    private void reloadFacets(WorkbenchSession session, DatasetQuery q) {
        long mine = ++facetRequest;
        context.runner().read(progress -> session.inventory().facets(q), counts -> {
            if (mine == facetRequest) {
                facets.setAll(counts);
            }
        }, failure -> { });
    }

    List<FacetCount> facet(DatasetFacet facet) {
        List<FacetCount> list = new ArrayList<>();
        for (FacetCount c : facets) {
            if (c.facet() == facet) {
                list.add(c);
            }
        }
        // A chosen value stays visible (with 0) even when the other filters leave nothing of it.
        for (String chosen : filters.getOrDefault(facet, Set.of())) {
            if (list.stream().noneMatch(c -> c.value().equals(chosen))) {
                list.add(new FacetCount(facet, chosen, 0));
            }
        }
        return list;
    }

    // --- bulk edit ---

    /** The changes the bulk edit would make: only the fields given a value. */
    Map<DatasetColumn, String> bulkChanges() {
        Map<DatasetColumn, String> changes = new EnumMap<>(DatasetColumn.class);
        if (!bulkCustodian.get().isBlank()) {
            changes.put(DatasetColumn.CUSTODIAN, bulkCustodian.get().strip());
        }
        if (bulkCategory.get() != null) {
            changes.put(DatasetColumn.CATEGORY, bulkCategory.get());
        }
        if (bulkOpenData.get() != null) {
            changes.put(DatasetColumn.OPEN_DATA_STATUS, bulkOpenData.get());
        }
        if (bulkLifecycle.get() != null) {
            changes.put(DatasetColumn.LIFECYCLE_STATUS, bulkLifecycle.get());
        }
        return changes;
    }

    /** Applies the bulk edit to the selection as one transaction; all or nothing. */
    void applyBulkEdit() {
        WorkbenchSession session = context.sessionProperty().get();
        Map<DatasetColumn, String> changes = bulkChanges();
        if (session == null || changes.isEmpty() || selection.isEmpty()) {
            return;
        }
        List<UUID> ids = selection.stream().map(Dataset::id).toList();
        boolean retiring = org.custodian.model.inventory.LifecycleStatus.RETIRED.code()
                .equalsIgnoreCase(changes.getOrDefault(DatasetColumn.LIFECYCLE_STATUS, ""));
        if (retiring && bulkReason.get().isBlank()) {
            // Retiring needs a reason of the user's own, not the bulk edit's default one.
            context.dialogs().askReason(i18n.tr("datasets.retire.title"), i18n.tr("datasets.retire.message",
                    ids.size()), i18n.tr("datasets.retire.confirm", ids.size()), i18n.tr("datasets.retire.reason"), true)
                    .ifPresent(reason -> runBulkEdit(session, ids, changes, reason));
            return;
        }
        runBulkEdit(session, ids, changes, bulkReason.get().isBlank()
                ? i18n.tr("datasets.bulk.defaultReason", ids.size()) : bulkReason.get().strip());
    }

    private void runBulkEdit(WorkbenchSession session, List<UUID> ids, Map<DatasetColumn, String> changes,
                             String reason) {
        context.runner().run(i18n.tr("task.saving"), progress -> session.inventory().bulkEdit(ids, changes, reason),
                outcome -> bulkDone(outcome, ids.size()),
                failure -> context.dialogs().showError(i18n.tr("datasets.bulk.failed.title"),
                        i18n.tr("datasets.bulk.failed"), failure.getMessage()));
    }

    /** Each refused dataset and its problems, one line each, in the user's language. */
    private String refusals(BulkEditOutcome outcome) {
        StringBuilder s = new StringBuilder();
        for (BulkEditOutcome.Refusal r : outcome.refusals()) {
            s.append(s.length() == 0 ? "" : "\n").append(r.code()).append(": ");
            s.append(String.join("; ", r.problems().stream().map(i18n::problem).toList()));
        }
        return s.toString();
    }

    private void bulkDone(BulkEditOutcome outcome, int chosen) {
        if (!outcome.ok()) {
            context.dialogs().showError(i18n.tr("datasets.bulk.failed.title"),
                    i18n.tr("datasets.bulk.refused", outcome.refusals().size(), chosen), refusals(outcome));
            return;
        }
        bulkCustodian.set("");
        bulkCategory.set(null);
        bulkOpenData.set(null);
        bulkLifecycle.set(null);
        bulkReason.set("");
        context.dialogs().notify(i18n.tr("datasets.bulk.done", outcome.changed(), outcome.unchanged()));
        context.dataChanged();
    }

    /** Retires the selection after asking for a reason. */
    void retireSelection() {
        retire(selection.stream().map(Dataset::id).toList());
    }

    /** Retires these datasets after asking for a reason; they stay in the inventory with their history. */
    void retire(List<UUID> ids) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null || ids.isEmpty()) {
            return;
        }
        String label = i18n.tr("datasets.retire.confirm", ids.size());
        // Retiring needs a reason: the dialog will not confirm without one, and the use case refuses a blank one.
        context.dialogs().askReason(i18n.tr("datasets.retire.title"), i18n.tr("datasets.retire.message", ids.size()),
                label, i18n.tr("datasets.retire.reason"), true).ifPresent(reason ->
                context.runner().run(i18n.tr("task.saving"), progress -> session.inventory().retire(ids, reason),
                        outcome -> {
                            if (outcome.ok()) {
                                context.dialogs().notify(i18n.tr("datasets.retire.done", outcome.changed()));
                                context.dataChanged();
                            } else {
                                context.dialogs().showError(i18n.tr("datasets.bulk.failed.title"),
                                        i18n.tr("datasets.bulk.refused", outcome.refusals().size(), ids.size()),
                                        refusals(outcome));
                            }
                        },
                        failure -> context.dialogs().showError(i18n.tr("datasets.bulk.failed.title"),
                                i18n.tr("datasets.bulk.failed"), failure.getMessage())));
    }

    private record PageResult(long total, long all, List<Dataset> rows) {
    }
}
