package org.custodian.logic.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.sharing.AttachmentFiles;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AnswerCheck;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.InventoryFact;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.Scorer;
import org.custodian.model.assessment.Visibility;
import org.custodian.model.assessment.WorkflowRules;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.validation.Problem;
import org.custodian.store.AssessmentRepository;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;
import org.custodian.store.Tx;

/**
 * The assessments' use cases for the window and the command line: starting one from a template, answering (each
 * change saved at once, in its own transaction with its audit event), evidence, the risk register and action plan,
 * the workflow, revisions and their comparison.
 */
public final class Assessments {

    private final Database database;
    private final AssessmentRepository repository;
    private final DatasetRepository datasets;
    private final org.custodian.logic.sharing.SharingRegister sharing;
    private final TemplateCatalog catalog;
    private final AttachmentFiles files;
    private final Clock clock;
    private final Map<String, AssessmentTemplate> templates;

    public Assessments(Database database, AssessmentRepository repository, DatasetRepository datasets,
            org.custodian.logic.sharing.SharingRegister sharing, TemplateCatalog catalog, AttachmentFiles files,
            Clock clock) {
        this(database, repository, datasets, sharing, catalog, files, clock, new ConcurrentHashMap<>());
    }

    private Assessments(Database database, AssessmentRepository repository, DatasetRepository datasets,
            org.custodian.logic.sharing.SharingRegister sharing, TemplateCatalog catalog, AttachmentFiles files,
            Clock clock, Map<String, AssessmentTemplate> templates) {
        this.database = database;
        this.repository = repository;
        this.datasets = datasets;
        this.sharing = sharing;
        this.catalog = catalog;
        this.files = files;
        this.clock = clock;
        this.templates = templates;
    }

    /**
     * The same use cases on another clock: for recording work a department did earlier (the sample department's
     * history) with the times it was done. Everything else, the rules included, is as on the workbench's own clock.
     */
    public Assessments withClock(Clock other) {
        return new Assessments(database, repository, datasets, sharing, catalog, files, other, templates);
    }

    public TemplateCatalog catalog() {
        return catalog;
    }

