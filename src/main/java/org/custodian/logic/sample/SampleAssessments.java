package org.custodian.logic.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.tree.LocatedTree;
import org.custodian.logic.io.tree.TreeChecker;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AnswerCheck;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoringMethod;
import org.custodian.model.assessment.Section;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.inventory.CodedValue;

/**
 * The sample department's assessments ({@code assessments.yaml}; {@code sample-data/README.md} describes the file).
 * Each is recorded through the assessments' own use cases, on the days the file gives and with the people it names
 * for each workflow step, so the rules of the workflow hold for the sample as for anyone. The questions the file
 * leaves open are filled in, where the file asks for it, with the answer of least concern. An assessment whose
 * title is already in the workbench is left as it is: a second load adds nothing.
 */
final class SampleAssessments {

    /** The sample department works in Hong Kong: the file's times are Hong Kong times. */
    static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");

    private static final Set<String> ROOT_KEYS = Set.of("fill_text", "assessments");
    private static final Set<String> WORK_KEYS = Set.of("created", "answered", "fill", "answers", "notes", "evidence",
            "risks", "actions", "workflow");
    private static final Set<String> ENTRY_KEYS;
    private static final Set<String> SUBJECT_KEYS = Set.of("name", "kind", "department", "description", "datasets");
    private static final Set<String> EVIDENCE_KEYS = Set.of("question", "reference");
    private static final Set<String> RISK_KEYS = Set.of("question", "title", "description", "rating", "mitigation",
            "residual", "owner");
    private static final Set<String> ACTION_KEYS = Set.of("title", "owner", "due", "status", "question", "risk");
    private static final Set<String> STEP_KEYS = Set.of("at", "to", "role", "actor", "comment", "review_due",
            "answers", "notes", "evidence");
    private static final int LONG = 4000;

    static {
        Set<String> keys = new HashSet<>(WORK_KEYS);
        keys.addAll(Set.of("title", "template", "subject", "revision"));
        ENTRY_KEYS = Set.copyOf(keys);
    }

    private final Assessments assessments;
    /** The file's answer to a required text question it leaves open. */
    private String fillText = "";

    SampleAssessments(Assessments assessments) {
        this.assessments = assessments;
    }

    // ---- the file, read ------------------------------------------------------------------------------------

    /** Which sections the filler answers: all, none, or those up to and including one. */
    private record Fill(boolean all, String through) {
        static final Fill ALL = new Fill(true, null);
        static final Fill NONE = new Fill(false, null);
    }

    private record EvidencePlan(String question, String reference) {
    }

    /** A risk: with {@code question}, the one that answer raised (its rating kept unless given); else a new one. */
    private record RiskPlan(String path, String question, String title, String description, int[] rating,
            String mitigation, int[] residual, String owner) {
    }

    /** {@code risk} names a risk of the register by the question that raised it, or by its title. */
    private record ActionPlan(String path, String title, String owner, LocalDate due, ActionStatus status,
            String question, String risk) {
    }

    private record StepPlan(String path, Instant at, AssessmentStatus to, ReviewRole role, String actor,
            String comment, LocalDate reviewDue, Map<String, String> answers, Map<String, String> notes,
            List<EvidencePlan> evidence) {
    }

    /** What is done to one revision: when, its answers and the rest of its content, then its workflow. */
    private record Work(String path, Instant created, Instant answered, Fill fill, Map<String, String> answers,
            Map<String, String> notes, List<EvidencePlan> evidence, List<RiskPlan> risks, List<ActionPlan> actions,
            List<StepPlan> steps) {
    }

    private record Plan(String path, String title, TemplateCatalog.Entry template, AssessmentSubject subject,
            Work work, Work revision) {
    }

    // ---- loading ---------------------------------------------------------------------------------------------

    /** Why a planned assessment could not be recorded. */
    private static final class Refused extends RuntimeException {
        private final String path;

        Refused(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }

