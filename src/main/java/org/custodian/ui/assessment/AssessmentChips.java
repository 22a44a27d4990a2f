package org.custodian.ui.assessment;

import javafx.scene.control.Label;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.RiskLevel;
import org.custodian.ui.common.I18n;

/** An assessment's status and level as small coloured labels (colours per status and level in the stylesheet). */
final class AssessmentChips {

    private AssessmentChips() {
    }

    static void status(Label chip, AssessmentStatus status, I18n i18n) {
        chip.getStyleClass().removeIf(c -> c.startsWith("status-chip"));
        chip.setVisible(status != null);
        if (status == null) {
            return;
        }
        chip.getStyleClass().addAll("status-chip", "status-chip-" + status.code());
        chip.setText(i18n.tr(status.labelKey()));
        chip.setMinWidth(Label.USE_PREF_SIZE);
    }

    /** {@code levelId} as the template names it; its style follows the id (low, medium, high, very-high). */
    static void level(Label chip, String levelId, String title) {
        chip.getStyleClass().removeIf(c -> c.startsWith("status-chip") || c.startsWith("level-chip"));
        chip.setVisible(levelId != null);
        if (levelId == null) {
            return;
        }
        chip.getStyleClass().addAll("status-chip", "level-chip-" + levelId);
        chip.setText(title);
        chip.setMinWidth(Label.USE_PREF_SIZE);
    }

    static void level(Label chip, RiskLevel level, I18n i18n) {
        level(chip, level == null ? null : level.id(), level == null ? "" : level.title().in(i18n.locale()));
    }

    static Label statusLabel(AssessmentStatus status, I18n i18n) {
        Label l = new Label();
        status(l, status, i18n);
        return l;
    }
}
