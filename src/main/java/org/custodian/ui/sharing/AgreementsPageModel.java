package org.custodian.ui.sharing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import javafx.util.Duration;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The register page's state: the search, the filters (type, status, party, cross-boundary, expiring within N
 * days), the order and the page, read from SQLite in the background; the organisations and the scheme for names
 * and chips.
 */
final class AgreementsPageModel {

    static final int PAGE_SIZE = 100;
    /** The "expiring within" choices, in days; null is no such filter. */
    static final List<Integer> EXPIRING = java.util.Arrays.asList(null, 30, 60, 90, 180);

    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<AgreementType> type = new SimpleObjectProperty<>();
    final ObjectProperty<AgreementStatus> status = new SimpleObjectProperty<>();
    final ObjectProperty<String> party = new SimpleObjectProperty<>();
    final ObjectProperty<Boolean> crossBoundary = new SimpleObjectProperty<>();
    final ObjectProperty<Integer> expiringWithin = new SimpleObjectProperty<>();
    final ObjectProperty<AgreementSort> sort = new SimpleObjectProperty<>(AgreementSort.REFERENCE);
    final BooleanProperty descending = new SimpleBooleanProperty(false);
    final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    final LongProperty total = new SimpleLongProperty(0);
    final LongProperty matching = new SimpleLongProperty(0);
    final ObservableList<SharingAgreement> rows = FXCollections.observableArrayList();
    final ObservableList<ReferenceEntry> organisations = FXCollections.observableArrayList();
    final ObjectProperty<ClassificationScheme> scheme = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> today = new SimpleObjectProperty<>(LocalDate.now());
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding countText;
    final StringBinding pageText;
    final BooleanBinding hasPrevious;
    final BooleanBinding hasNext;
    final BooleanBinding filtered;

    private final PageContext context;
    private final I18n i18n;
    private Map<String, ReferenceEntry> organisationByCode = Map.of();
    private long request;
    private final javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(Duration.millis(250));
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    AgreementsPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> !loaded.get() ? "" : matching.get() == total.get()
                ? i18n.tr("agreements.count", format(total.get()))
                : i18n.tr("agreements.countFiltered", format(matching.get()), format(total.get())),
                loaded, matching, total);
        pageText = org.custodian.ui.common.Paging.rangeText(i18n, pageIndex, matching, PAGE_SIZE);
        hasPrevious = pageIndex.greaterThan(0);
        hasNext = org.custodian.ui.common.Paging.hasNext(pageIndex, matching, PAGE_SIZE);
        filtered = Bindings.createBooleanBinding(() -> !search.get().isBlank() || type.get() != null
                || status.get() != null || party.get() != null || crossBoundary.get() != null
                || expiringWithin.get() != null, search, type, status, party, crossBoundary, expiringWithin);
        typing.setOnFinished(e -> firstPage());
        search.addListener((o, a, b) -> typing.playFromStart());
        for (javafx.beans.Observable filter : List.of(type, status, party, crossBoundary, expiringWithin, sort,
                descending)) {
            filter.addListener(o -> firstPage());
        }
        pageIndex.addListener((o, a, b) -> reload());
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
        typing.stop();
    }

    private String format(long n) {
        return String.format(i18n.locale(), "%,d", n);
    }

    private void firstPage() {
        if (pageIndex.get() == 0) {
            reload();
        } else {
            pageIndex.set(0);
        }
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

    /** Shows what another page asked for (a dashboard tile): its status and expiry window, the rest cleared. */
    void apply(org.custodian.ui.common.ListRequest.Agreements request) {
        clearFilters();
        status.set(request.status());
        expiringWithin.set(request.expiringWithin());
    }

    void clearFilters() {
        search.set("");
        type.set(null);
        status.set(null);
        party.set(null);
        crossBoundary.set(null);
        expiringWithin.set(null);
    }

    String organisationName(String code) {
        ReferenceEntry e = code == null ? null : organisationByCode.get(code.toLowerCase(java.util.Locale.ROOT));
        if (e == null) {
            return code;
        }
        return e.name(i18n.chinese());
    }

    /** The search and filters in words, as the register prints them under its title ("" for none). */
    String describeFilters() {
        List<String> parts = new java.util.ArrayList<>();
        if (search.get() != null && !search.get().isBlank()) {
            parts.add("“" + search.get().strip() + "”");
        }
        if (type.get() != null) {
            parts.add(i18n.tr(type.get().labelKey()));
        }
        if (status.get() != null) {
            parts.add(i18n.tr(status.get().labelKey()));
        }
        if (party.get() != null) {
            parts.add(party.get());
        }
        if (expiringWithin.get() != null) {
            parts.add(i18n.tr("agreements.reportExpiring", expiringWithin.get()));
        }
        return String.join(" · ", parts);
    }

    AgreementQuery query(LocalDate on) {
        Set<AgreementType> types = type.get() == null ? Set.of() : EnumSet.of(type.get());
        Set<AgreementStatus> statuses = status.get() == null ? Set.of() : EnumSet.of(status.get());
        return new AgreementQuery(search.get(), types, statuses, party.get(), crossBoundary.get(), expiringWithin.get(),
                on, sort.get(), descending.get(), PAGE_SIZE, pageIndex.get() * PAGE_SIZE);
    }

    /** What one background read brings back. */
    private record Loaded(List<SharingAgreement> page, long matching, long total, List<ReferenceEntry> organisations,
                          ClassificationScheme scheme, LocalDate today) {
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            rows.clear();
            loaded.set(false);
            return;
        }
        long mine = ++request;
        writable.set(session.access() == Access.READ_WRITE);
        var sharing = session.sharing();
        LocalDate on = sharing.today();
        AgreementQuery q = query(on); // read on the FX thread, run on the reader
        context.runner().read(progress -> new Loaded(sharing.page(q), sharing.count(q), sharing.total(),
                sharing.organisations(), session.classification().scheme(), on), result -> {
            if (mine != request) {
                return; // a newer filter's answer is on its way
            }
            Map<String, ReferenceEntry> byCode = new HashMap<>();
            result.organisations().forEach(e -> byCode.put(e.code().toLowerCase(java.util.Locale.ROOT), e));
            organisationByCode = byCode;
            if (!organisations.equals(result.organisations())) {
                organisations.setAll(result.organisations());
            }
            scheme.set(result.scheme());
            today.set(result.today());
            total.set(result.total());
            matching.set(result.matching());
            rows.setAll(result.page());
            loaded.set(true);
        }, failure -> context.dialogs().notify(i18n.tr("agreements.loadFailed")));
    }
}