    ImportReport load(String source, InputStream in) {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(source, in);
        } catch (InputRejectedException e) {
            return new ImportReport(source, 0, 0, 0, 1, List.of(new RowProblem(source, 0, null, e.getMessage())),
                    List.of());
        }
        Reader reader = new Reader(tree);
        List<Plan> plans = reader.plans();
        List<RowProblem> problems = new ArrayList<>();
        reader.problems().forEach(p -> problems.add(row(p)));
        if (plans == null) {
            return new ImportReport(source, 0, 0, 0, Math.max(1, reader.entries), problems, List.of());
        }
        Set<String> known = new HashSet<>();
        assessments.list(null).forEach(a -> known.add(a.title()));
        int created = 0;
        int unchanged = 0;
        int rejected = reader.entries - plans.size();
        for (Plan plan : plans) {
            if (known.contains(plan.title())) {
                unchanged++;
                continue;
            }
            try {
                record(plan);
                created++;
            } catch (Refused e) {
                rejected++;
                problems.add(new RowProblem(source, tree.line(e.path), e.path, plan.title() + ": " + e.getMessage()));
            }
        }
        return new ImportReport(source, created, 0, unchanged, rejected, problems, List.of());
    }

    private static RowProblem row(FileProblem p) {
        return new RowProblem(p.source(), p.line(), p.path(), p.message());
    }

    private void record(Plan plan) {
        Work w = plan.work();
        Outcome<Assessment> created = on(w.created()).create(plan.template(), plan.title(), plan.subject());
        UUID key = done(created, w.path()).key();
        AssessmentTemplate t = plan.template().template();
        work(key, t, w);
        if (plan.revision() != null) {
            Work r = plan.revision();
            Outcome<Assessments.Revised> revised;
            try {
                revised = on(r.created()).newRevision(key, null, null);
            } catch (java.io.IOException e) {
                throw new Refused(r.path(), "cannot start the revision: " + e.getMessage());
            }
            work(done(revised, r.path()).assessment().key(), t, r);
        }
    }

    /** The use cases on a clock stopped at {@code at}, so what they record carries that time. */
    private Assessments on(Instant at) {
        return assessments.withClock(Clock.fixed(at, ZONE));
    }

    private static <T> T done(Outcome<T> outcome, String path) {
        if (!outcome.isDone()) {
            throw new Refused(path, outcome.describe().replace('\n', ' '));
        }
        return outcome.record();
    }

    private void work(UUID key, AssessmentTemplate t, Work w) {
        Assessments s = on(w.answered());
        answer(s, key, t, w.answers(), w.fill(), w.path() + ".answers");
        content(s, key, w.notes(), w.evidence(), w.path());
        for (RiskPlan r : w.risks()) {
            done(s.saveRisk(key, risk(s.load(key).orElseThrow(), r)), r.path());
        }
        for (ActionPlan a : w.actions()) {
            done(s.saveAction(key, action(s.load(key).orElseThrow(), a)), a.path());
        }
        Map<String, String> given = new LinkedHashMap<>(w.answers());
        for (StepPlan step : w.steps()) {
            Assessments st = on(step.at());
            answer(st, key, t, step.answers(), Fill.NONE, step.path() + ".answers");
            given.putAll(step.answers());
            content(st, key, step.notes(), step.evidence(), step.path());
            done(st.move(key, step.to(), step.role(), step.comment(), step.reviewDue(), step.actor(), step.at()),
                    step.path());
        }
        AssessmentRecord r = s.load(key).orElseThrow();
        for (String q : given.keySet()) {
            Answer a = r.answers().get(q);
            if (a != null && !a.active()) {
                throw new Refused(w.path() + ".answers." + q, "question " + q + " is answered but does not show"
                        + " with the other answers");
            }
        }
    }

    private void content(Assessments s, UUID key, Map<String, String> notes, List<EvidencePlan> evidence, String path) {
        notes.forEach((q, text) -> done(s.note(key, q, text), path + ".notes." + q));
        for (EvidencePlan e : evidence) {
            done(s.addEvidenceReference(key, e.question(), e.reference()), path + ".evidence");
        }
    }

