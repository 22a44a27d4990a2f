package org.custodian.ui.inventory;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.EncryptionAtRest;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the dataset editor: titled sections of labelled fields, each with its message underneath, and the
 * record's history from the audit chain in a second tab. Binds to {@link DatasetEditorModel}; holds no rules.
 */
final class DatasetEditor extends VBox {

    private final DatasetEditorModel model;
    private final I18n i18n;
    private final Map<DatasetColumn, Node> controls = new EnumMap<>(DatasetColumn.class);
    private final ScrollPane scroll = new ScrollPane();
    private final VBox form = new VBox(2);
    private final ObservableList<ReferenceEntry> departments = FXCollections.observableArrayList();
    private final ObservableList<ReferenceEntry> categories = FXCollections.observableArrayList();
    private final ObservableList<String> levels = FXCollections.observableArrayList();
    private Map<String, ClassificationLevel> levelByCode = Map.of();
    final Button save = new Button();
    final Button revert = new Button();
    final Button duplicate = new Button();
    final Button retire = new Button();
    final Button maximise = new Button();
    final Button close = new Button();
    final Label heading = new Label();

    private final Tab classificationTab = new Tab();
    private TabPane tabs;

    DatasetEditor(DatasetEditorModel model, I18n i18n, Node classificationPanel, Node agreementsPanel) {
        this.model = model;
        this.i18n = i18n;
        setId("dataset-editor");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var d = model.original.get();
            String base = d == null ? i18n.tr("dataset.new") : d.code() + " · " + (i18n.chinese() && d.titleTc() != null
                    ? d.titleTc() : d.title());
            return model.dirty.get() ? base + " •" : base;
        }, model.original, model.dirty));

        section("dataset.section.identity");
        row(field(DatasetColumn.CODE, true, text(DatasetColumn.CODE)));
        row(field(DatasetColumn.TITLE_EN, true, text(DatasetColumn.TITLE_EN)));
        row(field(DatasetColumn.TITLE_TC, false, text(DatasetColumn.TITLE_TC)));
        row(field(DatasetColumn.DESCRIPTION_EN, false, area(DatasetColumn.DESCRIPTION_EN)));
        row(field(DatasetColumn.DESCRIPTION_TC, false, area(DatasetColumn.DESCRIPTION_TC)));
        section("dataset.section.ownership");
        row(field(DatasetColumn.DEPARTMENT, true, reference(DatasetColumn.DEPARTMENT, departments)));
        row(field(DatasetColumn.CUSTODIAN, false, text(DatasetColumn.CUSTODIAN)),
                field(DatasetColumn.CONTACT_EMAIL, false, text(DatasetColumn.CONTACT_EMAIL)));
        row(field(DatasetColumn.SOURCE_SYSTEM, false, text(DatasetColumn.SOURCE_SYSTEM)));
        section("dataset.section.protection");
        row(levelShown(), encryption());
        row(field(DatasetColumn.CONTAINS_PERSONAL_DATA, false, choice(DatasetColumn.CONTAINS_PERSONAL_DATA,
                PersonalData.class)), field(DatasetColumn.RETENTION, false, text(DatasetColumn.RETENTION)));
        row(field(DatasetColumn.PERSONAL_DATA_CATEGORIES, false, text(DatasetColumn.PERSONAL_DATA_CATEGORIES)));
        row(field(DatasetColumn.CROSS_BOUNDARY, false, yesNo(DatasetColumn.CROSS_BOUNDARY)));
        section("dataset.section.publication");
        row(field(DatasetColumn.CATEGORY, false, reference(DatasetColumn.CATEGORY, categories)),
                field(DatasetColumn.UPDATE_FREQUENCY, false, choice(DatasetColumn.UPDATE_FREQUENCY,
                        UpdateFrequency.class)));
        row(field(DatasetColumn.KEYWORDS, false, text(DatasetColumn.KEYWORDS)));
        row(field(DatasetColumn.FORMATS, false, text(DatasetColumn.FORMATS)));
        row(field(DatasetColumn.OPEN_DATA_STATUS, false, choice(DatasetColumn.OPEN_DATA_STATUS, OpenDataStatus.class)),
                field(DatasetColumn.LIFECYCLE_STATUS, false, choice(DatasetColumn.LIFECYCLE_STATUS,
                        LifecycleStatus.class)));
        row(field(DatasetColumn.LANDING_PAGE, false, text(DatasetColumn.LANDING_PAGE)));
        row(date(DatasetColumn.LAST_UPDATED));
        prompts();

        form.setPadding(new Insets(0, 16, 16, 16));
        scroll.setContent(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        Tab details = new Tab(i18n.tr("dataset.tab.details"), scroll);
        Tab history = new Tab(i18n.tr("dataset.tab.history"), history());
        details.setClosable(false);
        history.setClosable(false);
        history.disableProperty().bind(model.isNew);
        classificationTab.setText(i18n.tr("dataset.tab.classification"));
        classificationTab.setContent(classificationPanel);
        classificationTab.setClosable(false);
        classificationTab.setId("tab-classification");
        classificationTab.disableProperty().bind(model.isNew);
        Tab agreements = new Tab(i18n.tr("dataset.tab.agreements"), agreementsPanel);
        agreements.setClosable(false);
        agreements.setId("tab-agreements");
        agreements.disableProperty().bind(model.isNew);
        tabs = new TabPane(details, classificationTab, agreements, history);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(top(), heading, tabs, buttons());
        setSpacing(6);
        setPadding(new Insets(8, 0, 12, 0));
        VBox.setMargin(heading, new Insets(0, 16, 0, 16));

        model.firstProblem.addListener((o, a, c) -> {
            if (c != null) {
                tabs.getSelectionModel().select(details);
                focus(c);
            }
        });
    }

    /** Fills the pickers with the workbench's lists. */
    void setLists(List<ReferenceEntry> departmentList, List<ReferenceEntry> categoryList,
                  List<ClassificationLevel> levelList) {
        departments.setAll(departmentList);
        categories.setAll(categoryList);
        levelByCode = new java.util.HashMap<>();
        levelList.forEach(l -> levelByCode.put(l.code(), l));
        List<String> codes = new java.util.ArrayList<>();
        codes.add("");
        levelList.forEach(l -> codes.add(l.code()));
        levels.setAll(codes);
    }

    /** Scrolls to a field and puts the cursor in it. */
    void focus(DatasetColumn column) {
        Node control = controls.get(column);
        if (control == null) {
            return;
        }
        control.requestFocus();
        javafx.application.Platform.runLater(() -> {
            double formHeight = form.getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            Node n = control;
            double y = 0;
            while (n != null && n != form) {
                y += n.getBoundsInParent().getMinY();
                n = n.getParent();
            }
            if (formHeight > viewport) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / (formHeight - viewport))));
            }
        });
    }

    void focusFirstField() {
        focus(DatasetColumn.CODE);
    }

    private Node top() {
        maximise.setGraphic(new FontIcon(Material2OutlinedAL.FULLSCREEN));
        maximise.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        maximise.setTooltip(new Tooltip(i18n.tr("drawer.maximise")));
        maximise.setAccessibleText(i18n.tr("drawer.maximise"));
        close.setGraphic(new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip(i18n.tr("drawer.close")));
        close.setAccessibleText(i18n.tr("drawer.close"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(spacer, maximise, close);
        box.setPadding(new Insets(0, 8, 0, 16));
        return box;
    }

    private Node buttons() {
        save.setText(i18n.tr("dataset.save"));
        save.setGraphic(new FontIcon(Material2OutlinedMZ.SAVE));
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.setId("dataset-save");
        save.disableProperty().bind(model.saving);
        save.setOnAction(e -> model.save());
        revert.setText(i18n.tr("dataset.revert"));
        revert.disableProperty().bind(model.dirty.not().or(model.isNew));
        revert.setOnAction(e -> model.revert());
        duplicate.setText(i18n.tr("dataset.duplicate"));
        duplicate.setGraphic(new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        duplicate.disableProperty().bind(model.isNew);
        retire.setText(i18n.tr("dataset.retire"));
        retire.getStyleClass().add(Styles.DANGER);
        retire.disableProperty().bind(model.isNew);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, save, revert, spacer, duplicate, retire);
        box.setPadding(new Insets(4, 16, 0, 16));
        return box;
    }

    private void section(String key) {
        form.getChildren().add(FormLayout.section(i18n.tr(key)));
    }

    private void row(Node... cells) {
        form.getChildren().add(FormLayout.row(cells));
    }

    /** Label above, control, message under it (the one field layout); the message shows once the field is left. */
    private Node field(DatasetColumn column, boolean required, Control control) {
        control.setId("field-" + column.header());
        control.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                model.touch(column);
            }
        });
        controls.put(column, control);
        return FormLayout.field(i18n.tr(column.labelKey()), required, control, model.errors.get(column),
                "error-" + column.header(), i18n);
    }

    private TextField text(DatasetColumn column) {
        return FormLayout.text(model.fields.get(column));
    }

    private TextArea area(DatasetColumn column) {
        return FormLayout.area(model.fields.get(column), 3);
    }

    private void prompts() {
        prompt(DatasetColumn.CODE, "dataset.prompt.code");
        prompt(DatasetColumn.KEYWORDS, "dataset.prompt.list");
        prompt(DatasetColumn.FORMATS, "dataset.prompt.formats");
        prompt(DatasetColumn.PERSONAL_DATA_CATEGORIES, "dataset.prompt.list");
        prompt(DatasetColumn.RETENTION, "dataset.prompt.retention");
        prompt(DatasetColumn.LANDING_PAGE, "dataset.prompt.url");
        prompt(DatasetColumn.CONTACT_EMAIL, "dataset.prompt.email");
    }

    private void prompt(DatasetColumn column, String key) {
        if (controls.get(column) instanceof TextInputControl t) {
            t.setPromptText(i18n.tr(key));
        }
    }

    /** A searchable picker over a reference list, kept in step with the field's code. */
    private Control reference(DatasetColumn column, ObservableList<ReferenceEntry> entries) {
        SearchableComboBox<ReferenceEntry> box = new SearchableComboBox<>(entries);
        Function<ReferenceEntry, String> label = e -> e == null ? "" : e.name(i18n.chinese()) + "  (" + e.code() + ")";
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReferenceEntry e) {
                return label.apply(e);
            }

            @Override
            public ReferenceEntry fromString(String s) {
                return entries.stream().filter(e -> label.apply(e).equals(s)).findFirst().orElse(null);
            }
        });
        StringProperty field = model.fields.get(column);
        boolean[] syncing = {false};
        Runnable fromField = () -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            String code = field.get();
            box.setValue(code == null || code.isBlank() ? null
                    : entries.stream().filter(e -> e.code().equalsIgnoreCase(code)).findFirst().orElse(null));
            syncing[0] = false;
        };
        field.addListener((o, a, b) -> fromField.run());
        entries.addListener((javafx.collections.ListChangeListener<ReferenceEntry>) c -> fromField.run());
        box.valueProperty().addListener((o, a, e) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                field.set(e == null ? "" : e.code());
                syncing[0] = false;
            }
        });
        return box;
    }

    /**
     * The level, shown but not edited here: it changes only through a classification decision, in the
     * Classification tab (a new dataset is classified once saved).
     */
    private Node levelShown() {
        Label label = new Label(i18n.tr(DatasetColumn.CLASSIFICATION.labelKey()));
        LevelChip chip = new LevelChip();
        Label none = new Label();
        none.getStyleClass().add(Styles.TEXT_MUTED);
        javafx.scene.control.Hyperlink change = new javafx.scene.control.Hyperlink();
        change.setId("dataset-reclassify-link");
        change.setOnAction(e -> tabs.getSelectionModel().select(classificationTab));
        Runnable refresh = () -> {
            String code = model.fields.get(DatasetColumn.CLASSIFICATION).get();
            boolean has = code != null && !code.isBlank();
            chip.show(has ? levelByCode.get(code) : null, has ? code : null, i18n.chinese());
            chip.setManaged(has);
            none.setText(model.isNew.get() ? i18n.tr("dataset.level.afterSave") : i18n.tr("dataset.level.none"));
            none.setVisible(!has);
            none.setManaged(!has);
            change.setText(i18n.tr(has ? "dataset.level.change" : "dataset.level.classify"));
            change.setVisible(!model.isNew.get());
        };
        model.fields.get(DatasetColumn.CLASSIFICATION).addListener((o, a, b) -> refresh.run());
        model.isNew.addListener((o, a, b) -> refresh.run());
        refresh.run();
        HBox value = new HBox(8, chip, none, change);
        value.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        value.setMinHeight(30);
        VBox box = new VBox(3, label, value);
        box.setPadding(new Insets(4, 0, 2, 0));
        return box;
    }

    /**
     * Beside the level, as its handling rules say whether it is required: the choice, and under it what the
     * level asks (a warning while the dataset is short of it).
     */
    private Node encryption() {
        VBox field = (VBox) field(DatasetColumn.ENCRYPTION_AT_REST, false, choice(DatasetColumn.ENCRYPTION_AT_REST,
                EncryptionAtRest.class));
        Label hint = new Label();
        hint.setId("hint-" + DatasetColumn.ENCRYPTION_AT_REST.header());
        hint.setWrapText(true);
        hint.textProperty().bind(model.encryptionHint);
        hint.visibleProperty().bind(model.encryptionHint.isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Runnable style = () -> {
            hint.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
            hint.getStyleClass().add(model.encryptionShort.get() ? Styles.WARNING : Styles.TEXT_MUTED);
        };
        model.encryptionShort.addListener((o, a, b) -> style.run());
        style.run();
        field.getChildren().add(hint);
        return field;
    }

    private <E extends Enum<E> & CodedValue> Control choice(DatasetColumn column, Class<E> type) {
        ObservableList<String> codes = FXCollections.observableArrayList();
        codes.add("");
        for (E e : type.getEnumConstants()) {
            // Not recorded is the empty choice.
            if (e != PersonalData.NOT_RECORDED && e != EncryptionAtRest.NOT_RECORDED) {
                codes.add(e.code());
            }
        }
        ComboBox<String> box = new ComboBox<>(codes);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null || code.isEmpty()) {
                    return i18n.tr("dataset.choice.none");
                }
                E e = CodedValue.parse(type, code);
                return e == null ? code : i18n.tr(e.labelKey());
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Function<String, String> toCombo = s -> {
            E e = CodedValue.parse(type, s);
            return e == null ? (s == null ? "" : s) : e.code();
        };
        bindCombo(box, model.fields.get(column), toCombo, s -> s);
        return box;
    }

    private static void bindCombo(ComboBox<String> box, StringProperty field, Function<String, String> toCombo,
                                  Function<String, String> toField) {
        boolean[] syncing = {false};
        Runnable fromField = () -> {
            syncing[0] = true;
            box.setValue(toCombo.apply(field.get()));
            syncing[0] = false;
        };
        field.addListener((o, a, b) -> {
            if (!syncing[0]) {
                fromField.run();
            }
        });
        box.valueProperty().addListener((o, a, v) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                field.set(v == null ? "" : toField.apply(v));
                syncing[0] = false;
            }
        });
        fromField.run();
    }

    private Control yesNo(DatasetColumn column) {
        CheckBox box = new CheckBox(i18n.tr("dataset.crossBoundary.yes"));
        StringProperty field = model.fields.get(column);
        boolean[] syncing = {false};
        field.addListener((o, a, b) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                box.setSelected(b != null && (b.equalsIgnoreCase("yes") || b.equals("1") || b.equalsIgnoreCase("true")
                        || b.equalsIgnoreCase("y")));
                syncing[0] = false;
            }
        });
        box.selectedProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                field.set(b ? "yes" : "no");
                syncing[0] = false;
            }
        });
        return box;
    }

    /**
     * An ISO date typed in a field, or picked from a calendar: what was typed stays as typed (the validator
     * reports a date it cannot read), and picking writes the ISO form.
     */
    private Node date(DatasetColumn column) {
        TextField text = text(column);
        VBox field = (VBox) field(column, false, text);
        TextField[] typed = new TextField[1];
        HBox box = FormLayout.date(model.fields.get(column), i18n, typed);
        // The form's own text field (registered for focus and messages) replaces the one the row made.
        box.getChildren().set(0, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        field.getChildren().add(1, box);
        return field;
    }

    private Node history() {
        return org.custodian.ui.common.HistoryList.create(model.history, "dataset-history", "dataset.field.", i18n,
                model::openInAuditLog);
    }
}
