package org.custodian.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A DialogService for view-model tests: records what was shown and answers from a script. */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public final List<List<String>> choicesOffered = new ArrayList<>();
    public final Deque<Object> answers = new ArrayDeque<>();

    @Override
    public void showError(String title, String message, String details) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add("info: " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        shown.add("confirm: " + message);
        return (Boolean) answers.pop();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> actions) {
        shown.add("choose: " + message);
        choicesOffered.add(actions);
        Object answer = answers.isEmpty() ? null : answers.pop();
        return Optional.ofNullable((Integer) answer);
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt) {
        shown.add("askReason: " + message);
        Object answer = answers.isEmpty() ? null : answers.pop();
        return Optional.ofNullable((String) answer);
    }

    @Override
    public void showFacts(String title, List<Map.Entry<String, String>> facts) {
        shown.add("facts: " + facts);
    }

    @Override
    public void notify(String message) {
        shown.add("notify: " + message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, String... patterns) {
        return Optional.ofNullable((Path) answers.pop());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName, String filterName,
                                           String... patterns) {
        return Optional.ofNullable((Path) answers.pop());
    }

    /** Answers with the next scripted Boolean: true confirms (and asks the form, as the window would). */
    @Override
    public boolean showForm(String title, javafx.scene.Node form, String confirmLabel,
                            java.util.function.BooleanSupplier accept) {
        shown.add("form: " + title);
        Object answer = answers.isEmpty() ? Boolean.FALSE : answers.pop();
        return Boolean.TRUE.equals(answer) && accept.getAsBoolean();
    }

    /** The documents the code asked the system to open, in order. */
    public final java.util.List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void openDocument(Path file) {
        opened.add(file);
    }
}
