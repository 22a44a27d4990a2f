package org.custodian.ui.sharing;

import atlantafx.base.theme.Styles;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.RecordLink;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The agreements that cover one dataset, for the dataset editor's Agreements tab: each with its status, parties'
 * roles and expiry; opening one shows it on the register page.
 */
public final class CoveringAgreementsPanel extends VBox {

    private final PageContext context;
    private final I18n i18n;
    private final ObservableList<SharingAgreement> agreements = FXCollections.observableArrayList();
    private final Label summary = new Label();
    private UUID shown;
    private long request;
    // An agreement saved or imported may now cover (or no longer cover) the dataset on show.
    private final javafx.beans.value.ChangeListener<Number> onData = (o, a, b) -> reload();
    private final javafx.beans.value.WeakChangeListener<Number> weakData =
            new javafx.beans.value.WeakChangeListener<>(onData);

    public CoveringAgreementsPanel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        setId("dataset-agreements");
        ListView<SharingAgreement> list = new ListView<>(agreements);
        list.setId("dataset-agreements-list");
        list.setPlaceholder(new Label(i18n.tr("dataset.agreements.none")));
        list.setCellFactory(v -> new ListCell<>() {
            private final StatusChip chip = new StatusChip();
            private final Label reference = new Label();
            private final Label title = new Label();
            private final Label facts = new Label();
            private final VBox box;

            {
                reference.getStyleClass().add(Styles.TEXT_BOLD);
                title.setWrapText(true);
                facts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                facts.setWrapText(true);
                HBox line = new HBox(8, reference, chip);
                line.setAlignment(Pos.CENTER_LEFT);
                box = new VBox(2, line, title, facts);
                box.maxWidthProperty().bind(list.widthProperty().subtract(30));
                box.prefWidthProperty().bind(list.widthProperty().subtract(30));
                facts.setMinHeight(Region.USE_PREF_SIZE);
                title.setMinHeight(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(SharingAgreement a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                reference.setText(a.reference());
                chip.show(a.status(), i18n);
                title.setText(a.title());
                String items = a.datasets().stream().filter(d -> d.datasetCode().equalsIgnoreCase(codeOf(a)))
                        .findFirst().map(d -> String.join(", ", d.dataItems())).orElse("");
                facts.setText(i18n.tr("dataset.agreements.facts", a.type() == null ? "" : i18n.tr(a.type().labelKey()),
                        a.expiresOn() == null ? "—" : a.expiresOn().toString())
                        + (items.isEmpty() ? "" : "\n" + i18n.tr("dataset.agreements.items", items)));
                setGraphic(box);
            }
        });
        Button open = new Button(i18n.tr("dataset.agreements.open"), new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId("dataset-agreements-open");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(summary, list, open);
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(8);
        setPadding(new Insets(8, 16, 0, 16));
        context.dataVersionProperty().addListener(weakData);
    }

    private String datasetCode;

    private String codeOf(SharingAgreement a) {
        return datasetCode == null ? "" : datasetCode;
    }

    private void reload() {
        show(shown, datasetCode);
    }

    /** Shows the agreements covering this dataset (null clears). */
    public void show(UUID datasetId, String code) {
        if (datasetId == null || !datasetId.equals(shown)) {
            // Another dataset: clear at once. The same one reloading keeps its list until the new one arrives.
            agreements.clear();
            summary.setText("");
        }
        shown = datasetId;
        datasetCode = code;
        WorkbenchSession s = context.sessionProperty().get();
        if (datasetId == null || s == null) {
            return;
        }
        long mine = ++request;
        context.runner().read(progress -> s.sharing().covering(datasetId), found -> {
            if (mine != request || !datasetId.equals(shown)) {
                return;
            }
            agreements.setAll(found);
            long inForce = found.stream().filter(a -> a.status().inForce()).count();
            summary.setText(i18n.tr("dataset.agreements.summary", found.size(), inForce));
        }, failure -> summary.setText(i18n.tr("agreements.loadFailed")));
    }

    private void open(SharingAgreement a) {
        if (a != null) {
            context.openRecord(new RecordLink(RecordLink.AGREEMENT, a.id()));
        }
    }
}