    public String actor() {
        return database.actor();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public List<Assessment> list(AssessmentStatus status) {
        return repository.list(status, null);
    }

    /**
     * Every revision, optionally of one status and of one risk level (the template's level id, any case; "" for
     * revisions not rated yet), newest reference first.
     */
    public List<Assessment> list(AssessmentStatus status, String riskLevel) {
        return repository.list(status, riskLevel);
    }

    public long total() {
        return repository.total();
    }

    public Optional<Assessment> find(String reference, int revision) {
        return repository.find(reference, revision);
    }

    public Optional<AssessmentRecord> load(UUID key) {
        return repository.load(key);
    }

    public List<Assessment> revisions(String reference) {
        return repository.revisions(reference);
    }

    /** The assessments that link a dataset. */
    /** The datasets an assessment links: code as written, and this inventory's dataset id when it has one. */
    public List<java.util.Map.Entry<String, UUID>> linkedDatasets(UUID key) {
        return repository.linkedDatasets(key);
    }

    public List<Assessment> linking(UUID datasetId) {
        return repository.linking(datasetId);
    }

    public List<AuditEvent> history(UUID key) {
        return database.auditHistory(AssessmentRepository.ENTITY, key.toString());
    }

    /** The frozen template an assessment was made from. */
    public AssessmentTemplate templateOf(Assessment a) {
        return template(a.templateHash());
    }

    /** A frozen template by its hash (parsed once, then kept). */
    public AssessmentTemplate template(String hash) {
        return templates.computeIfAbsent(hash, h -> TemplateFile.parseFrozen(h.substring(0, 12) + ".yaml",
                repository.templateSource(h).orElseThrow(() -> new IllegalStateException("template " + h
                        + " is not stored in this workbench"))));
    }

    /** The id of the assessment's first revision, which its revisions share wherever they travel. */
    String lineage(Assessment a) {
        return repository.lineage(a.reference()).orElse(a.key().toString());
    }

    String templateSource(String hash) {
        return repository.templateSource(hash).orElseThrow();
    }

    public ScoreCard score(AssessmentRecord record) {
        return Scorer.score(templateOf(record.assessment()), record.answers());
    }

    /** The SHA-256 of the assessment's content as an approval records it. */
    public String contentHash(AssessmentRecord record) {
        return AssessmentJson.contentHash(record, templateOf(record.assessment()));
    }

    /** Whether a decided assessment still has the content its decision recorded. */
    public boolean contentIntact(AssessmentRecord record) {
        String recorded = record.assessment().approvedHash();
        return recorded == null || recorded.equals(contentHash(record));
    }

    public Path evidencePath(Evidence e) {
        return files.pathOf(e.storedName());
    }

    public AttachmentState checkEvidence(Evidence e) throws IOException {
        return files.check(e.storedName(), e.sha256());
    }

    public Set<String> datasetCodesKnown(List<String> codes) {
        Set<String> known = new java.util.LinkedHashSet<>();
        for (String c : codes) {
            datasets.findByCode(c).ifPresent(d -> known.add(d.code()));
        }
        return known;
    }

    // ---- starting ------------------------------------------------------------------------------------------

    /**
     * Starts an assessment of {@code subject} from a template; answers the inventory can give are filled in and say
     * where they came from.
     */
    public Outcome<Assessment> create(TemplateCatalog.Entry template, String title, AssessmentSubject subject) {
        List<Problem> problems = checkSubject(title, subject);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        AssessmentTemplate t = template.template();
        Assessment created = database.inTransaction(tx -> {
            freeze(tx, t, template.source());
            Instant now = clock.instant();
            String reference = repository.nextReference(tx, today().getYear());
            Assessment a = new Assessment(UUID.randomUUID(), reference, 1, title.strip(), subject, t.id(), t.version(),
                    t.hash(), AssessmentStatus.DRAFT, now, tx.actor(), now, null, null, null, 0, 0);
            repository.insert(tx, a, a.key().toString(), null);
            prefill(tx, a, t, Map.of());
            refresh(tx, a.key(), t, Map.of());
            return a;
        });
        return Outcome.done(repository.find(created.key()).orElse(created));
    }

    /** The risk questions whose answers, showing, raise their risk. */
    private static Set<String> triggered(AssessmentTemplate t, Map<String, Answer> answers) {
        Visibility v = Visibility.of(t, answers);
        Set<String> ids = new java.util.HashSet<>();
        for (Question q : t.questions()) {
            Answer a = answers.get(q.id());
            if (q.risk() != null && a != null && v.shows(q.id())
                    && a.values().stream().anyMatch(q.risk().values()::contains)) {
                ids.add(q.id());
            }
        }
        return ids;
    }

    private List<Problem> checkSubject(String title, AssessmentSubject subject) {
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(Problem.of("title", "validation.assessment.title", "give the assessment a title"));
        }
        if (subject.name().isEmpty()) {
            problems.add(Problem.of("subject", "validation.assessment.subject", "name the project or system assessed"));
        }
        if ((title != null && title.strip().length() > 400) || subject.name().length() > 400) {
            problems.add(Problem.of("title", "validation.answer.long", "longer than 400 characters", 400));
        }
        if (subject.kind() == null) {
            problems.add(Problem.of("kind", "validation.assessment.kind", "say what is assessed"));
        }
        if (!subject.department().isEmpty() && sharing.organisations().stream()
                .noneMatch(o -> o.code().equalsIgnoreCase(subject.department()))) {
            problems.add(Problem.of("department", "validation.assessment.department", "department "
                    + subject.department() + " is not in the organisations list", subject.department()));
        }
        for (String code : subject.datasetCodes()) {
            if (datasets.findByCode(code).isEmpty()) {
                problems.add(Problem.of("datasets", "validation.assessment.dataset", "dataset " + code
                        + " is not in the inventory", code));
            }
        }
        return problems;
    }

    void freeze(Tx tx, AssessmentTemplate t, byte[] source) {
        repository.freezeTemplate(tx, t.hash(), t.id(), t.version(), t.title().en(), t.title().zh(),
                new String(source, StandardCharsets.UTF_8));
        templates.putIfAbsent(t.hash(), t);
    }

    /** Fills unanswered (or still pre-filled) yes/no questions from what the inventory knows of the datasets. */
    private void prefill(Tx tx, Assessment a, AssessmentTemplate t, Map<String, Answer> answers) {
        Map<InventoryFact, String[]> facts = facts(a.subject().datasetCodes());
        for (Question q : t.questions()) {
            if (q.prefill() == null || q.type() != QuestionType.YES_NO) {
                continue;
            }
            Answer current = answers.get(q.id());
            if (current != null && current.answered() && current.prefilledFrom().isEmpty()) {
                continue; // the assessor's own answer wins
            }
            String[] fact = facts.get(q.prefill());
            if (fact == null) {
                if (current != null && !current.prefilledFrom().isEmpty()) {
                    // The datasets that settled it are no longer linked: the question is open again.
                    repository.saveAnswer(tx, a.key(), current, new Answer(q.id(), "", current.note(), true, "",
                            clock.instant(), tx.actor()));
                }
                continue;
            }
            Answer next = new Answer(q.id(), fact[0], current == null ? "" : current.note(), true, fact[1],
                    clock.instant(), tx.actor());
            if (current == null || !current.value().equals(next.value())
                    || !current.prefilledFrom().equals(next.prefilledFrom())) {
                repository.saveAnswer(tx, a.key(), current, next);
            }
        }
    }

