package org.custodian.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.ui.common.DialogService;

/**
 * The window's real dialogs, except the native file choosers (a headless run cannot show them): those answer
 * with the paths a test queued, in order.
 */
final class ScriptedFileChoosers implements DialogService {

    final Deque<Path> files = new ArrayDeque<>();
    final List<String> notified = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DialogService real;

    ScriptedFileChoosers(DialogService real) {
        this.real = real;
    }

    @Override
    public void showError(String title, String message, String details) {
        notified.add("error: " + message + " " + details);
        real.showError(title, message, details);
    }

    @Override
    public void showInformation(String title, String message) {
        real.showInformation(title, message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return real.confirm(title, message, confirmLabel);
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> actions) {
        return real.choose(title, message, actions);
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt) {
        return real.askReason(title, message, confirmLabel, reasonPrompt);
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt,
                                      boolean required) {
        return real.askReason(title, message, confirmLabel, reasonPrompt, required);
    }

    @Override
    public boolean showForm(String title, javafx.scene.Node form, String confirmLabel,
                            java.util.function.BooleanSupplier accept) {
        return real.showForm(title, form, confirmLabel, accept);
    }

    @Override
    public void showFacts(String title, List<Map.Entry<String, String>> facts) {
        real.showFacts(title, facts);
    }

    @Override
    public void notify(String message) {
        notified.add(message);
        real.notify(message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, String... patterns) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName, String filterName,
                                           String... patterns) {
        return Optional.ofNullable(files.poll());
    }

    /** The documents the code asked the system to open, in order. */
    public final java.util.List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void openDocument(Path file) {
        opened.add(file);
    }
}
