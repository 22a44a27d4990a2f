package org.custodian.model.assessment;

import java.math.BigDecimal;
import java.util.Optional;
import org.custodian.model.validation.FieldText;
import org.custodian.model.validation.Problem;

/** Whether a value is an answer to a question: the one check the answering form and the importer share. */
public final class AnswerCheck {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_NOTE = 20_000;

    private AnswerCheck() {
    }

    /** The problem with {@code value} as an answer to {@code q}, if any; a blank value (no answer) is always fine. */
    public static Optional<Problem> check(Question q, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        switch (q.type()) {
            case YES_NO, SINGLE, RATING -> {
                if (v.equals("na") && !q.knockOut().isEmpty()) {
                    // A screening question that can force the highest level is answered yes, partly or no.
                    return fail(q, "validation.answer.notApplicable", "question " + q.id() + " screens the project:"
                            + " answer yes, partly or no", q.id());
                }
                if (!q.values().contains(v)) {
                    return fail(q, "validation.answer.choice", "'" + v + "' is not an answer of question " + q.id()
                            + " (" + String.join(", ", q.values()) + ")", v);
                }
            }
            case MULTIPLE -> {
                for (String part : new Answer(q.id(), value, "", true, "", null, null).values()) {
                    if (!q.values().contains(part)) {
                        return fail(q, "validation.answer.choice", "'" + part + "' is not an answer of question "
                                + q.id() + " (" + String.join(", ", q.values()) + ")", part);
                    }
                }
            }
            case NUMBER -> {
                try {
                    new BigDecimal(v);
                } catch (NumberFormatException e) {
                    return fail(q, "validation.answer.number", "'" + v + "' is not a number (write 1200 or 3.5)", v);
                }
            }
            case DATE -> {
                if (FieldText.date(v).isEmpty()) {
                    return fail(q, "validation.answer.date", "'" + v + "' is not a date (YYYY-MM-DD)", v);
                }
            }
            case TEXT -> {
                if (value.length() > MAX_TEXT) {
                    return fail(q, "validation.answer.long", "the answer is longer than " + MAX_TEXT + " characters",
                            MAX_TEXT);
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> fail(Question q, String key, String english, Object arg) {
        return Optional.of(Problem.of(q.id(), key, english, arg));
    }
}
