package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.ui.shell.MainWindowViewModel;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real shell headless, loads the sample, navigates, switches language and theme. */
class ShellTest extends ApplicationTest {

    @TempDir
    static Path home;

    MainWindowViewModel model;
    Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        UserPaths paths = new UserPaths(home.resolve("custodian-" + System.nanoTime()));
        model = WorkbenchApp.wire(stage, paths, "ui-officer");
        model.openAtStart(null, paths.defaultWorkbench());
    }

    @Override
    public void stop() {
        interact(() -> stage.hide()); // runs the same shutdown as closing the window
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            shot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void shot(String name) {
        shot(stage, name);
    }

    private void shot(javafx.stage.Window window, String name) {
        interact(() -> {
            try {
                Screenshots.write(window.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Clicks through a menu path by the visible labels (old menus linger in hidden popups after a rebuild). */
    private void menu(String... labels) {
        for (String label : labels) {
            javafx.scene.Node target = lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                    && label.equals(l.getText()) && n.getScene() != null && n.getScene().getWindow() != null
                    && n.getScene().getWindow().isShowing() && n.isVisible()).query();
            clickOn(target);
        }
    }

    private javafx.stage.Window aboutWindow() {
        return shownWindow("About Custodian");
    }

    private static javafx.stage.Window shownWindow(String title) {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s
                && title.equals(s.getTitle()) && s.isShowing()).findFirst().orElse(null);
    }

    /** Fires a menu item of the current menu bar by its labels, as the keyboard would. */
    private void fireMenu(String... labels) {
        interact(() -> fireMenuNow(labels));
    }

    private void fireMenuNow(String... labels) {
        {
            javafx.scene.control.MenuBar bar = lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.MenuBar
                    && n.getScene() != null).query();
            java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>(bar.getMenus());
            javafx.scene.control.MenuItem found = null;
            for (String label : labels) {
                found = items.stream().filter(i -> label.equals(i.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item " + label));
                items = found instanceof javafx.scene.control.Menu m ? new java.util.ArrayList<>(m.getItems())
                        : java.util.List.of();
            }
            found.fire();
        }
    }

    @Test
    void theShellLoadsTheSampleNavigatesAndSwitchesLanguageAndTheme() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        FxRobot robot = this;
        waitUntil("the empty workbench offers the sample", () -> robot.lookup("#load-sample").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        shot("01-empty-workbench");

        clickOn("#load-sample");
        waitUntil("the sample loads", () -> model.summaryProperty().get() != null
                && !model.summaryProperty().get().isEmpty());
        Label counts = lookup("#status-counts").queryAs(Label.class);
        waitUntil("the status bar counts the records", () -> counts.getText().startsWith("302 datasets · 130 organisations"));
        assertEquals(Page.DASHBOARD, model.pageProperty().get(), "the loaded sample shows where it stands");
        interact(() -> model.pageProperty().set(Page.WORKBENCH));
        shot("02-workbench-loaded");

        clickOn("#nav-reference-lists");
        assertEquals(Page.REFERENCE_LISTS, model.pageProperty().get());
        @SuppressWarnings("unchecked")
        TableView<ReferenceEntry> table = lookup("#reference-table").queryAs(TableView.class);
        waitUntil("the first page shows", () -> table.getItems().size() == 100);
        clickOn("#reference-search");
        write("transport dep");
        waitUntil("typing filters the list", () -> table.getItems().size() == 1
                && "hk-td".equals(table.getItems().get(0).code()));
        // The robot cannot type CJK through an input method; set the text as an IME would commit it.
        interact(() -> lookup("#reference-search").queryTextInputControl().setText("運輸"));
        waitUntil("Chinese search finds the Transport Department",
                () -> table.getItems().size() < 20 && table.getItems().stream().anyMatch(e -> "hk-td".equals(e.code())));
        interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(e -> "hk-td".equals(e.code())).findFirst().orElseThrow()));
        waitUntil("the drawer shows the history", () -> !lookup("#reference-history")
                .queryListView().getItems().isEmpty());
        shot("03-reference-lists-search");
        clickOn("#reference-search");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("Esc closes the drawer", () -> table.getSelectionModel().getSelectedItem() == null
                && !lookup("#reference-history").query().getParent().isVisible());

        // The About box shows the audit head so it can be copied and written down.
        String head = model.summaryProperty().get().auditHead().asText();
        javafx.application.Platform.runLater(() -> fireMenuNow("Help", "About Custodian"));
        waitUntil("the About box opens", () -> aboutWindow() != null);
        javafx.stage.Window about = aboutWindow();
        assertTrue(lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TextField f
                && head.equals(f.getText())).tryQuery().isPresent(), "the About box shows " + head);
        shot(about, "06-about");
        clickOn("Close");
        waitUntil("the About box closes", () -> aboutWindow() == null);

        press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("F1 opens the shortcuts sheet", () -> shownWindow("Keyboard shortcuts") != null);
        javafx.stage.Window sheet = shownWindow("Keyboard shortcuts");
        assertTrue(lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TextField f
                && "Ctrl+F".equals(f.getText())).tryQuery().isPresent(), "the sheet lists Ctrl+F");
        shot(sheet, "07-shortcuts");
        clickOn("Close");
        waitUntil("the sheet closes", () -> shownWindow("Keyboard shortcuts") == null);

        interact(() -> model.pageProperty().set(Page.DASHBOARD));
        // The workbench page's own shortcut, wherever the sidebar's order puts it.
        KeyCode digit = Page.WORKBENCH.accelerator().orElseThrow().getCode();
        press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        waitUntil("its shortcut opens the workbench page", () -> model.pageProperty().get() == Page.WORKBENCH);

        menu("View", "Language", "繁體中文 (Traditional Chinese)");
        waitUntil("the sidebar speaks Chinese", () -> lookup("#nav-reference-lists").queryAs(ToggleButton.class)
                .getText().equals("參考清單"));
        assertEquals(Page.WORKBENCH, model.pageProperty().get(), "the page survives the switch");
        Label zhCounts = lookup("#status-counts").queryAs(Label.class);
        assertEquals("302 個數據集 · 130 個機構 · 20 個類別 · 38 種格式", zhCounts.getText());
        shot("04-workbench-zh");

        fireMenu("檢視", "主題", "深色");
        waitUntil("the dark theme applies", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        clickOn("#nav-reference-lists");
        waitUntil("the list shows in Chinese", () -> ((TableView<?>) lookup("#reference-table").query())
                .getColumns().get(0).getText().equals("代碼"));
        shot("05-reference-lists-zh-dark");

        fireMenu("檢視", "主題", "淺色");
        waitUntil("back to light", () -> Application.getUserAgentStylesheet().contains("primer-light"));
        fireMenu("檢視", "語言", "English（英文）");
        waitUntil("back to English", () -> lookup("#nav-workbench").queryAs(ToggleButton.class).getText()
                .equals("Workbench"));
    }
}
