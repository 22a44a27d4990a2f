package org.custodian.ui.sharing;

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
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.DueKind;
import org.custodian.model.sharing.DueQuery;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.RecordLink;

/**
 * "Expiring and due for review": expiries of agreements in force and their scheduled reviews falling due within
 * a window, most overdue first, read in the background; opening one shows it on the register page.
 */
final class AgreementsDuePageModel {


    final ObjectProperty<Integer> within = new SimpleObjectProperty<>(90);
    final ObjectProperty<DueKind> kind = new SimpleObjectProperty<>();
    final ObservableList<AgreementDue> rows = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> today = new SimpleObjectProperty<>(LocalDate.now());
    final ObjectProperty<AgreementDue> selected = new SimpleObjectProperty<>();
    final IntegerProperty overdue = new SimpleIntegerProperty();
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final StringBinding countText;

    private final PageContext context;
    private Map<String, ReferenceEntry> organisationByCode = Map.of();
    private long request;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    AgreementsDuePageModel(PageContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> !loaded.get() ? "" : i18n.tr("agreementsDue.count",
                String.valueOf(rows.size()), String.valueOf(overdue.get())), rows, overdue, loaded);
        within.addListener((o, a, b) -> reload());
        kind.addListener((o, a, b) -> reload());
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
        long mine = ++request;
        DueQuery query = new DueQuery(session.sharing().today(), within.get(), kind.get());
        context.runner().read(progress -> new Loaded(session.sharing().due(query), session.sharing().organisations()),
                result -> {
            if (mine != request) {
                return;
            }
            List<AgreementDue> due = result.due();
            Map<String, ReferenceEntry> byCode = new HashMap<>();
            result.organisations().forEach(e -> byCode.put(e.code().toLowerCase(java.util.Locale.ROOT), e));
            organisationByCode = byCode;
            today.set(query.today());
            overdue.set((int) due.stream().filter(d -> d.overdue(query.today())).count());
            rows.setAll(due);
            loaded.set(true);
        }, failure -> context.dialogs().notify(context.i18n().tr("agreements.loadFailed")));
    }

    /** What one background read brings back. */
    private record Loaded(List<AgreementDue> due, List<ReferenceEntry> organisations) {
    }

    /** The parties' names in the window's language, in the agreement's order. */
    String parties(AgreementDue due) {
        return String.join(" → ", due.parties().stream().map(code -> {
            ReferenceEntry e = organisationByCode.get(code.toLowerCase(java.util.Locale.ROOT));
            return e == null ? code : e.name(context.i18n().chinese());
        }).toList());
    }

    void open(AgreementDue due) {
        if (due != null) {
            context.openRecord(new RecordLink(RecordLink.AGREEMENT, due.agreementId()));
        }
    }
}