    /**
     * Answers in template order, so that each condition sees the answers before it: the file's answers, and in the
     * sections the filler covers, every showing question still open.
     */
    private void answer(Assessments s, UUID key, AssessmentTemplate t, Map<String, String> given, Fill fill,
            String path) {
        Map<String, Answer> current = new HashMap<>(s.load(key).orElseThrow().answers());
        boolean filling = fill.all() || fill.through() != null;
        for (Section section : t.sections()) {
            for (Question q : section.questions()) {
                String value = given.get(q.id());
                if (value == null) {
                    Answer a = current.get(q.id());
                    if (!filling || (a != null && a.answered()) || !Visibility.of(t, current).shows(q.id())) {
                        continue;
                    }
                    value = fallback(t, q, path);
                    if (value == null) {
                        continue;
                    }
                }
                current = new HashMap<>(done(s.answer(key, q.id(), value), path + "." + q.id()).record().answers());
            }
            if (section.id().equals(fill.through())) {
                filling = false;
            }
        }
    }

    /**
     * The answer of least concern: for a yes/no, single or multiple choice the value carrying the fewest points in
     * the template's scoring direction (the first of equals; "no" for an unscored yes/no, which opens no branch);
     * 2 on a rating; for a required text the file's {@code fill_text}. Numbers, dates and optional texts stay open.
     */
    private String fallback(AssessmentTemplate t, Question q, String path) {
        return switch (q.type()) {
            case YES_NO -> q.points().isEmpty() ? "no" : leastConcern(t, q, List.of("yes", "no"));
            case SINGLE, MULTIPLE -> leastConcern(t, q, q.values());
            case RATING -> "2";
            case TEXT -> q.required() ? fillText : null;
            case NUMBER, DATE -> {
                if (q.required()) {
                    throw new Refused(path, "question " + q.id() + " is required and cannot be filled in: answer it"
                            + " in the file");
                }
                yield null;
            }
        };
    }

    private static String leastConcern(AssessmentTemplate t, Question q, List<String> values) {
        String best = null;
        int lowest = Integer.MAX_VALUE;
        for (String v : values) {
            int points = q.type() == QuestionType.YES_NO ? q.points().getOrDefault(v, 0) : q.option(v).points();
            int concern = t.method() == ScoringMethod.COMPLIANCE ? -points : points;
            if (concern < lowest) {
                lowest = concern;
                best = v;
            }
        }
        return best;
    }

    private static RiskEntry risk(AssessmentRecord r, RiskPlan p) {
        Optional<RiskEntry> raised = p.question() == null ? Optional.empty()
                : r.risks().stream().filter(x -> x.questionId().equals(p.question())).findFirst();
        if (raised.isPresent()) {
            RiskEntry e = raised.get();
            int[] rating = p.rating() == null ? new int[] {e.likelihood(), e.impact()} : p.rating();
            int[] residual = p.residual() == null ? rating : p.residual();
            return new RiskEntry(e.key(), p.title() == null ? e.title() : p.title(),
                    p.description() == null ? e.description() : p.description(), rating[0], rating[1],
                    p.mitigation() == null ? e.mitigation() : p.mitigation(), residual[0], residual[1],
                    p.owner() == null ? e.owner() : p.owner(), e.questionId());
        }
        if (p.title() == null || p.rating() == null) {
            throw new Refused(p.path(), p.question() == null ? "a risk of the assessor's own needs a title and a rating"
                    : "the answer to " + p.question() + " raised no risk: give the risk a title and a rating");
        }
        int[] residual = p.residual() == null ? p.rating() : p.residual();
        return new RiskEntry(UUID.randomUUID(), p.title(), p.description(), p.rating()[0], p.rating()[1],
                p.mitigation(), residual[0], residual[1], p.owner(), p.question());
    }

