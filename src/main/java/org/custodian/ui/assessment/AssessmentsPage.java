package org.custodian.ui.assessment;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.Assessments;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The assessments page: the list of assessments (every revision, with status, level and progress), and the open
 * assessment in its workspace in place of the list.
 */
public final class AssessmentsPage implements PageView {

    private final PageContext context;
    private final I18n i18n;
    private final AssessmentsPageModel model;
    private final AssessmentWorkspaceModel workspaceModel;
    private final AssessmentWorkspace workspace;
    private final StackPane root = new StackPane();
    private final BorderPane list = new BorderPane();
    private final TableView<Assessment> table = new TableView<>();
    private final javafx.beans.value.ChangeListener<org.custodian.ui.common.ListRequest> onListRequest =
            (o, a, r) -> takeListRequest();
    private final javafx.beans.value.WeakChangeListener<org.custodian.ui.common.ListRequest> weakListRequest =
            new javafx.beans.value.WeakChangeListener<>(onListRequest);

    public AssessmentsPage(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.model = new AssessmentsPageModel(context);
        this.workspaceModel = new AssessmentWorkspaceModel(context);
        this.workspace = new AssessmentWorkspace(workspaceModel, context.dialogs(), this::compare, this::open);
        workspace.back.setOnAction(e -> showList());

        Button create = new Button(i18n.tr("assessments.new"), new FontIcon(Material2OutlinedAL.ADD));
        create.setId("assessment-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.writable.not());
        create.setOnAction(e -> create());
        Button importButton = new Button(i18n.tr("assessments.import"), new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        importButton.setId("assessment-import");
        importButton.disableProperty().bind(model.writable.not());
        importButton.setOnAction(e -> importFile());
        Button export = new Button(i18n.tr("assessments.export"), new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        export.setId("assessment-export");
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.setOnAction(e -> export(table.getSelectionModel().getSelectedItem()));
        Button report = new Button(i18n.tr("assessments.report"), new FontIcon(Material2OutlinedMZ.PRINT));
        report.setId("assessment-report-list");
        report.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        report.setOnAction(e -> report(table.getSelectionModel().getSelectedItem()));
        workspace.report.setOnAction(e -> report(workspaceModel.assessment()));
        ComboBox<AssessmentStatus> status = new ComboBox<>();
        List<AssessmentStatus> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(AssessmentStatus.values()));
        status.getItems().setAll(choices);
        status.setConverter(ChoiceText.of(s -> s == null ? i18n.tr("assessments.allStatuses") : i18n.tr(s.labelKey())));
        status.valueProperty().bindBidirectional(model.status);
        status.setId("assessment-status-filter");
        ComboBox<String> risk = new ComboBox<>();
        risk.getItems().setAll(java.util.Arrays.asList(null, "very-high", "high", "medium", "low", ""));
        risk.setConverter(ChoiceText.of(this::riskChoice));
        // A level another template names (asked for by the dashboard) joins the choices so the filter can show it.
        model.riskLevel.addListener((o, a, level) -> {
            if (level != null && !risk.getItems().contains(level)) {
                risk.getItems().add(level);
            }
        });
        risk.valueProperty().bindBidirectional(model.riskLevel);
        risk.setId("assessment-risk-filter");
        list.setTop(new VBox(new PageHeader(i18n.tr("assessments.title"), model.countText, create, importButton, export,
                report),
                filterRow(status, risk)));
        buildTable();
        Label empty = new Label(i18n.tr("assessments.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        list.setCenter(table);
        root.getChildren().addAll(list, workspace);
        workspace.setVisible(false);
        root.setId("assessments-page");
        model.reload();
        context.listRequestProperty().addListener(weakListRequest);
        takeListRequest();
        context.recordRequestProperty().addListener(weakRecordRequest);
        takeRecordRequest();
    }

    private final javafx.beans.value.ChangeListener<Object> recordRequest = (o, a, b) -> takeRecordRequest();
    private final javafx.beans.value.WeakChangeListener<Object> weakRecordRequest =
            new javafx.beans.value.WeakChangeListener<>(recordRequest);

    /** Opens the assessment another page asked for (a finding that names it) in its workspace. */
    private void takeRecordRequest() {
        org.custodian.ui.common.RecordLink link = context.recordRequestProperty().get();
        if (link == null || !org.custodian.ui.common.RecordLink.ASSESSMENT.equals(link.entityType())) {
            return;
        }
        context.recordRequestHandled();
        open(link.id());
    }

    /** Shows the list another page asked for, leaving the open assessment (its answers are saved as typed). */
    private void takeListRequest() {
        if (model.takeListRequest() && workspace.isVisible()) {
            showList();
        }
    }

    private String riskChoice(String level) {
        return level == null ? i18n.tr("assessments.allLevels") : level.isEmpty() ? i18n.tr("assessments.level.none")
                : levelKey(level).equals("other") ? level : i18n.tr("assessments.level." + levelKey(level));
    }

    private Node filterRow(ComboBox<AssessmentStatus> status, ComboBox<String> risk) {
        HBox row = new HBox(12, FormLayout.filter(i18n.tr("assessments.filter.status"), status),
                FormLayout.filter(i18n.tr("assessments.filter.level"), risk));
        row.setPadding(new Insets(0, 16, 8, 16));
        return row;
    }

    private void buildTable() {
        table.setId("assessment-table");
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.id"), Assessment::label, 130));
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.title"), Assessment::title, 280));
        TableColumn<Assessment, AssessmentStatus> status = org.custodian.ui.common.ChipColumn.of(
                i18n.tr("assessments.col.status"), Assessment::status, Label::new,
                (chip, s) -> AssessmentChips.status(chip, s, i18n));
        status.setPrefWidth(190);
        status.setMinWidth(170);
        table.getColumns().add(status);
        TableColumn<Assessment, Assessment> level = new TableColumn<>(i18n.tr("assessments.col.level"));
        level.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        level.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Assessment a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null || a.riskLevel() == null) {
                    setGraphic(null);
                    return;
                }
                AssessmentChips.level(chip, a.riskLevel(), i18n.tr("assessments.level." + levelKey(a.riskLevel())));
                setGraphic(chip);
            }
        });
        level.setPrefWidth(90);
        table.getColumns().add(level);
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.progress"),
                a -> Math.round(a.progress() * 100) + " %", 90));
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.template"), a -> a.templateId() + " "
                + a.templateVersion(), 170));
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.subject"), a -> a.subject().name(), 220));
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.department"),
                a -> a.subject().department(), 100));
        table.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessments.col.reviewDue"),
                a -> a.reviewDue() == null ? "" : a.reviewDue().toString(), 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.rows);
        table.setRowFactory(t -> {
            TableRow<Assessment> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem().key());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open(table.getSelectionModel().getSelectedItem().key());
            }
        });
    }

    /** Level ids the bundled templates use have labels; another template's id is shown as it is. */
    private static String levelKey(String id) {
        return switch (id) {
            case "low", "medium", "high", "very-high" -> id;
            default -> "other";
        };
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        context.recordRequestProperty().removeListener(weakRecordRequest);
        model.dispose();
        context.listRequestProperty().removeListener(weakListRequest);
    }

    @Override
    public void closeDrawer() {
        showList();
    }

    /**
     * Nothing typed waits for a Save here: text still inside its typing pause is handed on now, and the writer
     * finishes queued saves before the window closes. So there is never anything to discard.
     */
    @Override
    public boolean hasUnsavedChanges() {
        workspace.flush();
        return false;
    }

    @Override
    public boolean supports(Command command) {
        return command == Command.NEW || command == Command.IMPORT || command == Command.EXPORT
                || command == Command.REPORT;
    }

    @Override
    public void run(Command command) {
        switch (command) {
            case NEW -> create();
            case IMPORT -> importFile();
            case EXPORT -> {
                Assessment a = workspace.isVisible() ? workspaceModel.assessment()
                        : table.getSelectionModel().getSelectedItem();
                if (a != null) {
                    export(a);
                }
            }
            case REPORT -> report(workspace.isVisible() ? workspaceModel.assessment()
                    : table.getSelectionModel().getSelectedItem());
            default -> {
            }
        }
    }

    void open(UUID key) {
        workspaceModel.open(key, () -> {
            list.setVisible(false);
            workspace.setVisible(true);
        });
    }

    private void showList() {
        workspace.flush();
        table.requestFocus();
        workspace.setVisible(false);
        list.setVisible(true);
        workspaceModel.close();
        model.reload();
    }

    private void create() {
        if (!model.writable.get()) {
            return;
        }
        workspaceModel.read(model::templates, templates -> create(new NewAssessmentForm(templates, i18n)));
    }

    /** Shows the form; a refusal brings it back with everything typed and the reasons under it. */
    private void create(NewAssessmentForm form) {
        if (context.dialogs().showForm(i18n.tr("assessments.new"), form.node(), i18n.tr("assessments.create"), () -> {
            if (form.template.getValue() == null) {
                form.error.set(i18n.tr("assessments.new.noTemplate"));
                return false;
            }
            return true;
        })) {
            model.create(form.template.getValue(), form.title.getText(), form.subject(), outcome -> {
                if (outcome.isDone()) {
                    open(outcome.record().key());
                } else {
                    form.error.set(String.join("\n", outcome.problems().stream().map(i18n::problem).toList()));
                    create(form);
                }
            });
        }
    }

    private void importFile() {
        Optional<java.nio.file.Path> file = context.dialogs().chooseFileToOpen(i18n.tr("assessments.import"), null,
                i18n.tr("assessments.files"), "*.json");
        if (file.isEmpty()) {
            return;
        }
        Optional<Integer> how = context.dialogs().choose(i18n.tr("assessments.import"),
                i18n.tr("assessments.import.how", file.get().getFileName()), List.of(i18n.tr("assessments.import.asIs"),
                        i18n.tr("assessments.import.asNew"), i18n.tr("assessments.import.latest")));
        if (how.isEmpty()) {
            return;
        }
        file.ifPresent(f -> model.importFile(f, how.get() == 2, how.get() == 1, (AssessmentExchange.Imported r) -> {
                    String text = switch (r.kind()) {
                        case UNCHANGED -> i18n.tr("assessments.import.unchanged", r.assessment().label());
                        case CREATED -> i18n.tr("assessments.import.created", r.assessment().label());
                        case MAPPED -> i18n.tr("assessments.import.mapped", r.assessment().label(),
                                r.assessment().templateVersion(), r.unmapped().size());
                        case COPIED -> i18n.tr("assessments.import.copied", r.assessment().label());
                    };
                    if (r.unmapped().isEmpty()) {
                        context.dialogs().notify(text);
                    } else {
                        context.dialogs().showInformation(i18n.tr("assessments.import"), text + "\n" + String.join("\n",
                                r.unmapped().stream().map(u -> u.questionId() + ": " + u.reason()).toList()));
                    }
                    open(r.assessment().key());
                }));
    }

    /** The assessment report's preview; the workspace first hands on any answer still in its typing pause. */
    private void report(Assessment a) {
        if (a == null) {
            context.dialogs().notify(i18n.tr("assessments.reportSelect"));
            return;
        }
        workspace.flush();
        java.util.UUID key = a.key();
        org.custodian.ui.report.ReportPreview.open(context, list, i18n.tr("assessments.reportTitle", a.label()),
                a.reference() + "-r" + a.revision(), (reports, options) -> reports.assessment(key, options));
    }

    private void export(Assessment a) {
        context.dialogs().chooseFileToSave(i18n.tr("assessments.export"), null, a.reference() + "-r" + a.revision()
                + ".json", i18n.tr("assessments.files"), "*.json").ifPresent(out -> model.export(a.key(), out));
    }

    /** Shows the open revision beside another revision of the same assessment, changed answers highlighted. */
    private void compare() {
        Assessment current = workspaceModel.assessment();
        Assessments assessments = workspaceModel.assessments();
        workspaceModel.read(() -> assessments.revisions(current.reference()).stream()
                .filter(a -> !a.key().equals(current.key())).toList(), others -> compare(current, others));
    }

    private void compare(Assessment current, List<Assessment> others) {
        Assessments assessments = workspaceModel.assessments();
        if (others.isEmpty()) {
            context.dialogs().showInformation(i18n.tr("assessment.compare"), i18n.tr("assessment.compare.none",
                    current.reference()));
            return;
        }
        Optional<Integer> pick = others.size() == 1 ? Optional.of(0) : context.dialogs().choose(
                i18n.tr("assessment.compare"), i18n.tr("assessment.compare.pick"),
                others.stream().map(a -> a.label() + " (" + i18n.tr(a.status().labelKey()) + ")").toList());
        if (pick.isEmpty()) {
            return;
        }
        Assessment other = others.get(pick.get());
        Assessment left = other.revision() < current.revision() ? other : current;
        Assessment right = left == other ? current : other;
        context.runner().read(p -> {
            AssessmentRecord l = assessments.load(left.key()).orElseThrow();
            AssessmentRecord r = assessments.load(right.key()).orElseThrow();
            return assessments.compare(l, r, i18n.locale());
        }, rows -> showComparison(left, right, rows), workspaceModel::failed);
    }

    /** A yes/no answer in the reader's language; other answers are shown as the comparison gives them. */
    private String answerText(Assessments.ComparedAnswer c, String value) {
        if (c.type() != org.custodian.model.assessment.QuestionType.YES_NO || value.isEmpty()) {
            return value;
        }
        String hidden = " (hidden)";
        boolean inactive = value.endsWith(hidden);
        String v = inactive ? value.substring(0, value.length() - hidden.length()) : value;
        var yn = org.custodian.model.inventory.CodedValue.parse(org.custodian.model.assessment.YesNo.class, v);
        String shown = yn == null ? v : i18n.tr(yn.labelKey());
        return inactive ? i18n.tr("assessment.compare.hidden", shown) : shown;
    }

    private void showComparison(Assessment left, Assessment right, List<Assessments.ComparedAnswer> rows) {
        TableView<Assessments.ComparedAnswer> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.setId("compare-table");
        t.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessment.score.number"),
                Assessments.ComparedAnswer::number, 50));
        t.getColumns().add(AssessmentWorkspace.col(i18n.tr("assessment.score.question"),
                Assessments.ComparedAnswer::text, 320));
        t.getColumns().add(AssessmentWorkspace.col(left.label(), c -> answerText(c, c.left()) + (c.leftNote().isEmpty()
                ? "" : "\n" + i18n.tr("assessment.note") + ": " + c.leftNote()), 260));
        t.getColumns().add(AssessmentWorkspace.col(right.label(), c -> answerText(c, c.right())
                + (c.rightNote().isEmpty() ? "" : "\n" + i18n.tr("assessment.note") + ": " + c.rightNote()), 260));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(Assessments.ComparedAnswer item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("changed-row");
                if (!empty && item != null && item.changed()) {
                    getStyleClass().add("changed-row");
                }
            }
        });
        t.setPrefSize(880, 520);
        long changed = rows.stream().filter(Assessments.ComparedAnswer::changed).count();
        Label summary = new Label(i18n.tr("assessment.compare.summary", changed, rows.size()));
        javafx.scene.control.CheckBox onlyChanged = new javafx.scene.control.CheckBox(
                i18n.tr("assessment.compare.onlyChanged"));
        onlyChanged.setId("compare-only-changed");
        onlyChanged.selectedProperty().addListener((o, was, only) -> t.getItems().setAll(only
                ? rows.stream().filter(Assessments.ComparedAnswer::changed).toList() : rows));
        onlyChanged.setSelected(changed > 0);
        HBox top = new HBox(16, summary, onlyChanged);
        VBox box = new VBox(8, top, t);
        box.setPrefWidth(1000);
        context.dialogs().showForm(i18n.tr("assessment.compare.title", left.label(), right.label()), box,
                i18n.tr("assessment.compare.close"), () -> true);
    }
}
