package org.custodian.model.assessment;

/** A principle or a lifecycle stage a template names, by id. */
public record Principle(String id, TemplateText title) {
}