    /** Each fact the linked datasets settle: the answer (yes/no) and the sentence saying why. */
    private Map<InventoryFact, String[]> facts(List<String> codes) {
        Map<InventoryFact, String[]> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        List<String> personal = new ArrayList<>();
        boolean personalUnknown = false;
        List<String> crossing = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (String code : codes) {
            Optional<Dataset> found = datasets.findByCode(code);
            if (found.isEmpty()) {
                continue;
            }
            Dataset d = found.get();
            if (d.personalData() == PersonalData.YES) {
                personal.add(d.code());
            } else if (d.personalData() == PersonalData.NOT_RECORDED) {
                personalUnknown = true;
            }
            if (d.openDataStatus() != OpenDataStatus.NOT_PLANNED) {
                open.add(d.code());
            }
            for (SharingAgreement ag : sharing.covering(d.id())) {
                if (!ag.status().inForce()) {
                    continue;
                }
                shared.add(d.code() + " (" + ag.reference() + ")");
                if (ag.crossBoundary() || ag.type() == AgreementType.CROSS_BOUNDARY_TRANSFER) {
                    crossing.add(d.code() + " (" + ag.reference() + ")");
                }
            }
        }
        String all = String.join(", ", codes);
        if (!personal.isEmpty()) {
            out.put(InventoryFact.PERSONAL_DATA, new String[] {"yes", "inventory: " + String.join(", ", personal)
                    + " holds personal data"});
        } else if (!personalUnknown) {
            out.put(InventoryFact.PERSONAL_DATA, new String[] {"no", "inventory: no personal data in " + all});
        }
        // No agreement on record is not proof that data stays home: only a flow the register knows answers yes.
        if (!crossing.isEmpty()) {
            out.put(InventoryFact.CROSS_BOUNDARY, new String[] {"yes", "inventory: crosses the boundary under "
                    + String.join(", ", crossing)});
        }
        if (!shared.isEmpty()) {
            out.put(InventoryFact.SHARED_EXTERNALLY, new String[] {"yes", "inventory: shared under "
                    + String.join(", ", shared)});
        }
        out.put(InventoryFact.OPEN_DATA, open.isEmpty()
                ? new String[] {"no", "inventory: " + all + " not planned for open data"}
                : new String[] {"yes", "inventory: " + String.join(", ", open) + " on the open-data pipeline"});
        return out;
    }

    /**
     * After answers change: marks hidden answers inactive, raises the risks that the change made trigger (a question
     * whose answer now raises its risk, showing, where before it did not: so a risk the assessor deleted stays deleted
     * until its answer changes again), and keeps the result columns the lists show.
     */
    private Saved refresh(Tx tx, UUID key, AssessmentTemplate t, Map<String, Answer> before) {
        AssessmentRecord r = markActive(tx, key, t, repository.load(tx, key));
        Set<String> triggeredBefore = triggered(t, before);
        Visibility v = Visibility.of(t, r.answers());
        boolean raisedAny = false;
        Set<String> raised = new java.util.HashSet<>();
        r.risks().forEach(risk -> raised.add(risk.questionId()));
        int position = r.risks().size();
        for (Question q : t.questions()) {
            Answer a = r.answers().get(q.id());
            if (q.risk() == null || a == null || triggeredBefore.contains(q.id()) || !v.shows(q.id())
                    || raised.contains(q.id()) || a.values().stream().noneMatch(q.risk().values()::contains)) {
                continue;
            }
            // The register is the record in both languages: the template's title in each.
            String title = q.risk().title().en() + (q.risk().title().zh().isEmpty() ? "" : " / "
                    + q.risk().title().zh());
            RiskEntry risk = new RiskEntry(UUID.randomUUID(), title, "", q.risk().likelihood(), q.risk().impact(), "",
                    q.risk().likelihood(), q.risk().impact(), "", q.id());
            repository.saveRisk(tx, key, null, risk, position++);
            raisedAny = true;
        }
        ScoreCard card = Scorer.score(t, r.answers());
        double progress = card.overall().progress();
        repository.saveResult(tx, key, card.hasResult() ? card.level().id() : null, card.riskPercent(), progress,
                !card.knockOuts().isEmpty());
        return new Saved(raisedAny ? repository.load(tx, key) : r, card);
    }

