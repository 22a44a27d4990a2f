package org.custodian.model.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question of a template. {@code points} holds the points of each answer value (the options of a choice, the
 * yes/no/partial answers); a rating scores its value less one. {@code knockOut} answers force the highest level.
 * {@code principle} is the question's own or its section's.
 */
public record Question(String id, QuestionType type, TemplateText text, TemplateText help, List<AnswerOption> options,
        Map<String, Integer> points, int weight, boolean required, boolean evidenceRequired, Condition showIf,
        Set<String> knockOut, RiskTrigger risk, InventoryFact prefill, String principle) {

    public Question {
        options = List.copyOf(options);
        points = Map.copyOf(points);
        knockOut = Set.copyOf(knockOut);
    }

    /** The highest points one answer can carry (0 for unscored questions). */
    public int maxPoints() {
        return switch (type) {
            case RATING -> 4;
            case MULTIPLE -> options.stream().mapToInt(o -> Math.max(0, o.points())).sum();
            case YES_NO, SINGLE -> points.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            default -> 0;
        };
    }

    public boolean scored() {
        return type.scored() && weight > 0 && maxPoints() > 0;
    }

    /** The values a choice accepts, in order; empty for free answers. */
    public List<String> values() {
        return switch (type) {
            case YES_NO -> YesNo.VALUES;
            case SINGLE, MULTIPLE -> options.stream().map(AnswerOption::value).toList();
            case RATING -> List.of("1", "2", "3", "4", "5");
            default -> List.of();
        };
    }

    public AnswerOption option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
    }
}
