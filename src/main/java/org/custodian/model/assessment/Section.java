package org.custodian.model.assessment;

import java.util.List;

/** A part of a template, optionally tied to a principle and a lifecycle stage (or practice area). */
public record Section(String id, TemplateText title, TemplateText description, String principle, String stage,
        List<Question> questions) {
    public Section {
        questions = List.copyOf(questions);
    }
}
