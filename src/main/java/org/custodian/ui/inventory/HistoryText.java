package org.custodian.ui.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.custodian.model.audit.AuditEvent;
import org.custodian.ui.common.I18n;

/** What an audit event changed, as lines of "Field: before → after" for the history list. */
final class HistoryText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryText() {
    }

    static String describe(AuditEvent event, I18n i18n) {
        try {
            JsonNode before = event.before() == null ? null : JSON.readTree(event.before());
            JsonNode after = event.after() == null ? null : JSON.readTree(event.after());
            if (after == null) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            int shown = 0;
            Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (before == null && shown >= 4) {
                    s.append("…");
                    break;
                }
                String label = i18n.tr("dataset.field." + f.getKey());
                if (label.startsWith("!")) {
                    label = f.getKey();
                }
                String was = before == null || !before.has(f.getKey()) || before.get(f.getKey()).isNull() ? null
                        : before.get(f.getKey()).asText();
                String now = f.getValue().isNull() ? "—" : f.getValue().asText();
                s.append(s.length() == 0 ? "" : "\n").append(label).append(": ")
                        .append(before == null ? now : (was == null ? "—" : was) + " → " + now);
                shown++;
            }
            return s.toString();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
