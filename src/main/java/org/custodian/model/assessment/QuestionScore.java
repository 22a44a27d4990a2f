package org.custodian.model.assessment;

/**
 * One question's part in the score, for the "how this was computed" panel. {@code points} and {@code max} are
 * before weighting; a hidden question, an unanswered one or "not applicable" contributes nothing.
 */
public record QuestionScore(String questionId, String number, String sectionId, String principle, boolean showing,
        boolean answered, boolean counted, int points, int max, int weight, boolean knockOut) {
}
