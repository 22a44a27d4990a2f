package org.custodian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custodian.model.audit.AuditChoices;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log screen's reads on a real file: filtered, paged newest first, counted, with each record's code. */
class AuditSearchTest {

    @TempDir
    Path dir;

    private static List<Long> sequences(List<AuditEntry> page) {
        return page.stream().map(e -> e.event().sequence()).toList();
    }

    private static AuditFilter text(String words) {
        return new AuditFilter(null, null, null, null, null, null, words);
    }

    @Test
    void pagesComeNewestFirstAndTheCountIsTheFilters() {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 250);
        try (Database db = Database.open(file, Access.READ_ONLY, "reader", false)) {
            List<AuditEntry> first = db.auditPage(AuditFilter.ALL, 100, 0);
            assertEquals(100, first.size());
            assertEquals(250L, first.get(0).event().sequence());
            assertEquals(151L, first.get(99).event().sequence());
            assertEquals(List.of(50L, 49L), sequences(db.auditPage(AuditFilter.ALL, 2, 200)));
            assertEquals(50, db.auditPage(AuditFilter.ALL, 100, 200).size());
            assertEquals(250, db.auditCount(AuditFilter.ALL));
            assertEquals("org-250", first.get(0).record(), "an entry's code is its record's");
        }
    }

    @Test
    void filtersByKindRecordActorActionAndText() {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 30);
        try (Database db = Database.open(file, Access.READ_WRITE, "second-officer", false)) {
            ReferenceRepository repo = new ReferenceRepository(db);
            db.inTransaction(tx -> {
                ReferenceEntry seven = repo.findByCode(tx, ReferenceList.ORGANISATION, "org-7").orElseThrow();
                repo.rename(tx, seven, "Seventh Bureau", "第七局", "renamed after 50% of staff moved");
                repo.insert(tx, ReferenceList.CATEGORY, "org_1x", "Not an organisation", "非機構");
                return null;
            });

            AuditFilter org7 = AuditFilter.forRecord(null, "ORG-7");
            List<AuditEntry> history = db.auditPage(org7, 100, 0);
            assertEquals(List.of(31L, 7L), sequences(history), "the code finds the record, any case");
            assertEquals("org-7", history.get(0).record());
            assertEquals(2, db.auditCount(org7));
            String id = history.get(0).event().entityId();
            assertEquals(2, db.auditCount(AuditFilter.forRecord("organisation", id)), "so does its id");
            assertEquals(0, db.auditCount(AuditFilter.forRecord("category", id)), "of that kind only");

            assertEquals(31, db.auditCount(new AuditFilter("organisation", null, null, null, null, null, null)));
            assertEquals(List.of(32L, 31L), sequences(db.auditPage(
                    new AuditFilter(null, null, "second-officer", null, null, null, null), 100, 0)));
            assertEquals(List.of(31L), sequences(db.auditPage(
                    new AuditFilter(null, null, null, "update", null, null, null), 100, 0)));

            assertEquals(List.of(31L), sequences(db.auditPage(text("50%"), 100, 0)), "in the reason");
            assertEquals(0, db.auditCount(text("50x")), "% is a character, not a wildcard");
            assertEquals(List.of(32L), sequences(db.auditPage(text("org_1"), 100, 0)),
                    "_ is a character too: org-1, org-10 … do not match");
            assertEquals(List.of(31L), sequences(db.auditPage(text("第七局"), 100, 0)), "Chinese in the after state");
            assertEquals(List.of(31L), sequences(db.auditPage(text("seventh  staff"), 100, 0)), "every word");
            assertEquals(2, db.auditCount(text(id.substring(0, 8))), "and the record’s id");
        }
    }

    @Test
    void timeBoundsAreExactToTheMicrosecond() throws Exception {
        Path file = dir.resolve("w.db");
        Instant before;
        Instant middle;
        try (Database db = TestFiles.create(file)) {
            ReferenceRepository repo = new ReferenceRepository(db);
            before = Instant.now();
            db.inTransaction(tx -> repo.insert(tx, ReferenceList.ORGANISATION, "early", "Early", "早"));
            Thread.sleep(5);
            middle = Instant.now();
            Thread.sleep(5);
            db.inTransaction(tx -> repo.insert(tx, ReferenceList.ORGANISATION, "late", "Late", "遲"));
            Instant late = db.auditHistory("organisation", db.auditPage(AuditFilter.ALL, 1, 0).get(0).event()
                    .entityId()).get(0).occurredAt();

            assertEquals(List.of(2L), sequences(db.auditPage(AuditFilter.ALL.between(middle, null), 10, 0)));
            assertEquals(List.of(1L), sequences(db.auditPage(AuditFilter.ALL.between(before, middle), 10, 0)));
            assertEquals(List.of(2L), sequences(db.auditPage(AuditFilter.ALL.between(late, null), 10, 0)),
                    "from is inclusive");
            assertEquals(List.of(1L), sequences(db.auditPage(AuditFilter.ALL.between(null, late), 10, 0)),
                    "to is exclusive");
            assertEquals(List.of(2L), sequences(db.auditPage(AuditFilter.ALL.between(late, late.plusNanos(1000)),
                    10, 0)));
        }
    }

    @Test
    void storedTimesSortLikeTheInstantsTheyAre() {
        // Instant.toString drops a zero fraction and writes as many digits as needed.
        assertTrue(AuditSearch.sortable(Instant.parse("2026-01-02T03:04:05Z"))
                .compareTo(AuditSearch.sortable(Instant.parse("2026-01-02T03:04:05.1Z"))) < 0);
        assertEquals("2026-01-02T03:04:05.100000000", AuditSearch.sortable(Instant.parse("2026-01-02T03:04:05.1Z")));
    }

    @Test
    void choicesListWhoDidWhatToWhichKinds() {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 3);
        try (Database db = Database.open(file, Access.READ_WRITE, "another", false)) {
            db.recordEvent("workbench", "workbench", "restore", java.util.Map.of("from", "b.db"), "test");
            AuditChoices choices = db.auditChoices();
            assertEquals(List.of("another", TestFiles.ACTOR), choices.actors());
            assertEquals(List.of("create", "restore"), choices.actions());
            assertEquals(List.of("organisation", "workbench"), choices.entityTypes());
        }
    }

    @Test
    void anExportSeesTheEventsOfTheHeadItNames() {
        Path file = TestFiles.withOrganisations(dir.resolve("w.db"), 5);
        try (Database db = Database.open(file, Access.READ_WRITE, "x", false)) {
            AuditHead[] head = new AuditHead[1];
            List<Long> seen = new java.util.ArrayList<>();
            ReferenceRepository repo = new ReferenceRepository(db);
            db.forEachAuditEntry(AuditFilter.ALL, h -> head[0] = h, e -> {
                seen.add(e.event().sequence());
                if (seen.size() == 1) {
                    // A write while the export reads is not part of it.
                    db.inTransaction(tx -> repo.insert(tx, ReferenceList.ORGANISATION, "meanwhile", "M", "M"));
                }
            });
            assertEquals(5L, head[0].sequence());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen, "oldest first, and only the head's events");
            assertEquals(6, db.auditCount(AuditFilter.ALL));
        }
    }
}
