package org.custodian.logic.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Condition;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.Section;
import org.custodian.model.assessment.TemplateText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The template reader: the four bundled templates read clean, and a broken file gets every problem reported with
 * its YAML line and field path. The broken files are a small valid template (below) with one or more slips written in.
 */
class TemplateFileTest {

    /** A small template that reads clean; the tests write their slips into it by replacing one marked line. */
    static final String VALID = """
            template: tiny-check
            version: "1.0"
            title: {en: "Tiny check", zh: "小檢查"}
            description: {en: "A template for the tests", zh: "測試範本"}
            source: "Written for the tests"
            scoring:
              method: risk
              third_line_from: high
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: medium, title: {en: Medium, zh: 中}, from: 25}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: first
                title: {en: First, zh: 第一}
                questions:
                  - id: q-parent
                    type: yes-no
                    text: {en: "Parent?", zh: "父？"}
                    help: {en: "Say yes or no", zh: "答是或否"}
                    points: {yes: 2, partial: 1, no: 0}
                    knock_out: [yes]
                    risk:
                      when: [yes]
                      title: {en: "A risk", zh: "風險"}
                      likelihood: 3
                      impact: 2
                  - id: q-child
                    type: single
                    text: {en: "Child?", zh: "子？"}
                    help: {en: "Pick one", zh: "選一"}
                    options:
                      - {value: a, label: {en: A, zh: 甲}, points: 0}
                      - {value: b, label: {en: B, zh: 乙}, points: 3}
                    show_if: {equals: {question: q-parent, value: yes}}
            """;

    static TemplateFile.Result read(String name, String yaml) {
        return TemplateFile.read(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code yaml} with the one line that is exactly {@code line} (after its indent) replaced or removed. */
    static String replaceLine(String yaml, String line, String... replacement) {
        List<String> out = new ArrayList<>();
        int hits = 0;
        for (String l : yaml.split("\n", -1)) {
            if (l.strip().equals(line)) {
                hits++;
                String indent = l.substring(0, l.indexOf(line));
                for (String r : replacement) {
                    out.add(indent + r);
                }
            } else {
                out.add(l);
            }
        }
        if (hits != 1) {
            throw new IllegalArgumentException("'" + line + "' is in the template " + hits + " times");
        }
        return String.join("\n", out);
    }

    /** The 1-based line of the one line of {@code yaml} that holds {@code text}. */
    static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                if (found != 0) {
                    throw new IllegalArgumentException("'" + text + "' is on lines " + found + " and " + (i + 1));
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("'" + text + "' is not in the template");
        }
        return found;
    }

    static FileProblem problemAt(TemplateFile.Result r, String path) {
        return r.problems().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no problem at " + path + "; reported: " + describe(r)));
    }

    static String describe(TemplateFile.Result r) {
        return String.join("\n", r.problems().stream().map(FileProblem::describe).toList());
    }

    // ---- the bundled templates --------------------------------------------------------------------------------

