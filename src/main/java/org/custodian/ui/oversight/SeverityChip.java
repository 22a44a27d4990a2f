package org.custodian.ui.oversight;

import javafx.scene.control.Label;
import org.custodian.model.oversight.Severity;
import org.custodian.ui.common.I18n;

/** A finding's severity as a small chip: red for high, amber for medium, blue for low, each with its word. */
final class SeverityChip extends Label {

    SeverityChip() {
        getStyleClass().add("severity-chip");
        setMinWidth(USE_PREF_SIZE);
    }

    void show(Severity severity, I18n i18n) {
        getStyleClass().removeIf(c -> c.startsWith("severity-chip-"));
        if (severity == null) {
            setText(null);
            return;
        }
        getStyleClass().add("severity-chip-" + severity.code());
        setText(i18n.tr(severity.labelKey()));
    }
}