    /** Marks answers inactive while their question is hidden (and active again once it shows); writes only changes. */
    private AssessmentRecord markActive(Tx tx, UUID key, AssessmentTemplate t, AssessmentRecord r) {
        Visibility v = Visibility.of(t, r.answers());
        Map<String, Boolean> changed = new HashMap<>();
        Map<String, Answer> answers = new HashMap<>(r.answers());
        for (Answer a : r.answers().values()) {
            boolean shows = v.shows(a.questionId());
            if (shows != a.active()) {
                changed.put(a.questionId(), shows);
                answers.put(a.questionId(), a.withActive(shows));
            }
        }
        if (changed.isEmpty()) {
            return r;
        }
        repository.setActive(tx, key, changed);
        return new AssessmentRecord(r.assessment(), answers, r.evidence(), r.risks(), r.actions(), r.steps());
    }

    /** Keeps the result columns the lists show, without raising risks (an import brings its own register). */
    void storeResult(Tx tx, UUID key, AssessmentTemplate t) {
        AssessmentRecord r = markActive(tx, key, t, repository.load(tx, key));
        ScoreCard card = Scorer.score(t, r.answers());
        repository.saveResult(tx, key, card.hasResult() ? card.level().id() : null, card.riskPercent(),
                card.overall().progress(), !card.knockOuts().isEmpty());
    }

    // ---- answering -----------------------------------------------------------------------------------------

    /** The answer saved (and the new score), or why it was refused: nothing is written then. */
    public record Saved(AssessmentRecord record, ScoreCard score) {
    }

    public Outcome<Saved> answer(UUID key, String questionId, String value) {
        return change(key, questionId, (q, current) -> {
            Optional<Problem> problem = AnswerCheck.check(q, value);
            return problem.map(List::of).orElse(List.of());
        }, current -> current.withValue(value == null ? "" : value.strip()));
    }

    public Outcome<Saved> note(UUID key, String questionId, String note) {
        return change(key, questionId, (q, current) -> note != null && note.length() > AnswerCheck.MAX_NOTE
                ? List.of(Problem.of("note", "validation.answer.long", "the note is longer than " + AnswerCheck.MAX_NOTE
                        + " characters", AnswerCheck.MAX_NOTE))
                : List.of(), current -> current.withNote(note));
    }

    private interface AnswerRule {
        List<Problem> check(Question q, Answer current);
    }

    private Outcome<Saved> change(UUID key, String questionId, AnswerRule rule,
            java.util.function.UnaryOperator<Answer> edit) {
        return editing(key, (tx, r) -> {
            AssessmentTemplate t = templateOf(r.assessment());
            Question q = t.question(questionId);
            if (q == null) {
                return Outcome.<Saved>refused(Problem.of("question", "validation.answer.question", "question "
                        + questionId + " is not in this template", questionId));
            }
            Answer current = r.answers().get(questionId);
            Answer base = current == null ? Answer.empty(questionId) : current;
            List<Problem> problems = rule.check(q, base);
            if (!problems.isEmpty()) {
                return Outcome.<Saved>refused(problems);
            }
            Answer next = edit.apply(base);
            if (current != null && next.value().equals(current.value()) && next.note().equals(current.note())) {
                return Outcome.done(new Saved(r, Scorer.score(t, r.answers())));
            }
            next = new Answer(next.questionId(), next.value(), next.note(), true, next.prefilledFrom(), clock.instant(),
                    tx.actor());
            repository.saveAnswer(tx, key, current, next);
            return Outcome.done(refresh(tx, key, t, r.answers()));
        });
    }

    /** Runs a change in one transaction when the assessment may be edited; refused with the reason otherwise. */
    private <T> Outcome<T> editing(UUID key, java.util.function.BiFunction<Tx, AssessmentRecord, Outcome<T>> work) {
        return database.inTransaction(tx -> {
            AssessmentRecord r = repository.load(tx, key);
            List<Problem> locked = editable(r);
            return locked.isEmpty() ? work.apply(tx, r) : Outcome.<T>refused(locked);
        });
    }

    private static List<Problem> editable(AssessmentRecord r) {
        AssessmentStatus s = r.assessment().status();
        if (s.editable()) {
            return List.of();
        }
        return List.of(s.frozen()
                ? Problem.of("status", "validation.assessment.frozen", r.assessment().label()
                        + " is decided and frozen: start a new revision to change it", r.assessment().label())
                : Problem.of("status", "validation.assessment.underReview", r.assessment().label()
                        + " is with the reviewers: it can be changed once they send it back", r.assessment().label()));
    }

