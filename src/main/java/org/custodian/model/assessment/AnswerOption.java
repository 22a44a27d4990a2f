package org.custodian.model.assessment;

/** One choice of a question, with the points it carries in the template's scoring direction. */
public record AnswerOption(String value, TemplateText label, int points) {
}
