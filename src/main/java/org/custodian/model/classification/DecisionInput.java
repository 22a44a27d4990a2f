package org.custodian.model.classification;

import java.util.EnumMap;
import java.util.Map;

/**
 * A classification decision as typed in the reclassify dialog, given on the command line or read from a CSV row:
 * text, checked by {@link DecisionValidator}. A criterion present in {@code criteria} was ticked; its value is
 * the note.
 */
public record DecisionInput(String level, String rationale, Map<Criterion, String> criteria, String proposedBy,
                            String decidedBy, String approvedBy, String justification, String effectiveFrom,
                            String reviewDue, String declassifyOn, String declassifyEvent, boolean proposal) {

    public DecisionInput {
        criteria = criteria.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(criteria));
    }

    /** The fields' names, as problems and the CSV name them. */
    public static final String LEVEL = "level";
    public static final String RATIONALE = "rationale";
    public static final String PROPOSED_BY = "proposed_by";
    public static final String DECIDED_BY = "decided_by";
    public static final String APPROVED_BY = "approved_by";
    public static final String JUSTIFICATION = "justification";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String REVIEW_DUE = "review_due";
    public static final String DECLASSIFY_ON = "declassify_on";
    public static final String DECLASSIFY_EVENT = "declassify_event";

    /** A confirmed decision with just a level and its rationale, decided by {@code decidedBy}, effective today. */
    public static DecisionInput of(String level, String rationale, String decidedBy) {
        return new DecisionInput(level, rationale, Map.of(), null, decidedBy, null, null, null, null, null, null,
                false);
    }
}
