package org.custodian.ui.trash;

import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.TrashItem;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The trash: what was deleted, newest first, read in the background; restore puts an item back, purge removes it
 * for good after a confirmation and a reason. Both write through the use case in one audited transaction.
 */
final class TrashPageModel {

    final ObservableList<TrashItem> rows = FXCollections.observableArrayList();
    final ObjectProperty<TrashItem> selected = new SimpleObjectProperty<>();
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding countText;

    private final PageContext context;
    private long request;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    TrashPageModel(PageContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> !loaded.get() ? "" : i18n.tr("trash.count",
                String.valueOf(rows.size())), rows, loaded);
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
        context.runner().read(progress -> session.trash().list(), (List<TrashItem> items) -> {
            if (mine != request) {
                return;
            }
            rows.setAll(items);
            loaded.set(true);
        }, failure -> context.dialogs().notify(context.i18n().tr("trash.loadFailed")));
    }

    void restore(TrashItem item) {
        WorkbenchSession session = context.sessionProperty().get();
        if (item == null || session == null) {
            return;
        }
        I18n i18n = context.i18n();
        UUID id = item.id();
        context.runner().run(i18n.tr("task.restoringFromTrash"), progress -> session.trash().restore(id),
                restored -> {
                    context.dialogs().notify(i18n.tr("trash.restored", kindLabel(restored), restored.label(),
                            restored.ownerLabel()));
                    context.dataChanged();
                },
                failure -> context.dialogs().showError(i18n.tr("trash.restore"), i18n.tr("trash.restoreFailed",
                        item.label()), failure.getMessage()));
    }

    void purge(TrashItem item) {
        WorkbenchSession session = context.sessionProperty().get();
        if (item == null || session == null) {
            return;
        }
        I18n i18n = context.i18n();
        context.dialogs().askReason(i18n.tr("trash.purge.title"), i18n.tr("trash.purge.message", kindLabel(item),
                item.label()), i18n.tr("trash.purge.confirm"), i18n.tr("trash.purge.reason"), true).ifPresent(reason ->
                context.runner().run(i18n.tr("task.purging"), progress -> session.trash().purge(item.id(), reason),
                        purged -> {
                            context.dialogs().notify(i18n.tr("trash.purged", purged.label()));
                            context.dataChanged();
                        },
                        failure -> context.dialogs().showError(i18n.tr("trash.purge.title"),
                                i18n.tr("trash.purgeFailed", item.label()), failure.getMessage())));
    }

    String kindLabel(TrashItem item) {
        return context.i18n().tr("trash.kind." + item.kind());
    }
}
