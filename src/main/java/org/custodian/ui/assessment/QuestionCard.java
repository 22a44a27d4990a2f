package org.custodian.ui.assessment;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AnswerOption;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.YesNo;
import org.custodian.model.inventory.CodedValue;
import org.custodian.ui.common.I18n;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One question on the answering view: its number, text and help, the control its type calls for, a note, and its
 * evidence. Every change is handed on at once (typing: after a short pause, or when the field is left), so the
 * workspace saves it; a refused value stays in the field with the reason under it.
 */
final class QuestionCard extends VBox {

    /** What the card hands on. */
    interface Listener {
        void value(String questionId, String value);

        void note(String questionId, String note);

        void addFile(String questionId);

        void addReference(String questionId);

        void openEvidence(Evidence e);

        void removeEvidence(Evidence e);
    }

    /** Dataset codes and agreement references as the inventory writes them (HD-CCTV-0001, DSA-2026-012). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+");

    private final Question question;
    private final I18n i18n;
    private final Listener listener;
    private final Label error = new Label();
    private final Label prefill = new Label();
    private final VBox evidenceBox = new VBox(2);
    private final List<Control> inputs = new ArrayList<>();
    private final TextArea note = new TextArea();
    private Consumer<Answer> show = a -> { };
    private final List<Runnable> flushes = new ArrayList<>();
    private boolean updating;

    QuestionCard(Question question, String number, I18n i18n, Listener listener) {
        super(6);
        this.question = question;
        this.i18n = i18n;
        this.listener = listener;
        getStyleClass().add("question-card");
        setId("question-" + question.id());
        Label num = new Label(number);
        num.getStyleClass().add("question-number");
        num.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(question.text().in(i18n.locale()));
        text.getStyleClass().add("question-text");
        text.setWrapText(true);
        HBox head = new HBox(8, num, text);
        if (question.required()) {
            Label mark = new Label("*");
            mark.getStyleClass().add("required-mark");
            mark.setAccessibleText(i18n.tr("form.required"));
            head.getChildren().add(mark);
        }
        Label help = new Label(question.help().in(i18n.locale()));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        prefill.getStyleClass().add("prefill-note");
        prefill.setWrapText(true);
        prefill.managedProperty().bind(prefill.visibleProperty());
        prefill.setVisible(false);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        Node control = control();
        note.setPromptText(i18n.tr("assessment.note.prompt"));
        note.setPrefRowCount(1);
        note.setWrapText(true);
        note.setId("note-" + question.id());
        note.setAccessibleText(i18n.tr("assessment.note") + " " + number);
        typed(note, t -> listener.note(question.id(), t));
        inputs.add(note);
        Button addFile = new Button(i18n.tr("assessment.evidence.file"), new FontIcon(Material2OutlinedAL.ATTACH_FILE));
        addFile.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        addFile.setOnAction(e -> listener.addFile(question.id()));
        Button addRef = new Button(i18n.tr("assessment.evidence.reference"), new FontIcon(Material2OutlinedAL.LINK));
        addRef.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        addRef.setOnAction(e -> listener.addReference(question.id()));
        inputs.add(addFile);
        inputs.add(addRef);
        Label evidenceNeeded = new Label(i18n.tr("assessment.evidence.expected"));
        evidenceNeeded.getStyleClass().add(Styles.TEXT_MUTED);
        evidenceNeeded.setVisible(question.evidenceRequired());
        evidenceNeeded.managedProperty().bind(evidenceNeeded.visibleProperty());
        HBox evidenceRow = new HBox(6, addFile, addRef, evidenceNeeded);
        evidenceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, help, prefill, control, error, note, evidenceBox, evidenceRow);
        setPadding(new Insets(10, 12, 10, 12));
    }

    /** Hands on text still waiting for the typing pause (the window is closing or the page is rebuilt). */
    void flush() {
        flushes.forEach(Runnable::run);
    }

    String questionId() {
        return question.id();
    }

