package org.custodian.logic.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.tree.LocatedTree;
import org.custodian.logic.io.tree.TreeChecker;
import org.custodian.model.assessment.AnswerOption;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Condition;
import org.custodian.model.assessment.InventoryFact;
import org.custodian.model.assessment.Principle;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.RiskLevel;
import org.custodian.model.assessment.RiskTrigger;
import org.custodian.model.assessment.ScoringMethod;
import org.custodian.model.assessment.Section;
import org.custodian.model.assessment.TemplateText;
import org.custodian.model.inventory.CodedValue;

/**
 * Reads an assessment template (YAML; {@code docs/templates.md} describes the format, the bundled files show it) and
 * checks all of it, so an author sees every problem at once with its line and field path. The template's hash is the
 * SHA-256 of the file's bytes: an assessment freezes it, and any edit to the file makes a different template.
 */
public final class TemplateFile {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,2}");
    private static final int LONG_TEXT = 2000;
    private static final Set<String> ROOT_KEYS = Set.of("template", "version", "title", "description", "source",
            "scoring", "principles", "stages", "sections");
    private static final Set<String> SCORING_KEYS = Set.of("method", "levels", "third_line_from");
    private static final Set<String> LEVEL_KEYS = Set.of("id", "title", "from", "recommendation");
    private static final Set<String> NAMED_KEYS = Set.of("id", "title");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "description", "principle", "stage",
            "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "help", "options", "points", "weight",
            "required", "evidence", "show_if", "knock_out", "risk", "prefill", "principle");
    private static final Set<String> OPTION_KEYS = Set.of("value", "label", "points");
    private static final Set<String> RISK_KEYS = Set.of("when", "title", "likelihood", "impact");
    private static final Set<String> YES_NO_POINTS = Set.of("yes", "no", "partial");

    /** The template when the file has no problem, every problem otherwise. */
    public record Result(AssessmentTemplate template, List<FileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private TemplateFile() {
    }

    /**
     * Reads and checks a template file.
     *
     * @throws InputRejectedException when it cannot be read or is not well-formed YAML
     */
    public static Result read(String source, InputStream in) {
        return read(source, LocatedTree.bytes(source, in));
    }

    /** Reads and checks a template file a person chose (see {@link LocatedTree#read(Path)}). */
    public static Result read(Path file) throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.DEFINITION);
        return read(input.name(), input.readAll());
    }

    public static Result read(String source, byte[] bytes) {
        LocatedTree tree = LocatedTree.read(source, bytes);
        return new Reader(tree, sha256(bytes)).template();
    }

    /** The template a stored copy of the file describes; the copy was checked when it was frozen. */
    public static AssessmentTemplate parseFrozen(String source, String text) {
        Result r = read(source, text.getBytes(StandardCharsets.UTF_8));
        if (!r.valid()) {
            throw new InputRejectedException(source + ": the stored template no longer reads: "
                    + r.problems().get(0).describe());
        }
        return r.template();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final class Reader extends TreeChecker {
        private final String hash;
        private final Map<String, Question> seen = new LinkedHashMap<>();
        private final Set<String> principleIds = new HashSet<>();
        private final Set<String> stageIds = new HashSet<>();

        Reader(LocatedTree tree, String hash) {
            super(tree);
            this.hash = hash;
        }

        Result template() {
            JsonNode root = tree.root();
            if (!root.isObject()) {
                problem("", "the file must be a mapping with template, version, title, scoring and sections");
                return new Result(null, problems);
            }
            if (tree.duplicateKey() != null) {
                problem(tree.duplicateKey(), "this key is written twice; keep one");
            }
            unknownKeys(root, "", ROOT_KEYS);
            String id = id(root, "", "template");
            String version = text(root, "version");
            if (version != null && !VERSION.matcher(version).matches()) {
                problem("version", "'" + version + "' is not a version (numbers with dots: 1, 1.2 or 1.2.3)");
            }
            TemplateText title = bilingual(root, "", "title", 200, true);
            TemplateText description = bilingual(root, "", "description", LONG_TEXT, true);
            String source = text(root, "", "source", 400);
            List<Principle> principles = named(root, "principles", principleIds);
            List<Principle> stages = named(root, "stages", stageIds);
            ScoringMethod[] method = {null};
            String[] thirdLine = {null};
            List<RiskLevel> levels = scoring(root, method, thirdLine);
            List<Section> sections = sections(root);
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            return new Result(new AssessmentTemplate(id, version, title, description, source, method[0], levels,
                    thirdLine[0], principles, stages, sections, hash), List.of());
        }

        String id(JsonNode parent, String path, String key) {
            String id = text(parent, path, key);
            if (id != null && !ID.matcher(id).matches()) {
                problem(path(path, key), "'" + id + "' is not an id (lower-case letters, digits and hyphens, up to 60)");
                return null;
            }
            return id;
        }

        TemplateText bilingual(JsonNode parent, String path, String key, int max, boolean required) {
            JsonNode n = parent.get(key);
            if (n == null && !required) {
                return TemplateText.NONE;
            }
            String[] t = labels(parent, path, key, max);
            return new TemplateText(t[0], t[1]);
        }

        List<Principle> named(JsonNode root, String key, Set<String> ids) {
            JsonNode list = root.get(key);
            List<Principle> out = new ArrayList<>();
            if (list == null || list.isNull()) {
                return out;
            }
            if (!list.isArray()) {
                problem(key, "must be a list of {id, title}");
                return out;
            }
            for (int i = 0; i < list.size(); i++) {
                String at = key + "[" + i + "]";
                JsonNode n = list.get(i);
                if (!n.isObject()) {
                    problem(at, "must be a mapping with id and title");
                    continue;
                }
                unknownKeys(n, at, NAMED_KEYS);
                String id = id(n, at, "id");
                TemplateText title = bilingual(n, at, "title", 200, true);
                if (id != null && !ids.add(id)) {
                    problem(path(at, "id"), "'" + id + "' appears twice in " + key);
                }
                out.add(new Principle(id, title));
            }
            return out;
        }

        List<RiskLevel> scoring(JsonNode root, ScoringMethod[] method, String[] thirdLine) {
            JsonNode s = root.get("scoring");
            List<RiskLevel> levels = new ArrayList<>();
            if (s == null || !s.isObject()) {
                problem("scoring", "missing: give the scoring method and the levels");
                return levels;
            }
            unknownKeys(s, "scoring", SCORING_KEYS);
            String m = text(s, "scoring", "method");
            if (m != null) {
                method[0] = CodedValue.parse(ScoringMethod.class, m);
                if (method[0] == null) {
                    problem("scoring.method", "'" + m + "' is not a scoring method (" + CodedValue.codes(ScoringMethod.class)
                            + ")");
                }
            }
            JsonNode list = s.get("levels");
            if (list == null || !list.isArray() || list.size() < 2) {
                problem("scoring.levels", "must list at least two levels, lowest first, each with id, title and from");
                return levels;
            }
            Set<String> ids = new HashSet<>();
            int previous = -1;
            for (int i = 0; i < list.size(); i++) {
                String at = "scoring.levels[" + i + "]";
                JsonNode n = list.get(i);
                if (!n.isObject()) {
                    problem(at, "must be a mapping with id, title and from");
                    continue;
                }
                unknownKeys(n, at, LEVEL_KEYS);
                String id = id(n, at, "id");
                if (id != null && !ids.add(id)) {
                    problem(path(at, "id"), "'" + id + "' appears twice");
                }
                TemplateText title = bilingual(n, at, "title", 200, true);
                Integer from = integer(n, at, "from", 0, 100);
                if (from != null) {
                    if (i == 0 && from != 0) {
                        problem(path(at, "from"), "the lowest level must start from 0");
                    } else if (i > 0 && from <= previous) {
                        problem(path(at, "from"), from + " must be above the level before (" + previous + ")");
                    }
                    previous = from;
                }
                TemplateText rec = bilingual(n, at, "recommendation", LONG_TEXT, false);
                levels.add(new RiskLevel(id, title, from == null ? 0 : from, rec));
            }
            JsonNode t = s.get("third_line_from");
            if (t != null && !t.isNull()) {
                thirdLine[0] = t.asText().strip();
                if (!ids.contains(thirdLine[0])) {
                    problem("scoring.third_line_from", "'" + thirdLine[0] + "' is not one of the levels " + ids);
                }
            }
            return levels;
        }

        Integer integer(JsonNode n, String path, String key, int min, int max) {
            JsonNode v = n.get(key);
            String at = path(path, key);
            if (v == null || v.isNull()) {
                problem(at, "missing: write a whole number from " + min + " to " + max);
                return null;
            }
            if (!v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
                problem(at, "'" + v.asText() + "' is not a whole number from " + min + " to " + max);
                return null;
            }
            return v.asInt();
        }

        boolean bool(JsonNode n, String path, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                problem(path(path, key), "'" + v.asText() + "' is not true or false");
                return false;
            }
            return v.booleanValue();
        }

        List<Section> sections(JsonNode root) {
            JsonNode list = root.get("sections");
            List<Section> out = new ArrayList<>();
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem("sections", "must list the sections, each with id, title and questions");
                return out;
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "sections[" + i + "]";
                JsonNode n = list.get(i);
                if (!n.isObject()) {
                    problem(at, "must be a mapping with id, title and questions");
                    continue;
                }
                unknownKeys(n, at, SECTION_KEYS);
                String id = id(n, at, "id");
                if (id != null && !ids.add(id)) {
                    problem(path(at, "id"), "section '" + id + "' appears twice");
                }
                TemplateText title = bilingual(n, at, "title", 200, true);
                TemplateText description = bilingual(n, at, "description", LONG_TEXT, false);
                String principle = reference(n, at, "principle", principleIds, "principles");
                String stage = reference(n, at, "stage", stageIds, "stages");
                JsonNode qs = n.get("questions");
                List<Question> questions = new ArrayList<>();
                if (qs == null || !qs.isArray() || qs.isEmpty()) {
                    problem(path(at, "questions"), "must list at least one question");
                } else {
                    for (int q = 0; q < qs.size(); q++) {
                        Question question = question(qs.get(q), at + ".questions[" + q + "]", principle);
                        if (question != null) {
                            questions.add(question);
                        }
                    }
                }
                out.add(new Section(id, title, description, principle, stage, questions));
            }
            return out;
        }

        String reference(JsonNode n, String at, String key, Set<String> known, String listName) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            String id = v.asText().strip();
            if (!known.contains(id)) {
                problem(path(at, key), "'" + id + "' is not one of the template's " + listName);
                return null;
            }
            return id;
        }

        Question question(JsonNode n, String at, String sectionPrinciple) {
            if (!n.isObject()) {
                problem(at, "must be a mapping with id, type, text and help");
                return null;
            }
            int before = problems.size();
            unknownKeys(n, at, QUESTION_KEYS);
            String id = id(n, at, "id");
            if (id != null && seen.containsKey(id)) {
                problem(path(at, "id"), "question '" + id + "' appears twice; ids must be unique in the template");
            }
            String typeText = text(n, at, "type");
            QuestionType type = typeText == null ? null : CodedValue.parse(QuestionType.class, typeText);
            if (typeText != null && type == null) {
                problem(path(at, "type"), "'" + typeText + "' is not a question type (" + CodedValue.codes(QuestionType.class)
                        + ")");
            }
            TemplateText text = bilingual(n, at, "text", LONG_TEXT, true);
            TemplateText help = bilingual(n, at, "help", LONG_TEXT, true);
            List<AnswerOption> options = new ArrayList<>();
            Map<String, Integer> points = new HashMap<>();
            if (type != null) {
                choices(n, at, type, options, points);
            }
            int weight = 1;
            if (n.has("weight")) {
                Integer w = integer(n, at, "weight", 0, 10);
                weight = w == null ? 1 : w;
            }
            boolean required = bool(n, at, "required");
            boolean evidence = bool(n, at, "evidence");
            List<String> values = type == null ? List.of() : valuesOf(type, options);
            Condition showIf = null;
            if (n.has("show_if")) {
                showIf = condition(n.get("show_if"), path(at, "show_if"), id, 0);
            }
            Set<String> knockOut = new HashSet<>(valueList(n, at, "knock_out", values, type));
            RiskTrigger risk = risk(n.get("risk"), path(at, "risk"), values, type);
            InventoryFact prefill = null;
            JsonNode p = n.get("prefill");
            if (p != null && !p.isNull()) {
                prefill = CodedValue.parse(InventoryFact.class, p.asText());
                if (prefill == null) {
                    problem(path(at, "prefill"), "'" + p.asText() + "' is not an inventory fact ("
                            + CodedValue.codes(InventoryFact.class) + ")");
                } else if (type != QuestionType.YES_NO) {
                    problem(path(at, "prefill"), "only a yes-no question can be answered from the inventory");
                }
            }
            String principle = n.has("principle") ? reference(n, at, "principle", principleIds, "principles")
                    : sectionPrinciple;
            if (id == null || type == null) {
                return null;
            }
            Question question = new Question(id, type, text, help, options, points, weight, required, evidence, showIf,
                    knockOut, risk, prefill, principle);
            // Known even when it has problems, so later conditions that read it are not reported as well.
            seen.putIfAbsent(id, question);
            return problems.size() > before ? null : question;
        }

        void choices(JsonNode n, String at, QuestionType type, List<AnswerOption> options, Map<String, Integer> points) {
            JsonNode opts = n.get("options");
            JsonNode pts = n.get("points");
            if (type.hasOptions()) {
                if (pts != null) {
                    problem(path(at, "points"), "a " + type.code() + " question gives points on its options");
                }
                if (opts == null || !opts.isArray() || opts.size() < 2) {
                    problem(path(at, "options"), "a " + type.code() + " question lists at least two options, each with"
                            + " value, label and points");
                    return;
                }
                Set<String> values = new HashSet<>();
                for (int i = 0; i < opts.size(); i++) {
                    String oat = at + ".options[" + i + "]";
                    JsonNode o = opts.get(i);
                    if (!o.isObject()) {
                        problem(oat, "must be a mapping with value, label and points");
                        continue;
                    }
                    unknownKeys(o, oat, OPTION_KEYS);
                    String value = id(o, oat, "value");
                    if (value != null && !values.add(value)) {
                        problem(path(oat, "value"), "'" + value + "' appears twice");
                    }
                    TemplateText label = bilingual(o, oat, "label", 400, true);
                    Integer p = o.has("points") ? integer(o, oat, "points", 0, 100) : Integer.valueOf(0);
                    options.add(new AnswerOption(value, label, p == null ? 0 : p));
                    if (value != null && p != null) {
                        points.put(value, p);
                    }
                }
                return;
            }
            if (opts != null) {
                problem(path(at, "options"), "only single and multiple questions have options");
            }
            if (pts == null || pts.isNull()) {
                return;
            }
            if (type != QuestionType.YES_NO) {
                problem(path(at, "points"), "only yes-no, single and multiple questions give points (a rating scores"
                        + " its value less one)");
                return;
            }
            if (!pts.isObject()) {
                problem(path(at, "points"), "must map yes, partial and no to points, e.g. {yes: 0, partial: 1, no: 2}");
                return;
            }
            unknownKeys(pts, path(at, "points"), YES_NO_POINTS);
            for (String k : YES_NO_POINTS) {
                if (pts.has(k)) {
                    Integer p = integer(pts, path(at, "points"), k, 0, 100);
                    if (p != null) {
                        points.put(k, p);
                    }
                }
            }
        }

        List<String> valuesOf(QuestionType type, List<AnswerOption> options) {
            return switch (type) {
                case YES_NO -> org.custodian.model.assessment.YesNo.VALUES;
                case SINGLE, MULTIPLE -> options.stream().map(AnswerOption::value).toList();
                case RATING -> List.of("1", "2", "3", "4", "5");
                default -> List.of();
            };
        }

        List<String> valueList(JsonNode n, String at, String key, List<String> allowed, QuestionType type) {
            JsonNode v = n.get(key);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            String vat = path(at, key);
            if (allowed.isEmpty()) {
                problem(vat, "only a question with fixed answers (yes-no, single, multiple, rating) can list answers here");
                return out;
            }
            if (!v.isArray() || v.isEmpty()) {
                problem(vat, "must be a list of answers, e.g. [yes]");
                return out;
            }
            for (int i = 0; i < v.size(); i++) {
                String value = answerText(v.get(i));
                if (!allowed.contains(value)) {
                    problem(vat + "[" + i + "]", "'" + value + "' is not an answer of this question (" + allowed + ")");
                } else {
                    out.add(value);
                }
            }
            return out;
        }

        RiskTrigger risk(JsonNode r, String at, List<String> values, QuestionType type) {
            if (r == null || r.isNull()) {
                return null;
            }
            if (!r.isObject()) {
                problem(at, "must be a mapping with when, title, likelihood and impact");
                return null;
            }
            unknownKeys(r, at, RISK_KEYS);
            List<String> when = valueList(r, at, "when", values, type);
            if (!r.has("when")) {
                problem(path(at, "when"), "missing: list the answers that raise the risk");
            }
            TemplateText title = bilingual(r, at, "title", 400, true);
            Integer likelihood = integer(r, at, "likelihood", 1, 4);
            Integer impact = integer(r, at, "impact", 1, 4);
            if (when.isEmpty() || likelihood == null || impact == null) {
                return null;
            }
            return new RiskTrigger(when, title, likelihood, impact);
        }

        /** YAML reads a bare yes or no as true or false; in a list of answers they mean the answers yes and no. */
        static String answerText(JsonNode n) {
            if (n.isBoolean()) {
                return n.booleanValue() ? "yes" : "no";
            }
            return n.asText().strip();
        }

        Condition condition(JsonNode c, String at, String self, int depth) {
            if (depth > 8) {
                problem(at, "conditions nest more than 8 levels deep");
                return null;
            }
            if (c == null || !c.isObject() || c.size() != 1) {
                problem(at, "must be one of equals, in, answered, all or any, e.g. {equals: {question: q1, value: yes}}");
                return null;
            }
            String kind = c.fieldNames().next();
            JsonNode body = c.get(kind);
            String kat = path(at, kind);
            switch (kind) {
                case "equals", "in" -> {
                    if (!body.isObject()) {
                        problem(kat, "must name the question and the " + ("in".equals(kind) ? "values" : "value"));
                        return null;
                    }
                    unknownKeys(body, kat, Set.of("question", "in".equals(kind) ? "values" : "value"));
                    Question target = earlier(body, kat, self);
                    if (target == null) {
                        return null;
                    }
                    if ("equals".equals(kind)) {
                        JsonNode raw = body.get("value");
                        String value = raw != null && raw.isBoolean() ? answerText(raw) : text(body, kat, "value");
                        if (value == null) {
                            return null;
                        }
                        if (!target.values().isEmpty() && !target.values().contains(value)) {
                            problem(path(kat, "value"), "'" + value + "' is not an answer of " + target.id() + " ("
                                    + target.values() + ")");
                            return null;
                        }
                        return new Condition.Equals(target.id(), value);
                    }
                    List<String> values = valueList(body, kat, "values", target.values(), target.type());
                    if (!body.has("values")) {
                        problem(path(kat, "values"), "missing: list the answers");
                    }
                    return values.isEmpty() ? null : new Condition.In(target.id(), values);
                }
                case "answered" -> {
                    String q = body.asText().strip();
                    if (!seen.containsKey(q)) {
                        problem(kat, refProblem(q, self));
                        return null;
                    }
                    return new Condition.Answered(q);
                }
                case "all", "any" -> {
                    if (!body.isArray() || body.isEmpty()) {
                        problem(kat, "must list one or more conditions");
                        return null;
                    }
                    List<Condition> parts = new ArrayList<>();
                    for (int i = 0; i < body.size(); i++) {
                        Condition part = condition(body.get(i), kat + "[" + i + "]", self, depth + 1);
                        if (part != null) {
                            parts.add(part);
                        }
                    }
                    if (parts.size() != body.size()) {
                        return null;
                    }
                    return "all".equals(kind) ? new Condition.All(parts) : new Condition.Any(parts);
                }
                default -> {
                    problem(kat, "'" + kind + "' is not a condition (equals, in, answered, all, any)");
                    return null;
                }
            }
        }

        Question earlier(JsonNode body, String at, String self) {
            String q = text(body, at, "question");
            if (q == null) {
                return null;
            }
            Question target = seen.get(q);
            if (target == null) {
                problem(path(at, "question"), refProblem(q, self));
            }
            return target;
        }

        String refProblem(String q, String self) {
            if (q.equals(self)) {
                return "a question cannot depend on itself";
            }
            return "'" + q + "' is not a question earlier in the template (a condition reads answers given before it)";
        }
    }
}