    private static PlannedAction action(AssessmentRecord r, ActionPlan p) {
        UUID riskKey = null;
        if (p.risk() != null) {
            riskKey = r.risks().stream().filter(x -> x.questionId().equals(p.risk()) || x.title().equals(p.risk()))
                    .map(RiskEntry::key).findFirst()
                    .orElseThrow(() -> new Refused(p.path() + ".risk", "no risk '" + p.risk() + "' in the register"));
        }
        return new PlannedAction(UUID.randomUUID(), p.title(), p.owner(), p.due(), p.status(), p.question(), riskKey);
    }

    // ---- reading the file --------------------------------------------------------------------------------------

    private final class Reader extends TreeChecker {

        int entries;

        Reader(LocatedTree tree) {
            super(tree);
        }

        /** The plans of the entries that read without a problem; null when the file as a whole is wrong. */
        List<Plan> plans() {
            JsonNode root = tree.root();
            if (!root.isObject() || !root.path("assessments").isArray()) {
                problem("", "the file must be a mapping with fill_text and a list of assessments");
                return null;
            }
            if (tree.duplicateKey() != null) {
                problem(tree.duplicateKey(), "this key is written twice; keep one");
                return null;
            }
            int before = problems.size();
            unknownKeys(root, "", ROOT_KEYS);
            String fill = text(root, "", "fill_text", LONG);
            if (problems.size() > before) {
                return null;
            }
            fillText = fill;
            JsonNode list = root.get("assessments");
            entries = list.size();
            List<Plan> plans = new ArrayList<>();
            Set<String> titles = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "assessments[" + i + "]";
                int problemsBefore = problems.size();
                Plan plan = entry(list.get(i), path);
                if (plan != null && !titles.add(plan.title())) {
                    problem(path + ".title", "another assessment has this title");
                }
                if (plan != null && problems.size() == problemsBefore) {
                    plans.add(plan);
                }
            }
            return plans;
        }

        private Plan entry(JsonNode n, String path) {
            if (!n.isObject()) {
                problem(path, "an assessment is a mapping (title, template, subject, answers, …)");
                return null;
            }
            unknownKeys(n, path, ENTRY_KEYS);
            String title = text(n, path, "title");
            String templateId = text(n, path, "template");
            TemplateCatalog.Entry template = null;
            if (templateId != null) {
                if (!TemplateCatalog.BUNDLED.contains(templateId)) {
                    problem(path(path, "template"), "'" + templateId + "' is not a bundled template ("
                            + String.join(", ", TemplateCatalog.BUNDLED) + ")");
                } else {
                    template = TemplateCatalog.bundled(templateId);
                }
            }
            AssessmentSubject subject = subject(n.get("subject"), path(path, "subject"));
            AssessmentTemplate t = template == null ? null : template.template();
            Work work = work(n, path, t, Fill.ALL);
            Work revision = null;
            if (n.has("revision")) {
                String at = path(path, "revision");
                if (!n.get("revision").isObject()) {
                    problem(at, "the next revision is a mapping (created, answers, workflow, …)");
                } else {
                    unknownKeys(n.get("revision"), at, WORK_KEYS);
                    revision = work(n.get("revision"), at, t, Fill.ALL);
                }
            }
            if (title == null || template == null || subject == null || work == null) {
                return null;
            }
            return new Plan(path, title, template, subject, work, revision);
        }

        private AssessmentSubject subject(JsonNode n, String path) {
            if (n == null || !n.isObject()) {
                problem(path, "give the subject: name, kind, department, description and datasets");
                return null;
            }
            unknownKeys(n, path, SUBJECT_KEYS);
            String name = text(n, path, "name");
            SubjectKind kind = coded(n, path, "kind", SubjectKind.class);
            String department = text(n, path, "department");
            String description = text(n, path, "description", LONG);
            List<String> datasets = new ArrayList<>();
            JsonNode ds = n.get("datasets");
            if (ds == null || !ds.isArray() || ds.isEmpty()) {
                problem(path(path, "datasets"), "list the dataset codes the subject uses");
            } else {
                ds.forEach(d -> datasets.add(d.asText().strip()));
            }
            return name == null || kind == null || department == null ? null
                    : new AssessmentSubject(name, kind, department, description, datasets);
        }

