package org.custodian.ui.assessment;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionScore;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.Section;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.assessment.Tally;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.validation.FieldText;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.DialogService;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * An open assessment: answering section by section (with progress, help, notes and evidence on every question,
 * each change saved at once), the score with how it was computed, the risk register, the action plan, the workflow
 * and the subject.
 */
final class AssessmentWorkspace extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final Button back = new Button(null, new FontIcon(Material2OutlinedAL.ARROW_BACK));
    /** Opens the report preview of the assessment shown (wired by the page). */
    final Button report = new Button(null, new FontIcon(Material2OutlinedMZ.PRINT));
    private final AssessmentWorkspaceModel model;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable compare;
    private final java.util.function.Consumer<java.util.UUID> openOther;
    private final Label title = new Label();
    private final Label statusChip = new Label();
    private final Label levelChip = new Label();
    private final Label frozenNote = new Label();
    private final HBox workflowButtons = new HBox(6);
    private final ListView<Section> sections = new ListView<>();
    private final VBox questions = new VBox(10);
    private final ScrollPane questionScroll = new ScrollPane(questions);
    private final Map<String, List<QuestionCard>> cardsBySection = new HashMap<>();
    private final VBox scorePane = new VBox(10);
    private final TableView<RiskEntry> risks = new TableView<>();
    private final GridPane heatMap = new GridPane();
    private final TableView<PlannedAction> actions = new TableView<>();
    private final VBox steps = new VBox(10);
    private final Label workflowFacts = new Label();
    private final VBox subjectPane = new VBox(8);
    private final TabPane tabs = new TabPane();

    AssessmentWorkspace(AssessmentWorkspaceModel model, DialogService dialogs, Runnable compare,
            java.util.function.Consumer<java.util.UUID> openOther) {
        this.model = model;
        this.dialogs = dialogs;
        this.i18n = model.i18n();
        this.compare = compare;
        this.openOther = openOther;
        setId("assessment-workspace");
        back.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        back.setId("assessment-back");
        back.setAccessibleText(i18n.tr("assessment.back"));
        back.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("assessment.back")));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("assessment-title");
        title.setMinWidth(0);
        Label saveState = new Label();
        saveState.getStyleClass().add("save-state");
        saveState.setId("assessment-save-state");
        saveState.textProperty().bind(model.saveState);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        MenuItem revision = new MenuItem(i18n.tr("assessment.revision.new"), new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        revision.setId("assessment-new-revision");
        revision.setOnAction(e -> newRevision());
        revision.disableProperty().bind(model.writable.not().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.record.get() == null || !model.record.get().assessment().status().frozen(), model.record)));
        MenuItem comparing = new MenuItem(i18n.tr("assessment.compare"), new FontIcon(Material2OutlinedAL.COMPARE_ARROWS));
        comparing.setOnAction(e -> compare.run());
        MenuButton more = new MenuButton(i18n.tr("assessment.more"), null, revision, comparing);
        more.setId("assessment-more");
        more.setMinWidth(Region.USE_PREF_SIZE);
        // A long title gives way (ellipsis) before the buttons do.
        workflowButtons.setMinWidth(Region.USE_PREF_SIZE);
        saveState.setMinWidth(Region.USE_PREF_SIZE);
        report.setText(i18n.tr("assessments.report"));
        report.setId("assessment-report");
        report.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, back, title, statusChip, levelChip, saveState, grow, workflowButtons, report, more);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(8, 12, 4, 8));
        frozenNote.setWrapText(true);
        frozenNote.setPadding(new Insets(0, 12, 4, 52));
        frozenNote.managedProperty().bind(frozenNote.visibleProperty());
        setTop(new VBox(head, frozenNote));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("assessment.tab.answers", answersTab()), tab("assessment.tab.score", scroll(scorePane)),
                tab("assessment.tab.risks", risksTab()), tab("assessment.tab.actions", actionsTab()),
                tab("assessment.tab.workflow", workflowTab()), tab("assessment.tab.subject", scroll(subjectPane)),
                tab("assessment.tab.history", org.custodian.ui.common.HistoryList.create(model.history,
                        "assessment-history", "assessment.audit.", i18n, model::openInAuditLog)));
        tabs.setId("assessment-tabs");
        setCenter(tabs);

        model.template.addListener((o, a, t) -> templateChanged(t));
        model.record.addListener((o, a, r) -> recordChanged(r));
        model.score.addListener((o, a, s) -> scoreChanged(s));
        model.editable.addListener((o, a, b) -> cardsBySection.values().forEach(l -> l.forEach(c -> c.setEditable(b))));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN).match(e)) {
                moveSection(1);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN).match(e)) {
                moveSection(-1);
                e.consume();
            }
        });
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(null, content);
        t.setId("tab-" + key.substring(key.lastIndexOf('.') + 1));
        t.setUserData(key);
        return t;
    }

    private void translateTabs() {
        tabs.getTabs().forEach(t -> t.setText(i18n.tr((String) t.getUserData())));
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    // ---- answers -------------------------------------------------------------------------------------------

    private Node answersTab() {
        translateTabs();
        sections.setId("assessment-sections");
        sections.setPrefWidth(260);
        sections.setMinWidth(200);
        sections.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label count = new Label();
            private final VBox box = new VBox(1, name, count);

            {
                name.setWrapText(true);
                name.setMinHeight(Region.USE_PREF_SIZE);
                count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                // Wrap within the list's width, so a long section name shows in full on two lines.
                name.maxWidthProperty().bind(l.widthProperty().subtract(28));
            }

            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                if (empty || s == null || model.template.get() == null) {
                    setGraphic(null);
                    return;
                }
                int n = model.template.get().sections().indexOf(s) + 1;
                Tally t = tally(s.id());
                name.setText(n + ". " + s.title().in(i18n.locale()));
                count.setText(t == null ? "" : i18n.tr("assessment.section.answered", t.answered(), t.showing()));
                setGraphic(box);
                setPrefWidth(0);
            }
        });
        sections.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> showSection(s));
        questions.setPadding(new Insets(10, 14, 24, 14));
        questions.setFillWidth(true);
        questionScroll.setFitToWidth(true);
        questionScroll.setId("assessment-questions");
        BorderPane pane = new BorderPane();
        pane.setLeft(sections);
        pane.setCenter(questionScroll);
        return pane;
    }

    private Tally tally(String sectionId) {
        ScoreCard s = model.score.get();
        return s == null ? null : s.sections().stream().filter(t -> t.id().equals(sectionId)).findFirst().orElse(null);
    }

    private void templateChanged(AssessmentTemplate t) {
        cardsBySection.clear();
        questions.getChildren().clear();
        sections.getItems().setAll(t == null ? List.of() : t.sections());
        if (t != null) {
            sections.getSelectionModel().select(0);
        }
    }

    private void moveSection(int step) {
        int i = sections.getSelectionModel().getSelectedIndex() + step;
        if (i >= 0 && i < sections.getItems().size()) {
            sections.getSelectionModel().select(i);
            sections.scrollTo(i);
            List<QuestionCard> cards = cardsBySection.get(sections.getItems().get(i).id());
            cards.stream().filter(Node::isVisible).findFirst().ifPresent(QuestionCard::focusAnswer);
        }
    }

    private void showSection(Section s) {
        questions.getChildren().clear();
        if (s == null) {
            return;
        }
        AssessmentTemplate t = model.template.get();
        List<QuestionCard> cards = cardsBySection.computeIfAbsent(s.id(), id -> {
            List<QuestionCard> made = new ArrayList<>();
            for (Question q : s.questions()) {
                QuestionCard card = new QuestionCard(q, t.numberOf(q.id()), i18n, cardListener());
                card.managedProperty().bind(card.visibleProperty());
                card.setEditable(model.editable.get());
                made.add(card);
            }
            return made;
        });
        Label title = new Label(s.title().in(i18n.locale()));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        questions.getChildren().add(title);
        if (!s.description().isEmpty()) {
            Label d = new Label(s.description().in(i18n.locale()));
            d.setWrapText(true);
            d.getStyleClass().add(Styles.TEXT_MUTED);
            questions.getChildren().add(d);
        }
        List<String> tags = new ArrayList<>();
        if (s.principle() != null && t.principle(s.principle()) != null) {
            tags.add(i18n.tr("assessment.principle", t.principle(s.principle()).title().in(i18n.locale())));
        }
        if (s.stage() != null && t.stage(s.stage()) != null) {
            tags.add(i18n.tr("assessment.stage", t.stage(s.stage()).title().in(i18n.locale())));
        }
        if (!tags.isEmpty()) {
            Label tag = new Label(String.join("  ·  ", tags));
            tag.getStyleClass().add(Styles.TEXT_SMALL);
            questions.getChildren().add(tag);
        }
        questions.getChildren().addAll(cards);
        refreshCards(cards);
        questionScroll.setVvalue(0);
    }

    private void refreshCards(List<QuestionCard> cards) {
        AssessmentRecord r = model.record.get();
        AssessmentTemplate t = model.template.get();
        if (r == null || t == null) {
            return;
        }
        Visibility v = Visibility.of(t, r.answers());
        for (QuestionCard c : cards) {
            c.setVisible(v.shows(c.questionId()));
            c.show(r.answers().get(c.questionId()), r.evidenceOf(c.questionId()));
        }
    }

    /** Hands every card's pending typing on to be saved. */
    void flush() {
        cardsBySection.values().forEach(cards -> cards.forEach(QuestionCard::flush));
    }

    /** A refusal under its question; the workspace may have moved on to another assessment meanwhile. */
    private void showError(String questionId, String message) {
        QuestionCard c = card(questionId);
        if (c != null) {
            c.setError(message);
        }
    }

    private QuestionCard card(String questionId) {
        return cardsBySection.values().stream().flatMap(List::stream).filter(c -> c.questionId().equals(questionId))
                .findFirst().orElse(null);
    }

    private QuestionCard.Listener cardListener() {
        return new QuestionCard.Listener() {
            @Override
            public void value(String questionId, String value) {
                model.answer(questionId, value, message -> showError(questionId, message));
            }

            @Override
            public void note(String questionId, String note) {
                model.note(questionId, note, message -> showError(questionId, message));
            }

            @Override
            public void addFile(String questionId) {
                dialogs.chooseFileToOpen(i18n.tr("assessment.evidence.file"), null, i18n.tr("assessment.evidence.files"),
                        "*.*").ifPresent(f -> model.addEvidenceFile(questionId, f));
            }

            @Override
            public void addReference(String questionId) {
                dialogs.askReason(i18n.tr("assessment.evidence.reference"), i18n.tr("assessment.evidence.referenceHelp"),
                        i18n.tr("assessment.evidence.add"), i18n.tr("assessment.evidence.referencePrompt"))
                        .filter(s -> !s.isBlank()).ifPresent(ref -> model.addEvidenceReference(questionId, ref));
            }

            @Override
            public void openEvidence(Evidence e) {
                model.openEvidence(e);
            }

            @Override
            public void removeEvidence(Evidence e) {
                if (dialogs.confirm(i18n.tr("assessment.evidence.remove"), i18n.tr("assessment.evidence.removeConfirm",
                        e.isFile() ? e.fileName() : e.reference()), i18n.tr("assessment.evidence.remove"))) {
                    model.removeEvidence(e);
                }
            }
        };
    }

    // ---- record and score ----------------------------------------------------------------------------------

    private void recordChanged(AssessmentRecord r) {
        if (r == null) {
            return;
        }
        translateTabs();
        Assessment a = r.assessment();
        title.setText(a.label() + " — " + a.title());
        AssessmentChips.status(statusChip, a.status(), i18n);
        statusChip.setId("assessment-status");
        cardsBySection.values().forEach(this::refreshCards);
        sections.refresh();
        updateWorkflowButtons(a);
        if (a.status().frozen()) {
            frozenNote.setVisible(true);
            String hash = a.approvedHash() == null ? "" : a.approvedHash().substring(0, 16) + "…";
            frozenNote.setText(model.contentIntact.get() ? i18n.tr("assessment.frozen", hash)
                    : i18n.tr("assessment.frozen.changed", hash));
            frozenNote.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            frozenNote.getStyleClass().add(model.contentIntact.get() ? Styles.TEXT_MUTED : Styles.DANGER);
        } else if (a.status() == AssessmentStatus.SUBMITTED) {
            frozenNote.setVisible(true);
            frozenNote.setText(i18n.tr("assessment.underReview"));
            frozenNote.getStyleClass().removeAll(Styles.DANGER);
            frozenNote.getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            frozenNote.setVisible(false);
        }
        risks.getItems().setAll(r.risks());
        drawHeatMap(r.risks());
        actions.getItems().setAll(r.actions());
        steps.getChildren().setAll(r.steps().isEmpty() ? List.of(muted(i18n.tr("assessment.workflow.none"),
                Styles.TEXT_MUTED)) : r.steps().stream().map(this::stepView).toList());
        workflowFacts.setText(workflowFacts(a));
        // The subject form is rebuilt only for another assessment or status: answering must not throw away its edits.
        String shownSubject = a.key() + "/" + a.status();
        if (!shownSubject.equals(subjectPane.getUserData())) {
            subjectPane.setUserData(shownSubject);
            buildSubject(a);
        }
    }

    private void scoreChanged(ScoreCard s) {
        sections.refresh();
        if (s == null) {
            return;
        }
        AssessmentChips.level(levelChip, s.hasResult() ? s.level() : null, i18n);
        levelChip.setId("assessment-level");
        buildScore(s);
    }

    private void buildScore(ScoreCard s) {
        AssessmentTemplate t = model.template.get();
        scorePane.getChildren().clear();
        scorePane.setPadding(new Insets(12, 16, 24, 16));
        Label estimate = new Label(i18n.tr("assessment.score.estimate"));
        estimate.getStyleClass().add("estimate-note");
        estimate.setWrapText(true);
        Label result = new Label(s.hasResult()
                ? i18n.tr("assessment.score.level", s.level().title().in(i18n.locale()), s.riskPercent())
                : i18n.tr("assessment.score.none"));
        result.getStyleClass().add(Styles.TITLE_3);
        result.setId("score-level");
        result.setWrapText(true);
        scorePane.getChildren().addAll(estimate, result);
        if (!s.knockOuts().isEmpty()) {
            scorePane.getChildren().add(muted(i18n.tr("assessment.score.knockOuts", String.join(", ",
                    s.knockOuts().stream().map(t::numberOf).toList())), Styles.DANGER));
        }
        if (s.hasResult() && !s.level().recommendation().isEmpty()) {
            scorePane.getChildren().add(muted(s.level().recommendation().in(i18n.locale()), null));
        }
        if (s.needsThirdLine()) {
            scorePane.getChildren().add(muted(i18n.tr("assessment.score.thirdLine"), Styles.WARNING));
        }
        scorePane.getChildren().add(muted(i18n.tr("assessment.score.method." + s.method().code()), Styles.TEXT_MUTED));
        scorePane.getChildren().add(FormLayout.section(i18n.tr("assessment.score.sections")));
        scorePane.getChildren().add(tallyTable(s.sections(), "score-sections"));
        if (!s.principles().isEmpty()) {
            scorePane.getChildren().add(FormLayout.section(i18n.tr("assessment.score.principles")));
            scorePane.getChildren().add(tallyTable(s.principles(), "score-principles"));
        }
        scorePane.getChildren().add(FormLayout.section(i18n.tr("assessment.score.overall")));
        scorePane.getChildren().add(tallyTable(List.of(s.overall()), "score-overall"));
        TableView<QuestionScore> lines = new TableView<>(FXCollections.observableArrayList(s.lines()));
        lines.setId("score-lines");
        lines.getColumns().add(col(i18n.tr("assessment.score.number"), QuestionScore::number, 60));
        lines.getColumns().add(col(i18n.tr("assessment.score.question"), q -> t.question(q.questionId()).text()
                .in(i18n.locale()), 380));
        lines.getColumns().add(col(i18n.tr("assessment.score.counted"), q -> !q.showing()
                ? i18n.tr("assessment.score.hidden") : !q.answered() ? i18n.tr("assessment.score.unanswered")
                : q.counted() ? i18n.tr("assessment.score.yes") : i18n.tr("assessment.score.notScored"), 110));
        lines.getColumns().add(col(i18n.tr("assessment.score.points"), q -> q.counted() ? q.points() + " / " + q.max()
                : "—", 80));
        lines.getColumns().add(col(i18n.tr("assessment.score.weight"), q -> String.valueOf(q.weight()), 60));
        lines.getColumns().add(col(i18n.tr("assessment.score.weighted"), q -> q.counted() ? q.points() * q.weight()
                + " / " + q.max() * q.weight() : "—", 90));
        lines.getColumns().add(col(i18n.tr("assessment.score.knockOut"), q -> q.knockOut()
                ? i18n.tr("assessment.score.yes") : "", 80));
        lines.setPrefHeight(360);
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        String hidden = s.hiddenAnswers() > 0 ? " " + i18n.tr("assessment.score.hiddenKept", s.hiddenAnswers()) : "";
        TitledPane how = new TitledPane(i18n.tr("assessment.score.how") + hidden, lines);
        how.setExpanded(false);
        how.setAnimated(false);
        how.setId("score-how");
        scorePane.getChildren().add(how);
    }

    private static Label muted(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private TableView<Tally> tallyTable(List<Tally> rows, String id) {
        TableView<Tally> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId(id);
        table.getColumns().add(col(i18n.tr("assessment.score.part"), x -> x.title().in(i18n.locale()), 320));
        table.getColumns().add(col(i18n.tr("assessment.score.percent"), x -> x.percent() < 0 ? "—" : x.percent() + " %",
                80));
        table.getColumns().add(col(i18n.tr("assessment.score.points"), x -> x.points() + " / " + x.max(), 90));
        table.getColumns().add(col(i18n.tr("assessment.score.answered"), x -> x.answered() + " / " + x.showing(), 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        // Tall enough for every row: these tables sit in the page's scroll, not in their own.
        table.setPrefHeight(48 + 30 * Math.max(1, rows.size()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }

    /** A column whose text wraps, for free text (risk titles, mitigations, actions) that should be read in full. */
    static <S> TableColumn<S, String> wrapping(String title, java.util.function.Function<S, String> value,
            double width) {
        TableColumn<S, String> c = col(title, value, width);
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setGraphic(text);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
            }
        });
        return c;
    }

    static <S> TableColumn<S, String> col(String title, java.util.function.Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // ---- risks and actions ---------------------------------------------------------------------------------

    private Node risksTab() {
        risks.setId("assessment-risks");
        risks.getColumns().add(wrapping(i18n.tr("assessment.risk.title"), RiskEntry::title, 240));
        risks.getColumns().add(wrapping(i18n.tr("assessment.risk.inherent"), r -> r.inherent() + " · "
                + i18n.tr(RiskEntry.band(r.inherent()).labelKey()) + "\n" + r.likelihood() + " × " + r.impact(), 110));
        risks.getColumns().add(wrapping(i18n.tr("assessment.risk.residual"), r -> r.residual() + " · "
                + i18n.tr(RiskEntry.band(r.residual()).labelKey()) + "\n" + r.residualLikelihood() + " × "
                + r.residualImpact(), 110));
        risks.getColumns().add(wrapping(i18n.tr("assessment.risk.mitigation"), RiskEntry::mitigation, 220));
        risks.getColumns().add(wrapping(i18n.tr("assessment.risk.owner"), RiskEntry::owner, 110));
        risks.getColumns().add(col(i18n.tr("assessment.risk.question"), r -> r.questionId().isEmpty() ? ""
                : model.template.get().numberOf(r.questionId()), 70));
        risks.getColumns().forEach(c -> c.setMinWidth(60));
        risks.getColumns().get(1).setMinWidth(100);
        risks.getColumns().get(2).setMinWidth(100);
        risks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        risks.setPlaceholder(new Label(i18n.tr("assessment.risk.none")));
        risks.setRowFactory(t -> {
            TableRow<RiskEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editRisk(row.getItem());
                }
            });
            return row;
        });
        Button add = new Button(i18n.tr("assessment.risk.add"), new FontIcon(Material2OutlinedAL.ADD));
        add.setId("risk-add");
        add.disableProperty().bind(model.editable.not());
        add.setOnAction(e -> editRisk(null));
        Button edit = new Button(i18n.tr("assessment.edit"), new FontIcon(Material2OutlinedAL.EDIT));
        edit.disableProperty().bind(model.editable.not().or(risks.getSelectionModel().selectedItemProperty().isNull()));
        edit.setOnAction(e -> editRisk(risks.getSelectionModel().getSelectedItem()));
        Button delete = new Button(i18n.tr("assessment.delete"), new FontIcon(Material2OutlinedAL.DELETE));
        delete.disableProperty().bind(edit.disableProperty());
        delete.setOnAction(e -> {
            RiskEntry r = risks.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(i18n.tr("assessment.risk.delete"), i18n.tr("assessment.risk.deleteConfirm", r.title()),
                    i18n.tr("assessment.risk.delete"))) {
                model.deleteRisk(r);
            }
        });
        heatMap.setHgap(2);
        heatMap.setVgap(2);
        heatMap.setId("risk-heat-map");
        Label mapTitle = FormLayout.section(i18n.tr("assessment.risk.map"));
        mapTitle.setWrapText(true);
        VBox side = new VBox(6, mapTitle, heatMap,
                muted(i18n.tr("assessment.risk.mapHelp"), Styles.TEXT_MUTED));
        side.setPrefWidth(220);
        side.setMinWidth(220);
        side.setPadding(new Insets(0, 0, 0, 12));
        HBox buttons = new HBox(6, add, edit, delete);
        BorderPane pane = new BorderPane(risks, buttons, side, null, null);
        BorderPane.setMargin(buttons, new Insets(0, 0, 8, 0));
        pane.setPadding(new Insets(12));
        return pane;
    }

    /** A 4 × 4 map of the risks after mitigation: likelihood up, impact across, each cell the count of risks. */
    private void drawHeatMap(List<RiskEntry> list) {
        heatMap.getChildren().clear();
        for (int l = 4; l >= 1; l--) {
            for (int i = 1; i <= 4; i++) {
                final int li = l;
                final int im = i;
                long n = list.stream().filter(r -> r.residualLikelihood() == li && r.residualImpact() == im).count();
                Label cell = new Label(n == 0 ? "" : String.valueOf(n));
                cell.setMinSize(44, 32);
                cell.setAlignment(Pos.CENTER);
                cell.getStyleClass().addAll("status-chip", "level-chip-" + switch (RiskEntry.band(l * i)) {
                    case LOW -> "low";
                    case MEDIUM -> "medium";
                    default -> "high";
                });
                cell.setOpacity(n == 0 ? 0.35 : 1);
                heatMap.add(cell, i, 5 - l);
            }
            Label axis = new Label(String.valueOf(l));
            heatMap.add(axis, 0, 5 - l);
        }
        for (int i = 1; i <= 4; i++) {
            Label axis = new Label(String.valueOf(i));
            axis.setMinWidth(44);
            axis.setAlignment(Pos.CENTER);
            heatMap.add(axis, i, 5);
        }
    }

    private void editRisk(RiskEntry r) {
        if (!model.editable.get()) {
            return;
        }
        RiskForm form = new RiskForm(r, i18n);
        if (dialogs.showForm(i18n.tr(r == null ? "assessment.risk.add" : "assessment.risk.edit"), form.node(),
                i18n.tr("assessment.risk.save"), form::check)) {
            model.saveRisk(form.value());
        }
    }

    private Node actionsTab() {
        actions.setId("assessment-actions");
        actions.getColumns().add(wrapping(i18n.tr("assessment.action.title"), PlannedAction::title, 320));
        actions.getColumns().add(col(i18n.tr("assessment.action.owner"), PlannedAction::owner, 140));
        actions.getColumns().add(col(i18n.tr("assessment.action.due"), a -> a.due() == null ? "" : a.due().toString(),
                100));
        actions.getColumns().add(col(i18n.tr("assessment.action.status"), a -> i18n.tr(a.status().labelKey()), 110));
        actions.getColumns().add(col(i18n.tr("assessment.action.linked"), this::linkOf, 220));
        actions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        actions.setPlaceholder(new Label(i18n.tr("assessment.action.none")));
        actions.setRowFactory(t -> {
            TableRow<PlannedAction> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editAction(row.getItem());
                }
            });
            return row;
        });
        Button add = new Button(i18n.tr("assessment.action.add"), new FontIcon(Material2OutlinedAL.ADD));
        add.setId("action-add");
        add.disableProperty().bind(model.editable.not());
        add.setOnAction(e -> editAction(null));
        Button edit = new Button(i18n.tr("assessment.edit"), new FontIcon(Material2OutlinedAL.EDIT));
        edit.disableProperty().bind(model.editable.not().or(actions.getSelectionModel().selectedItemProperty().isNull()));
        edit.setOnAction(e -> editAction(actions.getSelectionModel().getSelectedItem()));
        Button delete = new Button(i18n.tr("assessment.delete"), new FontIcon(Material2OutlinedAL.DELETE));
        delete.disableProperty().bind(edit.disableProperty());
        delete.setOnAction(e -> {
            PlannedAction a = actions.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(i18n.tr("assessment.action.delete"), i18n.tr("assessment.action.deleteConfirm",
                    a.title()), i18n.tr("assessment.action.delete"))) {
                model.deleteAction(a);
            }
        });
        HBox buttons = new HBox(6, add, edit, delete);
        BorderPane pane = new BorderPane(actions, buttons, null, null, null);
        BorderPane.setMargin(buttons, new Insets(0, 0, 8, 0));
        pane.setPadding(new Insets(12));
        return pane;
    }

    private String linkOf(PlannedAction a) {
        List<String> parts = new ArrayList<>();
        if (!a.questionId().isEmpty() && model.template.get() != null) {
            parts.add(i18n.tr("assessment.action.toQuestion", model.template.get().numberOf(a.questionId())));
        }
        if (a.riskKey() != null && model.record.get() != null) {
            model.record.get().risks().stream().filter(r -> r.key().equals(a.riskKey())).findFirst()
                    .ifPresent(r -> parts.add(i18n.tr("assessment.action.toRisk", r.title())));
        }
        return String.join("; ", parts);
    }

    private void editAction(PlannedAction a) {
        if (!model.editable.get()) {
            return;
        }
        ActionForm form = new ActionForm(a, model.record.get().risks(), null, i18n);
        PlannedAction[] result = {null};
        if (dialogs.showForm(i18n.tr(a == null ? "assessment.action.add" : "assessment.action.edit"), form.node(),
                i18n.tr("assessment.action.save"), () -> (result[0] = form.checked()) != null)) {
            model.saveAction(result[0]);
        }
    }

    // ---- workflow ------------------------------------------------------------------------------------------

    private Node workflowTab() {
        steps.setId("assessment-steps");
        workflowFacts.setWrapText(true);
        VBox box = new VBox(12, workflowFacts, steps);
        box.setPadding(new Insets(12, 16, 24, 16));
        return scroll(box);
    }

    /** One step as a reader of the record wants it: when and who, in what role, the move, why, and the hash. */
    private Node stepView(WorkflowStep s) {
        Label head = new Label(WHEN.format(s.at()) + "   " + s.actor());
        head.getStyleClass().add(Styles.TEXT_BOLD);
        head.setWrapText(true);
        Label move = new Label(i18n.tr(s.role().labelKey()) + "  ·  " + (s.from() == null ? ""
                : i18n.tr(s.from().labelKey()) + " → ") + i18n.tr(s.to().labelKey()));
        move.setWrapText(true);
        VBox v = new VBox(2, head, move);
        if (s.comment() != null) {
            Label comment = new Label("“" + s.comment() + "”");
            comment.setWrapText(true);
            v.getChildren().add(comment);
        }
        if (s.contentHash() != null) {
            v.getChildren().add(muted(i18n.tr("assessment.workflow.hash", s.contentHash()), Styles.TEXT_MUTED));
        }
        v.getStyleClass().add("question-card");
        return v;
    }

    private String workflowFacts(Assessment a) {
        AssessmentTemplate t = model.template.get();
        List<String> lines = new ArrayList<>();
        lines.add(i18n.tr("assessment.workflow.template", t.title().in(i18n.locale()), t.version(),
                t.hash().substring(0, 16) + "…"));
        lines.add(i18n.tr("assessment.workflow.created", WHEN.format(a.createdAt()), a.createdBy()));
        if (a.reviewDue() != null) {
            lines.add(i18n.tr("assessment.workflow.reviewDueOn", a.reviewDue().toString()));
        }
        return String.join("\n", lines);
    }

    private void updateWorkflowButtons(Assessment a) {
        workflowButtons.getChildren().clear();
        if (!model.writable.get()) {
            return;
        }
        for (AssessmentStatus to : List.of(AssessmentStatus.SUBMITTED, AssessmentStatus.CHANGES_REQUESTED,
                AssessmentStatus.APPROVED, AssessmentStatus.APPROVED_WITH_CONDITIONS, AssessmentStatus.REJECTED)) {
            if (!a.status().canBecome(to)) {
                continue;
            }
            Button b = new Button(i18n.tr("assessment.workflow.to." + to.code()));
            b.setId("workflow-" + to.code());
            b.setMinWidth(Region.USE_PREF_SIZE);
            if (to == AssessmentStatus.SUBMITTED || to == AssessmentStatus.APPROVED) {
                b.getStyleClass().add(Styles.ACCENT);
            }
            b.setOnAction(e -> step(to));
            workflowButtons.getChildren().add(b);
        }
    }

    private void step(AssessmentStatus to) {
        WorkflowForm form = new WorkflowForm(to, model.assessments().actor(), model.assessments().today(), i18n);
        if (to == AssessmentStatus.SUBMITTED || to.approved()) {
            List<String> missing = model.assessments().evidenceMissing(model.record.get());
            if (!missing.isEmpty()) {
                form.warn(i18n.tr("assessment.workflow.evidenceMissing", missing.size(), String.join(", ", missing)));
            }
        }
        if (dialogs.showForm(i18n.tr("assessment.workflow.to." + to.code()), form.node(),
                i18n.tr("assessment.workflow.to." + to.code()), () -> form.check(f -> model.workflowProblems(to,
                        f.role.getValue(), f.comment.getText())))) {
            model.move(to, form.role.getValue(), form.comment.getText(), form.due());
        }
    }

    private void newRevision() {
        Assessment a = model.assessment();
        TemplateCatalog catalog = model.assessments().catalog();
        model.read(() -> catalog.latest(a.templateId()), latest -> newRevision(a, latest));
    }

    private void newRevision(Assessment a, Optional<TemplateCatalog.Entry> latest) {
        TemplateCatalog.Entry target = null;
        if (latest.isPresent() && !latest.get().template().hash().equals(a.templateHash())) {
            Optional<Integer> choice = dialogs.choose(i18n.tr("assessment.revision.new"),
                    i18n.tr("assessment.revision.newerTemplate", a.templateVersion(), latest.get().template().version()),
                    List.of(i18n.tr("assessment.revision.keep", a.templateVersion()),
                            i18n.tr("assessment.revision.move", latest.get().template().version())));
            if (choice.isEmpty()) {
                return;
            }
            target = choice.get() == 1 ? latest.get() : null;
        } else if (!a.status().approved() && !dialogs.confirm(i18n.tr("assessment.revision.new"),
                i18n.tr("assessment.revision.confirm", a.label(), a.revision() + 1), i18n.tr("assessment.revision.new"))) {
            return;
        }
        String reason = null;
        if (a.status().approved()) {
            // Reopening an approved assessment undoes a decision: it goes ahead only with a reason for the log.
            Optional<String> why = dialogs.askReason(i18n.tr("assessment.revision.new"), i18n.tr("assessment.reopen.message",
                    a.label(), a.revision() + 1), i18n.tr("assessment.reopen.confirm", a.revision() + 1),
                    i18n.tr("assessment.reopen.reason"), true);
            if (why.isEmpty()) {
                return;
            }
            reason = why.get();
        }
        model.newRevision(target, reason, revised -> {
            if (!revised.unmapped().isEmpty()) {
                dialogs.showInformation(i18n.tr("assessment.revision.new"), i18n.tr("assessment.revision.unmapped",
                        revised.unmapped().size()) + "\n" + String.join("\n", revised.unmapped().stream()
                        .map(u -> u.questionId() + ": " + u.reason()).toList()));
            }
            openOther.accept(revised.assessment().key());
        });
    }

    // ---- subject -------------------------------------------------------------------------------------------

    private void buildSubject(Assessment a) {
        subjectPane.getChildren().clear();
        subjectPane.setPadding(new Insets(12, 16, 24, 16));
        subjectPane.setMaxWidth(760);
        TextField titleField = new TextField(a.title());
        titleField.setId("subject-title");
        TextField name = new TextField(a.subject().name());
        name.setId("subject-name");
        javafx.scene.control.ComboBox<SubjectKind> kind = new javafx.scene.control.ComboBox<>(
                FXCollections.observableArrayList(SubjectKind.values()));
        kind.setConverter(ChoiceText.of(k -> k == null ? "" : i18n.tr(k.labelKey())));
        kind.setValue(a.subject().kind());
        TextField department = new TextField(a.subject().department());
        department.setPromptText(i18n.tr("assessment.subject.departmentPrompt"));
        TextArea description = new TextArea(a.subject().description());
        description.setWrapText(true);
        description.setPrefRowCount(4);
        TextField datasets = new TextField(String.join("; ", a.subject().datasetCodes()));
        datasets.setId("subject-datasets");
        datasets.setPromptText(i18n.tr("assessment.subject.datasetsPrompt"));
        javafx.beans.property.StringProperty error = new javafx.beans.property.SimpleStringProperty("");
        Button save = new Button(i18n.tr("assessment.subject.save"), new FontIcon(Material2OutlinedMZ.SAVE));
        save.setId("subject-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.editable.not());
        save.setOnAction(e -> model.updateSubject(titleField.getText(), new AssessmentSubject(name.getText(),
                kind.getValue(), department.getText(), description.getText(),
                FieldText.items(datasets.getText(), ";")), error::set));
        boolean editable = model.editable.get();
        for (javafx.scene.control.Control c : List.of(titleField, name, kind, department, description, datasets)) {
            c.setDisable(!editable);
        }
        Label prefillHelp = muted(i18n.tr("assessment.subject.prefillHelp"), Styles.TEXT_MUTED);
        subjectPane.getChildren().addAll(
                FormLayout.field(i18n.tr("assessment.field.title"), true, titleField, null, i18n),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.field.subject"), true, name, null, i18n),
                        FormLayout.field(i18n.tr("assessment.field.kind"), true, kind, null, i18n)),
                FormLayout.field(i18n.tr("assessment.field.department"), false, department, null, i18n),
                FormLayout.field(i18n.tr("assessment.field.description"), false, description, null, i18n),
                FormLayout.field(i18n.tr("assessment.field.datasets"), false, datasets, error, "subject-error", i18n),
                prefillHelp, save);
    }
}
