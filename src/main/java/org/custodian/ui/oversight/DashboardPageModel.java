package org.custodian.ui.oversight;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.ListRequest;
import org.custodian.ui.common.PageContext;

/**
 * The dashboard's state: the figures of the open workbench, read in the background whenever records change, and
 * the one command every tile and bar has, opening the list it counts.
 */
final class DashboardPageModel {

    // --- properties ---
    final ObjectProperty<DashboardFigures> figures = new SimpleObjectProperty<>();
    final BooleanProperty loading = new SimpleBooleanProperty(false);

    private final PageContext context;
    private final I18n i18n;
    private long request;
    private boolean disposed;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    DashboardPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
    }

    I18n i18n() {
        return i18n;
    }

    // --- commands ---

    /** Reads the figures off the FX thread; an answer to an older read is dropped. */
    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        long mine = ++request;
        if (session == null || disposed) {
            figures.set(null);
            loading.set(false);
            return;
        }
        loading.set(true);
        context.runner().read(progress -> session.dashboard().figures(session.dashboard().today()), f -> {
            if (mine == request && !disposed) {
                figures.set(f);
                loading.set(false);
            }
        }, failure -> {
            if (mine == request && !disposed) {
                loading.set(false);
                context.dialogs().notify(i18n.tr("dashboard.failed"));
            }
        });
    }

    /** Opens the register's list filtered to what a tile or bar counts. */
    void open(ListRequest request) {
        context.openList(request);
    }

    void loadSample() {
        context.loadSampleDepartment();
    }

    void dispose() {
        disposed = true;
        request++;
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
    }
}