        private Work work(JsonNode n, String path, AssessmentTemplate t, Fill defaultFill) {
            Instant created = time(n, path, "created");
            Instant answered = n.has("answered") ? time(n, path, "answered") : created;
            Fill fill = defaultFill;
            if (n.has("fill")) {
                String f = text(n, path, "fill");
                if ("all".equals(f)) {
                    fill = Fill.ALL;
                } else if ("none".equals(f)) {
                    fill = Fill.NONE;
                } else if (f != null && t != null && t.sections().stream().anyMatch(s -> s.id().equals(f))) {
                    fill = new Fill(false, f);
                } else if (f != null && t != null) {
                    problem(path(path, "fill"), "write all, none, or the id of the last section to fill in");
                }
            }
            Map<String, String> answers = answers(n.get("answers"), path(path, "answers"), t);
            Map<String, String> notes = notes(n.get("notes"), path(path, "notes"), t);
            List<EvidencePlan> evidence = evidence(n.get("evidence"), path(path, "evidence"), t);
            List<RiskPlan> risks = new ArrayList<>();
            for (Item i : items(n.get("risks"), path(path, "risks"), RISK_KEYS)) {
                risks.add(new RiskPlan(i.path, question(i.node, i.path, "question", t, false),
                        optional(i.node, i.path, "title"), optional(i.node, i.path, "description"),
                        rating(i.node, i.path, "rating"), optional(i.node, i.path, "mitigation"),
                        rating(i.node, i.path, "residual"), optional(i.node, i.path, "owner")));
            }
            List<ActionPlan> actions = new ArrayList<>();
            for (Item i : items(n.get("actions"), path(path, "actions"), ACTION_KEYS)) {
                actions.add(new ActionPlan(i.path, text(i.node, i.path, "title"), text(i.node, i.path, "owner"),
                        date(i.node, i.path, "due"), coded(i.node, i.path, "status", ActionStatus.class),
                        question(i.node, i.path, "question", t, false), optional(i.node, i.path, "risk")));
            }
            List<StepPlan> steps = new ArrayList<>();
            for (Item i : items(n.get("workflow"), path(path, "workflow"), STEP_KEYS)) {
                steps.add(new StepPlan(i.path, time(i.node, i.path, "at"),
                        coded(i.node, i.path, "to", AssessmentStatus.class),
                        coded(i.node, i.path, "role", ReviewRole.class), text(i.node, i.path, "actor"),
                        optional(i.node, i.path, "comment"),
                        i.node.has("review_due") ? date(i.node, i.path, "review_due") : null,
                        answers(i.node.get("answers"), path(i.path, "answers"), t),
                        notes(i.node.get("notes"), path(i.path, "notes"), t),
                        evidence(i.node.get("evidence"), path(i.path, "evidence"), t)));
            }
            return created == null ? null : new Work(path, created, answered, fill, answers, notes, evidence, risks,
                    actions, steps);
        }

        private record Item(JsonNode node, String path) {
        }

        private List<Item> items(JsonNode n, String path, Set<String> keys) {
            List<Item> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (!n.isArray()) {
                problem(path, "must be a list");
                return out;
            }
            for (int i = 0; i < n.size(); i++) {
                String at = path + "[" + i + "]";
                if (!n.get(i).isObject()) {
                    problem(at, "must be a mapping");
                    continue;
                }
                unknownKeys(n.get(i), at, keys);
                out.add(new Item(n.get(i), at));
            }
            return out;
        }

