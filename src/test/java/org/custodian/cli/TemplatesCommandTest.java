package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodian.logic.assessment.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** templates list and templates validate, run in-process with a temporary home (department templates beside it). */
class TemplatesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small valid template. */
    static final String GOOD = """
            template: dept-check
            version: "1.2"
            title: {en: Department check, zh: 部門檢查}
            description: {en: A department's own checklist, zh: 部門自訂清單}
            source: "The department's data office"
            scoring:
              method: compliance
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: basics
                title: {en: Basics, zh: 基本}
                questions:
                  - id: b-owner
                    type: yes-no
                    text: {en: "Is there a named owner?", zh: "有否指定負責人？"}
                    help: {en: "A person, not a team.", zh: "須為個人而非團隊。"}
                    points: {yes: 2, partial: 1, no: 0}
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    @Test
    void listPrintsTheFourBundledTemplatesWithTheirVersions() {
        Run r = run("templates", "list");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("id"), r.out());
        assertEquals(1 + TemplateCatalog.BUNDLED.size(), lines.size(), r.out());
        for (String id : TemplateCatalog.BUNDLED) {
            String version = TemplateCatalog.bundled(id).template().version();
            assertTrue(lines.stream().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(id) + " +"
                    + java.util.regex.Pattern.quote(version) + " .*bundled.*")), id + " " + version + " in\n" + r.out());
        }
    }

    @Test
    void listAsJsonGivesEachTemplatesIdVersionOriginAndQuestionCount() throws IOException {
        Run r = run("templates", "list", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertEquals(TemplateCatalog.BUNDLED.size(), array.size());
        List<String> ids = new ArrayList<>();
        for (JsonNode o : array) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            assertEquals(TemplatesCommand.COLUMNS, keys);
            ids.add(o.get("id").asText());
            var t = TemplateCatalog.bundled(o.get("id").asText()).template();
            assertEquals(t.version(), o.get("version").asText());
            assertEquals("bundled", o.get("origin").asText());
            assertEquals(String.valueOf(t.questions().size()), o.get("questions").asText());
            assertEquals("", o.get("problems").asText());
        }
        assertEquals(TemplateCatalog.BUNDLED, ids);
    }

    @Test
    void listShowsTheDepartmentsTemplatesAndABrokenOneWithItsProblems() throws IOException {
        write("home/templates/dept-check.yaml", GOOD);
        write("home/templates/broken.yaml", GOOD.replace("type: yes-no", "type: checkbox"));
        write("home/templates/notes.txt", "not a template");
        Run r = run("templates", "list", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertEquals(TemplateCatalog.BUNDLED.size() + 2, array.size(), r.out());
        JsonNode broken = array.get(TemplateCatalog.BUNDLED.size());
        assertEquals("broken.yaml", broken.get("file").asText());
        assertEquals("department", broken.get("origin").asText());
        assertEquals("", broken.get("id").asText());
        assertTrue(broken.get("problems").asText().contains("broken.yaml, line 16, sections[0].questions[0].type"),
                broken.toString());
        JsonNode good = array.get(TemplateCatalog.BUNDLED.size() + 1);
        assertEquals("dept-check", good.get("id").asText());
        assertEquals("1.2", good.get("version").asText());
        assertEquals("department", good.get("origin").asText());
        assertEquals("1", good.get("questions").asText());
    }

    @Test
    void validateReportsEachProblemWithItsLineAndPathAndExitsOne() throws IOException {
        String broken = GOOD.replace("type: yes-no", "type: checkbox")
                .replace("    - {id: high, title: {en: High, zh: 高}, from: 50}",
                        "    - {id: high, title: {en: High, zh: 高}, from: 0}");
        Path file = write("broken.yaml", broken);
        Run r = run("templates", "validate", file.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("broken.yaml, line 16, sections[0].questions[0].type: 'checkbox' is not a"
                + " question type"), r.err());
        assertTrue(r.err().contains("broken.yaml, line 10, scoring.levels[1].from: 0 must be above the level"
                + " before (0)"), r.err());
        assertTrue(r.err().contains("2 problems; the template cannot be used until they are fixed."), r.err());
        assertEquals("", r.out());
    }

    @Test
    void validateOnAGoodFileExitsZeroAndSummarisesIt() throws IOException {
        Path file = write("dept-check.yaml", GOOD);
        Run r = run("templates", "validate", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("dept-check.yaml: a valid template, dept-check version 1.2, with 1 sections and"
                + " 1 questions (SHA-256 "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void validateOnAFileThatIsNotYamlExitsOneNamingTheLine() throws IOException {
        Path file = write("torn.yaml", "template: torn\ntitle: {en: \"unclosed\n");
        Run r = run("templates", "validate", file.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().matches("(?s)torn\\.yaml, line \\d+: not well-formed YAML.*"), r.err());
    }

    @Test
    void validateOnAMissingFileFails() {
        Run r = run("templates", "validate", dir.resolve("nowhere.yaml").toString());
        assertEquals(ExitCode.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("nowhere.yaml: no such file"), r.err());
    }
}
