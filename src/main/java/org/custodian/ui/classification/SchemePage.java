package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Lays out the classification scheme page: one card per level, highest first as a reader scans for the strictest
 * rules, with its marking and handling rules; and the ways to load another scheme.
 */
public final class SchemePage implements PageView {

    private final SchemePageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final VBox cards = new VBox(10);

    public SchemePage(PageContext context) {
        this.model = new SchemePageModel(context);
        this.i18n = context.i18n();
        Button load = new Button(i18n.tr("scheme.loadFile"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        load.setId("scheme-load");
        load.disableProperty().bind(model.writable.not());
        load.setOnAction(e -> model.loadFile());
        MenuButton bundled = new MenuButton(i18n.tr("scheme.bundled"));
        bundled.disableProperty().bind(model.writable.not());
        for (String id : SchemeFile.BUNDLED) {
            MenuItem item = new MenuItem(i18n.tr("scheme.bundled." + id));
            item.setOnAction(e -> model.loadBundled(id));
            bundled.getItems().add(item);
        }
        Label hint = new Label(i18n.tr("scheme.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox.setMargin(hint, new Insets(0, 16, 8, 16));
        javafx.scene.control.Hyperlink history = org.custodian.ui.common.HistoryList.auditLogLink("scheme-history", i18n,
                model::openInAuditLog);
        history.disableProperty().bind(model.scheme.isNull());
        root.setTop(new VBox(new PageHeader(i18n.tr("scheme.title"), model.title, history, bundled, load), hint));
        cards.setId("scheme-levels");
        cards.setPadding(new Insets(4, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        root.setCenter(scroll);
        root.setId("scheme-page");
        model.levels.addListener((ListChangeListener<ClassificationLevel>) c -> refresh());
        model.reload();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    private void refresh() {
        cards.getChildren().clear();
        List<ClassificationLevel> levels = model.levels;
        for (int i = levels.size() - 1; i >= 0; i--) {
            cards.getChildren().add(card(levels.get(i)));
        }
    }

    private Node card(ClassificationLevel l) {
        LevelChip chip = new LevelChip();
        chip.show(l, l.code(), i18n.chinese());
        chip.getStyleClass().add("level-chip-large");
        Label other = new Label(i18n.chinese() ? l.nameEn() : l.nameTc());
        other.getStyleClass().add(Styles.TEXT_MUTED);
        Label marking = new Label(i18n.tr("scheme.markingIs", l.marking()));
        HBox head = new HBox(10, chip, other, marking);
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane rules = new GridPane();
        rules.setHgap(24);
        rules.setVgap(2);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            rules.getColumnConstraints().add(cc);
        }
        List<String> lines = HandlingText.lines(l, i18n);
        for (int i = 0; i < lines.size(); i++) {
            Label rule = new Label("•  " + lines.get(i));
            rule.setWrapText(true);
            rules.add(rule, i % 2, i / 2);
        }
        VBox card = new VBox(8, head, rules);
        card.getStyleClass().addAll("panel-card", "scheme-level");
        return card;
    }
}
