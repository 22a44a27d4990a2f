package org.custodian.logic.audit;

import java.util.List;

/**
 * Where the words for an audit event's parts are in the bundles, for the window and the printed log alike. The
 * names come from the data, so a name without words of its own is shown as it is recorded.
 */
public final class AuditLabels {

    private AuditLabels() {
    }

    public static String actionKey(String action) {
        return "audit.action." + action;
    }

    public static String entityKey(String entityType) {
        return "audit.entity." + entityType;
    }

    /** The keys that may name a field of a record of this kind, best first. */
    public static List<String> fieldKeys(String entityType, String field) {
        String own = switch (entityType) {
            case "dataset" -> "dataset.field.";
            case "agreement" -> "sharing.field.";
            case "assessment" -> "assessment.audit.";
            default -> null;
        };
        List<String> keys = new java.util.ArrayList<>();
        if (own != null) {
            keys.add(own + field);
        }
        if (field.startsWith("criterion_")) {
            // A classification decision's criterion notes are named like its CSV columns.
            keys.add("classify.criterion." + field.substring("criterion_".length()).replace('_', '-'));
        }
        keys.add("audit.field." + field);
        return keys;
    }
}
