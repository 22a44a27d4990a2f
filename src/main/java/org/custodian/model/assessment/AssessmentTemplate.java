package org.custodian.model.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checklist as data: read from a YAML file, frozen into every assessment made from it by its version and the
 * SHA-256 of its file. {@code levels} run lowest first; from {@code thirdLineFrom} (a level id, or null) up, approval
 * needs the third line of defence.
 */
public record AssessmentTemplate(String id, String version, TemplateText title, TemplateText description,
        String sourceReference, ScoringMethod method, List<RiskLevel> levels, String thirdLineFrom,
        List<Principle> principles,
        List<Principle> stages, List<Section> sections, String hash) {

    public AssessmentTemplate {
        levels = List.copyOf(levels);
        principles = List.copyOf(principles);
        stages = List.copyOf(stages);
        sections = List.copyOf(sections);
    }

    /** Every question in order. */
    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** Questions by id, in order. */
    public Map<String, Question> questionsById() {
        Map<String, Question> m = new LinkedHashMap<>();
        for (Question q : questions()) {
            m.put(q.id(), q);
        }
        return m;
    }

    public Question question(String id) {
        return questionsById().get(id);
    }

    /** The section holding {@code questionId}, or null. */
    public Section sectionOf(String questionId) {
        for (Section s : sections) {
            for (Question q : s.questions()) {
                if (q.id().equals(questionId)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Whether a result at {@code level} must be approved by the third line of defence. */
    public boolean needsThirdLine(RiskLevel level) {
        if (thirdLineFrom == null || level == null) {
            return false;
        }
        int from = levels.indexOf(levels.stream().filter(l -> l.id().equals(thirdLineFrom)).findFirst().orElse(null));
        return from >= 0 && levels.indexOf(level) >= from;
    }

    public RiskLevel highestLevel() {
        return levels.get(levels.size() - 1);
    }

    public Principle principle(String id) {
        return principles.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public Principle stage(String id) {
        return stages.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** The question's number as a person reads it: section number, then position ("3.4"). Stable for a version. */
    public String numberOf(String questionId) {
        for (int s = 0; s < sections.size(); s++) {
            List<Question> qs = sections.get(s).questions();
            for (int q = 0; q < qs.size(); q++) {
                if (qs.get(q).id().equals(questionId)) {
                    return (s + 1) + "." + (q + 1);
                }
            }
        }
        return "";
    }
}
