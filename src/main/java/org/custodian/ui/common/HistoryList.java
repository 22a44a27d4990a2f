package org.custodian.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.custodian.model.audit.AuditEvent;

/**
 * A record's history from the audit chain, newest first as the store gives it: each event's number and action,
 * when and by whom (and why), and what it changed as lines of "Field: before → after".
 */
public final class HistoryList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryList() {
    }

    /**
     * @param fieldKeyPrefix the i18n prefix of the record's field labels ("dataset.field.")
     */
    public static Node create(ObservableList<AuditEvent> events, String id, String fieldKeyPrefix, I18n i18n) {
        return create(events, id, fieldKeyPrefix, i18n, null);
    }

    /**
     * As {@link #create(ObservableList, String, String, I18n)}, with a link above the list that opens the audit
     * log filtered to this record (its whole history, with search, exports and the chain's hashes).
     *
     * @param openInAuditLog what the link does; null for no link
     */
    public static Node create(ObservableList<AuditEvent> events, String id, String fieldKeyPrefix, I18n i18n,
                              Runnable openInAuditLog) {
        ListView<AuditEvent> list = new ListView<>(events);
        list.setId(id);
        list.setPlaceholder(new Label(i18n.tr("reference.history.none")));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        list.setCellFactory(v -> new ListCell<>() {
            private final Label what = new Label();
            private final Label who = new Label();
            private final Label changes = new Label();
            private final VBox box = new VBox(2, what, who, changes);

            {
                what.getStyleClass().add(Styles.TEXT_BOLD);
                who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                who.setWrapText(true);
                changes.getStyleClass().add(Styles.TEXT_SMALL);
                changes.setWrapText(true);
                // Several changed fields are several lines: the cell grows to show them all.
                changes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                who.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                box.maxWidthProperty().bind(list.widthProperty().subtract(30));
            }

            @Override
            protected void updateItem(AuditEvent ev, boolean empty) {
                super.updateItem(ev, empty);
                if (empty || ev == null) {
                    setGraphic(null);
                    return;
                }
                what.setText("#" + ev.sequence() + " · " + i18n.tr("audit.action." + ev.action()));
                who.setText(i18n.tr("reference.history.event", when.format(ev.occurredAt()), ev.actor())
                        + (ev.reason() == null ? "" : " · " + ev.reason()));
                changes.setText(describe(ev, fieldKeyPrefix, i18n));
                setGraphic(box);
            }
        });
        VBox box = new VBox(list);
        if (openInAuditLog != null) {
            box.getChildren().add(0, auditLogLink(id, i18n, openInAuditLog));
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(0, 16, 0, 16));
        return box;
    }

    static String describe(AuditEvent event, String fieldKeyPrefix, I18n i18n) {
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
                String label = label(fieldKeyPrefix, f.getKey(), i18n);
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

    /** "Open in the audit log": the record's history with the log's filters, exports and hashes. */
    public static javafx.scene.control.Hyperlink auditLogLink(String id, I18n i18n, Runnable open) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(i18n.tr("audit.log.openRecord"),
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.HISTORY));
        link.setId(id + "-open-log");
        link.setOnAction(e -> open.run());
        link.setPadding(new Insets(4, 0, 4, 0));
        return link;
    }

    /** A field's label: the record's own, else the audit log's words for it, else its recorded name. */
    private static String label(String fieldKeyPrefix, String field, I18n i18n) {
        List<String> keys = new java.util.ArrayList<>();
        keys.add(fieldKeyPrefix + field);
        keys.addAll(org.custodian.logic.audit.AuditLabels.fieldKeys("", field));
        for (String key : keys) {
            String t = i18n.tr(key);
            if (!t.startsWith("!")) {
                return t;
            }
        }
        return field;
    }
}