    /** Shows the stored answer (without handing it back as a change). */
    void show(Answer a, List<Evidence> evidence) {
        updating = true;
        try {
            show.accept(a == null ? Answer.empty(question.id()) : a);
            if (!note.isFocused()) {
                note.setText(a == null ? "" : a.note());
            }
            boolean pre = a != null && !a.prefilledFrom().isEmpty() && question.prefill() != null
                    && (a.value().equals("yes") || a.value().equals("no"));
            prefill.setVisible(pre);
            prefill.setText(pre ? prefillText(a) : "");
            if (pre) {
                prefill.setTooltip(new Tooltip(a.prefilledFrom()));
            }
        } finally {
            updating = false;
        }
        evidenceBox.getChildren().clear();
        for (Evidence e : evidence) {
            Hyperlink open = new Hyperlink(e.isFile() ? e.fileName() : e.reference(),
                    new FontIcon(e.isFile() ? Material2OutlinedAL.INSERT_DRIVE_FILE : Material2OutlinedAL.LINK));
            open.setOnAction(x -> listener.openEvidence(e));
            open.setDisable(!e.isFile());
            if (e.isFile()) {
                open.setTooltip(new Tooltip("SHA-256 " + e.sha256()));
            }
            Button remove = new Button(null, new FontIcon(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setAccessibleText(i18n.tr("assessment.evidence.remove"));
            remove.setTooltip(new Tooltip(i18n.tr("assessment.evidence.remove")));
            remove.setOnAction(x -> listener.removeEvidence(e));
            remove.disableProperty().bind(note.editableProperty().not());
            HBox row = new HBox(4, open, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            evidenceBox.getChildren().add(row);
        }
    }

    /** The pre-fill in the user's language, naming the datasets and agreements the stored record names. */
    private String prefillText(Answer a) {
        java.util.regex.Matcher m = CODE.matcher(a.prefilledFrom());
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        while (m.find()) {
            codes.add(m.group());
        }
        return i18n.tr("assessment.prefilled." + question.prefill().code() + "." + a.value(), String.join(", ", codes));
    }

    void setError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null && !message.isEmpty());
    }

    /** Text stays readable (and copyable) when the answers may not change; choices are disabled. */
    void setEditable(boolean editable) {
        for (Control c : inputs) {
            if (c instanceof TextInputControl t) {
                t.setEditable(editable);
            } else {
                c.setDisable(!editable);
            }
        }
    }

    /** The first control, for keyboard focus. */
    void focusAnswer() {
        if (!inputs.isEmpty()) {
            inputs.get(0).requestFocus();
        }
    }

    private Node control() {
        return switch (question.type()) {
            // A screening question that can force the highest level has no "not applicable".
            case YES_NO -> choices(question.knockOut().isEmpty() ? YesNo.VALUES
                    : YesNo.VALUES.stream().filter(v -> !v.equals("na")).toList(),
                    v -> i18n.tr(CodedValue.parse(YesNo.class, v).labelKey()), true);
            case SINGLE -> choices(question.options().stream().map(AnswerOption::value).toList(),
                    v -> question.option(v).label().in(i18n.locale()), false);
            case MULTIPLE -> multiple();
            case RATING -> rating();
            case TEXT -> {
                TextArea area = new TextArea();
                area.setWrapText(true);
                area.setPrefRowCount(3);
                yield free(area);
            }
            case NUMBER, DATE -> {
                TextField field = new TextField();
                field.setPromptText(question.type() == org.custodian.model.assessment.QuestionType.DATE ? "YYYY-MM-DD"
                        : i18n.tr("assessment.number.prompt"));
                field.setMaxWidth(220);
                yield free(field);
            }
        };
    }

    private Node choices(List<String> values, java.util.function.Function<String, String> label, boolean across) {
        ToggleGroup group = new ToggleGroup();
        List<RadioButton> buttons = new ArrayList<>();
        for (String v : values) {
            RadioButton b = new RadioButton(label.apply(v));
            b.setUserData(v);
            b.setToggleGroup(group);
            b.setMnemonicParsing(false);
            b.setWrapText(true);
            b.setId("answer-" + question.id() + "-" + v);
            buttons.add(b);
            inputs.add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (!updating) {
                listener.value(question.id(), t == null ? "" : (String) t.getUserData());
            }
        });
        show = a -> group.selectToggle(buttons.stream().filter(b -> b.getUserData().equals(a.value())).findFirst()
                .orElse(null));
        Button clear = clearButton(() -> group.selectToggle(null));
        if (across) {
            HBox row = new HBox(16);
            row.getChildren().addAll(buttons);
            row.getChildren().add(clear);
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }
        VBox column = new VBox(4);
        column.getChildren().addAll(buttons);
        column.getChildren().add(clear);
        return column;
    }

