package org.custodian.logic.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AnswerOption;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskBand;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.Section;
import org.custodian.model.assessment.Tally;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.assessment.YesNo;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;

/**
 * The assessment report a review board tables: cover, summary with the level and its explanation, the principles
 * as bars and the risks on a likelihood × impact map, every section's showing questions with answers, notes and
 * evidence, the risk register, the action plan, the workflow history and a block to sign on paper.
 */
final class AssessmentReport {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AssessmentRecord record;
    private final AssessmentTemplate template;
    private final ScoreCard score;
    private final boolean intact;
    private final java.util.Map<String, Dataset> datasets;
    private final Function<String, String> departmentName;
    private final Function<String, ClassificationLevel> levelOf;
    private final ReportWords w;
    private final Visibility visibility;
    private final ZoneId zone;

    AssessmentReport(AssessmentRecord record, AssessmentTemplate template, ScoreCard score, boolean intact,
                     java.util.Map<String, Dataset> datasets, Function<String, String> departmentName,
                     Function<String, ClassificationLevel> levelOf, ReportWords words, ZoneId zone) {
        this.record = record;
        this.template = template;
        this.score = score;
        this.intact = intact;
        this.datasets = datasets;
        this.departmentName = departmentName;
        this.levelOf = levelOf;
        this.w = words;
        this.visibility = Visibility.of(template, record.answers());
        this.zone = zone;
    }

    ReportContent build(ClassificationLevel marking, ReportOptions options) {
        Assessment a = record.assessment();
        Xhtml x = new Xhtml();
        x.open("div", "class", "report assessment");
        cover(x, a);
        summary(x);
        sections(x);
        risks(x);
        actions(x);
        workflow(x);
        signOff(x, a);
        x.close();
        String title = w.t("report.assessment.title") + " — " + a.label();
        return new ReportContent(ReportKind.ASSESSMENT, a.reference() + " r" + a.revision(), title, marking, options,
                false, x.toString(), List.of(answerTable()), record.answers().size());
    }

    private void cover(Xhtml x, Assessment a) {
        x.open("div", "class", "cover");
        x.element("p", w.t("report.assessment.title"), "class", "lead");
        x.element("h1", a.title().isBlank() ? a.subject().name() : a.title());
        x.element("p", w.pick(template.title()), "class", "lead");
        x.open("table", "class", "facts");
        fact(x, "report.assessment.reference", a.reference() + " · " + w.t("report.assessment.revision", a.revision()));
        fact(x, "report.assessment.subject", a.subject().name());
        fact(x, "report.assessment.kind", w.label(a.subject().kind()));
        fact(x, "report.assessment.department", departmentName.apply(a.subject().department()));
        if (!a.subject().description().isBlank()) {
            fact(x, "report.assessment.description", a.subject().description());
        }
        fact(x, "report.assessment.template", w.withText("report.assessment.templateVersion", template.title(),
                template.version(), ReportLayout.shortHash(a.templateHash())));
        fact(x, "report.assessment.status", w.label(a.status()));
        fact(x, "report.assessment.created", day(a.createdAt()) + " · " + a.createdBy());
        fact(x, "report.assessment.updated", day(a.updatedAt()));
        decision().ifPresent(d -> fact(x, "report.assessment.decided", day(d.at()) + " · " + d.actor()));
        if (a.reviewDue() != null) {
            fact(x, "report.assessment.reviewDue", DAY.format(a.reviewDue()));
        }
        fact(x, "report.assessment.timeZone", zone.getId());
        fact(x, "report.assessment.assessors", String.join(", ", people(true)));
        fact(x, "report.assessment.reviewers", String.join(", ", people(false)));
        if (a.approvedHash() != null) {
            fact(x, "report.assessment.contentHash", a.approvedHash() + " — "
                    + w.t(intact ? "report.assessment.intact" : "report.assessment.notIntact"));
        }
        x.open("tr").element("th", w.t("report.assessment.datasets")).open("td");
        if (a.subject().datasetCodes().isEmpty()) {
            x.text(w.t("report.none"));
        }
        for (String code : a.subject().datasetCodes()) {
            Dataset d = datasets.get(code);
            x.open("div");
            x.text((d == null ? code : d.code()) + " ");
            if (d == null) {
                x.element("span", w.t("report.assessment.datasetUnknown"), "class", "muted");
            } else {
                x.text(w.pick(d.titleEn(), d.titleTc()) + " ");
                ReportMarkup.levelChip(x, levelOf.apply(d.classification()), w);
            }
            x.close();
        }
        x.close().close();
        x.close();
        x.close();
    }

