package org.custodian.ui.sharing;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.LegalBasis;
import org.custodian.model.sharing.PartyRole;
import org.custodian.model.sharing.StatusChange;
import org.custodian.model.sharing.TransferMechanism;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.HistoryList;
import org.custodian.ui.common.I18n;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the agreement editor: the record in titled sections (identity, parties, legal basis, data, handling,
 * cross-boundary, dates), its status timeline, its attachments and its history. Binds to
 * {@link AgreementEditorModel}; holds no rules.
 */
final class AgreementEditor extends VBox {

    private final AgreementEditorModel model;
    private final I18n i18n;
    private final java.util.function.Supplier<WorkbenchSession> session;
    private final Map<AgreementColumn, Node> controls = new EnumMap<>(AgreementColumn.class);
    private final VBox form = new VBox(2);
    private final ScrollPane scroll = new ScrollPane(form);
    private final VBox partyRows = new VBox(6);
    private final VBox datasetRows = new VBox(6);
    private final ObservableList<String> levels = FXCollections.observableArrayList();
    private volatile List<String> organisationNames = List.of();
    private Map<String, ClassificationLevel> levelByCode = Map.of();
    private final TabPane tabs = new TabPane();
    private final Tab details = new Tab();
    final Button close = new Button();

    AgreementEditor(AgreementEditorModel model, I18n i18n, java.util.function.Supplier<WorkbenchSession> session) {
        this.model = model;
        this.i18n = i18n;
        this.session = session;
        setId("agreement-editor");
        getStyleClass().add("detail-drawer");

        section("agreement.section.identity");
        row(field(AgreementColumn.REFERENCE, true, text(AgreementColumn.REFERENCE)),
                field(AgreementColumn.TYPE, true, choice(AgreementColumn.TYPE, AgreementType.class)));
        row(field(AgreementColumn.TITLE, true, text(AgreementColumn.TITLE)));
        row(field(AgreementColumn.PURPOSE, true, area(AgreementColumn.PURPOSE, 3)));
        section("agreement.section.parties");
        form.getChildren().add(partyRows);
        form.getChildren().add(message(AgreementColumn.PARTIES, "agreement-parties-error"));
        Button addParty = new Button(i18n.tr("agreement.party.add"), new FontIcon(Material2OutlinedAL.ADD));
        addParty.setId("agreement-add-party");
        addParty.getStyleClass().add(Styles.FLAT);
        addParty.setOnAction(e -> model.parties.add(new PartyRow("", PartyRole.RECIPIENT, null, null)));
        form.getChildren().add(addParty);
        section("agreement.section.legal");
        row(field(AgreementColumn.LEGAL_BASIS, false, choice(AgreementColumn.LEGAL_BASIS, LegalBasis.class)));
        row(field(AgreementColumn.LEGAL_BASIS_NOTE, false, area(AgreementColumn.LEGAL_BASIS_NOTE, 2)));
        section("agreement.section.data");
        form.getChildren().add(datasetRows);
        form.getChildren().add(message(AgreementColumn.DATASETS, "agreement-datasets-error"));
        Button addDataset = new Button(i18n.tr("agreement.dataset.add"), new FontIcon(Material2OutlinedAL.ADD));
        addDataset.setId("agreement-add-dataset");
        addDataset.getStyleClass().add(Styles.FLAT);
        addDataset.setOnAction(e -> model.datasets.add(new DatasetRow("", "")));
        form.getChildren().add(addDataset);
        row(field(AgreementColumn.PERSONAL_DATA_CATEGORIES, false, text(AgreementColumn.PERSONAL_DATA_CATEGORIES)));
        row(field(AgreementColumn.DATA_SUBJECTS, false, text(AgreementColumn.DATA_SUBJECTS)));
        section("agreement.section.handling");
        row(field(AgreementColumn.CLASSIFICATION_CEILING, false, levelChoice()),
                field(AgreementColumn.MECHANISM, false, choice(AgreementColumn.MECHANISM, ExchangeMechanism.class)));
        row(field(AgreementColumn.FREQUENCY, false, choice(AgreementColumn.FREQUENCY, UpdateFrequency.class)));
        row(field(AgreementColumn.SECURITY_MEASURES, false, area(AgreementColumn.SECURITY_MEASURES, 2)));
        row(field(AgreementColumn.RETENTION_DISPOSAL, false, area(AgreementColumn.RETENTION_DISPOSAL, 2)));
        row(field(AgreementColumn.ONWARD_SHARING, false, area(AgreementColumn.ONWARD_SHARING, 2)));
        row(field(AgreementColumn.BREACH_NOTIFICATION, false, area(AgreementColumn.BREACH_NOTIFICATION, 2)));
        row(field(AgreementColumn.RIGHTS_CONTACT, false, text(AgreementColumn.RIGHTS_CONTACT)));
        section("agreement.section.crossBoundary");
        row(yesNo(AgreementColumn.CROSS_BOUNDARY));
        row(field(AgreementColumn.DESTINATIONS, false, text(AgreementColumn.DESTINATIONS)),
                field(AgreementColumn.TRANSFER_MECHANISM, false, choice(AgreementColumn.TRANSFER_MECHANISM,
                        TransferMechanism.class)));
        row(field(AgreementColumn.SAFEGUARDS, false, area(AgreementColumn.SAFEGUARDS, 2)));
        row(field(AgreementColumn.TRANSFER_ASSESSMENT, false, text(AgreementColumn.TRANSFER_ASSESSMENT)));
        section("agreement.section.dates");
        row(date(AgreementColumn.EFFECTIVE_FROM), date(AgreementColumn.EXPIRES_ON), date(AgreementColumn.REVIEW_DUE));
        row(field(AgreementColumn.TERMINATION_CONDITIONS, false, area(AgreementColumn.TERMINATION_CONDITIONS, 2)));
        Label general = new Label();
        general.getStyleClass().add("field-error");
        general.setWrapText(true);
        general.textProperty().bind(model.generalError);
        form.getChildren().add(general);
        prompts();

        form.setPadding(new Insets(0, 16, 16, 16));
        // While a save is on its way the form holds still: what it stores is what was typed.
        form.disableProperty().bind(model.busy);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        details.setText(i18n.tr("agreement.tab.details"));
        details.setContent(scroll);
        Tab status = new Tab(i18n.tr("agreement.tab.status"), statusTab());
        status.setId("tab-agreement-status");
        Tab files = new Tab(i18n.tr("agreement.tab.attachments"), attachmentsTab());
        files.setId("tab-agreement-attachments");
        Tab history = new Tab(i18n.tr("agreement.tab.history"), HistoryList.create(model.history, "agreement-history",
                "sharing.field.", i18n, model::openInAuditLog));
        for (Tab t : List.of(details, status, files, history)) {
            t.setClosable(false);
        }
        status.disableProperty().bind(model.isNew);
        files.disableProperty().bind(model.isNew);
        history.disableProperty().bind(model.isNew);
        tabs.getTabs().setAll(details, status, files, history);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(top(), tabs, buttons());
        setSpacing(6);
        setPadding(new Insets(8, 0, 12, 0));

        model.parties.addListener((ListChangeListener<PartyRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuildParties();
                    return;
                }
            }
        });
        model.datasets.addListener((ListChangeListener<DatasetRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuildDatasets();
                    return;
                }
            }
        });
        model.organisations.addListener((ListChangeListener<ReferenceEntry>) c -> {
            List<String> names = new ArrayList<>();
            model.organisations.forEach(e -> {
                names.add(e.name(i18n.chinese()));
            });
            organisationNames = List.copyOf(names);
        });
        model.firstProblem.addListener((o, a, c) -> {
            if (c != null) {
                tabs.getSelectionModel().select(details);
                focus(c);
            }
        });
        rebuildParties();
        rebuildDatasets();
    }

    /** Fills the level picker with the scheme's levels. */
    void setLevels(List<ClassificationLevel> list) {
        Map<String, ClassificationLevel> byCode = new java.util.HashMap<>();
        list.forEach(l -> byCode.put(l.code(), l));
        levelByCode = byCode;
        List<String> codes = new ArrayList<>();
        codes.add("");
        list.forEach(l -> codes.add(l.code()));
        if (!levels.equals(codes)) {
            String chosen = model.fields.get(AgreementColumn.CLASSIFICATION_CEILING).get();
            levels.setAll(codes);
            model.fields.get(AgreementColumn.CLASSIFICATION_CEILING).set(chosen);
        }
    }

    void showDetails() {
        tabs.getSelectionModel().select(details);
    }

    void focusFirstField() {
        showDetails();
        Node n = controls.get(AgreementColumn.REFERENCE);
        if (n != null) {
            n.requestFocus();
        }
    }

    private void focus(AgreementColumn column) {
        Node control = controls.get(column);
        if (control == null && column == AgreementColumn.PARTIES) {
            control = partyRows;
        } else if (control == null && column == AgreementColumn.DATASETS) {
            control = datasetRows;
        }
        if (control == null) {
            return;
        }
        Node target = control;
        javafx.application.Platform.runLater(() -> {
            double y = target.localToScene(0, 0).getY() - form.localToScene(0, 0).getY();
            double h = form.getHeight() - scroll.getViewportBounds().getHeight();
            if (h > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / h)));
            }
            target.requestFocus();
        });
    }

    // ---- layout pieces -----------------------------------------------------------------------------------------

    private Node top() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        heading.setId("agreement-heading");
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            var a = model.original.get();
            String base = a == null ? i18n.tr("agreement.new") : a.reference() + " · " + a.title();
            return model.dirty.get() ? base + " •" : base;
        }, model.original, model.dirty));
        StatusChip chip = new StatusChip();
        chip.setId("agreement-status-chip");
        Label since = new Label();
        since.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        model.original.addListener((o, a, now) -> {
            chip.show(now == null ? AgreementStatus.DRAFT : now.status(), i18n);
            since.setText(now == null || now.statusSince() == null ? i18n.tr("agreement.status.newDraft")
                    : i18n.tr("agreement.status.since", now.statusSince().toString()));
        });
        chip.show(AgreementStatus.DRAFT, i18n);
        close.setGraphic(new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip(i18n.tr("drawer.close")));
        close.setAccessibleText(i18n.tr("drawer.close"));
        close.setId("agreement-close");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusLine = new HBox(8, chip, since, spacer, close);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, statusLine, heading);
        box.setPadding(new Insets(0, 16, 0, 16));
        return box;
    }

    private Node buttons() {
        Button save = new Button(i18n.tr("dataset.save"), new FontIcon(Material2OutlinedMZ.SAVE));
        save.setId("agreement-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.writable.not().or(model.busy).or(model.dirty.not().and(model.isNew.not())));
        save.setOnAction(e -> model.save());
        Button revert = new Button(i18n.tr("dataset.revert"));
        revert.setId("agreement-revert");
        revert.disableProperty().bind(model.dirty.not());
        revert.setOnAction(e -> model.revert());
        Button status = new Button(i18n.tr("agreement.status.change"), new FontIcon(Material2OutlinedMZ.UPDATE));
        status.setId("agreement-change-status");
        status.disableProperty().bind(model.writable.not().or(model.isNew).or(model.dirty));
        status.setTooltip(new Tooltip(i18n.tr("agreement.status.changeHint")));
        status.setOnAction(e -> model.changeStatus());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, save, revert, spacer, status);
        box.setPadding(new Insets(0, 16, 0, 16));
        return box;
    }

    private void section(String key) {
        form.getChildren().add(FormLayout.section(i18n.tr(key)));
    }

    private void row(Node... cells) {
        form.getChildren().add(FormLayout.row(cells));
    }

    private Node field(AgreementColumn column, boolean required, Control control) {
        controls.put(column, control);
        control.setId("agreement-" + column.header().replace('_', '-'));
        return FormLayout.field(i18n.tr(column.labelKey()), required, control, model.errors.get(column),
                "agreement-" + column.header().replace('_', '-') + "-error", i18n);
    }

    private Node message(AgreementColumn column, String id) {
        Label message = new Label();
        message.setId(id);
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.textProperty().bind(model.errors.get(column));
        message.visibleProperty().bind(model.errors.get(column).isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private TextField text(AgreementColumn column) {
        return FormLayout.text(model.fields.get(column));
    }

    private Control area(AgreementColumn column, int rows) {
        return FormLayout.area(model.fields.get(column), rows);
    }

    private Node date(AgreementColumn column) {
        VBox box = FormLayout.dateField(i18n.tr(column.labelKey()), false, model.fields.get(column),
                model.errors.get(column), "agreement-" + column.header().replace('_', '-'), i18n);
        controls.put(column, box.lookup("#agreement-" + column.header().replace('_', '-')));
        return box;
    }

    private <E extends Enum<E> & CodedValue> ComboBox<String> choice(AgreementColumn column, Class<E> type) {
        List<String> codes = new ArrayList<>();
        codes.add("");
        for (E e : type.getEnumConstants()) {
            codes.add(e.code());
        }
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(codes));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null || code.isEmpty()) {
                    return "—";
                }
                E e = CodedValue.parse(type, code);
                return e == null ? code : i18n.tr(e.labelKey());
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.valueProperty().bindBidirectional(model.fields.get(column));
        return box;
    }

    private ComboBox<String> levelChoice() {
        ComboBox<String> box = new ComboBox<>(levels);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null || code.isEmpty()) {
                    return "—";
                }
                ClassificationLevel l = levelByCode.get(code);
                return l == null ? code : l.name(i18n.chinese());
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.valueProperty().bindBidirectional(model.fields.get(AgreementColumn.CLASSIFICATION_CEILING));
        return box;
    }

    private Node yesNo(AgreementColumn column) {
        CheckBox box = new CheckBox(i18n.tr("agreement.crossBoundary.check"));
        box.setId("agreement-" + column.header().replace('_', '-'));
        var value = model.fields.get(column);
        box.setSelected("yes".equals(value.get()));
        value.addListener((o, a, v) -> box.setSelected("yes".equalsIgnoreCase(v)));
        box.selectedProperty().addListener((o, a, on) -> value.set(on ? "yes" : "no"));
        controls.put(column, box);
        VBox v = new VBox(box);
        v.setPadding(new Insets(4, 0, 2, 0));
        return v;
    }

    private void prompts() {
        ((TextField) controls.get(AgreementColumn.REFERENCE)).setPromptText("DSA-2026-001");
        ((TextField) controls.get(AgreementColumn.PERSONAL_DATA_CATEGORIES)).setPromptText(
                i18n.tr("agreement.prompt.list"));
        ((TextField) controls.get(AgreementColumn.DATA_SUBJECTS)).setPromptText(i18n.tr("agreement.prompt.list"));
        ((TextField) controls.get(AgreementColumn.DESTINATIONS)).setPromptText(i18n.tr("agreement.prompt.destinations"));
    }

    // ---- parties and datasets ----------------------------------------------------------------------------------

    private void rebuildParties() {
        partyRows.getChildren().clear();
        int i = 0;
        for (PartyRow row : model.parties) {
            partyRows.getChildren().add(partyRow(row, i++));
        }
    }

    private Node partyRow(PartyRow row, int index) {
        TextField organisation = FormLayout.text(row.organisation);
        organisation.setId("party-organisation-" + index);
        organisation.setPromptText(i18n.tr("agreement.party.organisation"));
        organisation.setAccessibleText(i18n.tr("agreement.party.organisation"));
        TextFields.bindAutoCompletion(organisation, request -> {
            String typed = request.getUserText().strip().toLowerCase(java.util.Locale.ROOT);
            if (typed.length() < 2) {
                return List.of();
            }
            return organisationNames.stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains(typed))
                    .limit(12).toList();
        });
        HBox.setHgrow(organisation, Priority.ALWAYS);
        ComboBox<PartyRole> role = new ComboBox<>(FXCollections.observableArrayList(PartyRole.values()));
        role.setId("party-role-" + index);
        role.setAccessibleText(i18n.tr("agreement.party.role"));
        role.setConverter(ChoiceText.of(r -> r == null ? "" : i18n.tr(r.labelKey())));
        role.valueProperty().bindBidirectional(row.role);
        role.setPrefWidth(170);
        Button remove = new Button(null, new FontIcon(Material2OutlinedAL.DELETE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setTooltip(new Tooltip(i18n.tr("agreement.party.remove")));
        remove.setAccessibleText(i18n.tr("agreement.party.remove"));
        remove.setOnAction(e -> model.parties.remove(row));
        HBox first = new HBox(6, organisation, role, remove);
        first.setAlignment(Pos.CENTER_LEFT);
        TextField signatory = FormLayout.text(row.signatory);
        signatory.setPromptText(i18n.tr("agreement.party.signatory"));
        signatory.setAccessibleText(i18n.tr("agreement.party.signatory"));
        HBox.setHgrow(signatory, Priority.ALWAYS);
        TextField[] signedText = new TextField[1];
        HBox signed = FormLayout.date(row.signedOn, i18n, signedText);
        signedText[0].setPromptText(i18n.tr("agreement.party.signedOn"));
        signedText[0].setAccessibleText(i18n.tr("agreement.party.signedOn"));
        signedText[0].setPrefColumnCount(9);
        HBox second = new HBox(6, signatory, signed);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, first, second);
        box.getStyleClass().add("party-row");
        return box;
    }

    private void rebuildDatasets() {
        datasetRows.getChildren().clear();
        int i = 0;
        for (DatasetRow row : model.datasets) {
            datasetRows.getChildren().add(datasetRow(row, i++));
        }
    }

    private Node datasetRow(DatasetRow row, int index) {
        TextField code = FormLayout.text(row.code);
        code.setId("dataset-code-" + index);
        code.setPromptText(i18n.tr("agreement.dataset.code"));
        code.setAccessibleText(i18n.tr("agreement.dataset.code"));
        code.setPrefColumnCount(12);
        TextFields.bindAutoCompletion(code, request -> {
            WorkbenchSession s = session.get();
            String typed = request.getUserText().strip();
            // The suggestions are read on the completion's own thread, never the FX thread.
            return s == null || typed.length() < 2 ? List.of() : s.sharing().datasetCodes(typed, 12);
        });
        TextField items = FormLayout.text(row.items);
        items.setId("dataset-items-" + index);
        items.setPromptText(i18n.tr("agreement.dataset.items"));
        items.setAccessibleText(i18n.tr("agreement.dataset.items"));
        HBox.setHgrow(items, Priority.ALWAYS);
        Button open = new Button(null, new FontIcon(Material2OutlinedAL.LAUNCH));
        open.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        open.setTooltip(new Tooltip(i18n.tr("agreement.dataset.open")));
        open.setAccessibleText(i18n.tr("agreement.dataset.open"));
        open.disableProperty().bind(row.code.isEmpty());
        open.setOnAction(e -> model.openDataset(row.code.get()));
        Button remove = new Button(null, new FontIcon(Material2OutlinedAL.DELETE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setTooltip(new Tooltip(i18n.tr("agreement.dataset.remove")));
        remove.setAccessibleText(i18n.tr("agreement.dataset.remove"));
        remove.setOnAction(e -> model.datasets.remove(row));
        // The dataset's level and whether it holds personal data: what the ceiling and mechanism rules look at.
        org.custodian.ui.common.LevelChip level = new org.custodian.ui.common.LevelChip();
        Label personal = new Label(i18n.tr("agreement.dataset.personal"));
        personal.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label unknown = new Label(i18n.tr("agreement.dataset.notFound"));
        unknown.getStyleClass().addAll(Styles.TEXT_SMALL, "field-error");
        Runnable showFacts = () -> {
            var f = row.facts.get();
            boolean known = f != null;
            level.setVisible(known && f.level() != null);
            if (known && f.level() != null) {
                level.show(levelByCode.get(f.level()), f.level(), i18n.chinese());
            }
            personal.setVisible(known && f.personalData());
            unknown.setVisible(!known && !row.code.get().isBlank());
        };
        for (Node n : List.of(level, personal, unknown)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        row.facts.addListener((o, a, f) -> showFacts.run());
        showFacts.run();
        unknown.setVisible(false);
        code.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.lookUp(row);
            }
        });
        HBox top = new HBox(6, code, items, open, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox facts = new HBox(8, level, personal, unknown);
        facts.setAlignment(Pos.CENTER_LEFT);
        facts.managedProperty().bind(Bindings.createBooleanBinding(() -> level.isVisible() || personal.isVisible()
                || unknown.isVisible(), level.visibleProperty(), personal.visibleProperty(), unknown.visibleProperty()));
        facts.visibleProperty().bind(facts.managedProperty());
        VBox box = new VBox(4, top, facts);
        box.getStyleClass().add("dataset-row");
        return box;
    }

    // ---- status timeline and attachments -----------------------------------------------------------------------

    private Node statusTab() {
        ListView<StatusChange> list = new ListView<>(model.timeline);
        list.setId("agreement-timeline");
        list.setPlaceholder(new Label(i18n.tr("agreement.timeline.none")));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        list.setCellFactory(v -> new ListCell<>() {
            private final StatusChip chip = new StatusChip();
            private final Label step = new Label();
            private final Label who = new Label();
            private final Label reason = new Label();
            private final VBox box;

            {
                step.getStyleClass().add(Styles.TEXT_BOLD);
                who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                who.setWrapText(true);
                reason.setWrapText(true);
                HBox line = new HBox(8, chip, step);
                line.setAlignment(Pos.CENTER_LEFT);
                box = new VBox(3, line, who, reason);
                box.getStyleClass().add("timeline-entry");
                box.maxWidthProperty().bind(list.widthProperty().subtract(30));
            }

            @Override
            protected void updateItem(StatusChange c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                chip.show(c.to(), i18n);
                step.setText(c.from() == null ? i18n.tr("agreement.timeline.first", c.effectiveOn().toString())
                        : i18n.tr("agreement.timeline.step", i18n.tr(c.from().labelKey()), c.effectiveOn().toString()));
                who.setText(i18n.tr("agreement.timeline.recorded", when.format(c.recordedAt()), c.recordedBy()));
                reason.setText(c.reason() == null ? "" : c.reason());
                reason.setVisible(c.reason() != null);
                reason.setManaged(c.reason() != null);
                setGraphic(box);
            }
        });
        Label next = new Label();
        next.getStyleClass().add(Styles.TEXT_MUTED);
        next.setWrapText(true);
        model.original.addListener((o, a, now) -> next.setText(now == null ? "" : now.status().next().isEmpty()
                ? i18n.tr("agreement.status.final", i18n.tr(now.status().labelKey()))
                : i18n.tr("agreement.status.nextSteps", String.join(", ", now.status().next().stream()
                        .map(s -> i18n.tr(s.labelKey())).toList()))));
        VBox box = new VBox(8, next, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 16, 0, 16));
        return box;
    }

    private Node attachmentsTab() {
        ListView<AttachmentRow> list = new ListView<>(model.attachments);
        list.setId("agreement-attachments");
        list.setPlaceholder(new Label(i18n.tr("agreement.attach.none")));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label state = new Label();
            private final Label facts = new Label();
            private final Label hash = new Label();
            private final VBox box;

            {
                name.getStyleClass().add(Styles.TEXT_BOLD);
                facts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                hash.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                hash.setStyle("-fx-font-family: monospace;");
                HBox line = new HBox(8, name, state);
                line.setAlignment(Pos.CENTER_LEFT);
                box = new VBox(2, line, facts, hash);
            }

            @Override
            protected void updateItem(AttachmentRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(r.attachment().fileName());
                state.getStyleClass().removeAll("overdue-badge", "due-soon-badge", "status-chip",
                        "status-chip-active");
                AttachmentState s = r.state();
                state.setText(s == null ? "" : i18n.tr(s.labelKey()));
                if (s == AttachmentState.INTACT) {
                    state.getStyleClass().addAll("status-chip", "status-chip-active");
                } else if (s != null) {
                    state.getStyleClass().add("overdue-badge");
                }
                facts.setText(i18n.tr("agreement.attach.facts", humanSize(r.attachment().size()),
                        when.format(r.attachment().addedAt()), r.attachment().addedBy()));
                hash.setText("SHA-256 " + r.attachment().sha256());
                setGraphic(box);
            }
        });
        Button attach = new Button(i18n.tr("agreement.attach"), new FontIcon(Material2OutlinedAL.ATTACH_FILE));
        attach.setId("agreement-attach");
        attach.disableProperty().bind(model.writable.not());
        attach.setOnAction(e -> model.attach());
        Button open = new Button(i18n.tr("agreement.attach.open"), new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId("agreement-attachment-open");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.openAttachment(list.getSelectionModel().getSelectedItem()));
        Button copy = new Button(i18n.tr("agreement.attach.saveCopy"), new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> model.saveAttachmentCopy(list.getSelectionModel().getSelectedItem()));
        // A row whose check result changed is replaced: keep it selected.
        list.getItems().addListener((ListChangeListener<AttachmentRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced() && c.getFrom() < list.getItems().size()
                        && list.getSelectionModel().getSelectedIndex() < 0) {
                    list.getSelectionModel().select(c.getFrom());
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.openAttachment(list.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label(i18n.tr("agreement.attach.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox actions = new HBox(8, attach, open, copy);
        VBox box = new VBox(8, hint, list, actions);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 16, 0, 16));
        return box;
    }

    private String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(i18n.locale(), "%.1f KB", bytes / 1024.0);
        }
        return String.format(i18n.locale(), "%.1f MB", bytes / (1024.0 * 1024));
    }
}
