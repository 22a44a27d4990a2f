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
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.custodian.logic.report.Reports;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.ReportLanguage;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * Reports from the window, headless: Ctrl+P on an assessment opens the preview with its pages laid out, a marking
 * that cannot go below the data's level, another language laid out again, and Save as PDF writing the very report
 * shown with its fingerprint in the audit log; the inventory's Report button prints the filtered register.
 */
class ReportsWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private Stage preview(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(titleStart)).map(w -> (Stage) w).findFirst()
                .orElse(null);
    }

    private <T extends Node> T in(Stage s, String id, Class<T> type) {
        return type.cast(s.getScene().lookup(id));
    }

    private static String status(Stage s) {
        Label l = (Label) s.getScene().lookup("#report-status");
        return l == null ? "" : l.getText();
    }

    private static int pagesShown(Stage s) {
        return ((VBox) s.getScene().lookup("#report-pages")).getChildren().size();
    }

    @Test
    void anAssessmentIsPreviewedMarkedAndSavedAsTheReportShown() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().datasets() == 302
                && session().assessments().total() > 0);

        press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        assertEquals(Page.ASSESSMENTS, model.pageProperty().get());
        @SuppressWarnings("unchecked")
        TableView<Assessment> table = lookup("#assessment-table").queryAs(TableView.class);
        waitUntil("the assessments list", () -> table.getItems().stream()
                .anyMatch(a -> a.reference().equals("AS-2026-001")));
        interact(() -> {
            Assessment first = table.getItems().stream().filter(a -> a.reference().equals("AS-2026-001"))
                    .findFirst().orElseThrow();
            table.getSelectionModel().select(first);
            table.requestFocus();
        });
        press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitUntil("the preview opens", () -> preview("Assessment report") != null);
        Stage preview = preview("Assessment report");
        waitUntil("the pages are laid out", () -> status(preview).contains("pages"));
        int pages = Integer.parseInt(status(preview).split(" ")[0]);
        assertTrue(pages >= 5, status(preview));
        assertEquals(pages, pagesShown(preview), "every page is shown");
        assertTrue(status(preview).contains("RESTRICTED"), status(preview));

        // The marking offers the data's level and above, never below it.
        @SuppressWarnings("unchecked")
        ComboBox<ClassificationLevel> marking = in(preview, "#report-marking", ComboBox.class);
        assertEquals("RESTRICTED", marking.getValue().code());
        assertFalse(marking.getItems().stream().anyMatch(ClassificationLevel::isUnclassified));
        shot(preview, "50-report-preview");

        // Another language is laid out again in the background.
        @SuppressWarnings("unchecked")
        ComboBox<ReportLanguage> language = in(preview, "#report-language", ComboBox.class);
        interact(() -> language.setValue(ReportLanguage.BOTH));
        waitUntil("the bilingual report is laid out", () -> status(preview).contains("pages")
                && !in(preview, "#report-save-pdf", Button.class).isDisabled()
                && Integer.parseInt(status(preview).split(" ")[0]) != pages);

        // A raised marking, then Save as PDF: the file is the report shown, and its fingerprint is on record.
        ClassificationLevel confidential = marking.getItems().stream().filter(l -> l.code().equals("CONFIDENTIAL"))
                .findFirst().orElseThrow();
        interact(() -> marking.setValue(confidential));
        waitUntil("the report is marked CONFIDENTIAL", () -> status(preview).contains("CONFIDENTIAL")
                && !in(preview, "#report-save-pdf", Button.class).isDisabled());
        Path out = home.resolve("as-2026-001.pdf");
        dialogs.files.add(out);
        clickOn(in(preview, "#report-save-pdf", Button.class));
        waitUntil("the PDF is written", () -> Files.exists(out) && dialogs.notified.stream()
                .anyMatch(n -> n.contains("as-2026-001.pdf")));
        String fingerprint = Reports.fingerprintOf(out);
        assertTrue(status(preview).contains(fingerprint.substring(0, 16)), "the file is the report shown");
        assertEquals(1, session().reports().recorded(fingerprint).size(), "its fingerprint is in the audit log");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("CONFIDENTIAL 機密"), "marked as chosen");
            assertTrue(text.contains("第 1 頁"), "both languages");
        }
        interact(preview::close);

        // The inventory register follows the list's filters.
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals(Page.DATASETS, model.pageProperty().get());
        clickOn("#datasets-report");
        waitUntil("the register preview opens", () -> preview("Inventory register") != null);
        Stage register = preview("Inventory register");
        waitUntil("the register is laid out", () -> status(register).contains("pages"));
        assertTrue(status(register).contains("SECRET"), "the sample's highest level: " + status(register));
        shot(register, "51-inventory-register-preview");
        interact(register::close);
        assertTrue(dialogs.notified.stream().noneMatch(n -> n.startsWith("error")), dialogs.notified.toString());
    }
}
