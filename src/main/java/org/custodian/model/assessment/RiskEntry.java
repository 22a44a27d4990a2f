package org.custodian.model.assessment;

import java.util.UUID;

/**
 * A risk in an assessment's register, rated on two 4-point scales (1 negligible, 2 limited, 3 significant,
 * 4 maximum) before and after its mitigation. {@code questionId} links a risk a template question raised.
 */
public record RiskEntry(UUID key, String title, String description, int likelihood, int impact, String mitigation,
        int residualLikelihood, int residualImpact, String owner, String questionId) {

    public RiskEntry {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description;
        mitigation = mitigation == null ? "" : mitigation;
        owner = owner == null ? "" : owner.strip();
        questionId = questionId == null ? "" : questionId;
    }

    public int inherent() {
        return likelihood * impact;
    }

    public int residual() {
        return residualLikelihood * residualImpact;
    }

    /** A 1–16 product read as a band: 1–2 low, 3–6 medium, 8–9 high, 12–16 very high. */
    public static RiskBand band(int product) {
        if (product >= 12) {
            return RiskBand.VERY_HIGH;
        }
        if (product >= 8) {
            return RiskBand.HIGH;
        }
        return product >= 3 ? RiskBand.MEDIUM : RiskBand.LOW;
    }
}
