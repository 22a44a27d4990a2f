package org.custodian.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.custodian.logic.workbench.WorkbenchSummary;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The bottom bar: open file, record counts, background work with progress and cancel, audit head. */
final class StatusBar extends HBox {

    StatusBar(MainWindowViewModel model, I18n i18n) {
        TaskRunner runner = model.runner();
        var summary = model.summaryProperty();

        Label file = new Label();
        file.setId("status-file");
        file.setGraphic(new FontIcon(Material2OutlinedMZ.STORAGE));
        file.textProperty().bind(Bindings.createStringBinding(() -> summary.get() == null ? i18n.tr("status.noFile")
                : summary.get().file().getFileName() + (summary.get().access() == Access.READ_ONLY
                ? " (" + i18n.tr("workbench.access.readOnly") + ")" : ""), summary));
        Tooltip fileTip = new Tooltip();
        fileTip.textProperty().bind(Bindings.createStringBinding(() -> summary.get() == null ? ""
                : summary.get().file().toString(), summary));
        file.setTooltip(fileTip);

        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> countsText(summary.get(), i18n), summary));

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(runner.progressProperty());
        progress.setPrefWidth(140);
        Label work = new Label();
        work.textProperty().bind(runner.titleProperty());
        Button cancel = new Button(null, new FontIcon(Material2OutlinedAL.CANCEL));
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        cancel.setAccessibleText(i18n.tr("status.cancel"));
        cancel.setTooltip(new Tooltip(i18n.tr("status.cancel")));
        cancel.setOnAction(e -> runner.cancelCurrent());
        cancel.visibleProperty().bind(runner.cancellableProperty());
        cancel.managedProperty().bind(runner.cancellableProperty());
        HBox busy = new HBox(6, work, progress, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(runner.busyProperty());
        busy.managedProperty().bind(runner.busyProperty());

        Label audit = new Label();
        audit.setId("status-audit");
        audit.setGraphic(new FontIcon(Material2OutlinedMZ.VERIFIED_USER));
        audit.textProperty().bind(Bindings.createStringBinding(() -> summary.get() == null ? ""
                : summary.get().auditHead().sequence() == 0 ? i18n.tr("status.audit", i18n.tr("workbench.audit.none"))
                : i18n.tr("status.audit", summary.get().auditHead().shortText()), summary));
        Tooltip auditTip = new Tooltip();
        auditTip.textProperty().bind(Bindings.createStringBinding(() -> summary.get() == null ? ""
                : summary.get().auditHead().asText(), summary));
        audit.setTooltip(auditTip);
        audit.visibleProperty().bind(summary.isNotNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(file, new Separator(Orientation.VERTICAL), counts, spacer, busy,
                new Separator(Orientation.VERTICAL), audit);
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        getStyleClass().add("status-bar");
    }

    static String countsText(WorkbenchSummary s, I18n i18n) {
        if (s == null) {
            return "";
        }
        return i18n.tr("status.counts", s.datasets(), s.count(ReferenceList.ORGANISATION), s.count(ReferenceList.CATEGORY),
                s.count(ReferenceList.FORMAT));
    }
}
