package org.custodian.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pager under a list read a page at a time from the store: "1–100 of 1,539" and the previous/next buttons. */
public final class Paging {

    private Paging() {
    }

    /** "first–last of count" for the page shown; empty when nothing matches. */
    public static StringBinding rangeText(I18n i18n, IntegerProperty pageIndex, ObservableLongValue count,
                                          int pageSize) {
        return Bindings.createStringBinding(() -> count.get() == 0 ? "" : i18n.tr("table.pageRange",
                pageIndex.get() * (long) pageSize + 1, Math.min(count.get(), (pageIndex.get() + 1L) * pageSize),
                count.get()), pageIndex, count);
    }

    /** Whether another page follows the one shown. */
    public static BooleanBinding hasNext(IntegerProperty pageIndex, ObservableLongValue count, int pageSize) {
        return Bindings.createBooleanBinding(() -> (pageIndex.get() + 1L) * pageSize < count.get(), pageIndex, count);
    }

    /** A flat icon button of the pager; its name goes to screen readers and the tooltip. */
    public static Button button(I18n i18n, Ikon icon, String key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setAccessibleText(i18n.tr(key));
        b.setTooltip(new Tooltip(i18n.tr(key)));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setOnAction(e -> action.run());
        return b;
    }
}
