package org.custodian.model.classification;

/** An access-rights review as typed in the dialog or read from a file: text, checked by {@link AccessReviewValidator}. */
public record AccessReviewInput(String reviewer, String reviewedOn, String scope, String findings, String actions,
                                String nextDue) {

    public static final String REVIEWER = "reviewer";
    public static final String REVIEWED_ON = "reviewed_on";
    public static final String SCOPE = "scope";
    public static final String FINDINGS = "findings";
    public static final String ACTIONS = "actions";
    public static final String NEXT_DUE = "next_due";
}
