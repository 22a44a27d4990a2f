package org.custodian.logic.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemeFileTest {

    @TempDir
    Path dir;

    private static SchemeFile.Result read(String name, String text) {
        return SchemeFile.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> codes(ClassificationScheme scheme) {
        return scheme.levels().stream().map(ClassificationLevel::code).toList();
    }

    @Test
    void theHongKongSchemeIsBundledWithFiveLevelsLowestFirst() {
        ClassificationScheme hk = SchemeFile.bundled("hk-government");
        assertEquals("hk-government", hk.id());
        assertEquals("Hong Kong Government", hk.nameEn());
        assertEquals(List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"), codes(hk));
        assertEquals(List.of(0, 1, 2, 3, 4), hk.levels().stream().map(ClassificationLevel::rank).toList());
        assertTrue(hk.levels().get(0).isUnclassified());
        assertEquals("TOP SECRET", hk.highest().code());
        ClassificationLevel confidential = hk.level("confidential").orElseThrow();
        assertEquals("機密", confidential.nameTc());
        assertEquals("CONFIDENTIAL 機密", confidential.marking());
        assertEquals(new HandlingRules(true, false, EnumSet.of(ExchangeMechanism.API,
                ExchangeMechanism.SECURE_FILE_TRANSFER, ExchangeMechanism.PHYSICAL_MEDIA), Period.ofYears(1),
                Period.ofMonths(6), true), confidential.rules());
        HandlingRules unclassified = hk.levels().get(0).rules();
        assertNull(unclassified.accessReview(), "access_review: none");
        assertFalse(unclassified.downgradeNeedsApproval());
        assertTrue(unclassified.openDataAllowed());
        assertEquals(EnumSet.allOf(ExchangeMechanism.class), mechanisms(unclassified));
    }

    private static EnumSet<ExchangeMechanism> mechanisms(HandlingRules rules) {
        return rules.mechanisms().isEmpty() ? EnumSet.noneOf(ExchangeMechanism.class)
                : EnumSet.copyOf(rules.mechanisms());
    }

    @Test
    void theOfficialSchemeIsBundledWithThreeLevels() {
        ClassificationScheme official = SchemeFile.bundled("official");
        assertEquals("official", official.id());
        assertEquals(List.of("OFFICIAL", "SECRET", "TOP SECRET"), codes(official));
        assertEquals(List.of("hk-government", "official"), SchemeFile.BUNDLED);
        assertThrows(IllegalArgumentException.class, () -> SchemeFile.bundled("atlantis"));
    }

    @Test
    void theMigrationsSeededLevelsAreTheBundledHongKongScheme() {
        try (WorkbenchSession session = InventoryFiles.withLists(dir.resolve("w.db"))) {
            ClassificationScheme seeded = session.classification().scheme();
            ClassificationScheme bundled = SchemeFile.bundled("hk-government");
            assertEquals(bundled.id(), seeded.id());
            assertEquals(bundled.nameEn(), seeded.nameEn());
            assertEquals(bundled.nameTc(), seeded.nameTc());
            assertEquals(codes(bundled), codes(seeded));
            for (int i = 0; i < bundled.levels().size(); i++) {
                assertEquals(bundled.levels().get(i), seeded.levels().get(i), bundled.levels().get(i).code());
            }
        }
    }

    @Test
    void aCustomSchemeFileLoads() throws IOException {
        Path file = Files.writeString(dir.resolve("water.yaml"), SchemeTexts.CUSTOM);
        SchemeFile.Result r;
        try (InputStream in = Files.newInputStream(file)) {
            r = SchemeFile.read("water.yaml", in);
        }
        assertTrue(r.valid(), r.problems().toString());
        ClassificationScheme s = r.scheme();
        assertEquals("water-supplies", s.id());
        assertEquals("水務署分級", s.nameTc());
        assertEquals(List.of("PUBLIC", "INTERNAL"), codes(s), "codes are upper-cased");
        ClassificationLevel internal = s.level("internal").orElseThrow();
        assertEquals(1, internal.rank());
        assertEquals("#cf222e", internal.colour());
        assertEquals("#1a7f37", s.level("PUBLIC").orElseThrow().colour(), "colours are lower-cased");
        assertEquals(Period.ofMonths(18).normalized(), internal.rules().classificationReview());
        assertEquals(Period.ofMonths(6), internal.rules().accessReview());
        assertEquals(EnumSet.of(ExchangeMechanism.SECURE_FILE_TRANSFER), mechanisms(internal.rules()));
        assertTrue(internal.rules().downgradeNeedsApproval());
    }

    @Test
    void everyProblemOfABrokenFileNamesItsLineAndPath() {
        SchemeFile.Result r = read("broken.yaml", SchemeTexts.BROKEN);
        assertFalse(r.valid());
        assertNull(r.scheme());
        Map<String, FileProblem> byPath = r.problems().stream()
                .collect(Collectors.toMap(FileProblem::path, p -> p, (a, b) -> a));
        assertEquals(5, r.problems().size(), r.problems().toString());

        assertProblem(byPath, "levels[1].colour", 19, "'red' is not a colour");
        assertProblem(byPath, "levels[1].colur", 20, "unknown field 'colur'");
        assertProblem(byPath, "levels[1].handling.mechanisms[1]", 25, "'fax' is not a mechanism");
        assertProblem(byPath, "levels[1].handling.classification_review", 26, "'P10D' is not a period");
        assertProblem(byPath, "levels[2].code", 30, "level PUBLIC appears twice");
        for (FileProblem p : r.problems()) {
            assertEquals("broken.yaml", p.source());
            assertTrue(p.describe().startsWith("broken.yaml, line " + p.line() + ", " + p.path() + ": "),
                    p.describe());
        }
    }

    private static void assertProblem(Map<String, FileProblem> byPath, String path, int line, String message) {
        FileProblem p = byPath.get(path);
        assertTrue(p != null, "no problem at " + path + " in " + byPath.values());
        assertEquals(line, p.line(), p.describe());
        assertTrue(p.message().contains(message), p.describe());
    }

    @Test
    void missingPartsAndADuplicateKeyAreNamed() {
        String text = """
                scheme: Not An Id
                name:
                  en: Test
                levels:
                  - code: ONLY
                    label: {en: ONLY, zh: 唯一}
                    colour: "#000000"
                    marking: ONLY
                    marking: AGAIN
                """;
        SchemeFile.Result r = read("short.yaml", text);
        assertFalse(r.valid());
        Map<String, FileProblem> byPath = r.problems().stream()
                .collect(Collectors.toMap(FileProblem::path, p -> p, (a, b) -> a));
        assertProblem(byPath, "scheme", 1, "is not a scheme id");
        assertProblem(byPath, "levels", 4, "at least two levels");
        assertProblem(byPath, "levels[0].marking", 9, "written twice");
        assertTrue(byPath.containsKey("name.zh"), byPath.keySet().toString());
    }

    @Test
    void malformedYamlIsRefusedNamingTheLine() {
        String text = """
                scheme: water-supplies
                name:
                  en: Water Supplies Scheme
                    zh: 水務署分級
                levels: []
                """;
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> read("indent.yaml", text));
        assertTrue(e.getMessage().startsWith("indent.yaml, line 4: not well-formed YAML"), e.getMessage());

        InputRejectedException empty = assertThrows(InputRejectedException.class, () -> read("empty.yaml", ""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void aJsonSchemeReadsTheSameAndItsProblemsHaveLinesToo() {
        String json = """
                {
                  "scheme": "water-supplies",
                  "name": {"en": "Water Supplies Scheme", "zh": "水務署分級"},
                  "levels": [
                    {"code": "PUBLIC", "label": {"en": "PUBLIC", "zh": "公開"}, "colour": "#1a7f37",
                     "marking": "PUBLIC",
                     "handling": {"encryption_at_rest": false, "open_data": true, "mechanisms": ["api", "gateway"],
                                  "classification_review": "P3Y", "access_review": null,
                                  "downgrade_approval": false}},
                    {"code": "INTERNAL", "label": {"en": "INTERNAL", "zh": "內部"}, "colour": "#cf222e",
                     "marking": "INTERNAL 內部",
                     "handling": {"encryption_at_rest": true, "open_data": false,
                                  "mechanisms": ["secure-file-transfer"],
                                  "classification_review": "P18M", "access_review": "P6M",
                                  "downgrade_approval": true}}
                  ]
                }
                """;
        SchemeFile.Result r = read("water.json", json);
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(read("water.yaml", SchemeTexts.CUSTOM).scheme(), r.scheme(), "the same scheme as the YAML file");

        SchemeFile.Result bad = read("water.json", json.replace("\"open_data\": false", "\"open_data\": \"no\""));
        assertEquals(1, bad.problems().size(), bad.problems().toString());
        FileProblem p = bad.problems().get(0);
        assertEquals("levels[1].handling.open_data", p.path());
        assertEquals(12, p.line());

        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> read("water.json", json.replace("\"PUBLIC\",", "\"PUBLIC\"")));
        assertTrue(e.getMessage().startsWith("water.json, line 5: not well-formed JSON"), e.getMessage());
    }

    // ---- loading a scheme into a workbench ---------------------------------------------------------------------

    @Test
    void aSchemeThatLeavesOutLevelsInUseIsRefusedNamingThem() {
        try (WorkbenchSession session = InventoryFiles.withSample(dir.resolve("w.db"))) {
            InventoryFiles.State before = InventoryFiles.state(session);
            Outcome<ClassificationScheme> o = session.classification().loadScheme(SchemeFile.bundled("official"),
                    "bundled official");
            assertFalse(o.isDone());
            assertEquals("levels", o.problems().get(0).field());
            assertEquals(List.of("CONFIDENTIAL, RESTRICTED, UNCLASSIFIED"), o.problems().get(0).args());
            assertTrue(o.describe().contains("leaves out CONFIDENTIAL, RESTRICTED, UNCLASSIFIED"), o.describe());
            assertEquals(before, InventoryFiles.state(session));
            assertEquals("hk-government", session.classification().scheme().id());
            assertEquals(5, session.classification().scheme().levels().size());
        }
    }

    @Test
    void anEmptyWorkbenchTakesTheOfficialScheme() {
        try (WorkbenchSession session = InventoryFiles.withLists(dir.resolve("w.db"))) {
            long events = session.audit().eventCount();
            ClassificationScheme official = SchemeFile.bundled("official");
            Outcome<ClassificationScheme> o = session.classification().loadScheme(official, "bundled official");
            assertTrue(o.isDone(), o.describe());
            ClassificationScheme now = session.classification().scheme();
            assertEquals("official", now.id());
            assertEquals(List.of("OFFICIAL", "SECRET", "TOP SECRET"), codes(now));
            assertEquals(official.levels(), now.levels(), "ranks, labels, colours and rules as the file gives them");
            assertEquals(now, o.record());
            assertEquals(events + 1, session.audit().eventCount(), "the load is audited");
            assertEquals(List.of("OFFICIAL", "SECRET", "TOP SECRET"), session.inventory().levels().stream()
                    .map(ClassificationLevel::code).toList(), "the inventory's levels follow");
        }
    }

    @Test
    void aSchemeThatKeepsTheLevelsInUseLoadsAndReordersThem() {
        try (WorkbenchSession session = InventoryFiles.withSample(dir.resolve("w.db"))) {
            ClassificationScheme hk = SchemeFile.bundled("hk-government");
            // The HK scheme without TOP SECRET (the sample uses none) and with SECRET's review every 6 months.
            List<ClassificationLevel> levels = hk.levels().stream().filter(l -> !l.code().equals("TOP SECRET"))
                    .map(l -> !l.code().equals("SECRET") ? l : new ClassificationLevel(l.code(), l.rank(), l.nameEn(),
                            l.nameTc(), l.colour(), l.marking(), new HandlingRules(true, false,
                            l.rules().mechanisms(), Period.ofMonths(6), l.rules().accessReview(), true)))
                    .toList();
            Outcome<ClassificationScheme> o = session.classification().loadScheme(new ClassificationScheme(
                    "hk-four", "Four levels", "四級", levels), "test");
            assertTrue(o.isDone(), o.describe());
            ClassificationScheme now = session.classification().scheme();
            assertEquals(List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"), codes(now));
            assertEquals(Period.ofMonths(6), now.level("SECRET").orElseThrow().rules().classificationReview());
        }
    }

    @Test
    void twoLevelsThatDifferOnlyBySpacesOrUnderscoresAreOneLevelTooMany() {
        SchemeFile.Result twice = read("twice.yaml", SchemeTexts.CUSTOM.replace("- code: INTERNAL", "- code: PUB LIC")
                .replace("- code: public", "- code: PUB_LIC"));
        assertFalse(twice.valid());
        assertTrue(twice.problems().stream().anyMatch(p -> p.path().equals("levels[1].code")
                && p.message().contains("appears twice")), twice.problems().toString());
    }
}
