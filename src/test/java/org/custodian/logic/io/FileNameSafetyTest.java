package org.custodian.logic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.AssessmentFiles;
import org.custodian.logic.sharing.AttachmentFiles;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.SharingAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the workbench did not choose never choose where it reads or writes: a file kept as an attachment or as
 * evidence lives under ids the workbench made, in its attachments folder, whatever name it came with; an imported
 * agreement or assessment cannot bring a path; a backup's label cannot leave the backups folder.
 */
class FileNameSafetyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Evidence names an export from elsewhere could carry. */
    static final List<String> HOSTILE_NAMES = List.of("../../escaped-up.txt", "/tmp/custodian-escaped-abs.txt",
            "C:\\Windows\\escaped-win.txt", "..\\..\\escaped-back.txt", "CON", "nul.txt", "a\u0000b.txt", "",
            "長".repeat(300) + ".txt");

    @TempDir
    Path dir;

    @Test
    void aFileWithALongChineseNameIsKeptWholeInsideTheFolder() throws IOException {
        // 75 Chinese characters and .pdf: 229 bytes, a name the user's own disk accepts.
        Path original = Files.writeString(dir.resolve("運輸署與警務處交通資料共享協議".repeat(4) + "簽署本".repeat(5)
                + ".pdf"), "%PDF-1.4 signed");
        try (WorkbenchSession s = SharingFiles.withAgreements(dir.resolve("work/workbench.db"))) {
            SharingAgreement a = s.sharing().findByReference("DSA-2023-018").orElseThrow();
            Attachment att = s.sharing().attach(a.id(), original);
            assertEquals(original.getFileName().toString(), att.fileName(), "the name as the user had it, to show");
            Path kept = s.sharing().fileOf(att);
            assertTrue(kept.startsWith(s.sharing().files().folder().toAbsolutePath()), kept.toString());
            assertTrue(kept.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255);
            assertEquals(AttachmentState.INTACT, s.sharing().check(att));
        }
    }

    @Test
    void aStoredNameLeadingOutOfTheFolderIsNeverFollowed() throws IOException {
        AttachmentFiles files = new AttachmentFiles(dir.resolve("attachments/workbench"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "not the workbench's");
        String hash = AttachmentFiles.sha256(outside);
        for (String stored : List.of("../../secret.txt", "x/../../../secret.txt", outside.toString(), "..", ".")) {
            Path path = files.pathOf(stored);
            assertTrue(path.startsWith(files.folder().toAbsolutePath()) && !path.equals(
                    files.folder().toAbsolutePath()), stored + " -> " + path);
            assertEquals(AttachmentState.MISSING, files.check(stored, hash), "never read through " + stored);
            files.discard(stored);
            assertTrue(Files.exists(outside), "never deleted through " + stored);
        }
    }

    @Test
    void anImportedAssessmentCannotPlaceEvidenceOutsideTheAttachmentsFolder() throws IOException {
        Path exported = dir.resolve("out/assessment.json");
        byte[] content = "minutes of the review board".getBytes(StandardCharsets.UTF_8);
        try (WorkbenchSession from = AssessmentFiles.open(AssessmentFiles.sampleFile(dir.resolve("from/w.db")),
                "assessor")) {
            Assessment a = AssessmentFiles.create(from, "privacy-impact", AssessmentFiles.PERSONAL);
            String question = from.assessments().templateOf(a).questions().get(0).id();
            Path evidence = Files.write(dir.resolve("minutes.txt"), content);
            AssessmentFiles.done(from.assessments().addEvidenceFile(a.key(), question, evidence));
            Files.createDirectories(exported.getParent());
            from.assessmentExchange().export(a.key(), exported);
        }
        // The same evidence again under each hostile name, with ids of its own.
        JsonNode root = JSON.readTree(exported.toFile());
        ObjectNode file = evidenceWithContent(root);
        ArrayNode list = (ArrayNode) parentOf(root, file);
        for (String name : HOSTILE_NAMES) {
            ObjectNode copy = file.deepCopy();
            copy.put("id", UUID.randomUUID().toString());
            copy.put("file", name);
            copy.put("stored_name", name); // not a field of the format; must be ignored if ever read
            list.add(copy);
        }
        Files.write(exported, JSON.writeValueAsBytes(root));

        Set<Path> before = filesUnder(dir);
        try (WorkbenchSession to = AssessmentFiles.open(AssessmentFiles.sampleFile(dir.resolve("to/w.db")),
                "importer")) {
            AssessmentExchange.Imported imported = to.assessmentExchange().importFile(exported, false, false);
            AssessmentRecord r = to.assessments().load(imported.assessment().key()).orElseThrow();
            List<Evidence> files = r.evidence().stream().filter(Evidence::isFile).toList();
            assertEquals(HOSTILE_NAMES.size() + 1, files.size());
            Path folder = dir.resolve("to/attachments").toAbsolutePath();
            Set<String> shown = new HashSet<>();
            for (Evidence e : files) {
                Path kept = to.assessments().evidencePath(e);
                assertTrue(kept.startsWith(folder), e.fileName() + " kept at " + kept);
                assertEquals(AttachmentState.INTACT, to.assessments().checkEvidence(e), e.fileName());
                assertArrayEquals(content, Files.readAllBytes(kept));
                assertTrue(kept.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255);
                shown.add(e.fileName());
            }
            assertTrue(shown.containsAll(HOSTILE_NAMES.stream().filter(n -> !n.isEmpty()).toList()),
                    "the name as the file gave it is kept, to show: " + shown);
        }
        List<Path> added = new ArrayList<>(filesUnder(dir));
        added.removeAll(before);
        for (Path p : added) {
            assertTrue(p.startsWith(dir.resolve("to")), "the import wrote only inside its workbench's folder: " + p);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("escaped")).toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/custodian-escaped-abs.txt")));
    }

    @Test
    void anImportedAgreementCannotBringAnAttachment() throws IOException {
        ObjectNode agreement = JSON.createObjectNode();
        SharingFiles.draftFields("DSA-HX-001").forEach((c, v) -> agreement.put(c.header(), v));
        ObjectNode attachment = agreement.putArray("attachments").addObject();
        attachment.put("file_name", "../../escaped.pdf");
        attachment.put("stored_name", "../../escaped.pdf");
        attachment.put("path", dir.resolve("escaped-abs.pdf").toString());
        attachment.put("content", "JVBERi0xLjQ=");
        agreement.put("stored_name", "../../escaped.pdf");
        byte[] json = JSON.writeValueAsBytes(JSON.createArrayNode().add(agreement));
        try (WorkbenchSession s = SharingFiles.withAgreements(dir.resolve("work/workbench.db"))) {
            var report = s.agreementExchange().importJson("agreement.json", new ByteArrayInputStream(json), false,
                    WorkProgress.NONE);
            assertFalse(report.anyRejected(), () -> report.rows().toString());
            SharingAgreement a = s.sharing().findByReference("DSA-HX-001").orElseThrow();
            assertEquals(List.of(), s.sharing().attachments(a.id()), "attachments come only from attach");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("escaped")).toList());
        }
    }

    @Test
    void aBackupLabelCannotLeaveTheBackupsFolder() throws IOException {
        try (WorkbenchSession s = SharingFiles.withAgreements(dir.resolve("work/workbench.db"))) {
            for (String label : List.of("../../escaped", "/tmp/escaped", "a\\..\\..\\escaped", "CON", "\u0000")) {
                Path taken = s.backups().backupNow(label);
                assertEquals(dir.resolve("work/backups").toAbsolutePath(), taken.getParent(), label);
                assertTrue(s.backups().list().stream().anyMatch(e -> e.file().equals(taken)), label);
                assertFalse(taken.getFileName().toString().contains("/"));
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("escaped")).toList());
        }
    }

    /** The first evidence object that carries its file's content. */
    private static ObjectNode evidenceWithContent(JsonNode node) {
        if (node.isObject() && node.has("content") && node.has("file")) {
            return (ObjectNode) node;
        }
        for (JsonNode child : node) {
            ObjectNode found = evidenceWithContent(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode parentOf(JsonNode node, JsonNode child) {
        for (JsonNode c : node) {
            if (c == child) {
                return node;
            }
            JsonNode found = parentOf(c, child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Set<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return new HashSet<>(all.filter(Files::isRegularFile).toList());
        }
    }
}
