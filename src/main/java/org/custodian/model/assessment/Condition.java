package org.custodian.model.assessment;

import java.util.List;
import java.util.Set;

/**
 * When a question shows, written as data over earlier answers (never an expression string). Conditions read only
 * the answers of questions that are themselves showing: a hidden answer is inactive and never satisfies one.
 */
public sealed interface Condition {

    boolean holds(AnswerLookup answers);

    /** The questions the condition reads. */
    List<String> questions();

    /** What the condition reads: the active answer's values (one for single, several for multiple), or empty. */
    @FunctionalInterface
    interface AnswerLookup {
        Set<String> values(String questionId);
    }

    /** The answer is {@code value} (for a multiple choice: {@code value} is among those chosen). */
    record Equals(String question, String value) implements Condition {
        @Override
        public boolean holds(AnswerLookup answers) {
            return answers.values(question).contains(value);
        }

        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    /** The answer is one of {@code values}. */
    record In(String question, List<String> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean holds(AnswerLookup answers) {
            Set<String> given = answers.values(question);
            return values.stream().anyMatch(given::contains);
        }

        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    /** The question has an answer. */
    record Answered(String question) implements Condition {
        @Override
        public boolean holds(AnswerLookup answers) {
            return !answers.values(question).isEmpty();
        }

        @Override
        public List<String> questions() {
            return List.of(question);
        }
    }

    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(AnswerLookup answers) {
            return conditions.stream().allMatch(c -> c.holds(answers));
        }

        @Override
        public List<String> questions() {
            return conditions.stream().flatMap(c -> c.questions().stream()).toList();
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(AnswerLookup answers) {
            return conditions.stream().anyMatch(c -> c.holds(answers));
        }

        @Override
        public List<String> questions() {
            return conditions.stream().flatMap(c -> c.questions().stream()).toList();
        }
    }
}
