package org.custodian.logic.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.RiskLevel;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.oversight.AssessmentFacts;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingAcceptance;
import org.custodian.model.oversight.FindingList;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.oversight.Severity;
import org.custodian.model.validation.Problem;
import org.custodian.store.Database;
import org.custodian.store.FindingAcceptances;
import org.custodian.store.FindingQueries;

/**
 * The rule engine over all registers: what is wrong across the inventory, the decisions, the agreements and the
 * assessments, and which of it a person accepted for a time. Findings are computed, never stored, so they always
 * match the records; only acceptances are kept (and audited).
 */
public final class Findings {

    /** The principle the AI templates file their data-privacy questions under. */
    static final String PRIVACY_PRINCIPLE = "data-privacy";
    /** The longest a finding may be accepted for: acceptances come up for a fresh look at least once a year. */
    static final int LONGEST_ACCEPTANCE_DAYS = 366;
    public static final String REASON = "reason";
    public static final String EXPIRES_ON = "expires_on";

    private final Database database;
    private final FindingQueries queries;
    private final FindingAcceptances acceptances;
    private final Assessments assessments;
    private final Clock clock;

    public Findings(Database database, Assessments assessments, Clock clock) {
        this.database = database;
        this.queries = new FindingQueries(database);
        this.acceptances = new FindingAcceptances(database);
        this.assessments = assessments;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every finding on {@code today}, each open or accepted, in the order of the rules. */
    public FindingList evaluate(LocalDate today) {
        FindingQueries.Snapshot snapshot = queries.read(today);
        List<Finding> found = new ArrayList<>(snapshot.findings());
        found.addAll(assessmentFindings(snapshot.assessments()));
        found.sort(Comparator.comparing((Finding f) -> f.rule().ordinal()));
        Map<String, FindingAcceptance> holding = new HashMap<>();
        for (FindingAcceptance a : acceptances.list()) {
            if (a.holdsOn(today)) {
                holding.merge(a.findingKey(), a, (x, y) -> x.expiresOn().isAfter(y.expiresOn()) ? x : y);
            }
        }
        List<FindingState> states = new ArrayList<>(found.size());
        for (Finding f : found) {
            // A key is text built per finding: with nothing accepted (the usual case) there is none to build.
            states.add(new FindingState(f, holding.isEmpty() ? null : holding.get(f.key())));
        }
        return new FindingList(today, states);
    }

    /** How many findings are open (not accepted) on {@code today}, per severity; every severity is present. */
    public Map<Severity, Integer> openBySeverity(LocalDate today) {
        return evaluate(today).openBySeverity();
    }

    /** Every acceptance ever recorded (holding, expired and withdrawn), newest first. */
    public List<FindingAcceptance> acceptances() {
        return acceptances.list();
    }

    /**
     * Accepts {@code finding} until {@code expiresOn} (at most a year ahead) for {@code reason}, audited. Refused
     * with the reason when the reason is blank or the expiry is not ahead of today.
     */
    public FindingAcceptance accept(Finding finding, String reason, LocalDate expiresOn) {
        List<Problem> problems = acceptanceProblems(reason, expiresOn, today());
        if (!problems.isEmpty()) {
            throw new InputRejectedException(String.join("; ", problems.stream().map(Problem::english).toList())
                    + ".");
        }
        return database.inTransaction(tx -> {
            FindingAcceptance a = acceptances.insert(tx, finding.key(), finding.rule().id(), finding.recordLabels(),
                    reason, expiresOn);
            tx.audit(FindingAcceptances.ENTITY, a.id().toString(), "accept", null, describe(a), a.reason());
            return a;
        });
    }

    /** What is wrong with an acceptance's reason and expiry (the accept form shows the same): none when sound. */
    public static List<Problem> acceptanceProblems(String reason, LocalDate expiresOn, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of(REASON, "validation.finding.reason",
                    "give a reason to accept the finding: it is kept in the audit trail"));
        }
        LocalDate latest = today.plusDays(LONGEST_ACCEPTANCE_DAYS);
        if (expiresOn == null || !expiresOn.isAfter(today)) {
            problems.add(Problem.of(EXPIRES_ON, "validation.finding.expiry",
                    "an acceptance needs an expiry date after today (" + today + ")", today.toString()));
        } else if (expiresOn.isAfter(latest)) {
            problems.add(Problem.of(EXPIRES_ON, "validation.finding.expiryTooLate", "an acceptance lasts at most a"
                    + " year: choose an expiry on or before " + latest, latest.toString()));
        }
        return problems;
    }

    /** Ends an acceptance before its expiry, so the finding is open again; audited with {@code reason}. */
    public FindingAcceptance withdraw(UUID acceptanceId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InputRejectedException("Give a reason to withdraw the acceptance: it is kept in the audit"
                    + " trail.");
        }
        return database.inTransaction(tx -> {
            Optional<FindingAcceptance> withdrawn = acceptances.withdraw(tx, acceptanceId);
            FindingAcceptance a = withdrawn.orElseThrow(() -> new InputRejectedException("There is no acceptance "
                    + acceptanceId + " in force (it may have been withdrawn already)."));
            Map<String, Object> after = describe(a);
            after.put("withdrawn_by", a.withdrawnBy());
            tx.audit(FindingAcceptances.ENTITY, a.id().toString(), "withdraw-acceptance", describe(a), after,
                    reason.strip());
            return a;
        });
    }

    private static Map<String, Object> describe(FindingAcceptance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", a.rule());
        m.put("records", a.records());
        m.put("finding_key", a.findingKey());
        m.put("expires_on", a.expiresOn().toString());
        return m;
    }

    // ---- the rules that need the assessment's template ---------------------------------------------------------

    private List<Finding> assessmentFindings(List<AssessmentFacts> facts) {
        List<Finding> found = new ArrayList<>();
        for (AssessmentFacts a : facts) {
            AssessmentTemplate template = assessments.template(a.templateHash());
            aiPrivacyUnanswered(a, template).ifPresent(found::add);
            highRiskWithoutThirdLine(a, template).ifPresent(found::add);
        }
        return found;
    }

    /**
     * An AI assessment over personal data must answer its data-privacy questions (those that show). The AI templates
     * file those questions under the data-privacy principle; a template without any (a privacy impact assessment,
     * which is all privacy questions) has no such section to leave open.
     */
    private Optional<Finding> aiPrivacyUnanswered(AssessmentFacts a, AssessmentTemplate template) {
        List<Question> privacy = template.questions().stream().filter(q -> PRIVACY_PRINCIPLE.equals(q.principle()))
                .toList();
        if (a.personalDataDatasets().isEmpty() || privacy.isEmpty()) {
            return Optional.empty();
        }
        AssessmentRecord record = assessments.load(a.assessment().id()).orElse(null);
        if (record == null) {
            return Optional.empty();
        }
        Map<String, Answer> answers = record.answers();
        Visibility visible = Visibility.of(template, answers);
        long unanswered = privacy.stream().filter(q -> visible.shows(q.id()))
                .filter(q -> answers.get(q.id()) == null || answers.get(q.id()).value().isBlank()).count();
        if (unanswered == 0) {
            return Optional.empty();
        }
        List<RecordRef> records = new ArrayList<>();
        records.add(a.assessment());
        records.addAll(a.personalDataDatasets());
        String codes = String.join(", ", a.personalDataDatasets().stream().map(RecordRef::label).toList());
        return Optional.of(new Finding(FindingRule.AI_PRIVACY_UNANSWERED, records, a.department(),
                List.of(a.assessment().label(), codes, unanswered), whileDraft(a)));
    }

    /** A result at or above the template's third-line level needs the third line's approval on record. */
    private static Optional<Finding> highRiskWithoutThirdLine(AssessmentFacts a, AssessmentTemplate template) {
        RiskLevel level = template.levels().stream().filter(l -> l.id().equalsIgnoreCase(a.riskLevel())).findFirst()
                .orElse(null);
        if (a.thirdLineSigned() || level == null || !template.needsThirdLine(level)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingRule.HIGH_RISK_NO_THIRD_LINE, List.of(a.assessment()), a.department(),
                List.of(a.assessment().label(), a.status()), whileDraft(a)));
    }

    /**
     * An assessment's gaps weigh less while it is a draft being filled in: medium then, and high once it is put
     * forward for a decision (or decided) with them. So a script gating on high findings is not stopped by every
     * assessment someone has begun, while the dashboard still shows the draft's gap.
     */
    private static Severity whileDraft(AssessmentFacts a) {
        return a.status() == AssessmentStatus.DRAFT ? Severity.MEDIUM : Severity.HIGH;
    }
}