        /** The answers by question id, each checked against its question; a multiple choice is a list. */
        private Map<String, String> answers(JsonNode n, String path, AssessmentTemplate t) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null) {
                return out;
            }
            if (!n.isObject()) {
                problem(path, "must map question ids to answers");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path(path, e.getKey());
                String value = value(e.getValue(), at);
                Question q = t == null ? null : t.question(e.getKey());
                if (t != null && q == null) {
                    problem(at, "the template " + t.id() + " has no question " + e.getKey());
                } else if (q != null && value != null) {
                    AnswerCheck.check(q, value).ifPresentOrElse(p -> problem(at, p.english()),
                            () -> out.put(e.getKey(), value));
                }
            }
            return out;
        }

        private String value(JsonNode v, String path) {
            if (v.isBoolean()) {
                return v.booleanValue() ? "yes" : "no";
            }
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.add(x.asText().strip()));
                return Answer.join(values);
            }
            if (v.isNumber()) {
                return v.decimalValue().toPlainString();
            }
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
            problem(path, "give an answer");
            return null;
        }

        private Map<String, String> notes(JsonNode n, String path, AssessmentTemplate t) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null) {
                return out;
            }
            if (!n.isObject()) {
                problem(path, "must map question ids to notes");
                return out;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String q = it.next();
                if (t != null && t.question(q) == null) {
                    problem(path(path, q), "the template " + t.id() + " has no question " + q);
                    continue;
                }
                String note = text(n, path, q, LONG);
                if (note != null) {
                    out.put(q, note);
                }
            }
            return out;
        }

        private List<EvidencePlan> evidence(JsonNode n, String path, AssessmentTemplate t) {
            List<EvidencePlan> out = new ArrayList<>();
            for (Item i : items(n, path, EVIDENCE_KEYS)) {
                String q = question(i.node, i.path, "question", t, true);
                String reference = text(i.node, i.path, "reference", 2000);
                if (q != null && reference != null) {
                    out.add(new EvidencePlan(q, reference));
                }
            }
            return out;
        }

        private String question(JsonNode n, String path, String key, AssessmentTemplate t, boolean required) {
            if (!required && !n.has(key)) {
                return null;
            }
            String q = text(n, path, key);
            if (q != null && t != null && t.question(q) == null) {
                problem(path(path, key), "the template " + t.id() + " has no question " + q);
                return null;
            }
            return q;
        }

        private String optional(JsonNode n, String path, String key) {
            return n.has(key) ? text(n, path, key, LONG) : null;
        }

        /** [likelihood, impact], each 1 (negligible) to 4 (maximum); null when not given. */
        private int[] rating(JsonNode n, String path, String key) {
            JsonNode r = n.get(key);
            if (r == null) {
                return null;
            }
            if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToInt() || !r.get(1).canConvertToInt()
                    || r.get(0).asInt() < 1 || r.get(0).asInt() > 4 || r.get(1).asInt() < 1 || r.get(1).asInt() > 4) {
                problem(path(path, key), "write [likelihood, impact], each from 1 to 4");
                return null;
            }
            return new int[] {r.get(0).asInt(), r.get(1).asInt()};
        }

        private <E extends Enum<E> & CodedValue> E coded(JsonNode n, String path, String key, Class<E> type) {
            String s = text(n, path, key);
            E e = CodedValue.parse(type, s);
            if (s != null && e == null) {
                problem(path(path, key), "'" + s + "' is not one of " + CodedValue.codes(type));
            }
            return e;
        }

        private LocalDate date(JsonNode n, String path, String key) {
            String s = text(n, path, key);
            try {
                return s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problem(path(path, key), "'" + s + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        /** A Hong Kong date and time, {@code 2026-03-12T16:20}. */
        private Instant time(JsonNode n, String path, String key) {
            String s = text(n, path, key);
            try {
                return s == null ? null : LocalDateTime.parse(s).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problem(path(path, key), "'" + s + "' is not a date and time (YYYY-MM-DDTHH:MM, Hong Kong time)");
                return null;
            }
        }
    }
}
