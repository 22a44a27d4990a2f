package org.custodian.logic.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodian.logic.io.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog of templates: the bundled four, then the department's own files, broken ones listed with problems. */
class TemplateCatalogTest {

    @TempDir
    Path dir;

    static String version(String v) {
        return TemplateFileTest.VALID.replace("version: \"1.0\"", "version: \"" + v + "\"");
    }

    @Test
    void departmentTemplatesFollowTheBundledOnesAndTheNewestVersionIsTheLatest() throws IOException {
        Files.writeString(dir.resolve("tiny-1.9.yaml"), version("1.9"));
        Files.writeString(dir.resolve("tiny-1.10.yml"), version("1.10"));
        Files.writeString(dir.resolve("readme.txt"), "not a template");
        TemplateCatalog catalog = new TemplateCatalog(dir);
        List<TemplateCatalog.Entry> entries = catalog.entries();
        assertEquals(TemplateCatalog.BUNDLED, entries.subList(0, 4).stream().map(e -> e.template().id()).toList());
        assertEquals(6, entries.size(), "the .txt file is not a template");
        assertTrue(entries.subList(4, 6).stream().allMatch(e -> e.origin() == TemplateCatalog.Origin.DEPARTMENT));
        assertEquals("1.10", catalog.latest("tiny-check").orElseThrow().template().version(),
                "versions compare by number: 1.10 is after 1.9");
        assertEquals("tiny-1.9.yaml", catalog.find("tiny-check", "1.9").orElseThrow().file());
        assertTrue(catalog.find("tiny-check", "2.0").isEmpty());
        assertEquals(List.of("1.10", "1.9"), catalog.usable().stream().filter(e -> e.template().id()
                .equals("tiny-check")).map(e -> e.template().version()).toList());
        assertEquals(TemplateCatalog.BUNDLED.size(), new TemplateCatalog(dir.resolve("absent")).entries().size());
    }

    @Test
    void aBrokenDepartmentFileIsListedWithItsProblemsAndNeverUsed() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), TemplateFileTest.VALID.replace("type: single", "type: checkbox"));
        TemplateCatalog catalog = new TemplateCatalog(dir);
        TemplateCatalog.Entry broken = catalog.entries().get(4);
        assertFalse(broken.valid());
        assertNull(broken.template());
        FileProblem p = broken.problems().get(0);
        assertEquals("broken.yaml", p.source());
        assertEquals("sections[0].questions[1].type", p.path());
        assertEquals(TemplateFileTest.lineOf(TemplateFileTest.VALID, "type: single"), p.line());
        assertTrue(catalog.latest("tiny-check").isEmpty());
        assertTrue(catalog.usable().stream().noneMatch(e -> e.file().equals("broken.yaml")));
    }

    @Test
    void aDepartmentFileThatIsNotYamlIsReportedWithItsLineOnce() throws IOException {
        Files.writeString(dir.resolve("torn.yaml"), "template: torn\nversion: \"1\"\ntitle: {en: \"open\n");
        TemplateCatalog.Entry torn = new TemplateCatalog(dir).entries().get(4);
        assertFalse(torn.valid());
        FileProblem p = torn.problems().get(0);
        assertTrue(p.line() > 0, p.toString());
        assertTrue(p.describe().startsWith("torn.yaml, line " + p.line() + ": not well-formed YAML"), p.describe());
    }
}
