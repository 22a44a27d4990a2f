package org.custodian.model.assessment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which questions show, given the answers. Questions are decided in template order and a condition reads only the
 * answers of questions already shown, so a hidden answer can never switch another question on.
 */
public final class Visibility {

    private final Set<String> visible;

    private Visibility(Set<String> visible) {
        this.visible = visible;
    }

    public static Visibility of(AssessmentTemplate template, Map<String, Answer> answers) {
        Set<String> shown = new HashSet<>();
        Map<String, Set<String>> activeValues = new HashMap<>();
        Condition.AnswerLookup lookup = id -> activeValues.getOrDefault(id, Set.of());
        for (Question q : template.questions()) {
            if (q.showIf() == null || q.showIf().holds(lookup)) {
                shown.add(q.id());
                Answer a = answers.get(q.id());
                if (a != null && a.answered()) {
                    activeValues.put(q.id(), a.values());
                }
            }
        }
        return new Visibility(shown);
    }

    public boolean shows(String questionId) {
        return visible.contains(questionId);
    }

    public int count() {
        return visible.size();
    }
}