    private Node multiple() {
        List<CheckBox> boxes = new ArrayList<>();
        for (AnswerOption o : question.options()) {
            CheckBox c = new CheckBox(o.label().in(i18n.locale()));
            c.setUserData(o.value());
            c.setMnemonicParsing(false);
            c.setWrapText(true);
            c.setId("answer-" + question.id() + "-" + o.value());
            c.selectedProperty().addListener((obs, a, b) -> {
                if (!updating) {
                    listener.value(question.id(), Answer.join(boxes.stream().filter(CheckBox::isSelected)
                            .map(x -> (String) x.getUserData()).toList()));
                }
            });
            boxes.add(c);
            inputs.add(c);
        }
        show = a -> boxes.forEach(c -> c.setSelected(a.values().contains((String) c.getUserData())));
        FlowPane pane = new FlowPane(14, 4);
        pane.getChildren().addAll(boxes);
        return pane;
    }

    private Node rating() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(4);
        List<ToggleButton> buttons = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ToggleButton b = new ToggleButton(String.valueOf(i));
            b.setUserData(String.valueOf(i));
            b.setToggleGroup(group);
            b.setId("answer-" + question.id() + "-" + i);
            b.setAccessibleText(i18n.tr("assessment.rating", i));
            buttons.add(b);
            inputs.add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (!updating) {
                listener.value(question.id(), t == null ? "" : (String) t.getUserData());
            }
        });
        show = a -> group.selectToggle(buttons.stream().filter(b -> b.getUserData().equals(a.value())).findFirst()
                .orElse(null));
        Label scale = new Label(i18n.tr("assessment.rating.scale"));
        scale.getStyleClass().add(Styles.TEXT_MUTED);
        row.getChildren().addAll(buttons);
        row.getChildren().add(scale);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(scale, new Insets(0, 0, 0, 8));
        return row;
    }

    private Node free(TextInputControl field) {
        field.setId("answer-" + question.id());
        field.setAccessibleText(question.text().in(i18n.locale()));
        typed(field, t -> listener.value(question.id(), t));
        inputs.add(field);
        show = a -> {
            if (!field.isFocused()) {
                field.setText(a.value());
            }
        };
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private Button clearButton(Runnable clear) {
        Button b = new Button(i18n.tr("assessment.clear"));
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setOnAction(e -> clear.run());
        inputs.add(b);
        return b;
    }

    /** Hands typed text on after a pause, and at once when the field loses focus. */
    private void typed(TextInputControl field, Consumer<String> sink) {
        PauseTransition pause = new PauseTransition(Duration.millis(600));
        String[] last = {null};
        Runnable flush = () -> {
            pause.stop();
            String t = field.getText();
            if (!updating && !t.equals(last[0])) {
                last[0] = t;
                sink.accept(t);
            }
        };
        pause.setOnFinished(e -> flush.run());
        flushes.add(() -> {
            if (pause.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                flush.run();
            }
        });
        field.textProperty().addListener((o, a, b) -> {
            if (updating) {
                last[0] = b;
            } else {
                pause.playFromStart();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                flush.run();
            }
        });
    }
}
