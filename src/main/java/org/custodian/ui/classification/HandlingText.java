package org.custodian.ui.classification;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.ui.common.I18n;

/** A level's handling rules in the user's words, the same on the panel, in the dialog and on the scheme page. */
public final class HandlingText {

    private HandlingText() {
    }

    /** One line per rule. */
    public static List<String> lines(ClassificationLevel level, I18n i18n) {
        HandlingRules r = level.rules();
        List<String> lines = new ArrayList<>();
        lines.add(i18n.tr(r.encryptionAtRest() ? "handling.encryption.required" : "handling.encryption.optional"));
        lines.add(i18n.tr(r.openDataAllowed() ? "handling.openData.allowed" : "handling.openData.barred"));
        lines.add(i18n.tr("handling.mechanisms", mechanisms(r, i18n)));
        lines.add(r.classificationReview() == null ? i18n.tr("handling.classificationReview.none")
                : i18n.tr("handling.classificationReview", period(r.classificationReview(), i18n)));
        lines.add(r.accessReview() == null ? i18n.tr("handling.accessReview.none")
                : i18n.tr("handling.accessReview", period(r.accessReview(), i18n)));
        lines.add(i18n.tr(r.downgradeNeedsApproval() ? "handling.downgrade.approval" : "handling.downgrade.free"));
        return lines;
    }

    public static String mechanisms(HandlingRules r, I18n i18n) {
        if (r.mechanisms().isEmpty()) {
            return i18n.tr("handling.mechanisms.none");
        }
        List<String> names = new ArrayList<>();
        for (ExchangeMechanism m : r.mechanisms()) {
            names.add(i18n.tr(m.labelKey()));
        }
        return String.join(i18n.chinese() ? "、" : ", ", names);
    }

    /** "1 year", "6 months", "1 year 6 months" (or in Chinese). */
    public static String period(Period p, I18n i18n) {
        if (p == null) {
            return i18n.tr("handling.period.none");
        }
        Period n = p.normalized();
        List<String> parts = new ArrayList<>();
        if (n.getYears() > 0) {
            parts.add(i18n.tr(n.getYears() == 1 ? "handling.period.year" : "handling.period.years",
                    String.valueOf(n.getYears())));
        }
        if (n.getMonths() > 0) {
            parts.add(i18n.tr(n.getMonths() == 1 ? "handling.period.month" : "handling.period.months",
                    String.valueOf(n.getMonths())));
        }
        return String.join(i18n.chinese() ? "" : " ", parts);
    }
}
