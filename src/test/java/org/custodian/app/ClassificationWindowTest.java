package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.Dataset;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * Classification in the real window, headless: the dataset's classification panel, a downgrade refused in the
 * reclassify dialog until an approver and a justification are given, the reviews-due queue (overdue first) with
 * an access review completed from it, and the scheme page.
 */
class ClassificationWindowTest extends WorkbenchWindowTest {

    private static final String CONFIDENTIAL_DATASET = "TD-DL-0001";

    @Override
    int waitSeconds() {
        return 30;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private String level(String code) {
        return session().inventory().findByCode(code).map(Dataset::classification).orElseThrow();
    }

    private Button button(String text) {
        return lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.isVisible())
                .queryAs(Button.class);
    }

    private void type(String id, String text) {
        interact(() -> lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    @Test
    void aDowngradeNeedsItsApproverInTheDialogAndTheQueueCompletesAReview() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().datasets() == 302);
        assertEquals("CONFIDENTIAL", level(CONFIDENTIAL_DATASET));
        long overdue = session().classification().overdueCount();
        assertTrue(overdue > 0, "the sample has overdue reviews");
        waitUntil("the sidebar counts the overdue reviews", () -> lookup("#nav-reviews-overdue").queryAs(Label.class)
                .getText().equals(String.format(java.util.Locale.ENGLISH, "%,d", overdue)));
        int decisionsBefore = session().classification().decisions(session().inventory()
                .findByCode(CONFIDENTIAL_DATASET).orElseThrow().id()).size();

        // The dataset's classification panel: level, rules, timeline.
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<Dataset> datasets = table("#dataset-table");
        waitUntil("the first page shows", () -> datasets.getItems().size() == 100);
        type("#dataset-search", "Driving Licence Register");
        waitUntil("the search finds the dataset", () -> datasets.getItems().stream()
                .anyMatch(d -> d.code().equals(CONFIDENTIAL_DATASET)));
        interact(() -> datasets.getSelectionModel().clearAndSelect(datasets.getItems().indexOf(datasets.getItems()
                .stream().filter(d -> d.code().equals(CONFIDENTIAL_DATASET)).findFirst().orElseThrow())));
        waitUntil("the editor opens", () -> lookup("#dataset-editor").query().isVisible());
        javafx.scene.control.Hyperlink link = lookup("#dataset-reclassify-link").queryAs(javafx.scene.control.Hyperlink.class);
        waitUntil("the level's link shows", link::isVisible);
        interact(link::fire);
        waitUntil("the classification panel shows the timeline", () -> lookup("#classification-panel").query()
                .isVisible() && lookup((Node n) -> n.getStyleClass().contains("timeline-entry")).queryAll().size()
                >= decisionsBefore);
        shot(stage, "20-classification-panel");

        // Reclassify one level down: refused until an approver and a justification are given.
        clickOn("#classify-button");
        waitUntil("the reclassify dialog opens", () -> lookup("#reclassify-form").tryQuery().isPresent());
        javafx.stage.Window dialog = lookup("#reclassify-form").query().getScene().getWindow();
        interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> levelBox = lookup("#classify-level").queryAs(ComboBox.class);
            levelBox.setValue("RESTRICTED");
        });
        type("#classify-rationale", "The licence photographs moved to a separate register.");
        waitUntil("the dialog says an approver is needed", () -> lookup("#classify-approval-needed").query()
                .isVisible());
        clickOn(button("Record decision"));
        waitUntil("the dialog stays open with the approver's message", () -> lookup((Node n) ->
                n instanceof Label l && l.getStyleClass().contains("field-error") && l.isVisible()
                        && l.getText().contains("needs an approver")).tryQuery().isPresent());
        assertTrue(dialog.isShowing());
        assertEquals("CONFIDENTIAL", level(CONFIDENTIAL_DATASET), "nothing was recorded");
        shot(dialog, "21-reclassify-refused");

        type("#classify-approved-by", "Wong Siu-ming (Assistant Commissioner)");
        type("#classify-justification", "Photographs removed; the register no longer identifies faces.");
        clickOn(button("Record decision"));
        waitUntil("the downgrade is recorded", () -> "RESTRICTED".equals(level(CONFIDENTIAL_DATASET)));
        waitUntil("the dialog closes", () -> !dialog.isShowing());
        waitUntil("the panel shows the new decision", () -> lookup((Node n) -> n.getStyleClass()
                .contains("timeline-entry")).queryAll().size() >= decisionsBefore + 1);
        shot(stage, "22-classification-after-downgrade");

        // A proposal changes nothing until the decider confirms it.
        clickOn("#classify-button");
        waitUntil("the reclassify dialog opens again", () -> lookup("#reclassify-form").tryQuery().isPresent());
        interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> levelBox = lookup("#classify-level").queryAs(ComboBox.class);
            levelBox.setValue("CONFIDENTIAL");
            lookup("#classify-proposal").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        type("#classify-rationale", "Licence photographs to be merged back next year.");
        type("#classify-proposed-by", "Chan Tai-man (Senior Licensing Officer)");
        clickOn(button("Record decision"));
        waitUntil("the proposal waits on the level card", () -> lookup(".pending-proposal").query().isVisible());
        shot(stage, "22b-proposal-pending");
        assertEquals("RESTRICTED", level(CONFIDENTIAL_DATASET), "a proposal sets no level");
        clickOn("#confirm-proposal");
        waitUntil("the dialog opens with the proposal", () -> lookup("#reclassify-form").tryQuery().isPresent()
                && "Licence photographs to be merged back next year.".equals(
                lookup("#classify-rationale").queryAs(TextInputControl.class).getText()));
        clickOn(button("Record decision"));
        waitUntil("the confirmed proposal sets the level", () -> "CONFIDENTIAL".equals(level(CONFIDENTIAL_DATASET)));
        waitUntil("no proposal waits any more", () -> !lookup(".pending-proposal").query().isVisible());

        // The queue: overdue first; an access review completed from it leaves it.
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals(Page.REVIEWS, model.pageProperty().get());
        TableView<DueReview> queue = table("#reviews-table");
        waitUntil("the queue shows", () -> !queue.getItems().isEmpty());
        LocalDate today = LocalDate.now();
        List<DueReview> shown = List.copyOf(queue.getItems());
        boolean seenNotOverdue = false;
        for (DueReview r : shown) {
            seenNotOverdue |= !r.overdue(today);
            assertFalse(seenNotOverdue && r.overdue(today), "overdue reviews come first: " + r);
        }
        shot(stage, "23-reviews-due");
        interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<ReviewKind> kind = lookup("#reviews-kind").queryAs(ComboBox.class);
            kind.setValue(ReviewKind.ACCESS);
            @SuppressWarnings("unchecked")
            ComboBox<Integer> within = lookup("#reviews-within").queryAs(ComboBox.class);
            within.setValue(0);
        });
        waitUntil("only overdue access reviews show", () -> !queue.getItems().isEmpty() && queue.getItems().stream()
                .allMatch(r -> r.kind() == ReviewKind.ACCESS && r.overdue(today)));
        DueReview first = queue.getItems().get(0);
        interact(() -> queue.getSelectionModel().clearAndSelect(0));
        clickOn("#reviews-complete");
        waitUntil("the access review dialog opens", () -> lookup("#access-review-form").tryQuery().isPresent());
        javafx.stage.Window accessDialog = lookup("#access-review-form").query().getScene().getWindow();
        type("#access-scope", "14 named accounts in group TD-Licensing; 1 service account");
        type("#access-findings", "One account of an officer posted out still active.");
        shot(accessDialog, "24-access-review");
        clickOn(button("Record review"));
        waitUntil("the reviewed dataset leaves the overdue list", () -> queue.getItems().stream()
                .noneMatch(r -> r.datasetId().equals(first.datasetId())));
        assertEquals(1, session().classification().accessReviews(first.datasetId()).stream()
                .filter(r -> r.reviewer().equals("ui-officer")).count());

        // Through the model: the scheme page's place in the sidebar (and so its shortcut) is not fixed.
        interact(() -> model.pageProperty().set(Page.SCHEME));
        waitUntil("the scheme's levels show", () -> lookup(".scheme-level").queryAll().size() == 5);
        shot(stage, "25-scheme");
    }
}
