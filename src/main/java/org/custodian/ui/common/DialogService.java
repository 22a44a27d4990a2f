package org.custodian.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the window shows goes through here, so tests can answer them. Texts arrive already translated.
 */
public interface DialogService {

    /** A failure: the human message, the technical details behind a "Details" expander, and what to do next. */
    void showError(String title, String message, String details);

    void showInformation(String title, String message);

    /** Asks before doing something; {@code confirmLabel} names the action ("Restore 3 backups"), never "OK". */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Offers a choice among named actions; returns the index chosen, or empty when the dialog was dismissed.
     */
    Optional<Integer> choose(String title, String message, List<String> actions);

    /**
     * Asks before a change that deserves a reason in the audit trail (retiring datasets): returns the reason
     * typed (possibly empty) when confirmed, empty when cancelled.
     */
    Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt);

    /**
     * As {@link #askReason(String, String, String, String)}; with {@code required} the confirm button stays
     * disabled until a reason is typed (a sensitive change: retiring, reopening an approved assessment).
     */
    default Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt,
                                       boolean required) {
        return askReason(title, message, confirmLabel, reasonPrompt);
    }

    /** A table of facts (label, value) whose values can be selected and copied: About, shortcuts. */
    void showFacts(String title, List<java.util.Map.Entry<String, String>> facts);

    /** A brief notification that disappears by itself. */
    void notify(String message);

    Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, String... patterns);

    Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName, String filterName,
                                    String... patterns);

    /** Opens a file in the program the system uses for it (a signed PDF in the PDF reader). */
    void openDocument(Path file);

    /**
     * Shows a form the caller built until the user confirms with {@code confirmLabel} and {@code accept} says the
     * form is complete (when it is not, it has put its messages in the form and the dialog stays open), or
     * cancels. Returns whether it was confirmed.
     */
    boolean showForm(String title, javafx.scene.Node form, String confirmLabel, java.util.function.BooleanSupplier accept);
}