    /** Changes the title and subject; the datasets' facts fill their questions again where not answered by hand. */
    public Outcome<Assessment> updateSubject(UUID key, String title, AssessmentSubject subject) {
        List<Problem> problems = checkSubject(title, subject);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        return editing(key, (tx, r) -> {
            Assessment before = r.assessment();
            Assessment after = new Assessment(before.key(), before.reference(), before.revision(), title.strip(), subject,
                    before.templateId(), before.templateVersion(), before.templateHash(), before.status(),
                    before.createdAt(), before.createdBy(), clock.instant(), before.reviewDue(), before.approvedHash(),
                    before.riskLevel(), before.riskPercent(), before.progress());
            repository.updateSubject(tx, before, after);
            AssessmentTemplate t = templateOf(before);
            prefill(tx, after, t, r.answers());
            refresh(tx, key, t, r.answers());
            return Outcome.done(after);
        });
    }

    // ---- evidence ------------------------------------------------------------------------------------------

    /** Copies a file in as evidence for a question, hashed; the copy is removed if it cannot be recorded. */
    public Outcome<Evidence> addEvidenceFile(UUID key, String questionId, Path file) throws IOException {
        AssessmentRecord r = repository.load(key).orElseThrow();
        List<Problem> problems = evidenceProblems(r, questionId);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        UUID id = UUID.randomUUID();
        AttachmentFiles.Copied copied = files.copyIn(key, id, file);
        Evidence e = new Evidence(id, questionId, file.getFileName().toString(), copied.storedName(), copied.sha256(),
                copied.size(), null, database.actor(), clock.instant());
        try {
            database.inTransaction(tx -> {
                requireEditable(tx, key);
                repository.addEvidence(tx, key, e);
                return null;
            });
        } catch (RuntimeException ex) {
            files.discard(copied.storedName());
            throw ex;
        }
        return Outcome.done(e);
    }

