package org.custodian.logic.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.json.JsonInput;
import org.custodian.logic.sharing.AttachmentFiles;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.inventory.CodedValue;
import org.custodian.store.AssessmentRepository;
import org.custodian.store.Database;

/**
 * Export and import of a whole assessment as one JSON file ({@link AssessmentJson}). Importing an export reproduces
 * it exactly, workflow and evidence included; importing one made with a template version this workbench cannot use
 * (or, on request, onto the newest version) maps answers by question id into a new draft and lists what did not fit.
 */
public final class AssessmentExchange {

    private final Database database;
    private final AssessmentRepository repository;
    private final Assessments assessments;
    private final AttachmentFiles files;

    public AssessmentExchange(Database database, AssessmentRepository repository, Assessments assessments,
            AttachmentFiles files) {
        this.database = database;
        this.repository = repository;
        this.assessments = assessments;
        this.files = files;
    }

    /** Writes the revision to {@code out} atomically, evidence files inside; returns the number of files included. */
    public int export(UUID key, Path out) throws IOException {
        AssessmentRecord r = repository.load(key).orElseThrow(() -> new IllegalArgumentException("no assessment " + key));
        AssessmentTemplate t = assessments.templateOf(r.assessment());
        int[] included = {0};
        try {
            JsonNode node = AssessmentJson.write(r, t, assessments.templateSource(t.hash()),
                    assessments.lineage(r.assessment()), e -> {
                try {
                    byte[] bytes = Files.readAllBytes(files.pathOf(e.storedName()));
                    if (!TemplateFile.sha256(bytes).equals(e.sha256())) {
                        throw new IOException("evidence " + e.fileName() + " no longer matches the hash recorded when"
                                + " it was added; check the attachments folder before exporting");
                    }
                    included[0]++;
                    return bytes;
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            AtomicOutput.write(out, o -> AssessmentJson.MAPPER.writeValue(o, node));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return included[0];
    }

    /** What an import did. */
    public enum Kind { CREATED, UNCHANGED, MAPPED, COPIED }

    public record Imported(Kind kind, Assessment assessment, List<Assessments.Unmapped> unmapped) {
    }

    /**
     * Imports an assessment file.
     *
     * @param toLatest map the answers onto the newest installed version of the template, as a new draft
     * @param asNew import under a new reference when the file's reference is taken by a different assessment
     * @throws InputRejectedException naming the file and every fault when it cannot be imported; nothing is written
     */
    public Imported importFile(Path file, boolean toLatest, boolean asNew) throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.REGISTER);
        String source = input.name();
        JsonNode root;
        try (InputStream in = input.open()) {
            root = JsonInput.document(source, in);
        }
        Parsed p = new Parsed(source, root);
        p.read();
        // Which template: the file's own (by hash), else the installed one with that hash, else the newest version.
        AssessmentTemplate template = null;
        byte[] templateBytes = null;
        boolean mapped = false;
        if (!toLatest) {
            if (p.templateSource != null) {
                templateBytes = p.templateSource.getBytes(StandardCharsets.UTF_8);
                TemplateFile.Result r;
                try {
                    r = TemplateFile.read(p.templateId + ".yaml", templateBytes);
                } catch (InputRejectedException e) {
                    // Said of the file the person chose, not of the template copy inside it.
                    throw p.reject("template.source", "the template inside the file does not read: "
                            + e.getMessage());
                }
                if (!r.valid()) {
                    throw p.reject("template.source", "the template inside the file does not read: "
                            + r.problems().get(0).describe());
                }
                if (!r.template().hash().equals(p.templateHash)) {
                    throw p.reject("template.source", "the template inside the file does not match its hash "
                            + p.templateHash + "; the file was altered");
                }
                template = r.template();
            } else {
                Optional<String> stored = repository.templateSource(p.templateHash);
                if (stored.isPresent()) {
                    templateBytes = stored.get().getBytes(StandardCharsets.UTF_8);
                    template = assessments.template(p.templateHash);
                } else {
                    Optional<TemplateCatalog.Entry> installed = assessments.catalog().find(p.templateId,
                            p.templateVersion).filter(e -> e.template().hash().equals(p.templateHash));
                    if (installed.isPresent()) {
                        template = installed.get().template();
                        templateBytes = installed.get().source();
                    }
                }
            }
        }
        if (template == null) {
            TemplateCatalog.Entry latest = assessments.catalog().latest(p.templateId).orElseThrow(() -> p.reject(
                    "template.id", "template " + p.templateId + " " + p.templateVersion + " is neither in the file nor"
                            + " installed here; install the template (templates list shows what is installed)"));
            template = latest.template();
            templateBytes = latest.source();
            mapped = !template.hash().equals(p.templateHash);
        }
        List<Assessments.Unmapped> unmapped = new ArrayList<>();
        Map<String, Answer> answers = p.answers;
        if (mapped) {
            answers = Assessments.mapAnswers(p.answers, template, unmapped);
        }
        final AssessmentTemplate t = template;
        final byte[] tb = templateBytes;
        final boolean isMapped = mapped;
        final Map<String, Answer> finalAnswers = answers;
        // Same reference and revision already here: identical means nothing to do; different needs --as-new.
        Optional<Assessment> existing = repository.find(p.reference, p.revision);
        String reference = p.reference;
        int revision = p.revision;
        boolean sameLineage = p.lineage == null || repository.lineage(p.reference).map(p.lineage::equals).orElse(true);
        if (existing.isPresent() && !isMapped && !asNew && sameLineage) {
            AssessmentRecord here = repository.load(existing.get().key()).orElseThrow();
            AssessmentRecord there = p.record(existing.get().key(), t, finalAnswers, p.evidence, p.status);
            if (AssessmentJson.contentHash(here, assessments.templateOf(here.assessment()))
                    .equals(AssessmentJson.contentHash(there, t)) && here.steps().size() == p.steps.size()) {
                return new Imported(Kind.UNCHANGED, existing.get(), List.of());
            }
        }
        boolean copy = false;
        // The same reference elsewhere may be another department's assessment: only its own lineage continues here.
        Optional<String> localLineage = repository.lineage(p.reference);
        boolean foreign = localLineage.isPresent() && p.lineage != null && !localLineage.get().equals(p.lineage);
        if (foreign && !asNew) {
            throw new InputRejectedException(source + ": " + p.reference + " here is another assessment (its first"
                    + " revision differs); import it as a new assessment (--as-new) to add it under a new reference");
        }
        if (existing.isPresent() || (isMapped && repository.find(p.reference, 0).isPresent())
                || (asNew && repository.find(p.reference, 0).isPresent())) {
            if (!asNew) {
                throw new InputRejectedException(source + ": " + p.reference + " revision " + p.revision
                        + " is already in this workbench with different content; import it as a new assessment"
                        + " (--as-new) to add it under a new reference");
            }
            reference = null;
            revision = 1;
            copy = true;
        }
        if (!isMapped) {
            checkAnswers(p, t, finalAnswers);
            checkDecision(p, t, finalAnswers);
            checkWorkflow(p, t, finalAnswers);
        }
        // A copy or a mapped import is new work: a draft with ids of its own, the decision left with the original.
        final boolean fresh = copy || isMapped;
        Map<UUID, UUID> ids = new java.util.HashMap<>();
        java.util.function.Function<UUID, UUID> idOf = id -> id == null ? null
                : fresh ? ids.computeIfAbsent(id, x -> UUID.randomUUID()) : id;
        if (fresh && !p.steps.isEmpty()) {
            unmapped.add(new Assessments.Unmapped("workflow", p.status.code(), "the decision belongs to the original"
                    + " assessment; this copy starts as a draft"));
        }
        // Evidence files go in first; if the database write fails they are removed again.
        List<String> copied = new ArrayList<>();
        UUID key = UUID.randomUUID();
        List<Evidence> evidence = new ArrayList<>();
        Path temp = Files.createTempDirectory("custodian-evidence");
        try {
            for (Evidence e : p.evidence) {
                if (t.question(e.questionId()) == null) {
                    unmapped.add(new Assessments.Unmapped(e.questionId(), e.isFile() ? e.fileName() : e.reference(),
                            "evidence for a question the template does not have"));
                    continue;
                }
                if (!e.isFile()) {
                    evidence.add(new Evidence(idOf.apply(e.key()), e.questionId(), null, null, null, 0, e.reference(),
                            e.addedBy(), e.addedAt()));
                    continue;
                }
                byte[] bytes = p.contents.get(e.key());
                // The name in the file is only a name: the content goes to a temporary file named by its id.
                Path f = temp.resolve(e.key().toString());
                Files.write(f, bytes);
                AttachmentFiles.Copied c = files.copyIn(key, idOf.apply(e.key()), f, e.fileName());
                copied.add(c.storedName());
                evidence.add(new Evidence(idOf.apply(e.key()), e.questionId(), e.fileName(), c.storedName(), c.sha256(),
                        c.size(), null, e.addedBy(), e.addedAt()));
            }
            final String ref = reference;
            final int rev = revision;
            database.backupBeforeImport();
            Assessment created = database.inTransaction(tx -> {
                assessments.freeze(tx, t, tb);
                String r = ref != null ? ref : repository.nextReference(tx, assessments.today().getYear());
                Assessment a = new Assessment(key, r, rev, p.title, p.subject, t.id(), t.version(), t.hash(),
                        AssessmentStatus.DRAFT, p.createdAt, p.createdBy, p.updatedAt, null, null, null, 0, 0);
                String line = fresh || p.lineage == null ? (rev == 1 ? key.toString()
                        : repository.lineage(r).orElse(key.toString())) : p.lineage;
                repository.insert(tx, a, line, "imported from " + source);
                for (Answer ans : finalAnswers.values()) {
                    repository.saveAnswer(tx, key, null, ans);
                }
                for (Evidence e : evidence) {
                    repository.addEvidence(tx, key, e);
                }
                int position = 0;
                for (RiskEntry risk : p.risks) {
                    String q = t.question(risk.questionId()) == null ? "" : risk.questionId();
                    repository.saveRisk(tx, key, null, new RiskEntry(idOf.apply(risk.key()), risk.title(),
                            risk.description(),
                            risk.likelihood(), risk.impact(), risk.mitigation(), risk.residualLikelihood(),
                            risk.residualImpact(), risk.owner(), q), position++);
                }
                position = 0;
                for (PlannedAction act : p.actions) {
                    String q = t.question(act.questionId()) == null ? "" : act.questionId();
                    repository.saveAction(tx, key, null, new PlannedAction(idOf.apply(act.key()), act.title(),
                            act.owner(), act.due(), act.status(), q, idOf.apply(act.riskKey())), position++);
                }
                assessments.storeResult(tx, key, t);
                if (!fresh) {
                    Assessment current = a;
                    for (WorkflowStep s : p.steps) {
                        boolean last = s == p.steps.get(p.steps.size() - 1);
                        repository.appendStep(tx, current, s, s.to().frozen() ? s.contentHash() : null,
                                last && s.to().approved() ? p.reviewDue : null);
                        current = repository.load(tx, key).assessment();
                    }
                }
                return repository.load(tx, key).assessment();
            });
            return new Imported(isMapped ? Kind.MAPPED : copy ? Kind.COPIED : Kind.CREATED, created, unmapped);
        } catch (RuntimeException | IOException e) {
            copied.forEach(files::discard);
            throw e;
        } finally {
            deleteTree(temp);
        }
    }

    /** Every answer is to a question of the template and a value it accepts. */
    private static void checkAnswers(Parsed p, AssessmentTemplate t, Map<String, Answer> answers) {
        List<String> faults = new ArrayList<>();
        for (Answer a : answers.values()) {
            org.custodian.model.assessment.Question q = t.question(a.questionId());
            if (q == null) {
                faults.add("answers: question " + a.questionId() + " is not in template " + t.id() + " " + t.version());
                continue;
            }
            org.custodian.model.assessment.AnswerCheck.check(q, a.value()).ifPresent(problem ->
                    faults.add("answers, question " + a.questionId() + ": " + problem.english()));
        }
        if (!faults.isEmpty()) {
            throw new InputRejectedException(p.source + ": " + faults.size() + (faults.size() == 1 ? " fault"
                    : " faults") + ", nothing imported:\n  " + String.join("\n  ", faults.subList(0,
                    Math.min(20, faults.size()))));
        }
    }

    /**
     * The workflow in the file followed the rules a move here follows: nobody decided on their own submission,
     * a result that needs the third line was approved by it, and send-backs, conditions and rejections say why.
     */
    private static void checkWorkflow(Parsed p, AssessmentTemplate t, Map<String, Answer> answers) {
        org.custodian.model.assessment.ScoreCard card = org.custodian.model.assessment.Scorer.score(t, answers);
        String submitter = null;
        for (int i = 0; i < p.steps.size(); i++) {
            WorkflowStep s = p.steps.get(i);
            String at = "workflow[" + i + "]";
            if (s.to() == AssessmentStatus.SUBMITTED) {
                submitter = s.actor();
                if (s.role() != org.custodian.model.assessment.ReviewRole.ASSESSOR) {
                    throw p.reject(at + ".role", "only the assessor submits an assessment");
                }
                continue;
            }
            if (!s.role().reviews()) {
                throw p.reject(at + ".role", "only a reviewer or the third line decides on an assessment");
            }
            if (submitter != null && submitter.equalsIgnoreCase(s.actor())) {
                throw p.reject(at + ".actor", s.actor() + " decided on their own submission");
            }
            if (s.to().approved() && card.needsThirdLine()
                    && s.role() != org.custodian.model.assessment.ReviewRole.THIRD_LINE) {
                throw p.reject(at + ".role", "the result is " + card.level().title().en() + ": only the third line"
                        + " may approve it");
            }
            boolean needsWhy = s.to() == AssessmentStatus.CHANGES_REQUESTED
                    || s.to() == AssessmentStatus.APPROVED_WITH_CONDITIONS || s.to() == AssessmentStatus.REJECTED;
            if (needsWhy && (s.comment() == null || s.comment().isBlank())) {
                throw p.reject(at + ".comment", "a " + s.to().code() + " step says why");
            }
        }
    }

    /** A decided assessment's recorded hash must still match its content: otherwise the file was altered. */
    private void checkDecision(Parsed p, AssessmentTemplate t, Map<String, Answer> answers) {
        if (!p.status.frozen()) {
            return;
        }
        AssessmentRecord r = p.record(UUID.randomUUID(), t, answers, p.evidence, p.status);
        String hash = AssessmentJson.contentHash(r, t);
        WorkflowStep decision = p.steps.get(p.steps.size() - 1);
        if (!hash.equals(decision.contentHash()) || (p.approvedHash != null && !hash.equals(p.approvedHash))) {
            throw p.reject("approved_hash", "the content no longer matches the hash recorded when it was "
                    + p.status.code() + " (" + (decision.contentHash() == null ? "none" : decision.contentHash()
                    .substring(0, 12)) + "…); the file was changed after the decision");
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is removed by the system
        }
    }

    /** The file read and checked field by field; every fault is collected before the import is refused. */
    private static final class Parsed {
        final String source;
        final JsonNode root;
        final List<String> problems = new ArrayList<>();
        String reference;
        int revision;
        String title;
        AssessmentStatus status;
        Instant createdAt;
        String createdBy;
        Instant updatedAt;
        LocalDate reviewDue;
        String approvedHash;
        String lineage;
        String templateId;
        String templateVersion;
        String templateHash;
        String templateSource;
        AssessmentSubject subject;
        final Map<String, Answer> answers = new LinkedHashMap<>();
        final List<Evidence> evidence = new ArrayList<>();
        final Map<UUID, byte[]> contents = new LinkedHashMap<>();
        final List<RiskEntry> risks = new ArrayList<>();
        final List<PlannedAction> actions = new ArrayList<>();
        final List<WorkflowStep> steps = new ArrayList<>();
        private final java.util.Set<UUID> ids = new java.util.HashSet<>();

        Parsed(String source, JsonNode root) {
            this.source = source;
            this.root = root;
        }

        InputRejectedException reject(String path, String message) {
            return new InputRejectedException(source + ", " + path + ": " + message);
        }

        void problem(String path, String message) {
            problems.add(path + ": " + message);
        }

        void read() {
            if (!root.isObject()) {
                throw new InputRejectedException(source + ": not an assessment file (expected a JSON object with id,"
                        + " template, subject, answers)");
            }
            if (!AssessmentJson.FORMAT.equals(AssessmentJson.text(root, "format"))) {
                throw new InputRejectedException(source + ": not a Custodian assessment (its format field is not '"
                        + AssessmentJson.FORMAT + "')");
            }
            int fv = root.path("format_version").asInt(-1);
            if (fv != AssessmentJson.FORMAT_VERSION) {
                throw new InputRejectedException(source + ": format_version " + root.path("format_version").asText()
                        + " is not one this version of Custodian reads (" + AssessmentJson.FORMAT_VERSION + ")");
            }
            reference = required(root, "id", 40);
            if (reference != null && !reference.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                problem("id", "'" + reference + "' is not an assessment reference (letters, digits, dots, hyphens)");
            }
            revision = root.path("revision").asInt(0);
            if (revision < 1) {
                problem("revision", "must be a whole number from 1");
            }
            title = required(root, "title", 400);
            status = CodedValue.parse(AssessmentStatus.class, AssessmentJson.text(root, "status"));
            if (status == null) {
                problem("status", "must be one of " + CodedValue.codes(AssessmentStatus.class));
            }
            createdAt = instant(root, "created_at");
            createdBy = required(root, "created_by", 200);
            updatedAt = instant(root, "updated_at");
            reviewDue = date(root, "review_due");
            approvedHash = AssessmentJson.text(root, "approved_hash");
            lineage = AssessmentJson.text(root, "lineage");
            JsonNode t = root.path("template");
            templateId = required(t, "template.id", "id", 60);
            templateVersion = required(t, "template.version", "version", 20);
            templateHash = required(t, "template.hash", "hash", 64);
            templateSource = AssessmentJson.text(t, "source");
            JsonNode s = root.path("subject");
            SubjectKind kind = CodedValue.parse(SubjectKind.class, AssessmentJson.text(s, "kind"));
            if (kind == null) {
                problem("subject.kind", "must be one of " + CodedValue.codes(SubjectKind.class));
            }
            List<String> datasets = new ArrayList<>();
            s.path("datasets").forEach(d -> datasets.add(d.asText()));
            subject = new AssessmentSubject(required(s, "subject.name", "name", 400), kind,
                    AssessmentJson.text(s, "department"), AssessmentJson.text(s, "description"), datasets);
            answers(root.path("answers"));
            risks(root.path("risks"));
            actions(root.path("actions"));
            workflow(root.path("workflow"));
            if (!problems.isEmpty()) {
                throw new InputRejectedException(source + ": " + problems.size() + (problems.size() == 1 ? " fault" :
                        " faults") + ", nothing imported:\n  " + String.join("\n  ", problems.subList(0,
                        Math.min(20, problems.size()))));
            }
        }

        void answers(JsonNode list) {
            if (!list.isArray()) {
                problem("answers", "must be a list");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode a = list.get(i);
                String at = "answers[" + i + "]";
                String q = required(a, at + ".question", "question", 60);
                if (q == null) {
                    continue;
                }
                JsonNode v = a.path("value");
                String value;
                if (v.isArray()) {
                    List<String> values = new ArrayList<>();
                    v.forEach(x -> values.add(x.asText()));
                    value = Answer.join(values);
                } else {
                    value = v.isMissingNode() || v.isNull() ? "" : v.asText();
                }
                Instant changed = a.has("changed_at") && !a.get("changed_at").isNull()
                        ? instant(a, at + ".changed_at", "changed_at") : createdAt;
                String by = AssessmentJson.text(a, "changed_by");
                boolean evidenceOnly = a.path("evidence_only").asBoolean(false);
                if (answers.containsKey(q) && !evidenceOnly) {
                    problem(at + ".question", "question " + q + " is answered twice");
                }
                if (!evidenceOnly) {
                    answers.put(q, new Answer(q, value, AssessmentJson.text(a, "note"), a.path("active").asBoolean(true),
                            AssessmentJson.text(a, "prefilled_from"), changed, by == null ? createdBy : by));
                }
                JsonNode ev = a.path("evidence");
                for (int j = 0; j < ev.size(); j++) {
                    evidence(ev.get(j), at + ".evidence[" + j + "]", q);
                }
            }
        }

        void evidence(JsonNode e, String at, String question) {
            UUID id = uuid(e, at + ".id");
            String file = AssessmentJson.text(e, "file");
            String reference = AssessmentJson.text(e, "reference");
            Instant added = instant(e, at + ".added_at", "added_at");
            String by = required(e, at + ".added_by", "added_by", 200);
            if (id != null && !ids.add(id)) {
                problem(at + ".id", "the id " + id + " is used twice in the file");
            }
            if (file == null) {
                if (reference == null || reference.isBlank()) {
                    problem(at, "evidence needs a file or a reference");
                    return;
                }
                if (id != null) {
                    evidence.add(new Evidence(id, question, null, null, null, 0, reference, by, added));
                }
                return;
            }
            String sha = AssessmentJson.text(e, "sha256");
            String content = AssessmentJson.text(e, "content");
            if (content == null) {
                problem(at + ".content", "the file " + file + " is not inside the export; export it again from the"
                        + " workbench that holds it");
                return;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException ex) {
                problem(at + ".content", "not base64");
                return;
            }
            if (sha == null || !TemplateFile.sha256(bytes).equals(sha)) {
                problem(at + ".sha256", "the content of " + file + " does not match its recorded hash");
                return;
            }
            if (id != null) {
                contents.put(id, bytes);
                evidence.add(new Evidence(id, question, file, "pending", sha, bytes.length, null, by, added));
            }
        }

        void risks(JsonNode list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String at = "risks[" + i + "]";
                UUID id = uuid(r, at + ".id");
                RiskEntry risk = new RiskEntry(id, AssessmentJson.text(r, "title"), AssessmentJson.text(r, "description"),
                        r.path("likelihood").asInt(0), r.path("impact").asInt(0), AssessmentJson.text(r, "mitigation"),
                        r.path("residual_likelihood").asInt(0), r.path("residual_impact").asInt(0),
                        AssessmentJson.text(r, "owner"), AssessmentJson.text(r, "question"));
                Assessments.checkRisk(risk).forEach(pr -> problem(at + "." + pr.field(), pr.english()));
                if (id != null && !ids.add(id)) {
                    problem(at + ".id", "the id " + id + " is used twice in the file");
                }
                if (id != null) {
                    risks.add(risk);
                }
            }
        }

        void actions(JsonNode list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode a = list.get(i);
                String at = "actions[" + i + "]";
                UUID id = uuid(a, at + ".id");
                String risk = AssessmentJson.text(a, "risk");
                UUID riskKey = null;
                if (risk != null && !risk.isEmpty()) {
                    riskKey = uuid(a, at + ".risk", "risk");
                    final UUID rk = riskKey;
                    if (rk != null && risks.stream().noneMatch(r -> r.key().equals(rk))) {
                        problem(at + ".risk", "names a risk that is not in the file");
                    }
                }
                PlannedAction action = new PlannedAction(id, AssessmentJson.text(a, "title"),
                        AssessmentJson.text(a, "owner"), date(a, at + ".due", "due"),
                        CodedValue.parse(ActionStatus.class, AssessmentJson.text(a, "status")),
                        AssessmentJson.text(a, "question"), riskKey);
                Assessments.checkAction(action).forEach(pr -> problem(at + "." + pr.field(), pr.english()));
                if (id != null && !ids.add(id)) {
                    problem(at + ".id", "the id " + id + " is used twice in the file");
                }
                if (id != null) {
                    actions.add(action);
                }
            }
        }

        void workflow(JsonNode list) {
            AssessmentStatus previous = AssessmentStatus.DRAFT;
            for (int i = 0; i < list.size(); i++) {
                JsonNode s = list.get(i);
                String at = "workflow[" + i + "]";
                AssessmentStatus to = CodedValue.parse(AssessmentStatus.class, AssessmentJson.text(s, "to"));
                ReviewRole role = CodedValue.parse(ReviewRole.class, AssessmentJson.text(s, "role"));
                if (to == null || !previous.canBecome(to)) {
                    problem(at + ".to", "'" + AssessmentJson.text(s, "to") + "' cannot follow " + previous.code());
                    return;
                }
                if (role == null) {
                    problem(at + ".role", "must be one of " + CodedValue.codes(ReviewRole.class));
                    return;
                }
                steps.add(new WorkflowStep(i + 1, previous, to, required(s, at + ".actor", "actor", 200), role,
                        instant(s, at + ".at", "at"), AssessmentJson.text(s, "comment"),
                        AssessmentJson.text(s, "content_hash")));
                previous = to;
            }
            if (status != null && previous != status) {
                problem("status", "is " + status.code() + " but the workflow ends at " + previous.code());
            }
        }

        AssessmentRecord record(UUID key, AssessmentTemplate t, Map<String, Answer> answers, List<Evidence> evidence,
                AssessmentStatus status) {
            Assessment a = new Assessment(key, reference, revision, title, subject, t.id(), t.version(), t.hash(),
                    status, createdAt, createdBy, updatedAt, reviewDue, approvedHash, null, 0, 0);
            return new AssessmentRecord(a, answers, evidence, risks, actions, steps);
        }

        String required(JsonNode n, String key, int max) {
            return required(n, key, key, max);
        }

        String required(JsonNode n, String path, String key, int max) {
            String v = AssessmentJson.text(n, key);
            if (v == null || v.isBlank()) {
                problem(path, "missing");
                return null;
            }
            if (v.length() > max) {
                problem(path, "longer than " + max + " characters");
                return null;
            }
            return v.strip();
        }

        Instant instant(JsonNode n, String key) {
            return instant(n, key, key);
        }

        Instant instant(JsonNode n, String path, String key) {
            String v = AssessmentJson.text(n, key);
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException | NullPointerException e) {
                problem(path, "'" + v + "' is not a time (2026-11-29T10:15:30Z)");
                return Instant.EPOCH;
            }
        }

        LocalDate date(JsonNode n, String key) {
            return date(n, key, key);
        }

        LocalDate date(JsonNode n, String path, String key) {
            String v = AssessmentJson.text(n, key);
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(path, "'" + v + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        UUID uuid(JsonNode n, String path) {
            return uuid(n, path, "id");
        }

        UUID uuid(JsonNode n, String path, String key) {
            String v = AssessmentJson.text(n, key);
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException | NullPointerException e) {
                problem(path, "'" + v + "' is not an id (a UUID)");
                return null;
            }
        }
    }
}