    private java.util.Optional<WorkflowStep> decision() {
        return record.steps().stream().filter(s -> s.to().frozen()).reduce((first, second) -> second);
    }

    /** Assessors (who submitted, or who started it) or reviewers and the third line (who decided or sent back). */
    private List<String> people(boolean assessors) {
        Set<String> names = new LinkedHashSet<>();
        for (WorkflowStep s : record.steps()) {
            boolean assessor = s.role() == ReviewRole.ASSESSOR;
            if (assessor == assessors) {
                names.add(s.actor() + " — " + w.label(s.role()));
            }
        }
        if (assessors && names.isEmpty()) {
            names.add(record.assessment().createdBy());
        }
        if (names.isEmpty()) {
            names.add(w.t("report.none"));
        }
        return new ArrayList<>(names);
    }

    private void summary(Xhtml x) {
        x.element("h2", w.t("report.assessment.summary"));
        if (!score.hasResult()) {
            x.element("p", w.t("report.assessment.noLevel"));
        } else {
            String colour = levelColour();
            x.open("div", "class", "level-box", "style", "background:" + colour);
            x.element("div", w.pick(score.level().title()) + " · " + w.t("report.assessment.riskPercent",
                    score.riskPercent()), "class", "big");
            x.element("div", w.pick(score.level().recommendation()));
            x.close();
        }
        x.element("p", w.t("assessment.score.estimate"), "class", "muted");
        x.element("p", w.t(score.method() == org.custodian.model.assessment.ScoringMethod.COMPLIANCE
                ? "assessment.score.method.compliance" : "assessment.score.method.risk"), "class", "muted");
        Tally overall = score.overall();
        x.element("p", w.t("report.assessment.answeredOf", overall.answered(), overall.showing()));
        if (!score.knockOuts().isEmpty()) {
            x.element("p", w.t("assessment.score.knockOuts", String.join(", ",
                    score.knockOuts().stream().map(template::numberOf).toList())), "class", "unanswered");
        }
        if (score.needsThirdLine()) {
            x.element("p", w.t("assessment.score.thirdLine"));
        }
        if (score.hiddenAnswers() > 0) {
            x.element("p", w.t("assessment.score.hiddenKept", score.hiddenAnswers()), "class", "muted");
        }
        List<Tally> bars = score.principles().isEmpty() ? score.sections() : score.principles();
        x.element("h3", w.t(score.principles().isEmpty() ? "report.assessment.bySection"
                : "report.assessment.byPrinciple"));
        x.open("table", "class", "grid");
        x.open("thead").open("tr").element("th", w.t("assessment.score.part"))
                .element("th", w.t("assessment.score.percent"), "colspan", "2")
                .element("th", w.t("assessment.score.answered")).close().close();
        x.open("tbody");
        for (Tally t : bars) {
            x.open("tr");
            x.element("td", w.pick(t.title()));
            x.open("td", "class", "bar-cell");
            int pct = Math.max(0, t.percent());
            x.open("div", "class", "bar-track");
            x.empty("div", "class", "bar", "style", "width:" + pct + "%;background:" + barColour(t.percent()));
            x.close();
            x.close();
            x.element("td", t.percent() < 0 ? w.t("report.assessment.notScored") : pct + " %", "class", "percent");
            x.element("td", t.answered() + " / " + t.showing(), "class", "nowrap");
            x.close();
        }
        x.close().close();
        heatMap(x);
        topRisks(x);
        openActions(x);
    }

    private String levelColour() {
        List<org.custodian.model.assessment.RiskLevel> levels = template.levels();
        int i = levels.indexOf(score.level());
        if (levels.size() <= 1 || i < 0) {
            return "#57606a";
        }
        String[] scale = {"#1a7f37", "#9a6700", "#bc4c00", "#cf222e"};
        int at = (int) Math.round((double) i * (scale.length - 1) / (levels.size() - 1));
        return scale[at];
    }

    /** Red for concern: under compliance scoring a high percentage is the good end. */
    private String barColour(int percent) {
        if (score.method() == org.custodian.model.assessment.ScoringMethod.COMPLIANCE) {
            percent = 100 - percent;
        }
        return percent >= 70 ? "#cf222e" : percent >= 45 ? "#bc4c00" : percent >= 20 ? "#9a6700" : "#1a7f37";
    }

    static String bandColour(RiskBand band) {
        return switch (band) {
            case LOW -> "#1a7f37";
            case MEDIUM -> "#9a6700";
            case HIGH -> "#bc4c00";
            case VERY_HIGH -> "#cf222e";
        };
    }

