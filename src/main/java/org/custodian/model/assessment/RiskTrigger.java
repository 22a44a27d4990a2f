package org.custodian.model.assessment;

import java.util.List;

/**
 * A risk question's link to the risk register: when the answer is one of {@code values}, the risk is raised with
 * the template's starting likelihood and impact (1–4 each), which the assessor then rates for the project.
 */
public record RiskTrigger(List<String> values, TemplateText title, int likelihood, int impact) {
    public RiskTrigger {
        values = List.copyOf(values);
    }
}
