package org.custodian.logic.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.custodian.logic.audit.AuditDiff;
import org.custodian.logic.audit.AuditExport;
import org.custodian.logic.audit.AuditLabels;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.FieldChange;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportOptions;

/**
 * The (filtered) audit log as a landscape register, oldest first: when, who, which record, what was done and
 * why, and each changed field with its value before and after. The head of the chain the events belong to is in
 * the lead, and every page's footer carries the head at printing.
 */
final class AuditLogReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<AuditEntry> entries;
    private final AuditHead head;
    private final String filter;
    private final ZoneId zone;
    private final ReportWords w;

    AuditLogReport(List<AuditEntry> entries, AuditHead head, String filter, ZoneId zone, ReportWords words) {
        this.entries = entries;
        this.head = head;
        this.filter = filter;
        this.zone = zone;
        this.w = words;
    }

    ReportContent build(ClassificationLevel marking, ReportOptions options) {
        Xhtml x = new Xhtml();
        x.open("div", "class", "report register audit");
        x.element("h1", w.t("report.audit.title"));
        x.element("p", w.filterOr("report.audit.lead", filter, entries.size()), "class", "lead");
        x.open("p").text(w.t("report.audit.head") + " ").element("span", head.asText(), "class", "hex").close();
        x.element("p", w.t("report.audit.verify", zone.getId()), "class", "muted");
        List<List<String>> rows = new ArrayList<>();
        if (entries.isEmpty()) {
            x.element("p", w.t("report.none"), "class", "muted");
        } else {
            ReportMarkup.openGrid(x, w, new int[] {5, 11, 9, 12, 9, 14, 40}, "report.audit.column.seq",
                    "report.audit.column.time", "report.audit.column.actor", "report.audit.column.record",
                    "report.audit.column.action", "report.audit.column.reason", "report.audit.column.changes");
            for (AuditEntry entry : entries) {
                AuditEvent e = entry.event();
                List<FieldChange> changes = AuditDiff.of(e);
                x.open("tr");
                x.element("td", Long.toString(e.sequence()), "class", "nowrap");
                x.element("td", TIME.format(e.occurredAt().atZone(zone)));
                x.element("td", e.actor());
                x.open("td").element("div", w.firstOr(List.of(AuditLabels.entityKey(e.entityType())), e.entityType()),
                        "class", "muted").element("div", entry.record()).close();
                x.element("td", capitalised(w.firstOr(List.of(AuditLabels.actionKey(e.action())), e.action())));
                x.element("td", e.reason() == null ? "" : e.reason());
                x.open("td");
                for (FieldChange c : changes) {
                    x.open("div", "class", "change");
                    if (!c.field().isEmpty()) {
                        x.element("span", w.firstOr(AuditLabels.fieldKeys(e.entityType(), c.field()), c.field()) + ": ",
                                "class", "muted");
                    }
                    // A record's first event only sets values: "before" would be a column of dashes.
                    x.text(e.before() == null && c.after() != null ? c.after()
                            : (c.before() == null ? "—" : c.before()) + " → " + (c.after() == null ? "—" : c.after()));
                    x.close();
                }
                x.close();
                x.close();
                rows.add(List.of(Long.toString(e.sequence()),
                        AuditExport.time(e.occurredAt(), zone),
                        e.actor(), e.entityType(), e.entityId(), entry.record(), e.action(),
                        e.reason() == null ? "" : e.reason(), AuditDiff.describe(changes), e.previousHash(),
                        e.hash() == null ? "" : e.hash()));
            }
            ReportMarkup.closeGrid(x);
        }
        x.close();
        ReportTable table = new ReportTable("audit_events", AuditExport.HEADER, rows);
        return new ReportContent(ReportKind.AUDIT_LOG, filter, w.t("report.audit.title"), marking, options, true,
                x.toString(), List.of(table), entries.size());
    }

    /** An action's words as a column's value ("Created"); Chinese has no capitals and is left as it is. */
    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
