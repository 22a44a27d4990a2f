package org.custodian.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.custodian.ui.shell.MainWindowViewModel;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a new default workbench, headless, for the window tests: waiting for background work with
 * a screenshot when it times out, and screenshots of any window to target/screenshots.
 */
abstract class WorkbenchWindowTest extends ApplicationTest {

    @TempDir
    static Path home;

    MainWindowViewModel model;
    Stage stage;
    ScriptedFileChoosers dialogs;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        UserPaths paths = new UserPaths(home.resolve("custodian-" + System.nanoTime()));
        model = WorkbenchApp.wire(stage, paths, "ui-officer", real -> dialogs = new ScriptedFileChoosers(real));
        model.openAtStart(null, paths.defaultWorkbench());
    }

    @Override
    public void stop() {
        interact(() -> stage.hide());
    }

    /** How long {@link #waitUntil(String, BooleanSupplier)} waits. */
    int waitSeconds() {
        return 20;
    }

    void waitUntil(String what, int seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            shot(stage, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("timed out waiting until " + what + "; dialogs: " + dialogs.notified, e);
        }
    }

    void waitUntil(String what, BooleanSupplier condition) throws Exception {
        waitUntil(what, waitSeconds(), condition);
    }

    void shot(javafx.stage.Window window, String name) {
        interact(() -> {
            try {
                Screenshots.write(window.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Closes the notifications still showing, so a screenshot for the README shows the page alone. */
    void clearNotifications() {
        interact(() -> lookup((javafx.scene.Node n) -> n instanceof atlantafx.base.controls.Notification).queryAll()
                .forEach(n -> ((javafx.scene.layout.Pane) n.getParent()).getChildren().remove(n)));
    }
}
