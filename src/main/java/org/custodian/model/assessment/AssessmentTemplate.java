package org.custodian.model.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checklist as data: read from a YAML file, frozen into every assessment made from it by its version and the
 * SHA-256 of its file. {@code levels} run lowest first; from {@code thirdLineFrom} (a level id, or null) up, approval
 * needs the third line of defence. Immutable; questions are indexed once, since every answer saved looks them up.
 */
public final class AssessmentTemplate {

    private final String id;
    private final String version;
    private final TemplateText title;
    private final TemplateText description;
    private final String sourceReference;
    private final ScoringMethod method;
    private final List<RiskLevel> levels;
    private final String thirdLineFrom;
    private final List<Principle> principles;
    private final List<Principle> stages;
    private final List<Section> sections;
    private final String hash;
    private final List<Question> questions;
    private final Map<String, Question> byId = new LinkedHashMap<>();
    private final Map<String, String> numbers = new HashMap<>();
    private final Map<String, Section> sectionOf = new HashMap<>();

    public AssessmentTemplate(String id, String version, TemplateText title, TemplateText description,
            String sourceReference, ScoringMethod method, List<RiskLevel> levels, String thirdLineFrom,
            List<Principle> principles, List<Principle> stages, List<Section> sections, String hash) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.description = description;
        this.sourceReference = sourceReference;
        this.method = method;
        this.levels = List.copyOf(levels);
        this.thirdLineFrom = thirdLineFrom;
        this.principles = List.copyOf(principles);
        this.stages = List.copyOf(stages);
        this.sections = List.copyOf(sections);
        this.hash = hash;
        this.questions = this.sections.stream().flatMap(s -> s.questions().stream()).toList();
        for (int s = 0; s < this.sections.size(); s++) {
            List<Question> qs = this.sections.get(s).questions();
            for (int q = 0; q < qs.size(); q++) {
                byId.put(qs.get(q).id(), qs.get(q));
                // The number a person reads: section, then position ("3.4"). Stable for a version.
                numbers.put(qs.get(q).id(), (s + 1) + "." + (q + 1));
                sectionOf.put(qs.get(q).id(), this.sections.get(s));
            }
        }
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public TemplateText title() {
        return title;
    }

    public TemplateText description() {
        return description;
    }

    public String sourceReference() {
        return sourceReference;
    }

    public ScoringMethod method() {
        return method;
    }

    public List<RiskLevel> levels() {
        return levels;
    }

    public String thirdLineFrom() {
        return thirdLineFrom;
    }

    public List<Principle> principles() {
        return principles;
    }

    public List<Principle> stages() {
        return stages;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The SHA-256 of the template file's bytes. */
    public String hash() {
        return hash;
    }

    /** Every question in order. */
    public List<Question> questions() {
        return questions;
    }

    /** Questions by id, in order. */
    public Map<String, Question> questionsById() {
        return java.util.Collections.unmodifiableMap(byId);
    }

    public Question question(String questionId) {
        return byId.get(questionId);
    }

    /** The section holding {@code questionId}, or null. */
    public Section sectionOf(String questionId) {
        return sectionOf.get(questionId);
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

    public Principle principle(String principleId) {
        return principles.stream().filter(p -> p.id().equals(principleId)).findFirst().orElse(null);
    }

    public Principle stage(String stageId) {
        return stages.stream().filter(p -> p.id().equals(stageId)).findFirst().orElse(null);
    }

    /** The question's number as a person reads it ("3.4"), or "" for an id the template does not have. */
    public String numberOf(String questionId) {
        return numbers.getOrDefault(questionId, "");
    }

    /** Templates are the same when their files are: the hash says so. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AssessmentTemplate t && hash.equals(t.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return id + " " + version + " (" + hash.substring(0, Math.min(12, hash.length())) + ")";
    }
}
