package org.custodian.logic.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.FieldChange;

/**
 * What an audit event changed, field by field: its before and after states compared key by key, each value
 * written as readable text (a list as its items joined by "; ", a nested record as "name: value, …"). Fields
 * whose text is the same on both sides are left out; an empty value counts as no value.
 */
public final class AuditDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditDiff() {
    }

    public static List<FieldChange> of(AuditEvent event) {
        return of(event.before(), event.after());
    }

    /**
     * @param before the state before, as JSON (null for a record that was created)
     * @param after  the state after, as JSON (null for one that was removed)
     */
    public static List<FieldChange> of(String before, String after) {
        JsonNode was;
        JsonNode now;
        try {
            was = before == null ? null : JSON.readTree(before);
            now = after == null ? null : JSON.readTree(after);
        } catch (JsonProcessingException e) {
            // Only a file changed by another tool holds text that is not JSON; show it as it is.
            return Objects.equals(before, after) ? List.of() : List.of(new FieldChange("", before, after));
        }
        Map<String, JsonNode> left = fields(was);
        Map<String, JsonNode> right = fields(now);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : right.entrySet()) {
            add(changes, f.getKey(), left.get(f.getKey()), f.getValue());
        }
        for (Map.Entry<String, JsonNode> f : left.entrySet()) {
            if (!right.containsKey(f.getKey())) {
                add(changes, f.getKey(), f.getValue(), null);
            }
        }
        return changes;
    }

    /** The changes as lines of "field: before → after" ("—" for no value), for a CSV cell or a printed log. */
    public static String describe(List<FieldChange> changes) {
        StringBuilder s = new StringBuilder();
        for (FieldChange c : changes) {
            s.append(s.length() == 0 ? "" : "\n").append(c.field().isEmpty() ? "" : c.field() + ": ")
                    .append(c.before() == null ? "—" : c.before()).append(" → ")
                    .append(c.after() == null ? "—" : c.after());
        }
        return s.toString();
    }

    private static void add(List<FieldChange> changes, String field, JsonNode before, JsonNode after) {
        String was = text(before);
        String now = text(after);
        if (!Objects.equals(was, now)) {
            changes.add(new FieldChange(field, was, now));
        }
    }

    /** A state's fields in their recorded order; a state that is not an object is one nameless field. */
    private static Map<String, JsonNode> fields(JsonNode state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state == null || state.isNull()) {
            return fields;
        }
        if (!state.isObject()) {
            fields.put("", state);
            return fields;
        }
        Iterator<Map.Entry<String, JsonNode>> it = state.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.put(f.getKey(), f.getValue());
        }
        return fields;
    }

    /** A value as people read it; null for no value (absent, null, empty text, empty list or record). */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> {
                String t = text(item);
                if (t != null) {
                    items.add(t);
                }
            });
            return items.isEmpty() ? null : String.join("; ", items);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.fields().forEachRemaining(f -> {
                String t = text(f.getValue());
                if (t != null) {
                    parts.add(f.getKey() + ": " + t);
                }
            });
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        String t = value.asText();
        return t.isEmpty() ? null : t;
    }
}
