package org.custodian.ui.shell;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.custodian.logic.workbench.Backups;
import org.custodian.ui.common.I18n;

/**
 * Asks for an encrypted backup's passphrase: once to open one, twice to make one (a typo would lock the backup for
 * good). Says plainly that a lost passphrase cannot be recovered.
 */
final class PassphraseForm extends VBox {

    private final PasswordField first = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final Label problem = new Label();
    private final boolean confirm;
    private final I18n i18n;

    PassphraseForm(I18n i18n, String message, boolean confirm) {
        super(8);
        this.i18n = i18n;
        this.confirm = confirm;
        setPrefWidth(460);
        Label text = new Label(message);
        text.setWrapText(true);
        first.setId("passphrase");
        again.setId("passphrase-again");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        getChildren().addAll(text, new Label(i18n.tr("passphrase.label")), first);
        if (confirm) {
            getChildren().addAll(new Label(i18n.tr("passphrase.again")), again);
        }
        getChildren().add(problem);
    }

    /** Whether what was typed may be used; shows why not when it may not. */
    boolean acceptable() {
        if (first.getText().isEmpty()) {
            problem.setText(i18n.tr("passphrase.empty"));
            return false;
        }
        if (confirm && first.getText().length() < Backups.MIN_PASSPHRASE) {
            problem.setText(i18n.tr("passphrase.tooShort", Backups.MIN_PASSPHRASE));
            return false;
        }
        if (confirm && !first.getText().equals(again.getText())) {
            problem.setText(i18n.tr("passphrase.differ"));
            return false;
        }
        return true;
    }

    /** The passphrase as characters (the caller wipes them), and the fields emptied. */
    char[] take() {
        char[] value = first.getText().toCharArray();
        first.clear();
        again.clear();
        return value;
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
