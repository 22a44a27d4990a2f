package org.custodian.logic.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.WorkflowStep;

/**
 * The assessment file: one JSON object holding the whole revision — the template (id, version, hash and its file),
 * the subject, answers with their notes and evidence (files inside, base64), risks, actions and the workflow — so
 * an export re-imports without loss anywhere. The content hash an approval records is the SHA-256 of the same
 * object without the workflow, the timestamps and the file contents (their hashes stand for them).
 */
public final class AssessmentJson {

    public static final String FORMAT = "custodian-assessment";
    public static final int FORMAT_VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AssessmentJson() {
    }

    /**
     * The whole revision. {@code templateSource} is the template file's text; {@code fileContent} gives an evidence
     * file's bytes (null leaves them out).
     */
    public static ObjectNode write(AssessmentRecord r, AssessmentTemplate t, String templateSource, String lineage,
            Function<Evidence, byte[]> fileContent) {
        ObjectNode root = MAPPER.createObjectNode();
        Assessment a = r.assessment();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("id", a.reference());
        root.put("revision", a.revision());
        root.put("lineage", lineage);
        root.put("title", a.title());
        root.put("status", a.status().code());
        root.put("created_at", a.createdAt().toString());
        root.put("created_by", a.createdBy());
        root.put("updated_at", a.updatedAt().toString());
        root.put("review_due", a.reviewDue() == null ? null : a.reviewDue().toString());
        root.put("approved_hash", a.approvedHash());
        ObjectNode template = root.putObject("template");
        template.put("id", t.id());
        template.put("version", t.version());
        template.put("hash", t.hash());
        template.put("title", t.title().en());
        if (templateSource != null) {
            template.put("source", templateSource);
        }
        content(root, r, t, true, fileContent);
        ArrayNode workflow = root.putArray("workflow");
        for (WorkflowStep s : r.steps()) {
            ObjectNode o = workflow.addObject();
            o.put("sequence", s.sequence());
            o.put("from", s.from() == null ? null : s.from().code());
            o.put("to", s.to().code());
            o.put("actor", s.actor());
            o.put("role", s.role().code());
            o.put("at", s.at().toString());
            o.put("comment", s.comment());
            o.put("content_hash", s.contentHash());
        }
        return root;
    }

    /** The SHA-256 of the assessment's content (see the class comment). */
    public static String contentHash(AssessmentRecord r, AssessmentTemplate t) {
        ObjectNode root = CANONICAL.createObjectNode();
        root.put("id", r.assessment().reference());
        root.put("revision", r.assessment().revision());
        root.put("title", r.assessment().title());
        root.put("template_hash", t.hash());
        content(root, r, t, false, null);
        try {
            return TemplateFile.sha256(CANONICAL.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an assessment always serialises", e);
        }
    }

    private static void content(ObjectNode root, AssessmentRecord r, AssessmentTemplate t, boolean full,
            Function<Evidence, byte[]> fileContent) {
        Assessment a = r.assessment();
        ObjectNode subject = root.putObject("subject");
        subject.put("name", a.subject().name());
        subject.put("kind", a.subject().kind().code());
        subject.put("department", a.subject().department());
        subject.put("description", a.subject().description());
        ArrayNode ds = subject.putArray("datasets");
        a.subject().datasetCodes().forEach(ds::add);
        ArrayNode answers = root.putArray("answers");
        for (Answer ans : ordered(r, t)) {
            ObjectNode o = answers.addObject();
            o.put("question", ans.questionId());
            Question q = t.question(ans.questionId());
            if (q != null && q.type() == QuestionType.MULTIPLE) {
                ArrayNode values = o.putArray("value");
                ans.values().forEach(values::add);
            } else {
                o.put("value", ans.value());
            }
            o.put("note", ans.note());
            o.put("active", ans.active());
            if (!ans.prefilledFrom().isEmpty()) {
                o.put("prefilled_from", ans.prefilledFrom());
            }
            if (full) {
                o.put("changed_at", ans.changedAt() == null ? null : ans.changedAt().toString());
                o.put("changed_by", ans.changedBy());
            }
            List<Evidence> evidence = r.evidenceOf(ans.questionId());
            if (!evidence.isEmpty()) {
                evidence(o.putArray("evidence"), evidence, full, fileContent);
            }
        }
        // Evidence on a question with no answer row still belongs to the record.
        List<Evidence> orphans = r.evidence().stream().filter(e -> !r.answers().containsKey(e.questionId())).toList();
        for (Evidence e : orphans) {
            ObjectNode o = answers.addObject();
            o.put("question", e.questionId());
            o.put("evidence_only", true);
            evidence(o.putArray("evidence"), List.of(e), full, fileContent);
        }
        ArrayNode risks = root.putArray("risks");
        for (RiskEntry k : r.risks()) {
            ObjectNode o = risks.addObject();
            o.put("id", k.key().toString());
            o.put("title", k.title());
            o.put("description", k.description());
            o.put("likelihood", k.likelihood());
            o.put("impact", k.impact());
            o.put("mitigation", k.mitigation());
            o.put("residual_likelihood", k.residualLikelihood());
            o.put("residual_impact", k.residualImpact());
            o.put("owner", k.owner());
            o.put("question", k.questionId());
        }
        ArrayNode actions = root.putArray("actions");
        for (PlannedAction p : r.actions()) {
            ObjectNode o = actions.addObject();
            o.put("id", p.key().toString());
            o.put("title", p.title());
            o.put("owner", p.owner());
            o.put("due", p.due() == null ? null : p.due().toString());
            o.put("status", p.status().code());
            o.put("question", p.questionId());
            o.put("risk", p.riskKey() == null ? null : p.riskKey().toString());
        }
    }

    private static void evidence(ArrayNode list, List<Evidence> evidence, boolean full,
            Function<Evidence, byte[]> fileContent) {
        for (Evidence e : evidence) {
            ObjectNode o = list.addObject();
            o.put("id", e.key().toString());
            if (e.isFile()) {
                o.put("file", e.fileName());
                o.put("sha256", e.sha256());
                o.put("size", e.size());
            } else {
                o.put("reference", e.reference());
            }
            if (full) {
                o.put("added_by", e.addedBy());
                o.put("added_at", e.addedAt().toString());
                byte[] bytes = e.isFile() && fileContent != null ? fileContent.apply(e) : null;
                if (bytes != null) {
                    o.put("content", Base64.getEncoder().encodeToString(bytes));
                }
            }
        }
    }

    /** Answers in the template's order, then any the template does not know (kept from an older version). */
    private static List<Answer> ordered(AssessmentRecord r, AssessmentTemplate t) {
        List<Answer> out = new ArrayList<>();
        for (Question q : t.questions()) {
            Answer a = r.answers().get(q.id());
            if (a != null) {
                out.add(a);
            }
        }
        r.answers().values().stream().filter(a -> t.question(a.questionId()) == null)
                .sorted(java.util.Comparator.comparing(Answer::questionId)).forEach(out::add);
        return out;
    }

    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
