package org.custodian.logic.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.sharing.AgreementParty;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.CoveredDataset;
import org.custodian.model.sharing.SharingAgreement;

/**
 * The (filtered) register of sharing agreements, landscape: parties, ceiling, cross-boundary destinations and
 * dates, with agreements in force that expire within 90 days, or are past their expiry, marked.
 */
final class AgreementsRegister {

    static final int EXPIRING_DAYS = 90;

    private final List<SharingAgreement> agreements;
    private final List<ClassificationLevel> levels;
    private final Function<String, String> organisationName;
    private final String filter;
    private final LocalDate today;
    private final ReportWords w;

    AgreementsRegister(List<SharingAgreement> agreements, List<ClassificationLevel> levels,
                       Function<String, String> organisationName, String filter, LocalDate today, ReportWords words) {
        this.agreements = agreements;
        this.levels = levels;
        this.organisationName = organisationName;
        this.filter = filter;
        this.today = today;
        this.w = words;
    }

    ReportContent build(ClassificationLevel marking, ReportOptions options) {
        Xhtml x = new Xhtml();
        x.open("div", "class", "report register agreements");
        x.element("h1", w.t("report.agreements.title"));
        x.element("p", w.filterOr("report.agreements.lead", filter, agreements.size(), today.toString()),
                "class", "lead");
        summary(x);
        ReportMarkup.openGrid(x, w, new int[] {9, 15, 10, 8, 18, 9, 7, 8, 8, 8}, "report.column.reference",
                "report.column.title", "report.column.type",
                "report.column.status", "report.column.parties", "report.column.ceiling",
                "report.column.crossBoundary", "report.column.effective", "report.column.expires",
                "report.column.reviewDue");
        List<List<String>> rows = new ArrayList<>();
        for (SharingAgreement a : agreements) {
            x.open("tr", "class", expired(a) ? "row-overdue" : null);
            x.element("td", a.reference(), "class", "nowrap");
            x.open("td").text(ReportMarkup.blank(a.title()));
            if (!a.datasets().isEmpty()) {
                x.element("div", String.join(", ", a.datasets().stream().map(CoveredDataset::datasetCode).toList()),
                        "class", "evidence");
            }
            x.close();
            x.element("td", w.label(a.type()));
            x.element("td", w.label(a.status()));
            x.open("td");
            for (AgreementParty p : a.parties()) {
                x.element("div", organisationName.apply(p.organisation()) + " · " + w.label(p.role()));
            }
            x.close();
            x.open("td");
            ReportMarkup.levelChip(x, ReportMarking.find(levels, a.classificationCeiling()), w);
            x.close();
            x.element("td", a.crossBoundary() ? w.t("report.yes") + (a.destinations().isEmpty() ? ""
                    : " · " + String.join(", ", a.destinations())) : w.t("report.no"));
            x.element("td", date(a.effectiveFrom()), "class", "nowrap");
            x.open("td").element("div", date(a.expiresOn()), "class", "nowrap");
            expiryBadge(x, a);
            x.close();
            x.open("td").element("div", date(a.reviewDue()), "class", "nowrap");
            if (inForce(a) && a.reviewDue() != null && a.reviewDue().isBefore(today)) {
                x.element("span", w.t("report.agreements.reviewOverdue"), "class", "badge badge-overdue");
            }
            x.close();
            x.close();
            rows.add(List.of(a.reference(), ReportMarkup.blank(a.title()), a.type() == null ? "" : a.type().code(),
                    a.status().code(), String.join("; ", a.parties().stream().map(AgreementParty::text).toList()),
                    ReportMarkup.blank(a.classificationCeiling()), a.crossBoundary() ? "yes" : "no",
                    String.join("; ", a.destinations()), date(a.effectiveFrom()), date(a.expiresOn()),
                    date(a.reviewDue())));
        }
        ReportMarkup.closeGrid(x);
        x.close();
        ReportTable table = new ReportTable("agreements", List.of("reference", "title", "type", "status", "parties",
                "classification_ceiling", "cross_boundary", "destinations", "effective_from", "expires_on",
                "review_due"), rows);
        return new ReportContent(ReportKind.AGREEMENTS, filter, w.t("report.agreements.title"), marking, options,
                true, x.toString(), List.of(table), agreements.size());
    }

    private void summary(Xhtml x) {
        Map<AgreementStatus, Integer> counts = new EnumMap<>(AgreementStatus.class);
        int expiring = 0;
        int lapsed = 0;
        for (SharingAgreement a : agreements) {
            counts.merge(a.status(), 1, Integer::sum);
            if (expired(a)) {
                lapsed++;
            } else if (expiring(a)) {
                expiring++;
            }
        }
        ReportMarkup.openGrid(x, "grid narrow", w, "report.column.status", "report.column.count");
        for (Map.Entry<AgreementStatus, Integer> e : counts.entrySet()) {
            x.open("tr").element("td", w.label(e.getKey())).element("td", String.valueOf(e.getValue())).close();
        }
        x.open("tr").element("td", w.t("report.agreements.expiringCount", EXPIRING_DAYS))
                .element("td", String.valueOf(expiring)).close();
        x.open("tr").element("td", w.t("report.agreements.lapsedCount")).element("td", String.valueOf(lapsed)).close();
        ReportMarkup.closeGrid(x);
    }

    private void expiryBadge(Xhtml x, SharingAgreement a) {
        if (expired(a)) {
            x.element("span", w.t("report.agreements.expiredOn"), "class", "badge badge-overdue");
        } else if (expiring(a)) {
            long days = ChronoUnit.DAYS.between(today, a.expiresOn());
            x.element("span", w.t("report.agreements.expiresIn", days), "class", "badge badge-soon");
        }
    }

    private static boolean inForce(SharingAgreement a) {
        return a.status() == AgreementStatus.ACTIVE || a.status() == AgreementStatus.SUSPENDED;
    }

    /** Still in force on paper though its expiry date has passed. */
    private boolean expired(SharingAgreement a) {
        return inForce(a) && a.expiresOn() != null && a.expiresOn().isBefore(today);
    }

    private boolean expiring(SharingAgreement a) {
        return inForce(a) && a.expiresOn() != null && !a.expiresOn().isBefore(today)
                && !a.expiresOn().isAfter(today.plusDays(EXPIRING_DAYS));
    }


    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
