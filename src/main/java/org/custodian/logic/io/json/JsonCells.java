package org.custodian.logic.io.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A JSON value as the text of a CSV cell: the shape every JSON import reads its fields in. */
public final class JsonCells {

    private JsonCells() {
    }

    /**
     * Null for a missing or null value; an array's items joined with {@code separator} (a list field); a boolean
     * as yes/no; anything else as its text.
     */
    public static String text(JsonNode v, String separator) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.asText()));
            return String.join(separator, items);
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "yes" : "no";
        }
        return v.asText();
    }
}
