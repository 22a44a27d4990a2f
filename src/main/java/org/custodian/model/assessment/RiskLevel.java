package org.custodian.model.assessment;

/**
 * A level of the template's scale, reached when the risk share is at least {@code from} percent. The recommendation
 * (for example, the human oversight a level calls for) is shown with the result.
 */
public record RiskLevel(String id, TemplateText title, int from, TemplateText recommendation) {
}
