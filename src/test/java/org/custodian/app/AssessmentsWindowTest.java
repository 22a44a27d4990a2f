package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * A short assessment answered end to end in the real window, headless: started from a department template, each
 * answer saved as it is given (the store holds it before anything else is clicked), a follow-up question appearing
 * only when its condition holds, the score explained, submitted as the assessor, and the same person refused when
 * they try to approve their own submission.
 */
class AssessmentsWindowTest extends WorkbenchWindowTest {

    private static final String TEMPLATE = """
            template: short-check
            version: "1.0"
            title: {en: "Short AI check", zh: "簡短人工智能檢查"}
            description: {en: "Five questions", zh: "五條問題"}
            source: "Custodian test template"
            scoring:
              method: risk
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: medium, title: {en: Medium, zh: 中}, from: 25}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: basics
                title: {en: "Basics", zh: "基本"}
                questions:
                  - id: uses-personal-data
                    type: yes-no
                    text: {en: "Does the system use personal data?", zh: "系統是否使用個人資料？"}
                    help: {en: "Any data about an identifiable person.", zh: "任何可識別個人的資料。"}
                    points: {yes: 2, partial: 1, no: 0}
                    required: true
                  - id: which-data
                    type: text
                    text: {en: "Which personal data, and why is each needed?", zh: "哪些個人資料，為何需要？"}
                    help: {en: "List each item with its purpose.", zh: "逐項列出及其用途。"}
                    show_if: {equals: {question: uses-personal-data, value: yes}}
                    required: true
                  - id: oversight
                    type: single
                    text: {en: "Who reviews the system's decisions?", zh: "誰覆核系統的決定？"}
                    help: {en: "Pick the closest.", zh: "選最接近的。"}
                    options:
                      - {value: human-every, label: {en: "A person reviews every decision", zh: "每項決定都由人覆核"}, points: 0}
                      - {value: sample, label: {en: "A sample is reviewed", zh: "抽樣覆核"}, points: 1}
                      - {value: none, label: {en: "No one", zh: "沒有人"}, points: 3}
                  - id: impact
                    type: rating
                    text: {en: "How serious is a wrong decision for the person?", zh: "錯誤決定對當事人有多嚴重？"}
                    help: {en: "1 trivial, 5 life-changing.", zh: "1 輕微，5 改變人生。"}
                  - id: people
                    type: number
                    text: {en: "How many people does it affect each year?", zh: "每年影響多少人？"}
                    help: {en: "An estimate is fine.", zh: "估計即可。"}
            """;

    @Override
    int waitSeconds() {
        return 30;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private Button button(String text) {
        return lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.isVisible())
                .queryAs(Button.class);
    }

    private void type(String id, String text) {
        interact(() -> lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    private void selectTab(String id) {
        interact(() -> {
            Tab tab = lookup((Node n) -> n instanceof TabPane).queryAllAs(TabPane.class).stream()
                    .flatMap(p -> p.getTabs().stream()).filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
            tab.getTabPane().getSelectionModel().select(tab);
        });
    }

    /** Controls further down the section may be below the fold: fire them as the keyboard would. */
    private void fire(String id) {
        interact(() -> lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
    }

    /** Types into a field and leaves it, as a user tabbing on would. */
    private void fill(String id, String text) {
        interact(() -> {
            TextInputControl field = lookup(id).queryAs(TextInputControl.class);
            field.requestFocus();
            field.setText(text);
            lookup("#assessment-sections").query().requestFocus();
        });
    }

    private AssessmentRecord stored() {
        Assessment a = session().assessments().list(null).get(0);
        return session().assessments().load(a.key()).orElseThrow();
    }

    private String stored(String question) {
        var answer = stored().answers().get(question);
        return answer == null ? "" : answer.value();
    }

    @Test
    void aShortAssessmentIsAnsweredScoredAndSubmitted() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        Path folder = session().assessments().catalog().departmentFolder();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("short-check.yaml"), TEMPLATE);

        press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        assertEquals(Page.ASSESSMENTS, model.pageProperty().get());
        clickOn("#assessment-new");
        waitUntil("the new assessment form opens", () -> lookup("#new-template").tryQuery().isPresent());
        interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<org.custodian.logic.assessment.TemplateCatalog.Entry> box =
                    lookup("#new-template").queryAs(ComboBox.class);
            box.setValue(box.getItems().stream().filter(e -> e.template().id().equals("short-check")).findFirst()
                    .orElseThrow());
        });
        type("#new-subject", "Licence triage model");
        assertEquals("Short AI check — Licence triage model",
                lookup("#new-title").queryAs(TextInputControl.class).getText(), "the title follows the subject");
        clickOn(button("Start assessment"));
        waitUntil("the workspace opens", () -> lookup("#assessment-workspace").query().isVisible());
        assertEquals(1, session().assessments().total());