    static byte[] bundledBytes(String id) throws IOException {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream("/org/custodian/templates/" + id + ".yaml")) {
            assertNotNull(in, id + ".yaml is bundled");
            return in.readAllBytes();
        }
    }

    static void assertBilingual(TemplateText t, String what) {
        assertFalse(t.en().isBlank(), what + ": English text is empty");
        assertFalse(t.zh().isBlank(), what + ": Chinese text is empty");
    }

    @TestFactory
    Stream<DynamicTest> everyBundledTemplateReadsValidWithFortyOrMoreBilingualQuestionsAndUniqueIds() {
        assertEquals(4, TemplateCatalog.BUNDLED.size());
        return TemplateCatalog.BUNDLED.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            byte[] bytes = bundledBytes(id);
            TemplateFile.Result r = TemplateFile.read(id + ".yaml", bytes);
            assertTrue(r.valid(), () -> id + " has problems:\n" + describe(r));
            AssessmentTemplate t = r.template();
            assertEquals(id, t.id(), "the template id is its file name");
            assertEquals(TemplateFile.sha256(bytes), t.hash(), "the hash is the SHA-256 of the file's bytes");
            assertTrue(t.questions().size() >= 40, id + " has only " + t.questions().size() + " questions");
            assertBilingual(t.title(), id + " title");
            assertBilingual(t.description(), id + " description");
            Set<String> ids = new HashSet<>();
            Set<String> sections = new HashSet<>();
            for (Section s : t.sections()) {
                assertTrue(sections.add(s.id()), id + ": section " + s.id() + " twice");
                assertBilingual(s.title(), id + " section " + s.id());
                for (Question q : s.questions()) {
                    assertTrue(ids.add(q.id()), id + ": question " + q.id() + " twice");
                    assertBilingual(q.text(), id + " " + q.id() + " text");
                    assertBilingual(q.help(), id + " " + q.id() + " help");
                    q.options().forEach(o -> assertBilingual(o.label(), id + " " + q.id() + " option " + o.value()));
                }
            }
            assertEquals(t.questions().size(), ids.size());
            t.levels().forEach(l -> assertBilingual(l.title(), id + " level " + l.id()));
            // The catalog serves the same file.
            assertEquals(t.hash(), TemplateCatalog.bundled(id).template().hash());
        }));
    }

    @Test
    void theSmallTemplateOfTheseTestsIsValid() {
        TemplateFile.Result r = read("tiny.yaml", VALID);
        assertTrue(r.valid(), () -> describe(r));
        AssessmentTemplate t = r.template();
        assertEquals(List.of("q-parent", "q-child"), t.questions().stream().map(Question::id).toList());
        assertEquals("high", t.thirdLineFrom());
    }

    // ---- one slip at a time: line and path ------------------------------------------------------------------

    /** A slip: what to change, where the problem must be reported (path, and the text on its line), what it says. */
    record Slip(String name, UnaryOperator<String> edit, String path, String lineText, String message) {
    }

    static final List<Slip> SLIPS = List.of(
            new Slip("unknown field", y -> replaceLine(y, "type: single", "type: single", "colour: red"),
                    "sections[0].questions[1].colour", "colour: red", "unknown field 'colour'"),
            new Slip("missing help", y -> replaceLine(y, "help: {en: \"Pick one\", zh: \"選一\"}"),
                    "sections[0].questions[1].help", "- id: q-child", "must give the name in English and Chinese"),
            new Slip("bad type", y -> replaceLine(y, "type: single", "type: checkbox"),
                    "sections[0].questions[1].type", "type: checkbox", "'checkbox' is not a question type"),
            new Slip("duplicate question id", y -> replaceLine(y, "- id: q-child", "- id: q-parent  # the second q-parent"),
                    "sections[0].questions[1].id", "# the second q-parent", "appears twice"),
            new Slip("show_if on a later question", y -> replaceLine(y, "type: yes-no", "type: yes-no",
                    "show_if: {answered: q-child}"),
                    "sections[0].questions[0].show_if.answered", "show_if: {answered: q-child}",
                    "'q-child' is not a question earlier in the template"),
            new Slip("knock_out value not an answer", y -> replaceLine(y, "knock_out: [yes]", "knock_out: [maybe]"),
                    "sections[0].questions[0].knock_out[0]", "knock_out: [maybe]", "'maybe' is not an answer"),
            new Slip("risk likelihood 5", y -> replaceLine(y, "likelihood: 3", "likelihood: 5"),
                    "sections[0].questions[0].risk.likelihood", "likelihood: 5", "'5' is not a whole number from 1 to 4"),
            new Slip("levels not increasing", y -> replaceLine(y, "- {id: medium, title: {en: Medium, zh: 中}, from: 25}",
                    "- {id: medium, title: {en: Medium, zh: 中}, from: 60}"),
                    "scoring.levels[2].from", "{id: high", "50 must be above the level before (60)"),
            new Slip("third_line_from unknown", y -> replaceLine(y, "third_line_from: high",
                    "third_line_from: critical"),
                    "scoring.third_line_from", "third_line_from: critical", "'critical' is not one of the levels"));

    @TestFactory
    Stream<DynamicTest> eachSlipIsReportedWithItsLineAndPath() {
        return SLIPS.stream().map(slip -> DynamicTest.dynamicTest(slip.name(), () -> {
            String yaml = slip.edit().apply(VALID);
            TemplateFile.Result r = read("broken.yaml", yaml);
            assertFalse(r.valid(), slip.name() + " was accepted");
            assertNull(r.template(), "no template comes out of a broken file");
            FileProblem p = problemAt(r, slip.path());
            assertEquals("broken.yaml", p.source());
            assertEquals(lineOf(yaml, slip.lineText()), p.line(), () -> slip.name() + ": " + p.describe());
            assertTrue(p.message().contains(slip.message()), () -> slip.name() + ": " + p.describe());
            assertTrue(p.describe().startsWith("broken.yaml, line " + p.line() + ", " + slip.path() + ": "),
                    p.describe());
        }));
    }

    @Test
    void everySlipInOneFileIsReportedAtOnce() {
        String yaml = VALID;
        // Every slip except the duplicate id, which would rename the question the others are written into.
        List<Slip> slips = SLIPS.stream().filter(s -> !s.name().equals("duplicate question id")).toList();
        for (Slip s : slips) {
            yaml = s.edit().apply(yaml);
        }
        TemplateFile.Result r = read("broken.yaml", yaml);
        for (Slip s : slips) {
            FileProblem p = problemAt(r, s.path());
            assertEquals(lineOf(yaml, s.lineText()), p.line(), () -> s.name() + ": " + p.describe());
        }
        assertTrue(r.problems().size() >= slips.size(), () -> describe(r));
    }

    // ---- bare yes and no ---------------------------------------------------------------------------------------

    @Test
    void aBareYesInKnockOutRiskAndConditionsIsTheAnswerYes() {
        // YAML 1.1 reads a bare yes as the boolean true; in a list of answers it is the answer "yes".
        String yaml = replaceLine(VALID, "show_if: {equals: {question: q-parent, value: yes}}",
                "show_if: {in: {question: q-parent, values: [yes, no]}}");
        yaml = replaceLine(yaml, "knock_out: [yes]", "knock_out: [yes, no]");
        TemplateFile.Result r = read("bare.yaml", yaml);
        assertTrue(r.valid(), () -> describe(r));
        Question parent = r.template().question("q-parent");
        assertEquals(Set.of("yes", "no"), parent.knockOut());
        assertEquals(List.of("yes"), parent.risk().values());
        assertEquals(new Condition.In("q-parent", List.of("yes", "no")), r.template().question("q-child").showIf());

        TemplateFile.Result plain = read("tiny.yaml", VALID);
        assertEquals(Set.of("yes"), plain.template().question("q-parent").knockOut());
        assertEquals(new Condition.Equals("q-parent", "yes"), plain.template().question("q-child").showIf());
        // Quoted, it is the same answer.
        TemplateFile.Result quoted = read("quoted.yaml", replaceLine(VALID, "knock_out: [yes]", "knock_out: [\"yes\"]"));
        assertEquals(Set.of("yes"), quoted.template().question("q-parent").knockOut());
    }

    // ---- files that are not templates at all ----------------------------------------------------------------

    @Test
    void aFileThatIsNotWellFormedYamlIsRejectedNamingTheLine() {
        String yaml = replaceLine(VALID, "type: single", "type: single", "  text: [unclosed");
        int line = lineOf(yaml, "[unclosed");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> read("torn.yaml", yaml));
        assertTrue(e.getMessage().startsWith("torn.yaml, line " + line + ": not well-formed YAML ("), e.getMessage());
    }

    @Test
    void aDeeplyNestedFileIsRejectedWithItsLineRatherThanRead() {
        String yaml = "template: deep\nversion: \"1\"\nsections: " + "[".repeat(200) + "]".repeat(200) + "\n";
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> read("deep.yaml", yaml));
        assertTrue(e.getMessage().startsWith("deep.yaml, line 3, sections[0][0]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nested more than 32 levels deep"), e.getMessage());
    }

    @Test
    void aBillionLaughsFileIsRefusedAtItsFirstAliasWithoutExpandingIt() {
        // Nine levels of ten aliases each: followed, the two aliases under sections would be 2 × 10^9 mappings.
        StringBuilder yaml = new StringBuilder("template: lol\nversion: \"1\"\nstages:\n");
        yaml.append("  - &a0 {id: lol, title: {en: lol, zh: lol}}\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("  - &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("sections: [*a9, *a9]\n");
        String text = yaml.toString();
        InputRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputRejectedException.class, () -> read("lol.yaml", text)),
                "the aliases were expanded");
        assertEquals("lol.yaml, line " + lineOf(text, "&a1") + ", stages[1][0]: a YAML alias (*a0); write the value"
                + " out in full, Custodian does not expand aliases", e.getMessage());
    }

    @Test
    void aFileOverFourMegabytesIsRejectedUnread() {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) '#');
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> TemplateFile.read("big.yaml", new java.io.ByteArrayInputStream(big)));
        assertTrue(e.getMessage().startsWith("big.yaml: the file is larger than 4 MB"), e.getMessage());
    }

    @Test
    void anEmptyFileAndAListAreRejectedOrReportedWithoutATemplate() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> read("empty.yaml", ""));
        assertTrue(e.getMessage().startsWith("empty.yaml: the file is empty"), e.getMessage());
        TemplateFile.Result list = read("list.yaml", "- one\n- two\n");
        assertFalse(list.valid());
        assertNull(list.template());
    }
}