    /** A pale tint of each band for the cells no risk falls in (the PDF renderer has no opacity). */
    static String bandTint(RiskBand band) {
        return switch (band) {
            case LOW -> "#d2f0da";
            case MEDIUM -> "#f5e7b8";
            case HIGH -> "#f9d5bd";
            case VERY_HIGH -> "#f8c9cb";
        };
    }

    private void heatMap(Xhtml x) {
        x.open("div", "class", "keep");
        x.element("h3", w.t("assessment.risk.map"));
        x.element("p", w.t("assessment.risk.mapHelp"), "class", "muted");
        int[][] counts = new int[5][5];
        for (RiskEntry r : record.risks()) {
            counts[r.residualLikelihood()][r.residualImpact()]++;
        }
        x.open("table", "class", "heat");
        for (int likelihood = 4; likelihood >= 1; likelihood--) {
            x.open("tr");
            x.element("th", w.t("assessment.risk.likelihood") + " " + likelihood);
            for (int impact = 1; impact <= 4; impact++) {
                RiskBand band = RiskEntry.band(likelihood * impact);
                int n = counts[likelihood][impact];
                String style = "background:" + (n == 0 ? bandTint(band) : bandColour(band)) + ";color:#ffffff";
                x.element("td", n == 0 ? "" : String.valueOf(n), "style", style);
            }
            x.close();
        }
        x.open("tr").element("th", "");
        for (int impact = 1; impact <= 4; impact++) {
            x.element("th", w.t("assessment.risk.impact") + " " + impact);
        }
        x.close();
        x.close();
        x.close();
    }

    private void topRisks(Xhtml x) {
        x.element("h3", w.t("report.assessment.topRisks"));
        List<RiskEntry> top = record.risks().stream()
                .sorted(Comparator.comparingInt(RiskEntry::residual).reversed()
                        .thenComparing(Comparator.comparingInt(RiskEntry::inherent).reversed()))
                .limit(5).toList();
        if (top.isEmpty()) {
            x.element("p", w.t("report.assessment.noRisks"), "class", "muted");
            return;
        }
        x.open("table", "class", "grid");
        x.open("thead").open("tr").element("th", w.t("assessment.risk.title"))
                .element("th", w.t("assessment.risk.residual")).element("th", w.t("assessment.risk.owner"))
                .close().close().open("tbody");
        for (RiskEntry r : top) {
            x.open("tr").element("td", r.title());
            x.open("td");
            band(x, r.residualLikelihood(), r.residualImpact());
            x.close();
            x.element("td", ReportMarkup.blank(r.owner())).close();
        }
        x.close().close();
    }

    private void band(Xhtml x, int likelihood, int impact) {
        RiskBand b = RiskEntry.band(likelihood * impact);
        x.element("span", likelihood + " × " + impact + " " + w.label(b), "class", "chip", "style",
                "background:" + bandColour(b));
    }

