package org.custodian.logic.sharing;

import static org.custodian.logic.sharing.SharingFiles.activeFields;
import static org.custodian.logic.sharing.SharingFiles.draftFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.DueKind;
import org.custodian.model.sharing.DueQuery;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.sharing.StatusChange;
import org.custodian.model.validation.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register's use cases on a copy of the sample workbench with its 32 agreements. */
class SharingRegisterTest {

    @TempDir
    Path dir;
    WorkbenchSession session;
    SharingRegister register;
    LocalDate today;

    @BeforeEach
    void open() {
        session = SharingFiles.withAgreements(dir.resolve("w.db"));
        register = session.sharing();
        today = register.today();
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** What "nothing was written" means: the agreements, every timeline, and the audit chain. */
    record State(long total, long events, String head, List<Map<AgreementColumn, String>> content,
                 int timelineEntries) {
    }

    private State state() {
        List<SharingAgreement> all = register.page(AgreementQuery.all(today));
        int timeline = all.stream().mapToInt(a -> register.timeline(a.id()).size()).sum();
        return new State(register.total(), session.audit().eventCount(), session.audit().head().asText(),
                all.stream().map(SharingAgreement::columns).toList(), timeline);
    }

    private SharingAgreement byReference(String reference) {
        return register.findByReference(reference).orElseThrow(() -> new AssertionError("no " + reference));
    }

    private static List<String> keys(Outcome<?> outcome) {
        return outcome.problems().stream().map(Problem::key).toList();
    }

    private static List<String> actions(List<AuditEvent> history) {
        return history.stream().map(AuditEvent::action).toList();
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    @Test
    void saveCreatesADraftByDefaultWithItsFirstStatusOnTheTimeline() {
        long before = register.total();
        Outcome<SharingAgreement> saved = register.save(null, draftFields("T-2026-001"), null);
        assertTrue(saved.isDone(), saved.describe());
        SharingAgreement a = saved.record();
        assertNotNull(a.id());
        assertEquals(AgreementStatus.DRAFT, a.status());
        assertEquals(today, a.statusSince());
        assertEquals(before + 1, register.total());

        SharingAgreement stored = byReference("T-2026-001");
        assertEquals(a.id(), stored.id());
        assertEquals(AgreementStatus.DRAFT, stored.status());
        assertTrue(stored.sameContent(a));

        List<StatusChange> timeline = register.timeline(a.id());
        assertEquals(1, timeline.size(), timeline.toString());
        StatusChange first = timeline.get(0);
        assertNull(first.from());
        assertEquals(AgreementStatus.DRAFT, first.to());
        assertEquals(today, first.effectiveOn());
        assertEquals(session.actor(), first.recordedBy());
        assertEquals(List.of("create"), actions(register.history(a.id())));
    }

    @Test
    void saveCreatesInTheStatusItsFieldsGive() {
        Outcome<SharingAgreement> saved = register.save(null, activeFields("T-2026-002"), null);
        assertTrue(saved.isDone(), saved.describe());
        assertEquals(AgreementStatus.ACTIVE, byReference("T-2026-002").status());
        List<StatusChange> timeline = register.timeline(saved.record().id());
        assertEquals(1, timeline.size());
        assertNull(timeline.get(0).from());
        assertEquals(AgreementStatus.ACTIVE, timeline.get(0).to());
    }

    @Test
    void saveRefusesATakenReferenceAndWritesNothing() {
        SharingAgreement holder = byReference("DSA-2022-017");
        State before = state();
        for (String reference : new String[] {"DSA-2022-017", "dsa-2022-017"}) {
            Outcome<SharingAgreement> refused = register.save(null, draftFields(reference), null);
            assertFalse(refused.isDone());
            assertNull(refused.record());
            assertEquals(List.of("validation.agreement.referenceTaken"), keys(refused));
            assertEquals("reference", refused.problems().get(0).field());
        }
        assertEquals(before, state());
        assertTrue(holder.sameContent(byReference("DSA-2022-017")));
    }

    @Test
    void saveRefusesAnInvalidRecordAndWritesNothing() {
        State before = state();
        Map<AgreementColumn, String> fields = activeFields("T-2026-003");
        fields.put(AgreementColumn.DATASETS, "NOPE-0001");
        Outcome<SharingAgreement> refused = register.save(null, fields, null);
        assertEquals(List.of("validation.agreement.unknownDataset"), keys(refused));
        assertEquals(before, state());
    }

    @Test
    void savingAnExistingRecordNeverChangesItsStatus() {
        SharingAgreement draft = byReference("DSA-2026-014");
        assertEquals(AgreementStatus.DRAFT, draft.status());
        int timeline = register.timeline(draft.id()).size();
        Map<AgreementColumn, String> fields = new EnumMap<>(draft.columns());
        fields.put(AgreementColumn.TITLE, "Salaries tax bands for means testing (revised)");
        fields.put(AgreementColumn.STATUS, "active");
        fields.put(AgreementColumn.STATUS_SINCE, "2020-01-01");

        Outcome<SharingAgreement> saved = register.save(draft.id(), fields, draft.updatedAt());
        assertTrue(saved.isDone(), saved.describe());
        SharingAgreement stored = byReference("DSA-2026-014");
        assertEquals("Salaries tax bands for means testing (revised)", stored.title());
        assertEquals(AgreementStatus.DRAFT, stored.status());
        assertEquals(draft.statusSince(), stored.statusSince());
        assertEquals(timeline, register.timeline(draft.id()).size());
        assertEquals("update", actions(register.history(draft.id())).get(register.history(draft.id()).size() - 1));

        // an active one told it is terminated stays active
        SharingAgreement active = byReference("DSA-2023-004");
        Map<AgreementColumn, String> ended = new EnumMap<>(active.columns());
        ended.put(AgreementColumn.STATUS, "terminated");
        ended.put(AgreementColumn.FREQUENCY, "weekly");
        assertTrue(register.save(active.id(), ended, active.updatedAt()).isDone());
        SharingAgreement after = byReference("DSA-2023-004");
        assertEquals(AgreementStatus.ACTIVE, after.status());
        assertEquals(active.statusSince(), after.statusSince());
        assertEquals("weekly", after.columns().get(AgreementColumn.FREQUENCY));
    }

    @Test
    void saveWithAStaleLoadedAtIsRefused() {
        SharingAgreement opened = byReference("DSA-2023-009");
        Map<AgreementColumn, String> first = new EnumMap<>(opened.columns());
        first.put(AgreementColumn.TITLE, "First editor's title");
        assertTrue(register.save(opened.id(), first, opened.updatedAt()).isDone());

        State before = state();
        Map<AgreementColumn, String> second = new EnumMap<>(opened.columns());
        second.put(AgreementColumn.TITLE, "Second editor's title");
        Outcome<SharingAgreement> refused = register.save(opened.id(), second, opened.updatedAt());
        assertEquals(List.of("validation.agreement.changedMeanwhile"), keys(refused));
        assertEquals(before, state());
        assertEquals("First editor's title", byReference("DSA-2023-009").title());

        Outcome<SharingAgreement> older = register.save(opened.id(), second, Instant.EPOCH);
        assertEquals(List.of("validation.agreement.changedMeanwhile"), keys(older));
        assertEquals(before, state());

        // A refused save adds no organisation either, though its parties name a new one.
        long organisations = session.referenceLists().counts()
                .get(org.custodian.model.reference.ReferenceList.ORGANISATION);
        second.put(AgreementColumn.PARTIES, opened.columns().get(AgreementColumn.PARTIES)
                + ";recipient:Harbourfront Analytics Limited");
        assertEquals(List.of("validation.agreement.changedMeanwhile"),
                keys(register.save(opened.id(), second, opened.updatedAt())));
        assertEquals(organisations, (long) session.referenceLists().counts()
                .get(org.custodian.model.reference.ReferenceList.ORGANISATION));
        assertEquals(before, state());
    }

    // ---- the status lifecycle ----------------------------------------------------------------------------------

    @Test
    void everyAllowedStepIsRecordedOnTheTimelineAndAudited() {
        Map<AgreementColumn, String> fields = activeFields("T-2026-010");
        fields.remove(AgreementColumn.STATUS);
        SharingAgreement a = register.save(null, fields, null).record();
        assertEquals(AgreementStatus.DRAFT, a.status());

        AgreementStatus[] path = {AgreementStatus.UNDER_NEGOTIATION, AgreementStatus.DRAFT, AgreementStatus.ACTIVE,
                AgreementStatus.SUSPENDED, AgreementStatus.ACTIVE, AgreementStatus.EXPIRED, AgreementStatus.ACTIVE,
                AgreementStatus.TERMINATED};
        AgreementStatus from = AgreementStatus.DRAFT;
        for (int i = 0; i < path.length; i++) {
            LocalDate on = today.plusDays(i);
            Outcome<SharingAgreement> changed = register.changeStatus(a.id(), path[i], on, "  step " + i + "  ");
            assertTrue(changed.isDone(), from + " → " + path[i] + ": " + changed.describe());
            SharingAgreement stored = byReference("T-2026-010");
            assertEquals(path[i], stored.status());
            assertEquals(on, stored.statusSince());
            from = path[i];
        }

        List<StatusChange> timeline = register.timeline(a.id());
        assertEquals(path.length + 1, timeline.size());
        AgreementStatus previous = AgreementStatus.DRAFT;
        for (int i = 0; i < path.length; i++) {
            StatusChange c = timeline.get(i + 1);
            assertEquals(previous, c.from());
            assertEquals(path[i], c.to());
            assertEquals(today.plusDays(i), c.effectiveOn());
            assertEquals("step " + i, c.reason(), "the reason is kept without its spaces");
            assertEquals(session.actor(), c.recordedBy());
            assertNotNull(c.recordedAt());
            previous = path[i];
        }
        List<AuditEvent> history = register.history(a.id());
        List<AuditEvent> statusEvents = history.stream().filter(e -> e.action().equals("status")).toList();
        assertEquals(path.length, statusEvents.size(), actions(history).toString());
        assertEquals("step 0", statusEvents.get(0).reason());
        assertTrue(statusEvents.get(0).after().contains("under-negotiation"), statusEvents.get(0).after());
        assertEquals(session.actor(), statusEvents.get(0).actor());
    }

    @Test
    void aStepTheLifecycleForbidsIsRefusedWithNothingWritten() {
        State before = state();
        SharingAgreement draft = byReference("DSA-2026-016");
        assertEquals(AgreementStatus.DRAFT, draft.status());
        for (AgreementStatus to : new AgreementStatus[] {AgreementStatus.EXPIRED, AgreementStatus.SUSPENDED,
                AgreementStatus.DRAFT}) {
            Outcome<SharingAgreement> refused = register.changeStatus(draft.id(), to, today, "because");
            assertEquals(List.of("validation.agreement.transition"), keys(refused), to.toString());
            assertEquals("status", refused.problems().get(0).field());
        }
        SharingAgreement terminated = byReference("DSA-2022-019");
        assertEquals(AgreementStatus.TERMINATED, terminated.status());
        for (AgreementStatus to : AgreementStatus.values()) {
            Outcome<SharingAgreement> refused = register.changeStatus(terminated.id(), to, today, "revived");
            assertFalse(refused.isDone(), "terminated is final, even to " + to);
            assertTrue(keys(refused).contains("validation.agreement.transition"), keys(refused).toString());
        }
        assertEquals(before, state());
    }

    @Test
    void aStatusChangeNeedsAReason() {
        SharingAgreement a = byReference("DSA-2022-017");
        State before = state();
        for (String blank : new String[] {null, "", "   "}) {
            Outcome<SharingAgreement> refused = register.changeStatus(a.id(), AgreementStatus.EXPIRED, today, blank);
            assertEquals(List.of("validation.agreement.reason"), keys(refused));
            assertEquals("reason", refused.problems().get(0).field());
        }
        assertEquals(before, state());
        assertEquals(AgreementStatus.ACTIVE, byReference("DSA-2022-017").status());
    }

    @Test
    void aStatusChangeCannotTakeEffectBeforeTheCurrentStatusDid() {
        SharingAgreement a = byReference("DSA-2022-017");
        assertEquals(LocalDate.of(2022, 11, 1), a.statusSince());
        State before = state();
        Outcome<SharingAgreement> refused = register.changeStatus(a.id(), AgreementStatus.SUSPENDED,
                a.statusSince().minusDays(1), "late paperwork");
        assertEquals(List.of("validation.agreement.statusBefore"), keys(refused));
        assertEquals("effective_on", refused.problems().get(0).field());
        assertEquals(before, state());

        // on the same day is fine
        Outcome<SharingAgreement> sameDay = register.changeStatus(a.id(), AgreementStatus.SUSPENDED,
                a.statusSince(), "late paperwork");
        assertTrue(sameDay.isDone(), sameDay.describe());
    }

    @Test
    void becomingActiveNeedsWhatTheRulesAskOfAnActiveAgreement() {
        SharingAgreement draft = register.save(null, draftFields("T-2026-011"), null).record();
        State before = state();
        Outcome<SharingAgreement> refused = register.changeStatus(draft.id(), AgreementStatus.ACTIVE, today,
                "signed");
        assertFalse(refused.isDone());
        assertEquals(Set.of("legal_basis", "parties", "datasets", "classification_ceiling", "mechanism",
                "expires_on"), refused.problems().stream().map(Problem::field).collect(Collectors.toSet()));
        assertTrue(keys(refused).containsAll(List.of("validation.agreement.requiredActive",
                "validation.agreement.bothSides", "validation.agreement.noDataset", "validation.agreement.noEnd")),
                keys(refused).toString());
        assertEquals(before, state());
        assertEquals(AgreementStatus.DRAFT, byReference("T-2026-011").status());
    }

    // ---- lists over the register -------------------------------------------------------------------------------

    /** The sample file's rows by reference, read with the importer's own reader. */
    private static Map<String, Map<String, String>> sampleRows() {
        try (InputStream in = Files.newInputStream(SharingFiles.SAMPLE_AGREEMENTS_FILE);
             CsvSource csv = CsvSource.open("agreements.csv", in, StandardCharsets.UTF_8,
                     new HashSet<>(AgreementColumn.headers()), Set.of("reference"))) {
            Map<String, Map<String, String>> rows = new java.util.TreeMap<>();
            for (CsvSource.Row r : csv.rows()) {
                Map<String, String> cells = new java.util.HashMap<>();
                AgreementColumn.headers().forEach(h -> cells.put(h, r.get(h))); // blank cells as null
                rows.put(r.get("reference"), cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void coveringListsTheAgreementsThatCoverADataset() {
        UUID shared = session.inventory().findByCode("IRD-BR-0001").orElseThrow().id();
        assertEquals(List.of("DSA-2022-021", "DSA-2024-012"),
                register.covering(shared).stream().map(SharingAgreement::reference).toList());

        UUID unauthorised = session.inventory().findByCode("BD-UBW-0001").orElseThrow().id();
        List<SharingAgreement> covering = register.covering(unauthorised);
        assertEquals(List.of("DSA-2022-017"), covering.stream().map(SharingAgreement::reference).toList());
        assertTrue(covering.get(0).datasets().stream().anyMatch(d -> d.datasetCode().equals("BD-UBW-0001")));

        // every sample dataset: exactly the agreements whose datasets column names it
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        sampleRows().forEach((ref, row) -> {
            for (String entry : row.get("datasets").split(";")) {
                expected.computeIfAbsent(entry.replaceAll("\\(.*", "").strip(), k -> new TreeSet<>()).add(ref);
            }
        });
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            UUID id = session.inventory().findByCode(e.getKey()).orElseThrow().id();
            assertEquals(new ArrayList<>(e.getValue()),
                    register.covering(id).stream().map(SharingAgreement::reference).toList(), e.getKey());
        }
        String none = org.custodian.logic.inventory.InventoryFiles.sampleLevels().keySet().stream()
                .filter(code -> !expected.containsKey(code)).sorted().findFirst().orElseThrow();
        assertEquals(List.of(), register.covering(session.inventory().findByCode(none).orElseThrow().id()), none);
    }

    /** (reference, kind) pairs the sample file makes due by {@code horizon}, by the rules of the due list. */
    private static Set<String> expectedDue(LocalDate horizon, DueKind kind) {
        Set<String> due = new TreeSet<>();
        sampleRows().forEach((ref, row) -> {
            String status = row.get("status");
            String expires = row.get("expires_on");
            String review = row.get("review_due");
            boolean inForce = status.equals("active") || status.equals("suspended");
            if (kind != DueKind.REVIEW && inForce && expires != null && !LocalDate.parse(expires).isAfter(horizon)) {
                due.add(ref + " expiry");
            }
            boolean ended = status.equals("terminated") || status.equals("expired");
            if (kind != DueKind.EXPIRY && !ended && review != null && !LocalDate.parse(review).isAfter(horizon)) {
                due.add(ref + " review");
            }
        });
        return due;
    }

    private static Set<String> pairs(List<AgreementDue> due) {
        return due.stream().map(d -> d.reference() + " " + d.kind().code()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void dueListsExpiriesAndReviewsWithinTheWindowAndOverdueOnes() {
        List<AgreementDue> due = register.due(new DueQuery(today, 30, null));
        assertEquals(expectedDue(today.plusDays(30), null), pairs(due));
        assertTrue(pairs(due).contains("DSA-2022-017 expiry"), "the expired-but-active agreement: " + pairs(due));
        assertTrue(due.stream().anyMatch(d -> d.kind() == DueKind.EXPIRY && !d.dueOn().isBefore(today)
                && !d.dueOn().isAfter(today.plusDays(30))), "an expiry coming up within 30 days: " + due);
        for (AgreementDue d : due) {
            assertFalse(d.dueOn().isAfter(today.plusDays(30)), d.toString());
            SharingAgreement a = byReference(d.reference());
            assertEquals(a.id(), d.agreementId());
            assertEquals(d.kind() == DueKind.EXPIRY ? a.expiresOn() : a.reviewDue(), d.dueOn());
        }
        for (int i = 1; i < due.size(); i++) {
            assertFalse(due.get(i).dueOn().isBefore(due.get(i - 1).dueOn()), "soonest first: " + due);
        }
        AgreementDue unauthorised = due.stream().filter(d -> d.reference().equals("DSA-2022-017")
                && d.kind() == DueKind.EXPIRY).findFirst().orElseThrow();
        assertTrue(unauthorised.overdue(today));
        assertTrue(unauthorised.parties().contains("hk-bd"), unauthorised.parties().toString());
    }

    @Test
    void dueFiltersByKind() {
        List<AgreementDue> expiries = register.due(new DueQuery(today, 30, DueKind.EXPIRY));
        assertFalse(expiries.isEmpty());
        assertTrue(expiries.stream().allMatch(d -> d.kind() == DueKind.EXPIRY), expiries.toString());
        assertEquals(expectedDue(today.plusDays(30), DueKind.EXPIRY), pairs(expiries));

        List<AgreementDue> reviews = register.due(new DueQuery(today, 30, DueKind.REVIEW));
        assertFalse(reviews.isEmpty());
        assertTrue(reviews.stream().allMatch(d -> d.kind() == DueKind.REVIEW), reviews.toString());
        assertEquals(expectedDue(today.plusDays(30), DueKind.REVIEW), pairs(reviews));
    }

    @Test
    void anEndedAgreementsReviewIsNotListed() {
        List<AgreementDue> every = register.due(new DueQuery(today, null, null));
        assertEquals(expectedDue(LocalDate.of(9999, 12, 31), null), pairs(every));
        for (String ended : new String[] {"DSA-2022-019", "DSA-2022-021", "DSA-2018-003", "DSA-2019-004"}) {
            SharingAgreement a = byReference(ended);
            assertNotNull(a.reviewDue(), ended + " has a review date in the sample");
            assertTrue(every.stream().noneMatch(d -> d.reference().equals(ended)), ended + " is "
                    + a.status().code() + ": " + pairs(every));
        }
        // terminating an agreement takes its review and expiry off the list
        SharingAgreement a = byReference("DSA-2022-017");
        assertTrue(register.changeStatus(a.id(), AgreementStatus.TERMINATED, today, "replaced").isDone());
        assertTrue(register.due(new DueQuery(today, null, null)).stream()
                .noneMatch(d -> d.reference().equals("DSA-2022-017")));
    }

    @Test
    void overdueCountCountsWhatHasPassed() {
        long overdue = register.overdueCount();
        assertTrue(overdue > 0, "the sample has overdue expiries and reviews");
        long passed = register.due(new DueQuery(today, 0, null)).stream().filter(d -> d.overdue(today)).count();
        assertEquals(passed, overdue);
    }

    // ---- attachments -----------------------------------------------------------------------------------------

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anAttachmentIsCopiedInWithItsHashAndCheckedWhenOpened() throws Exception {
        SharingAgreement a = byReference("DSA-2023-018");
        byte[] bytes = ("%PDF-1.4 signed copy of DSA-2023-018 " + "簽署".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        Path original = Files.write(dir.resolve("signed copy.pdf"), bytes);

        Attachment att = register.attach(a.id(), original);
        assertEquals("signed copy.pdf", att.fileName());
        assertEquals(sha256(bytes), att.sha256());
        assertEquals(bytes.length, att.size());
        assertEquals(session.actor(), att.addedBy());

        Path kept = register.fileOf(att);
        Path folder = session.file().toAbsolutePath().getParent().resolve("attachments");
        assertTrue(kept.toAbsolutePath().startsWith(folder), kept + " is under " + folder);
        assertArrayEquals(bytes, Files.readAllBytes(kept));
        assertEquals(List.of(att), register.attachments(a.id()));
        assertEquals("attach", actions(register.history(a.id())).get(register.history(a.id()).size() - 1));
        assertEquals(AttachmentState.INTACT, register.check(att));

        // the user's own file may change: the kept copy does not
        Files.write(original, "something else".getBytes(StandardCharsets.UTF_8));
        assertEquals(AttachmentState.INTACT, register.check(att));

        byte[] changed = bytes.clone();
        changed[10] ^= 1;
        Files.write(kept, changed);
        assertEquals(AttachmentState.CHANGED, register.check(att));
        Files.write(kept, bytes);
        assertEquals(AttachmentState.INTACT, register.check(att));

        Files.delete(kept);
        assertEquals(AttachmentState.MISSING, register.check(att));
    }

    @Test
    void twoAttachmentsOfTheSameNameAreKeptApart() throws Exception {
        SharingAgreement a = byReference("DSA-2021-006");
        Path one = Files.write(Files.createDirectories(dir.resolve("one")).resolve("signed.pdf"), new byte[] {1, 2, 3});
        Path two = Files.write(Files.createDirectories(dir.resolve("two")).resolve("signed.pdf"), new byte[] {4, 5});
        Attachment first = register.attach(a.id(), one);
        Attachment second = register.attach(a.id(), two);
        assertFalse(first.storedName().equals(second.storedName()));
        assertEquals(List.of(first, second), register.attachments(a.id()));
        assertEquals(sha256(new byte[] {1, 2, 3}), first.sha256());
        assertEquals(sha256(new byte[] {4, 5}), second.sha256());
        Files.write(register.fileOf(second), new byte[] {4, 5, 6});
        assertEquals(AttachmentState.INTACT, register.check(first));
        assertEquals(AttachmentState.CHANGED, register.check(second));
        assertEquals(List.of(), register.attachments(byReference("DSA-2022-017").id()));
    }
}
