package org.custodian.logic.assessment;

import static org.custodian.logic.assessment.AssessmentFiles.PERSONAL;
import static org.custodian.logic.assessment.AssessmentFiles.create;
import static org.custodian.logic.assessment.AssessmentFiles.done;
import static org.custodian.logic.assessment.AssessmentFiles.fillRequired;
import static org.custodian.logic.assessment.AssessmentFiles.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import of whole assessments between two workbenches, each a copy of the sample (inventory and
 * agreements): an export re-imports exactly, again changes nothing, an altered or broken file is refused with nothing
 * written, and answers move onto a newer template version by question id.
 */
class AssessmentExchangeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ASSESSOR = "assessor.chan";
    static final String REVIEWER = "reviewer.wong";
    static final String IMPORTER = "importer.ho";

    /** Version 1.0 of a small department template. */
    static final String MINI_V1 = """
            template: mini-map
            version: "1.0"
            title: {en: Mini, zh: 小}
            description: {en: A department template, zh: 部門範本}
            source: tests
            scoring:
              method: risk
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: only
                title: {en: Only, zh: 唯一}
                questions:
                  - {id: m-keep, type: yes-no, text: {en: "Keep it?", zh: "保留？"}, help: {en: H, zh: 助},
                     points: {yes: 1, no: 0}}
                  - id: m-choice
                    type: single
                    text: {en: Choose, zh: 選}
                    help: {en: H, zh: 助}
                    options:
                      - {value: a, label: {en: A, zh: 甲}, points: 0}
                      - {value: b, label: {en: B, zh: 乙}, points: 1}
                      - {value: c, label: {en: C, zh: 丙}, points: 2}
                  - {id: m-drop, type: text, text: {en: Dropped later, zh: 將刪}, help: {en: H, zh: 助}}
            """;

    /** Version 2.0: m-drop is gone, m-choice has lost option c, m-new is added. */
    static final String MINI_V2 = """
            template: mini-map
            version: "2.0"
            title: {en: Mini, zh: 小}
            description: {en: A department template, zh: 部門範本}
            source: tests
            scoring:
              method: risk
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: only
                title: {en: Only, zh: 唯一}
                questions:
                  - {id: m-keep, type: yes-no, text: {en: "Keep it?", zh: "保留？"}, help: {en: H, zh: 助},
                     points: {yes: 1, no: 0}}
                  - id: m-choice
                    type: single
                    text: {en: Choose, zh: 選}
                    help: {en: H, zh: 助}
                    options:
                      - {value: a, label: {en: A, zh: 甲}, points: 0}
                      - {value: b, label: {en: B, zh: 乙}, points: 1}
                  - {id: m-new, type: text, text: {en: New, zh: 新}, help: {en: H, zh: 助}}
            """;

    @TempDir
    Path dir;
    Path source;
    Path target;
    WorkbenchSession from;
    WorkbenchSession to;

    @BeforeEach
    void open() {
        source = AssessmentFiles.sampleFile(dir.resolve("source.db"));
        target = AssessmentFiles.sampleFile(dir.resolve("target.db"));
        from = AssessmentFiles.open(source, ASSESSOR);
        to = AssessmentFiles.open(target, IMPORTER);
    }

    @AfterEach
    void close() {
        from.close();
        to.close();
    }

    /** What "nothing was written" means in a workbench: assessments, audit events and head, evidence files. */
    record State(long assessments, long events, String head, Set<Path> files) {
    }

    State state(WorkbenchSession s) throws IOException {
        Path attachments = s.file().toAbsolutePath().getParent().resolve("attachments");
        Set<Path> files = Set.of();
        if (Files.isDirectory(attachments)) {
            try (Stream<Path> walk = Files.walk(attachments)) {
                files = walk.filter(Files::isRegularFile).collect(Collectors.toSet());
            }
        }
        return new State(s.assessments().total(), s.audit().eventCount(), s.audit().head().asText(), files);
    }

    /**
     * A privacy assessment with everything an export carries: answers, a note, an evidence file and a reference,
     * a raised and a hand-written risk, an action linked to the risk, submitted and approved by a second person.
     * {@code from} is the reviewer's session afterwards.
     */
    Assessment approvedWithEverything() throws IOException {
        Assessments a = from.assessments();
        Assessment x = create(from, "privacy-impact", PERSONAL);
        UUID key = x.key();
        done(a.answer(key, "scr-project-summary", "Online renewals of vehicle licences."));
        done(a.note(key, "scr-project-summary", "Agreed with the licensing section, 3 March."));
        done(a.answer(key, "scr-sensitive", "yes"));
        Path minutes = Files.write(dir.resolve("privacy minutes.pdf"),
                "%PDF-1.4 minutes of the privacy meeting".getBytes(StandardCharsets.UTF_8));
        done(a.addEvidenceFile(key, "scr-project-summary", minutes));
        done(a.addEvidenceReference(key, "scr-sensitive", "TD/PRIV/2026/17"));
        RiskEntry fraud = done(a.saveRisk(key, new RiskEntry(UUID.randomUUID(), "Renewal fraud", "Stolen logins",
                3, 3, "Two-factor login", 2, 2, "IT security", "")));
        done(a.saveAction(key, new PlannedAction(UUID.randomUUID(), "Turn on two-factor login", "IT security",
                LocalDate.of(2026, 12, 31), ActionStatus.OPEN, "", fraud.key())));
        AssessmentRecord r = fillRequired(from, key);
        ScoreCard card = a.score(r);
        done(a.move(key, AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR, null, null));
        from.close();
        from = AssessmentFiles.open(source, REVIEWER);
        done(from.assessments().move(key, AssessmentStatus.APPROVED,
                card.needsThirdLine() ? ReviewRole.THIRD_LINE : ReviewRole.REVIEWER, "Approved.", null));
        return x;
    }

    Path export(WorkbenchSession s, UUID key, String name) throws IOException {
        Path out = dir.resolve("out").resolve(name);
        Files.createDirectories(out.getParent());
        s.assessmentExchange().export(key, out);
        return out;
    }

    /** An assessment without its row key (a local id), for comparing across workbenches. */
    static Assessment withoutKey(Assessment a) {
        return new Assessment(null, a.reference(), a.revision(), a.title(), a.subject(), a.templateId(),
                a.templateVersion(), a.templateHash(), a.status(), a.createdAt(), a.createdBy(), a.updatedAt(),
                a.reviewDue(), a.approvedHash(), a.riskLevel(), a.riskPercent(), a.progress());
    }

    /** Evidence without its stored file name (local to the workbench's attachments folder). */
    static Evidence withoutStoredName(Evidence e) {
        return new Evidence(e.key(), e.questionId(), e.fileName(), e.isFile() ? "file" : null, e.sha256(), e.size(),
                e.reference(), e.addedBy(), e.addedAt());
    }

    // ---- round trip ------------------------------------------------------------------------------------------

    @Test
    void anExportImportsIntoAnotherWorkbenchExactly() throws IOException {
        Assessment x = approvedWithEverything();
        AssessmentRecord original = load(from, x.key());
        assertEquals(AssessmentStatus.APPROVED, original.assessment().status());
        assertEquals(1, original.evidence().stream().filter(Evidence::isFile).count());
        assertEquals(2, original.risks().size(), "the raised risk and the hand-written one");
        Path file = export(from, x.key(), "assessment.json");

        AssessmentExchange.Imported imported = to.assessmentExchange().importFile(file, false, false);
        assertEquals(AssessmentExchange.Kind.CREATED, imported.kind());
        assertEquals(List.of(), imported.unmapped());
        AssessmentRecord copy = load(to, imported.assessment().key());

        assertEquals(withoutKey(original.assessment()), withoutKey(copy.assessment()));
        assertEquals(original.assessment().reference(), copy.assessment().reference());
        assertEquals(1, copy.assessment().revision());
        assertEquals(AssessmentStatus.APPROVED, copy.assessment().status());
        assertEquals(original.answers(), copy.answers(), "answers, notes, pre-fill sources, who and when");
        assertEquals("Agreed with the licensing section, 3 March.",
                copy.answers().get("scr-project-summary").note());
        assertEquals(original.risks(), copy.risks());
        assertEquals(original.actions(), copy.actions());
        assertEquals(original.steps(), copy.steps());
        assertEquals(original.evidence().stream().map(AssessmentExchangeTest::withoutStoredName).toList(),
                copy.evidence().stream().map(AssessmentExchangeTest::withoutStoredName).toList());
        assertEquals(original.assessment().approvedHash(), copy.assessment().approvedHash());
        assertEquals(copy.assessment().approvedHash(), to.assessments().contentHash(copy),
                "the imported content still has the hash its approval recorded");

        Evidence there = original.evidence().stream().filter(Evidence::isFile).findFirst().orElseThrow();
        Evidence here = copy.evidence().stream().filter(Evidence::isFile).findFirst().orElseThrow();
        assertEquals(TestFiles.sha256(from.assessments().evidencePath(there)),
                TestFiles.sha256(to.assessments().evidencePath(here)));
        assertEquals(there.sha256(), TestFiles.sha256(to.assessments().evidencePath(here)));
        assertArrayEquals(Files.readAllBytes(dir.resolve("privacy minutes.pdf")),
                Files.readAllBytes(to.assessments().evidencePath(here)));

        // Exported again from the second workbench, it is the same file.
        JsonNode again = JSON.readTree(export(to, copy.assessment().key(), "again.json").toFile());
        assertEquals(JSON.readTree(file.toFile()), again);
        assertTrue(to.audit().verify(null, null).isIntact());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Assessment x = approvedWithEverything();
        Path file = export(from, x.key(), "assessment.json");
        AssessmentExchange.Imported first = to.assessmentExchange().importFile(file, false, false);
        State before = state(to);

        AssessmentExchange.Imported second = to.assessmentExchange().importFile(file, false, false);
        assertEquals(AssessmentExchange.Kind.UNCHANGED, second.kind());
        assertEquals(first.assessment().key(), second.assessment().key());
        assertEquals(before, state(to));

        // A draft's export, imported twice, is unchanged the second time too.
        WorkbenchSession s = from;
        Assessment draft = create(s, "ethical-ai");
        done(s.assessments().answer(draft.key(), "scr-personal-data", "yes"));
        Path draftFile = export(s, draft.key(), "draft.json");
        assertEquals(AssessmentExchange.Kind.CREATED, to.assessmentExchange().importFile(draftFile, false, false)
                .kind());
        State afterDraft = state(to);
        assertEquals(AssessmentExchange.Kind.UNCHANGED, to.assessmentExchange().importFile(draftFile, false, false)
                .kind());
        assertEquals(afterDraft, state(to));
    }

    // ---- altered and broken files ----------------------------------------------------------------------------

    /** The export with one change made to its JSON, written as {@code name}. */
    Path altered(Path export, String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(export.toFile());
        change.accept(root);
        Path out = dir.resolve("out").resolve(name);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        return out;
    }

    static ObjectNode answer(ObjectNode root, String questionId) {
        for (JsonNode a : root.get("answers")) {
            if (a.get("question").asText().equals(questionId)) {
                return (ObjectNode) a;
            }
        }
        throw new AssertionError("no answer to " + questionId + " in the file");
    }

    @Test
    void aFileWhoseAnswerWasEditedAfterApprovalIsRefusedAndNothingIsWritten() throws IOException {
        Assessment x = approvedWithEverything();
        Path file = export(from, x.key(), "assessment.json");
        Path tampered = altered(file, "tampered.json",
                root -> answer(root, "scr-project-summary").put("value", "Something else entirely."));
        State before = state(to);

        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(tampered, false, false));
        assertTrue(e.getMessage().startsWith("tampered.json, approved_hash: "), e.getMessage());
        assertTrue(e.getMessage().contains("hash recorded when it was approved"), e.getMessage());
        assertEquals(before, state(to));

        // The untouched export still imports.
        assertEquals(AssessmentExchange.Kind.CREATED, to.assessmentExchange().importFile(file, false, false).kind());
    }

    @Test
    void anEvidenceFileAlteredInsideTheExportIsRefused() throws IOException {
        Assessment x = approvedWithEverything();
        Path file = export(from, x.key(), "assessment.json");
        Path tampered = altered(file, "evidence.json", root -> {
            ObjectNode ev = (ObjectNode) answer(root, "scr-project-summary").get("evidence").get(0);
            ev.put("content", java.util.Base64.getEncoder().encodeToString("forged".getBytes(StandardCharsets.UTF_8)));
        });
        State before = state(to);
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(tampered, false, false));
        assertTrue(e.getMessage().startsWith("evidence.json: 1 fault, nothing imported"), e.getMessage());
        assertTrue(e.getMessage().contains("answers[1].evidence[0].sha256: the content of privacy minutes.pdf does not"
                + " match its recorded hash"), e.getMessage());
        assertEquals(before, state(to));
    }

    @Test
    void brokenFilesAreRefusedNamingTheFileAndTheFieldWithNothingWritten() throws IOException {
        Assessment x = create(from, "privacy-impact", PERSONAL);
        done(from.assessments().answer(x.key(), "scr-project-summary", "Online renewals."));
        Path good = export(from, x.key(), "good.json");
        Path empty = Files.write(dir.resolve("out/empty.json"), new byte[0]);
        Path notJson = Files.writeString(dir.resolve("out/notes.json"), "These are my notes, not JSON.\n");
        Path wrongFormat = altered(good, "agreement.json", root -> root.put("format", "custodian-agreement"));
        Path noSubject = altered(good, "nameless.json", root -> ((ObjectNode) root.get("subject")).remove("name"));
        Path badVersion = altered(good, "future.json", root -> root.put("format_version", 9));
        State before = state(to);

        assertRejected(empty, "empty.json: the file is empty");
        assertRejected(notJson, "notes.json, line 1: not well-formed JSON");
        assertRejected(wrongFormat, "agreement.json: not a Custodian assessment (its format field is not"
                + " 'custodian-assessment')");
        assertRejected(noSubject, "nameless.json: 1 fault, nothing imported:\n  subject.name: missing");
        assertRejected(badVersion, "future.json: format_version 9 is not one this version of Custodian reads");
        assertEquals(before, state(to));
    }

    void assertRejected(Path file, String messageStart) {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(file, false, false), file.getFileName().toString());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void exportRefusesWhenAnEvidenceFileNoLongerMatchesItsHashAndWritesNothing() throws IOException {
        Assessment x = approvedWithEverything();
        Evidence file = load(from, x.key()).evidence().stream().filter(Evidence::isFile).findFirst().orElseThrow();
        Files.writeString(from.assessments().evidencePath(file), "replaced behind the workbench's back");
        Path out = dir.resolve("out/assessment.json");
        Exception e = assertThrows(Exception.class, () -> export(from, x.key(), "assessment.json"));
        assertTrue(String.valueOf(e.getMessage()).contains("evidence privacy minutes.pdf no longer matches the hash"),
                e.toString());
        assertTrue(Files.notExists(out), "no export is written");
    }

    @Test
    void exportReportsAnAlteredEvidenceFileAsAnIOException() throws IOException {
        Assessment x = approvedWithEverything();
        Evidence file = load(from, x.key()).evidence().stream().filter(Evidence::isFile).findFirst().orElseThrow();
        Files.writeString(from.assessments().evidencePath(file), "replaced behind the workbench's back");
        IOException e = assertThrows(IOException.class, () -> export(from, x.key(), "assessment.json"));
        assertTrue(e.getMessage().startsWith("evidence privacy minutes.pdf no longer matches"), e.getMessage());
    }

    @Test
    void importIntoAWorkbenchWithoutTheDepartmentKeepsItsCodeAsWritten() throws IOException {
        Assessment x = create(from, "privacy-impact", PERSONAL);
        Path file = export(from, x.key(), "assessment.json");
        try (WorkbenchSession empty = WorkbenchSession.open(dir.resolve("empty.db"),
                org.custodian.model.workbench.Access.READ_WRITE, IMPORTER, true)) {
            AssessmentExchange.Imported imported = empty.assessmentExchange().importFile(file, false, false);
            assertEquals(x.subject().department(), imported.assessment().subject().department());
            assertEquals(AssessmentExchange.Kind.UNCHANGED, empty.assessmentExchange().importFile(file, false, false)
                    .kind(), "the department kept as written reproduces the assessment exactly");
        }
    }

    @Test
    void importIntoAWorkbenchWithoutTheDatasetsNeitherLosesThemSilentlyNorBreaksTheApproval() throws IOException {
        Assessment x = approvedWithEverything();
        Path file = export(from, x.key(), "assessment.json");
        try (WorkbenchSession lists = org.custodian.logic.inventory.InventoryFiles.withLists(dir.resolve("lists.db"))) {
            State before = state(lists);
            AssessmentExchange.Imported imported;
            try {
                imported = lists.assessmentExchange().importFile(file, false, false);
            } catch (InputRejectedException e) {
                assertTrue(e.getMessage().contains(PERSONAL), e.getMessage());
                assertEquals(before, state(lists));
                return;
            }
            AssessmentRecord r = load(lists, imported.assessment().key());
            assertTrue(lists.assessments().contentIntact(r),
                    "the approved assessment reads as altered right after its import");
            assertEquals(AssessmentExchange.Kind.UNCHANGED, lists.assessmentExchange().importFile(file, false, false)
                    .kind());
        }
    }

    @Test
    void importingAsANewAssessmentMakesADraftCopyWithIdsOfItsOwnAndLeavesTheOriginalAlone() throws IOException {
        Assessment x = approvedWithEverything();
        AssessmentRecord original = load(from, x.key());
        Path file = export(from, x.key(), "assessment.json");
        assertThrows(InputRejectedException.class, () -> {
            // The same reference with other content is not merged: it needs to come in as a copy.
            Path changed = dir.resolve("changed.json");
            Files.writeString(changed, Files.readString(file).replace("Online renewals of vehicle licences.",
                    "Online renewals of vehicle licences and permits."));
            from.assessmentExchange().importFile(changed, false, false);
        });
        AssessmentExchange.Imported copy = from.assessmentExchange().importFile(file, false, true);
        assertEquals(AssessmentExchange.Kind.COPIED, copy.kind());
        AssessmentRecord c = load(from, copy.assessment().key());
        assertTrue(!c.assessment().reference().equals(x.reference()), c.assessment().reference());
        assertEquals(AssessmentStatus.DRAFT, c.assessment().status(), "the decision stays with the original");
        assertEquals(List.of(), c.steps());
        assertEquals(original.answers().keySet(), c.answers().keySet());
        assertEquals(original.risks().size(), c.risks().size());
        assertTrue(c.risks().stream().noneMatch(r -> original.risks().stream().anyMatch(o -> o.key().equals(r.key()))),
                "the copy's risks have ids of their own");
        UUID copiedRisk = c.actions().get(0).riskKey();
        assertTrue(c.risks().stream().anyMatch(r -> r.key().equals(copiedRisk)), "the action follows its risk");
        assertEquals(original, load(from, x.key()), "the original is untouched");
        assertTrue(from.assessments().contentIntact(load(from, x.key())));
    }

    @Test
    void anotherDepartmentsAssessmentUnderTheSameReferenceIsNotTakenForOursButCanComeInAsACopy() throws IOException {
        Assessment theirs = create(from, "privacy-impact", PERSONAL);
        Assessment ours = create(to, "cross-boundary-transfer");
        assertEquals(theirs.reference(), ours.reference(), "each workbench numbers its own assessments");
        Path file = export(from, theirs.key(), "theirs.json");
        assertTrue(Files.readString(file).contains("\"lineage\" : \"" + theirs.key() + "\""));
        State before = state(to);
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(file, false, false));
        assertTrue(e.getMessage().contains("is another assessment"), e.getMessage());
        assertEquals(before, state(to));
        AssessmentExchange.Imported copy = to.assessmentExchange().importFile(file, false, true);
        assertEquals(AssessmentExchange.Kind.COPIED, copy.kind());
        assertTrue(!copy.assessment().reference().equals(ours.reference()));
        assertEquals("cross-boundary-transfer", to.assessments().find(ours.reference(), 0).orElseThrow().templateId(),
                "ours is untouched");
    }

    @Test
    void anImportedWorkflowWhereTheSubmitterApprovedTheirOwnWorkIsRefused() throws IOException {
        Assessment x = approvedWithEverything();
        Path file = export(from, x.key(), "assessment.json");
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
        var steps = root.withArray("workflow");
        ((com.fasterxml.jackson.databind.node.ObjectNode) steps.get(steps.size() - 1)).put("actor",
                steps.get(0).get("actor").asText());
        Path forged = dir.resolve("forged.json");
        JSON.writeValue(forged.toFile(), root);
        State before = state(to);
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(forged, false, false));
        assertTrue(e.getMessage().startsWith("forged.json, workflow["), e.getMessage());
        assertTrue(e.getMessage().contains("decided on their own submission"), e.getMessage());
        assertEquals(before, state(to));
    }

    @Test
    void anImportedAnswerTheQuestionDoesNotAcceptIsRefusedNamingIt() throws IOException {
        Assessment x = create(from, "privacy-impact", PERSONAL);
        done(from.assessments().answer(x.key(), "scr-sensitive", "yes"));
        Path file = export(from, x.key(), "assessment.json");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(file).replace("\"value\" : \"yes\"", "\"value\" : \"maybe\""));
        State before = state(to);
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> to.assessmentExchange().importFile(broken, false, false));
        assertTrue(e.getMessage().startsWith("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'maybe' is not an answer"), e.getMessage());
        assertEquals(before, state(to));
    }

    @Test
    void evidenceOnAQuestionWithoutAnAnswerRoundTripsUnchanged() throws IOException {
        Assessment x = create(from, "privacy-impact", PERSONAL);
        done(from.assessments().addEvidenceReference(x.key(), "dpp4-access-control", "TD/SEC/2026/3"));
        done(from.assessments().answer(x.key(), "scr-project-summary", "Summary"));
        done(from.assessments().note(x.key(), "scr-project-summary", "typed"));
        done(from.assessments().answer(x.key(), "scr-project-summary", ""));
        done(from.assessments().note(x.key(), "scr-project-summary", ""));
        AssessmentRecord original = load(from, x.key());
        Path file = export(from, x.key(), "assessment.json");
        AssessmentExchange.Imported imported = to.assessmentExchange().importFile(file, false, false);
        AssessmentRecord copy = load(to, imported.assessment().key());
        assertEquals(original.answers(), copy.answers(), "the emptied answer row comes back as it was");
        assertEquals(1, copy.evidence().size());
        assertEquals(AssessmentExchange.Kind.UNCHANGED, to.assessmentExchange().importFile(file, false, false).kind());
    }

    // ---- template versions -------------------------------------------------------------------------------

    @Test
    void importingOntoTheLatestTemplateVersionMapsAnswersByQuestionIdAndListsWhatDidNotFit() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("mini-v1.yaml"), MINI_V1);
        Files.writeString(templates.resolve("mini-v2.yaml"), MINI_V2);
        from.close();
        to.close();
        from = AssessmentFiles.open(source, ASSESSOR, templates);
        to = AssessmentFiles.open(target, IMPORTER, templates);

        TemplateCatalog.Entry v1 = from.assessments().catalog().find("mini-map", "1.0").orElseThrow(
                () -> new AssertionError("v1 is not installed: " + from.assessments().catalog().entries().stream()
                        .map(e -> e.file() + " " + e.problems()).toList()));
        assertEquals("2.0", to.assessments().catalog().latest("mini-map").orElseThrow().template().version());
        Assessment x = done(from.assessments().create(v1, "Department check", AssessmentFiles.subject()));
        done(from.assessments().answer(x.key(), "m-keep", "yes"));
        done(from.assessments().answer(x.key(), "m-choice", "c"));
        done(from.assessments().note(x.key(), "m-choice", "c was the only fit"));
        done(from.assessments().answer(x.key(), "m-drop", "An answer to a dropped question"));
        Path file = export(from, x.key(), "mini.json");

        AssessmentExchange.Imported imported = to.assessmentExchange().importFile(file, true, false);
        assertEquals(AssessmentExchange.Kind.MAPPED, imported.kind());
        Assessment mapped = imported.assessment();
        assertEquals("mini-map", mapped.templateId());
        assertEquals("2.0", mapped.templateVersion());
        assertEquals(AssessmentStatus.DRAFT, mapped.status());
        AssessmentRecord r = load(to, mapped.key());
        assertEquals("yes", r.answers().get("m-keep").value(), "mapped by question id");
        assertEquals("", r.answers().get("m-choice").value(), "the removed option's answer is not kept");
        assertEquals("c was the only fit", r.answers().get("m-choice").note(), "its note is");
        assertTrue(!r.answers().containsKey("m-drop"), "the dropped question's answer is not carried");

        List<Assessments.Unmapped> unmapped = imported.unmapped();
        assertEquals(Set.of("m-drop", "m-choice"), unmapped.stream().map(Assessments.Unmapped::questionId)
                .collect(Collectors.toSet()), unmapped.toString());
        Assessments.Unmapped dropped = unmapped.stream().filter(u -> u.questionId().equals("m-drop")).findFirst()
                .orElseThrow();
        assertEquals("An answer to a dropped question", dropped.value());
        assertTrue(dropped.reason().contains("no question m-drop"), dropped.reason());
        Assessments.Unmapped option = unmapped.stream().filter(u -> u.questionId().equals("m-choice")).findFirst()
                .orElseThrow();
        assertEquals("c", option.value());
        assertTrue(option.reason().contains("'c' is not an answer"), option.reason());
        assertEquals(2, unmapped.size());
        assertNotNull(to.assessments().templateOf(mapped).question("m-new"));
    }

    @Test
    void withoutMappingTheFilesOwnTemplateVersionIsKept() throws IOException {
        Path v1Only = Files.createDirectories(dir.resolve("v1"));
        Files.writeString(v1Only.resolve("mini.yaml"), MINI_V1);
        Path v2Only = Files.createDirectories(dir.resolve("v2"));
        Files.writeString(v2Only.resolve("mini.yaml"), MINI_V2);
        from.close();
        to.close();
        from = AssessmentFiles.open(source, ASSESSOR, v1Only);
        to = AssessmentFiles.open(target, IMPORTER, v2Only);
        Assessment x = done(from.assessments().create(from.assessments().catalog().latest("mini-map").orElseThrow(),
                "Department check", AssessmentFiles.subject()));
        done(from.assessments().answer(x.key(), "m-choice", "c"));
        Path file = export(from, x.key(), "mini.json");

        // The file carries its template: imported as made, on version 1.0, though only 2.0 is installed here.
        AssessmentExchange.Imported kept = to.assessmentExchange().importFile(file, false, false);
        assertEquals(AssessmentExchange.Kind.CREATED, kept.kind());
        assertEquals("1.0", kept.assessment().templateVersion());
        assertEquals("c", load(to, kept.assessment().key()).answers().get("m-choice").value());
    }
}