        // The follow-up shows only once personal data is answered yes; each answer is in the store at once.
        Node followUp = lookup("#question-which-data").query();
        assertFalse(followUp.isVisible(), "hidden until its condition holds");
        clickOn("#answer-uses-personal-data-yes");
        waitUntil("the yes is saved", () -> stored("uses-personal-data").equals("yes"));
        waitUntil("the follow-up appears", followUp::isVisible);
        clickOn("#answer-which-data");
        write("Name and licence number, to match the application.");
        clickOn("#answer-oversight-sample");
        waitUntil("typed text is saved when the field is left", () -> stored("which-data")
                .equals("Name and licence number, to match the application."));
        waitUntil("the choice is saved", () -> stored("oversight").equals("sample"));
        fire("#answer-impact-4");
        fill("#answer-people", "12x00");
        waitUntil("a number that is not one is refused under the question",
                () -> lookup((Node n) -> n instanceof Label l && l.getText().contains("is not a number")
                        && l.isVisible()).tryQuery().isPresent());
        assertEquals("", stored("people"), "nothing invalid is written");
        fill("#answer-people", "12000");
        fill("#note-people", "From the 2025 application count.");
        waitUntil("the number and the note are saved", () -> stored("people").equals("12000")
                && stored().answers().get("people").note().equals("From the 2025 application count."));
        waitUntil("the rating is saved", () -> stored("impact").equals("4"));
        assertTrue(session().assessments().history(stored().assessment().key()).stream()
                .anyMatch(e -> e.action().equals("answer")), "every answer is in the audit trail");
        shot(stage, "40-assessment-answering");

        // Score: 2 + 1 + 3 of 2 + 3 + 4 points = 6 / 9 = 67 % → high; the explanation lists every question.
        selectTab("tab-score");
        waitUntil("the level shows", () -> lookup("#score-level").queryAs(Label.class).getText()
                .equals("Level: High (risk 67 %)"));
        interact(() -> lookup("#score-how").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        @SuppressWarnings("unchecked")
        TableView<Object> lines = lookup("#score-lines").queryAs(TableView.class);
        assertEquals(5, lines.getItems().size());
        shot(stage, "41-assessment-score");

        // Hiding the follow-up keeps its answer, marked inactive and not counted.
        selectTab("tab-answers");
        fire("#answer-uses-personal-data-no");
        waitUntil("the follow-up hides and its answer is kept inactive", () -> !followUp.isVisible()
                && stored().answers().get("which-data") != null && !stored().answers().get("which-data").active());
        fire("#answer-uses-personal-data-yes");
        waitUntil("it shows again with the answer", () -> followUp.isVisible()
                && stored().answers().get("which-data").active());

        // Submit as the assessor; approving one's own submission is refused in the dialog.
        clickOn("#workflow-submitted");
        waitUntil("the workflow dialog opens", () -> lookup("#workflow-role").tryQuery().isPresent());
        shot(lookup("#workflow-role").query().getScene().getWindow(), "42-assessment-submit");
        clickOn(lookup((Node n) -> n instanceof Button b && "Submit".equals(b.getText())
                && b.getScene().getWindow() != stage).queryAs(Button.class));
        waitUntil("it is submitted", () -> stored().assessment().status() == AssessmentStatus.SUBMITTED);
        assertEquals("ui-officer", stored().steps().get(0).actor());
        waitUntil("the approve button shows", () -> lookup("#workflow-approved").tryQuery().isPresent());
        clickOn("#workflow-approved");
        waitUntil("the approval dialog opens", () -> lookup("#workflow-role").tryQuery().isPresent());
        clickOn(lookup((Node n) -> n instanceof Button b && "Approve".equals(b.getText())
                && b.getScene().getWindow() != stage).queryAs(Button.class));
        waitUntil("the dialog says why not", () -> lookup("#workflow-error").queryAs(Label.class).getText()
                .contains("ui-officer submitted this assessment and cannot also decide on it"));
        clickOn(button("Cancel"));
        assertEquals(AssessmentStatus.SUBMITTED, stored().assessment().status());
        assertEquals(1, stored().steps().size());
    }
}
