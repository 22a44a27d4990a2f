package org.custodian.model.oversight;

/**
 * A check across the registers. Each has a stable id (what scripts and accepted findings refer to), a severity,
 * and texts in the bundles: {@code finding.rule.<NAME>.title}, {@code .message} (naming the records) and
 * {@code .fix} (what to do).
 */
public enum FindingRule {
    OPEN_DATA_LEVEL("open-data-level", Severity.HIGH),
    SHARING_NO_LEGAL_BASIS("sharing-no-legal-basis", Severity.HIGH, 1),
    CROSS_BOUNDARY_NO_SAFEGUARDS("cross-boundary-no-safeguards", Severity.HIGH),
    AGREEMENT_EXPIRED_ACTIVE("agreement-expired-active", Severity.HIGH),
    AGREEMENT_EXPIRING_NO_REVIEW("agreement-expiring-no-review", Severity.MEDIUM, 2),
    CEILING_BELOW_LEVEL("ceiling-below-level", Severity.HIGH),
    ENCRYPTION_NOT_RECORDED("encryption-not-recorded", Severity.MEDIUM),
    CLASSIFICATION_REVIEW_OVERDUE("classification-review-overdue", Severity.MEDIUM),
    ACCESS_REVIEW_OVERDUE("access-review-overdue", Severity.MEDIUM),
    DERIVED_BELOW_SOURCE("derived-below-source", Severity.HIGH),
    AI_PRIVACY_UNANSWERED("ai-privacy-unanswered", Severity.HIGH, 1, 2),
    ASSESSMENT_REVIEW_OVERDUE("assessment-review-overdue", Severity.MEDIUM),
    HIGH_RISK_NO_THIRD_LINE("high-risk-no-third-line", Severity.HIGH, 1),
    PERSONAL_DATA_NO_RETENTION("personal-data-no-retention", Severity.MEDIUM),
    NO_CUSTODIAN_OR_CONTACT("no-custodian-or-contact", Severity.LOW);

    private final String id;
    private final Severity severity;
    private final java.util.Set<Integer> passing;

    /**
     * @param passing the positions of the message's values that change while the problem stays the same (days
     *     left, a status on the way, a count): an acceptance still holds when only these change. Every other value
     *     (a level, a date due, an expiry) is part of what was accepted, so a new level or a new due date is a new
     *     finding.
     */
    FindingRule(String id, Severity severity, int... passing) {
        this.id = id;
        this.severity = severity;
        this.passing = java.util.Arrays.stream(passing).boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether the message's value at {@code position} changes without the problem changing. */
    public boolean passing(int position) {
        return passing.contains(position);
    }

    public String id() {
        return id;
    }

    /** The highest severity the rule gives; some give less while the record is still a draft. */
    public Severity severity() {
        return severity;
    }

    public String titleKey() {
        return "finding.rule." + name() + ".title";
    }

    public String messageKey() {
        return "finding.rule." + name() + ".message";
    }

    public String fixKey() {
        return "finding.rule." + name() + ".fix";
    }

    /** The rule an id names (any case), or null. */
    public static FindingRule ofId(String id) {
        for (FindingRule r : values()) {
            if (r.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        return null;
    }
}
