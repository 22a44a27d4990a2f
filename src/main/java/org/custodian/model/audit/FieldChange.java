package org.custodian.model.audit;

/**
 * One field an audit event changed, its values as readable text (null where the field was absent or empty).
 *
 * @param field the field's name as the event records it ("title", "classification")
 */
public record FieldChange(String field, String before, String after) {

    /** How a field changed. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    public Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }
}
