package org.custodian.logic.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.classification.DueReview;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportOptions;

/** The classification and access reviews due, overdue first, for a manager's desk. */
final class ReviewsDueReport {

    private final List<DueReview> due;
    private final List<ClassificationLevel> levels;
    private final Function<String, String> departmentName;
    private final LocalDate today;
    private final Integer within;
    private final ReportWords w;

    ReviewsDueReport(List<DueReview> due, List<ClassificationLevel> levels, Function<String, String> departmentName,
                     LocalDate today, Integer within, ReportWords words) {
        this.due = due;
        this.levels = levels;
        this.departmentName = departmentName;
        this.today = today;
        this.within = within;
        this.w = words;
    }

    ReportContent build(ClassificationLevel marking, ReportOptions options) {
        Xhtml x = new Xhtml();
        x.open("div", "class", "report register reviews");
        x.element("h1", w.t("report.reviews.title"));
        x.element("p", within == null ? w.t("report.reviews.leadAll", today.toString())
                : within < 0 ? w.t("report.reviews.leadOverdue", today.toString())
                : w.t("report.reviews.lead", today.toString(), within), "class", "lead");
        List<DueReview> overdue = due.stream().filter(r -> r.overdue(today)).toList();
        List<DueReview> coming = due.stream().filter(r -> !r.overdue(today)).toList();
        ReportMarkup.countedHeading(x, "h2", w.t("report.reviews.overdue"),
                w.t("report.count.reviews", overdue.size()));
        table(x, overdue);
        ReportMarkup.countedHeading(x, "h2", w.t("report.reviews.coming"), w.t("report.count.reviews", coming.size()));
        table(x, coming);
        x.element("h2", w.t("report.reviews.signOff"));
        x.open("table", "class", "sign");
        x.open("tr").element("th", w.t("report.assessment.name")).element("th", w.t("report.assessment.date"))
                .element("th", w.t("report.assessment.signature")).close();
        x.open("tr").element("td", "").element("td", "").element("td", "").close();
        x.close();
        x.close();
        List<List<String>> rows = new ArrayList<>();
        for (DueReview r : due) {
            rows.add(List.of(r.datasetCode(), ReportMarkup.blank(r.title()), ReportMarkup.blank(r.titleTc()),
                    ReportMarkup.blank(r.department()), ReportMarkup.blank(r.level()), r.kind().code(),
                    r.dueOn().toString(), r.lastDoneOn() == null ? "" : r.lastDoneOn().toString(),
                    r.overdue(today) ? "yes" : "no"));
        }
        ReportTable table = new ReportTable("reviews", List.of("dataset", "title_en", "title_tc", "department",
                "classification", "kind", "due_on", "last_done_on", "overdue"), rows);
        String subject = within == null ? "" : within < 0 ? w.t("report.reviews.subjectOverdue")
                : w.t("report.reviews.subject", within);
        return new ReportContent(ReportKind.REVIEWS, subject, w.t("report.reviews.title"),
                marking, options, true, x.toString(), List.of(table), due.size());
    }

    private void table(Xhtml x, List<DueReview> rows) {
        if (rows.isEmpty()) {
            x.element("p", w.t("report.none"), "class", "muted");
            return;
        }
        ReportMarkup.openGrid(x, w, new int[] {12, 24, 18, 10, 10, 9, 9, 8}, "report.column.dataset",
                "report.column.title", "report.column.department",
                "report.column.level", "report.column.kind", "report.column.dueOn", "report.column.days",
                "report.column.lastDone");
        for (DueReview r : rows) {
            boolean overdue = r.overdue(today);
            x.open("tr", "class", overdue ? "row-overdue" : null);
            x.element("td", r.datasetCode(), "class", "nowrap");
            x.element("td", w.pick(r.title(), r.titleTc()));
            x.element("td", r.department() == null ? "" : departmentName.apply(r.department()));
            x.open("td");
            ReportMarkup.levelChip(x, ReportMarking.find(levels, r.level()), w);
            x.close();
            x.element("td", w.label(r.kind()));
            x.element("td", r.dueOn().toString(), "class", "nowrap");
            long days = ChronoUnit.DAYS.between(today, r.dueOn());
            x.open("td");
            x.element("span", overdue ? w.t("report.reviews.overdueBy", -days) : w.t("report.reviews.dueIn", days),
                    "class", overdue ? "badge badge-overdue" : "badge");
            x.close();
            x.element("td", r.lastDoneOn() == null ? w.t("report.reviews.never") : r.lastDoneOn().toString());
            x.close();
        }
        ReportMarkup.closeGrid(x);
    }

}