    /** Records a reference to evidence kept elsewhere (a file number, a link). */
    public Outcome<Evidence> addEvidenceReference(UUID key, String questionId, String reference) {
        AssessmentRecord r = repository.load(key).orElseThrow();
        List<Problem> problems = new ArrayList<>(evidenceProblems(r, questionId));
        if (reference == null || reference.isBlank()) {
            problems.add(Problem.of("reference", "validation.evidence.reference", "write the reference"));
        } else if (reference.length() > 2000) {
            problems.add(Problem.of("reference", "validation.answer.long", "the reference is longer than 2000"
                    + " characters", 2000));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        Evidence e = new Evidence(UUID.randomUUID(), questionId, null, null, null, 0, reference.strip(),
                database.actor(), clock.instant());
        database.inTransaction(tx -> {
            requireEditable(tx, key);
            repository.addEvidence(tx, key, e);
            return null;
        });
        return Outcome.done(e);
    }

    public Outcome<Evidence> removeEvidence(UUID key, Evidence e) {
        Outcome<Evidence> removed = editing(key, (tx, r) -> {
            repository.removeEvidence(tx, key, e);
            return Outcome.done(e);
        });
        // The file stays while the evidence is in the trash; purging the trash item discards it.
        return removed;
    }

    private List<Problem> evidenceProblems(AssessmentRecord r, String questionId) {
        List<Problem> problems = new ArrayList<>(editable(r));
        if (templateOf(r.assessment()).question(questionId) == null) {
            problems.add(Problem.of("question", "validation.answer.question", "question " + questionId
                    + " is not in this template", questionId));
        }
        return problems;
    }

    private void requireEditable(Tx tx, UUID key) {
        List<Problem> locked = editable(repository.load(tx, key));
        if (!locked.isEmpty()) {
            throw new IllegalStateException(locked.get(0).english());
        }
    }

    // ---- risks and actions ---------------------------------------------------------------------------------

    public static List<Problem> checkRisk(RiskEntry r) {
        List<Problem> problems = new ArrayList<>();
        if (r.title().isEmpty()) {
            problems.add(Problem.of("title", "validation.risk.title", "name the risk"));
        }
        for (int v : new int[] {r.likelihood(), r.impact(), r.residualLikelihood(), r.residualImpact()}) {
            if (v < 1 || v > 4) {
                problems.add(Problem.of("rating", "validation.risk.rating", "ratings run from 1 (negligible) to 4"
                        + " (maximum)"));
                break;
            }
        }
        if (r.residual() > r.inherent()) {
            problems.add(Problem.of("residual", "validation.risk.residual", "the residual risk cannot exceed the risk"
                    + " before mitigation"));
        }
        return problems;
    }

    public Outcome<RiskEntry> saveRisk(UUID key, RiskEntry risk) {
        List<Problem> problems = checkRisk(risk);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        return editing(key, (tx, r) -> {
            RiskEntry before = r.risks().stream().filter(x -> x.key().equals(risk.key())).findFirst().orElse(null);
            int position = before == null ? r.risks().size() : r.risks().indexOf(before);
            repository.saveRisk(tx, key, before, risk, position);
            return Outcome.done(risk);
        });
    }

    public Outcome<RiskEntry> deleteRisk(UUID key, RiskEntry risk) {
        return editing(key, (tx, r) -> {
            repository.deleteRisk(tx, key, risk);
            return Outcome.done(risk);
        });
    }

    public static List<Problem> checkAction(PlannedAction a) {
        List<Problem> problems = new ArrayList<>();
        if (a.title().isEmpty()) {
            problems.add(Problem.of("title", "validation.action.title", "say what is to be done"));
        }
        if (a.owner().isEmpty()) {
            problems.add(Problem.of("owner", "validation.action.owner", "name who owns the action"));
        }
        if (a.status() == null) {
            problems.add(Problem.of("status", "validation.action.status", "give the action a status"));
        }
        return problems;
    }

    public Outcome<PlannedAction> saveAction(UUID key, PlannedAction action) {
        List<Problem> problems = checkAction(action);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        return editing(key, (tx, r) -> {
            if (!action.questionId().isEmpty() && templateOf(r.assessment()).question(action.questionId()) == null) {
                return Outcome.<PlannedAction>refused(Problem.of("question", "validation.answer.question", "question "
                        + action.questionId() + " is not in this template", action.questionId()));
            }
            PlannedAction before = r.actions().stream().filter(x -> x.key().equals(action.key())).findFirst()
                    .orElse(null);
            int position = before == null ? r.actions().size() : r.actions().indexOf(before);
            repository.saveAction(tx, key, before, action, position);
            return Outcome.done(action);
        });
    }

    public Outcome<PlannedAction> deleteAction(UUID key, PlannedAction action) {
        return editing(key, (tx, r) -> {
            repository.deleteAction(tx, key, action);
            return Outcome.done(action);
        });
    }

    // ---- workflow ------------------------------------------------------------------------------------------

    /**
     * The numbers of the showing, answered questions that expect evidence and have none: said on submitting, so the
     * reviewers are not the first to notice.
     */
    public List<String> evidenceMissing(AssessmentRecord r) {
        AssessmentTemplate t = templateOf(r.assessment());
        Visibility v = Visibility.of(t, r.answers());
        List<String> missing = new ArrayList<>();
        for (Question q : t.questions()) {
            Answer a = r.answers().get(q.id());
            if (q.evidenceRequired() && v.shows(q.id()) && a != null && a.answered() && !a.values().contains("na")
                    && r.evidenceOf(q.id()).isEmpty()) {
                missing.add(t.numberOf(q.id()));
            }
        }
        return missing;
    }

    /** What a workflow move would be refused for; empty when it may go ahead. */
    public List<Problem> workflowProblems(AssessmentRecord r, AssessmentStatus to, ReviewRole role, String comment) {
        return WorkflowRules.check(r, score(r), to, role, database.actor(), comment);
    }

    /**
     * Moves the assessment one workflow step as the current user in {@code role}. A decision records the content
     * hash and freezes the assessment; an approval sets the date it is to be reviewed again (a year on, unless given).
     */
    public Outcome<AssessmentRecord> move(UUID key, AssessmentStatus to, ReviewRole role, String comment,
            LocalDate reviewDue) {
        return move(key, to, role, comment, reviewDue, database.actor(), clock.instant());
    }

    /**
     * Records a workflow step taken by {@code actor} at {@code at}: how a department's earlier decisions (the sample
     * department's history) come in with the people who made them. The rules are those of a move by the current
     * user, {@link WorkflowRules} included (so whoever submitted cannot decide); the step may not be dated before the
     * previous one nor after now, and the review date must be after the day of the decision. The audit event still
     * names the workbench user who recorded the step.
     */
    public Outcome<AssessmentRecord> move(UUID key, AssessmentStatus to, ReviewRole role, String comment,
            LocalDate reviewDue, String actor, Instant at) {
        return database.inTransaction(tx -> {
            AssessmentRecord r = repository.load(tx, key);
            ScoreCard card = score(r);
            String who = actor == null ? "" : actor.strip();
            List<Problem> problems = new ArrayList<>();
            if (who.isEmpty()) {
                problems.add(Problem.of("actor", "validation.workflow.actor", "name who takes the step"));
            }
            problems.addAll(WorkflowRules.check(r, card, to, role, who, comment));
            LocalDate day = LocalDate.ofInstant(at, clock.getZone());
            if (to.approved() && reviewDue != null && !reviewDue.isAfter(day)) {
                problems.add(Problem.of("reviewDue", "validation.workflow.reviewDue", "the review date must be after"
                        + " the day of the decision"));
            }
            if (!r.steps().isEmpty() && at.isBefore(r.steps().get(r.steps().size() - 1).at())) {
                problems.add(Problem.of("at", "validation.workflow.order", "a step cannot be dated before the"
                        + " previous one"));
            }
            if (at.isAfter(clock.instant())) {
                problems.add(Problem.of("at", "validation.workflow.future", "a step cannot be dated in the future"));
            }
            if (!problems.isEmpty()) {
                return Outcome.<AssessmentRecord>refused(problems);
            }
            String hash = to.frozen() ? contentHash(r) : null;
            LocalDate due = to.approved() ? (reviewDue == null ? day.plusYears(1) : reviewDue) : null;
            WorkflowStep step = new WorkflowStep(r.steps().size() + 1, r.assessment().status(), to, who, role, at,
                    comment == null || comment.isBlank() ? null : comment.strip(), hash);
            repository.appendStep(tx, r.assessment(), step, hash, due);
            return Outcome.done(repository.load(tx, key));
        });
    }

    // ---- revisions -----------------------------------------------------------------------------------------

    /** Answers that could not move to another template version, and why. */
    public record Unmapped(String questionId, String value, String reason) {
    }

    public record Revised(Assessment assessment, List<Unmapped> unmapped) {
    }

    /**
     * Starts the next revision of a decided (or any) assessment as a draft: answers, notes, evidence, risks and open
     * actions are copied. With {@code target} the new revision moves to that template version, mapping answers by
     * question id; the ones that do not fit are listed. Reopening an approved assessment needs a {@code reason},
     * which becomes the new revision's audit event's reason (otherwise it may be null).
     */
    public Outcome<Revised> newRevision(UUID key, TemplateCatalog.Entry target, String reason) throws IOException {
        AssessmentRecord r = repository.load(key).orElseThrow();
        Assessment latest = repository.revisions(r.assessment().reference()).stream()
                .reduce((a, b) -> b).orElse(r.assessment());
        if (!latest.key().equals(key)) {
            return Outcome.refused(Problem.of("revision", "validation.assessment.notLatest", "revision "
                    + latest.revision() + " is the latest; start the next revision from it", latest.revision()));
        }
        if (!r.assessment().status().frozen()) {
            return Outcome.refused(Problem.of("status", "validation.assessment.notDecided", r.assessment().label()
                    + " is still open: change it directly; a new revision follows a decision", r.assessment().label()));
        }
        boolean noReason = reason == null || reason.isBlank();
        if (r.assessment().status().approved() && noReason) {
            // Reopening what was approved undoes a decision: the log must say why.
            return Outcome.refused(Problem.of("reason", "validation.assessment.reopenReason", "reopening "
                    + r.assessment().label() + ", which was approved, needs a reason for the audit log",
                    r.assessment().label()));
        }
        AssessmentTemplate from = templateOf(r.assessment());
        AssessmentTemplate to = target == null ? from : target.template();
        List<Unmapped> unmapped = new ArrayList<>();
        Map<String, Answer> mapped = mapAnswers(r.answers(), to, unmapped);
        // Evidence files are copied for the new revision, so each revision keeps its own record of them.
        UUID newKey = UUID.randomUUID();
        List<Evidence> evidence = new ArrayList<>();
        List<String> copiedFiles = new ArrayList<>();
        try {
            for (Evidence e : r.evidence()) {
                if (to.question(e.questionId()) == null) {
                    unmapped.add(new Unmapped(e.questionId(), e.isFile() ? e.fileName() : e.reference(),
                            "evidence for a question the template no longer has"));
                    continue;
                }
                UUID id = UUID.randomUUID();
                if (e.isFile()) {
                    AttachmentState state = files.check(e.storedName(), e.sha256());
                    if (state != AttachmentState.INTACT) {
                        copiedFiles.forEach(files::discard);
                        return Outcome.refused(Problem.of("evidence", "validation.evidence.notIntact", "the evidence "
                                + e.fileName() + " is " + (state == AttachmentState.MISSING ? "missing"
                                : "no longer the file recorded") + "; restore it before starting a new revision",
                                e.fileName()));
                    }
                    AttachmentFiles.Copied c = files.copyIn(newKey, id, files.pathOf(e.storedName()));
                    copiedFiles.add(c.storedName());
                    evidence.add(new Evidence(id, e.questionId(), e.fileName(), c.storedName(), c.sha256(), c.size(),
                            null, e.addedBy(), e.addedAt()));
                } else {
                    evidence.add(new Evidence(id, e.questionId(), null, null, null, 0, e.reference(), e.addedBy(),
                            e.addedAt()));
                }
            }
            Assessment created = database.inTransaction(tx -> {
                if (target != null) {
                    freeze(tx, to, target.source());
                }
                Instant now = clock.instant();
                Assessment a = new Assessment(newKey, r.assessment().reference(), r.assessment().revision() + 1,
                        r.assessment().title(), r.assessment().subject(), to.id(), to.version(), to.hash(),
                        AssessmentStatus.DRAFT, now, tx.actor(), now, null, null, null, 0, 0);
                repository.insert(tx, a, repository.lineage(r.assessment().reference())
                        .orElse(r.assessment().key().toString()), noReason ? "revision " + a.revision() + " of "
                        + a.reference() : reason.strip());
                for (Answer ans : mapped.values()) {
                    repository.saveAnswer(tx, newKey, null, ans);
                }
                for (Evidence e : evidence) {
                    repository.addEvidence(tx, newKey, e);
                }
                int position = 0;
                Map<UUID, UUID> riskKeys = new HashMap<>();
                for (RiskEntry risk : r.risks()) {
                    UUID id = UUID.randomUUID();
                    riskKeys.put(risk.key(), id);
                    String q = to.question(risk.questionId()) == null ? "" : risk.questionId();
                    repository.saveRisk(tx, newKey, null, new RiskEntry(id, risk.title(), risk.description(),
                            risk.likelihood(), risk.impact(), risk.mitigation(), risk.residualLikelihood(),
                            risk.residualImpact(), risk.owner(), q), position++);
                }
                position = 0;
                for (PlannedAction act : r.actions()) {
                    if (act.status().closed()) {
                        continue;
                    }
                    String q = to.question(act.questionId()) == null ? "" : act.questionId();
                    repository.saveAction(tx, newKey, null, new PlannedAction(UUID.randomUUID(), act.title(),
                            act.owner(), act.due(), act.status(), q,
                            act.riskKey() == null ? null : riskKeys.get(act.riskKey())), position++);
                }
                prefill(tx, a, to, mapped);
                refresh(tx, newKey, to, mapped);
                return a;
            });
            return Outcome.done(new Revised(repository.find(created.key()).orElse(created), unmapped));
        } catch (RuntimeException | IOException ex) {
            copiedFiles.forEach(files::discard);
            throw ex;
        }
    }

    /** Moves answers onto a template by question id, keeping those whose value still fits. */
    static Map<String, Answer> mapAnswers(Map<String, Answer> answers, AssessmentTemplate to, List<Unmapped> unmapped) {
        Map<String, Answer> out = new LinkedHashMap<>();
        for (Answer a : answers.values()) {
            Question q = to.question(a.questionId());
            if (q == null) {
                if (a.answered() || !a.note().isEmpty()) {
                    unmapped.add(new Unmapped(a.questionId(), a.value(), "the template has no question "
                            + a.questionId()));
                }
                continue;
            }
            Optional<Problem> problem = AnswerCheck.check(q, a.value());
            if (problem.isPresent()) {
                unmapped.add(new Unmapped(a.questionId(), a.value(), problem.get().english()
                        + " (the note is kept)"));
                out.put(a.questionId(), new Answer(a.questionId(), "", a.note(), true, "", a.changedAt(),
                        a.changedBy()));
                continue;
            }
            out.put(a.questionId(), a);
        }
        return out;
    }

    /** One row of two revisions side by side. */
    public record ComparedAnswer(String questionId, String number, String text, QuestionType type, String left,
            String right, String leftNote, String rightNote, boolean changed) {
    }

    /** Every question of either revision, in the newer template's order, with both answers. */
    public List<ComparedAnswer> compare(AssessmentRecord left, AssessmentRecord right, java.util.Locale locale) {
        AssessmentTemplate lt = templateOf(left.assessment());
        AssessmentTemplate rt = templateOf(right.assessment());
        List<ComparedAnswer> rows = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (AssessmentTemplate t : List.of(rt, lt)) {
            for (Question q : t.questions()) {
                if (!done.add(q.id())) {
                    continue;
                }
                Answer a = left.answers().get(q.id());
                Answer b = right.answers().get(q.id());
                String av = shown(lt, a, locale);
                String bv = shown(rt, b, locale);
                String an = a == null ? "" : a.note();
                String bn = b == null ? "" : b.note();
                rows.add(new ComparedAnswer(q.id(), t.numberOf(q.id()), q.text().in(locale), q.type(), av, bv, an, bn,
                        !av.equals(bv) || !an.equals(bn)));
            }
        }
        return rows;
    }

    /** An answer as a reader sees it: option labels rather than values; "(hidden)" when inactive. */
    public static String shown(AssessmentTemplate t, Answer a, java.util.Locale locale) {
        if (a == null || !a.answered()) {
            return "";
        }
        Question q = t.question(a.questionId());
        String text;
        if (q != null && q.type().hasOptions()) {
            text = String.join("; ", a.values().stream().map(v -> {
                var o = q.option(v);
                return o == null ? v : o.label().in(locale);
            }).toList());
        } else {
            text = a.value();
        }
        return a.active() ? text : text + " (hidden)";
    }
}
