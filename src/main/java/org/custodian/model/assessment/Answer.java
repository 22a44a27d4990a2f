package org.custodian.model.assessment;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What was given for one question: the value (a multiple choice keeps its values one per line), a note, and where a
 * pre-filled value came from. {@code active} is false while the question is hidden: the answer is kept, never counted.
 */
public record Answer(String questionId, String value, String note, boolean active, String prefilledFrom,
        Instant changedAt, String changedBy) {

    public Answer {
        value = value == null ? "" : value;
        note = note == null ? "" : note;
        prefilledFrom = prefilledFrom == null ? "" : prefilledFrom;
    }

    public static Answer empty(String questionId) {
        return new Answer(questionId, "", "", true, "", null, null);
    }

    public boolean answered() {
        return !value.isBlank();
    }

    /** The chosen values: one for most types, several for a multiple choice, none when unanswered. */
    public Set<String> values() {
        if (value.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    /** A multiple choice's values as stored. */
    public static String join(List<String> values) {
        return String.join("\n", values);
    }

    public Answer withValue(String newValue) {
        return new Answer(questionId, newValue, note, active, "", changedAt, changedBy);
    }

    public Answer withNote(String newNote) {
        return new Answer(questionId, value, newNote, active, prefilledFrom, changedAt, changedBy);
    }

    public Answer withActive(boolean nowActive) {
        return new Answer(questionId, value, note, nowActive, prefilledFrom, changedAt, changedBy);
    }
}