    private void openActions(Xhtml x) {
        x.element("h3", w.t("report.assessment.openActions"));
        List<PlannedAction> open = record.actions().stream()
                .filter(p -> p.status() == ActionStatus.OPEN || p.status() == ActionStatus.IN_PROGRESS)
                .sorted(Comparator.comparing(PlannedAction::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (open.isEmpty()) {
            x.element("p", w.t("report.assessment.noOpenActions"), "class", "muted");
            return;
        }
        x.open("table", "class", "grid");
        x.open("thead").open("tr").element("th", w.t("assessment.action.title"))
                .element("th", w.t("assessment.action.owner")).element("th", w.t("assessment.action.due"))
                .element("th", w.t("assessment.action.status")).close().close().open("tbody");
        for (PlannedAction p : open) {
            x.open("tr").element("td", p.title()).element("td", ReportMarkup.blank(p.owner()))
                    .element("td", p.due() == null ? "" : DAY.format(p.due()), "class", "nowrap").element("td", w.label(p.status()))
                    .close();
        }
        x.close().close();
    }

    private void sections(Xhtml x) {
        x.open("div", "class", "chapter");
        x.element("h2", w.t("report.assessment.answers"));
        long hidden = template.questions().stream().filter(q -> !visibility.shows(q.id())).count();
        if (hidden > 0) {
            x.element("p", w.t("report.assessment.hiddenLeftOut", hidden), "class", "muted");
        }
        for (Section s : template.sections()) {
            List<Question> showing = s.questions().stream().filter(q -> visibility.shows(q.id())).toList();
            if (showing.isEmpty()) {
                continue;
            }
            x.element("h3", w.pick(s.title()));
            for (Question q : showing) {
                question(x, q);
            }
        }
        x.close();
    }

    private void question(Xhtml x, Question q) {
        Answer a = record.answers().get(q.id());
        x.open("div", "class", "question");
        String number = template.numberOf(q.id());
        if (w.language() == ReportLanguage.BOTH && !q.text().zh().isBlank() && !q.text().en().equals(q.text().zh())) {
            x.open("table", "class", "sidebyside").open("tr");
            x.open("td").element("span", number + " ", "class", "number").text(q.text().en()).close();
            x.open("td").element("span", number + " ", "class", "number").text(q.text().zh()).close();
            x.close().close();
        } else {
            x.open("div").element("span", number + " ", "class", "number").text(w.pick(q.text())).close();
        }
        x.open("div", "class", "answer");
        if (a == null || !a.answered()) {
            x.element("span", w.t("report.assessment.unanswered"), "class", "unanswered");
        } else {
            x.text(w.t("report.assessment.answer") + " ");
            x.element("span", answerText(q, a), "class", "answer-value");
            if (!a.prefilledFrom().isBlank()) {
                x.element("div", w.t("report.assessment.prefilled", a.prefilledFrom()), "class", "evidence");
            }
        }
        x.close();
        if (a != null && !a.note().isBlank()) {
            x.element("div", w.t("report.assessment.note") + " " + a.note(), "class", "note");
        }
        for (Evidence e : record.evidenceOf(q.id())) {
            x.element("div", evidenceText(e), "class", "evidence");
        }
        if (q.evidenceRequired() && a != null && a.answered() && record.evidenceOf(q.id()).isEmpty()) {
            x.element("div", w.t("report.assessment.evidenceExpected"), "class", "evidence unanswered");
        }
        x.close();
    }

    private String evidenceText(Evidence e) {
        if (e.isFile()) {
            return w.t("report.assessment.evidenceFile", e.fileName(), ReportLayout.shortHash(e.sha256()),
                    e.addedBy(), day(e.addedAt()));
        }
        return w.t("report.assessment.evidenceReference", e.reference(), e.addedBy(), day(e.addedAt()));
    }

    String answerText(Question q, Answer a) {
        List<String> parts = new ArrayList<>();
        for (String v : a.values()) {
            if (q.type() == QuestionType.YES_NO) {
                YesNo yn = CodedValue.parse(YesNo.class, v);
                parts.add(yn == null ? v : w.label(yn));
            } else if (q.type().hasOptions()) {
                AnswerOption o = q.option(v);
                parts.add(o == null ? v : w.pick(o.label()));
            } else if (q.type() == QuestionType.RATING) {
                parts.add(v + " / 5");
            } else {
                parts.add(v);
            }
        }
        return String.join("; ", parts);
    }

    private void risks(Xhtml x) {
        x.open("div", "class", "chapter");
        x.element("h2", w.t("report.assessment.riskRegister"));
        if (record.risks().isEmpty()) {
            x.element("p", w.t("report.assessment.noRisks"), "class", "muted");
        } else {
            x.open("table", "class", "grid");
            x.open("thead").open("tr").element("th", "#").element("th", w.t("assessment.risk.title"))
                    .element("th", w.t("assessment.risk.inherent")).element("th", w.t("assessment.risk.mitigation"))
                    .element("th", w.t("assessment.risk.residual")).element("th", w.t("assessment.risk.owner"))
                    .close().close().open("tbody");
            int n = 1;
            for (RiskEntry r : record.risks()) {
                x.open("tr").element("td", String.valueOf(n++));
                x.open("td").text(r.title());
                if (r.description() != null && !r.description().isBlank()) {
                    x.element("div", r.description(), "class", "muted");
                }
                if (r.questionId() != null && template.question(r.questionId()) != null) {
                    x.element("div", w.t("report.assessment.fromQuestion", template.numberOf(r.questionId())),
                            "class", "evidence");
                }
                x.close();
                x.open("td");
                band(x, r.likelihood(), r.impact());
                x.close();
                x.element("td", ReportMarkup.blank(r.mitigation()));
                x.open("td");
                band(x, r.residualLikelihood(), r.residualImpact());
                x.close();
                x.element("td", ReportMarkup.blank(r.owner())).close();
            }
            x.close().close();
        }
        x.close();
    }

    private void actions(Xhtml x) {
        x.element("h2", w.t("report.assessment.actionPlan"));
        if (record.actions().isEmpty()) {
            x.element("p", w.t("assessment.action.none"), "class", "muted");
            return;
        }
        x.open("table", "class", "grid");
        x.open("thead").open("tr").element("th", w.t("assessment.action.title"))
                .element("th", w.t("assessment.action.owner")).element("th", w.t("assessment.action.due"))
                .element("th", w.t("assessment.action.status")).element("th", w.t("assessment.action.linked"))
                .close().close().open("tbody");
        for (PlannedAction p : record.actions()) {
            List<String> links = new ArrayList<>();
            if (p.questionId() != null && template.question(p.questionId()) != null) {
                links.add(w.t("assessment.action.toQuestion", template.numberOf(p.questionId())));
            }
            if (p.riskKey() != null) {
                record.risks().stream().filter(r -> r.key().equals(p.riskKey())).findFirst()
                        .ifPresent(r -> links.add(w.t("assessment.action.toRisk", r.title())));
            }
            x.open("tr").element("td", p.title()).element("td", ReportMarkup.blank(p.owner()))
                    .element("td", p.due() == null ? "" : DAY.format(p.due()), "class", "nowrap").element("td", w.label(p.status()))
                    .element("td", String.join("; ", links)).close();
        }
        x.close().close();
    }

    private void workflow(Xhtml x) {
        x.element("h2", w.t("report.assessment.workflow"));
        if (record.steps().isEmpty()) {
            x.element("p", w.t("assessment.workflow.none"), "class", "muted");
            return;
        }
        x.open("table", "class", "grid");
        x.open("thead").open("tr").element("th", w.t("report.assessment.when"))
                .element("th", w.t("report.assessment.step")).element("th", w.t("report.assessment.by"))
                .element("th", w.t("assessment.workflow.comment")).close().close().open("tbody");
        for (WorkflowStep s : record.steps()) {
            x.open("tr").element("td", MINUTE.format(s.at().atZone(zone)), "class", "nowrap")
                    .element("td", w.label(s.from()) + " → " + w.label(s.to()))
                    .element("td", s.actor() + " · " + w.label(s.role()))
                    .element("td", ReportMarkup.blank(s.comment())).close();
        }
        x.close().close();
    }

    private void signOff(Xhtml x, Assessment a) {
        x.open("div", "style", "page-break-inside: avoid");
        x.element("h2", w.t("report.assessment.signOff"));
        x.element("p", w.t("report.assessment.signOffHelp"), "class", "muted");
        x.open("table", "class", "sign");
        x.open("tr").element("th", w.t("report.assessment.role")).element("th", w.t("report.assessment.name"))
                .element("th", w.t("report.assessment.decision"))
                .element("th", w.t("report.assessment.date"), "class", "sign-date")
                .element("th", w.t("report.assessment.signature"), "class", "sign-signature").close();
        WorkflowStep submitted = record.steps().stream().filter(s -> s.to() == AssessmentStatus.SUBMITTED)
                .reduce((p, q) -> q).orElse(null);
        signRow(x, ReviewRole.ASSESSOR, submitted);
        WorkflowStep decided = decision().orElse(null);
        boolean thirdLine = decided != null && decided.role() == ReviewRole.THIRD_LINE;
        signRow(x, ReviewRole.REVIEWER, thirdLine ? null : decided);
        if (thirdLine || score.needsThirdLine()) {
            signRow(x, ReviewRole.THIRD_LINE, thirdLine ? decided : null);
        }
        x.close();
        x.close();
    }

    private void signRow(Xhtml x, ReviewRole role, WorkflowStep step) {
        x.open("tr").element("td", w.label(role))
                .element("td", step == null ? "" : step.actor())
                .element("td", step == null ? "" : w.label(step.to()))
                .element("td", step == null ? "" : day(step.at()), "class", "sign-date")
                .element("td", "", "class", "sign-signature").close();
    }

    private ReportTable answerTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Section s : template.sections()) {
            for (Question q : s.questions()) {
                if (!visibility.shows(q.id())) {
                    continue;
                }
                Answer a = record.answers().get(q.id());
                List<String> ev = record.evidenceOf(q.id()).stream()
                        .map(e -> e.isFile() ? e.fileName() + " (SHA-256 " + e.sha256() + ")" : e.reference())
                        .toList();
                rows.add(List.of(template.numberOf(q.id()), q.id(), w.pick(s.title()), w.pick(q.text()),
                        a == null || !a.answered() ? "" : answerText(q, a), a == null ? "" : a.note(),
                        String.join("; ", ev)));
            }
        }
        return new ReportTable("answers", List.of("number", "question_id", "section", "question", "answer", "note",
                "evidence"), rows);
    }

    private void fact(Xhtml x, String key, String value) {
        x.open("tr").element("th", w.t(key)).element("td", ReportMarkup.blank(value)).close();
    }


    private String day(java.time.Instant at) {
        return at == null ? "" : DAY.format(LocalDate.ofInstant(at, zone));
    }

}
