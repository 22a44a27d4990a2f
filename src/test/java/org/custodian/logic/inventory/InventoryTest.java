package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.SAMPLE_ROWS;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.validation.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

    /** The columns the search indexes, as the sample file names them. */
    private static final List<String> INDEXED = List.of("code", "title_en", "title_tc", "description_en",
            "description_tc", "keywords", "custodian", "contact_email", "source_system");

    @TempDir
    Path dir;
    WorkbenchSession session;
    Inventory inventory;

    @BeforeEach
    void open() {
        session = InventoryFiles.withSample(dir.resolve("w.db"));
        inventory = session.inventory();
    }

    @AfterEach
    void close() {
        session.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static DatasetQuery search(String text) {
        return DatasetQuery.all().withText(text);
    }

    private Set<String> codes(DatasetQuery query) {
        return inventory.page(query).stream().map(Dataset::code).collect(Collectors.toSet());
    }

    private List<String> codeList(DatasetQuery query) {
        return inventory.page(query).stream().map(Dataset::code).toList();
    }

    /** The codes of the sample rows whose indexed text passes {@code test}: what a search must find. */
    private static Set<String> sampleWhere(Predicate<String> test) {
        Set<String> codes = new HashSet<>();
        for (CsvSource.Row r : InventoryFiles.sampleRows()) {
            String text = INDEXED.stream().map(r::get).filter(v -> v != null).collect(Collectors.joining("\n"));
            if (test.test(text)) {
                codes.add(r.get("code"));
            }
        }
        return codes;
    }

    /** Whether the text has a word starting with {@code prefix}, ignoring case (Chinese is no part of a word). */
    private static boolean hasWordStarting(String text, String prefix) {
        return Arrays.stream(text.replaceAll("\\p{IsHan}", " ").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .anyMatch(w -> w.startsWith(prefix.toLowerCase(Locale.ROOT)));
    }

    private void assertFinds(String query, Set<String> expected) {
        assertFalse(expected.isEmpty(), "the sample holds '" + query + "'");
        assertEquals(expected, codes(search(query)), query);
        assertEquals(expected.size(), inventory.count(search(query)), query);
    }

    private Dataset byCode(String code) {
        return inventory.findByCode(code).orElseThrow(() -> new AssertionError(code + " is not stored"));
    }

    private static Map<DatasetColumn, String> fields(Dataset d) {
        return new EnumMap<>(d.columns());
    }

    private AuditEvent lastEvent(Dataset d) {
        List<AuditEvent> history = inventory.history(d.id());
        return history.get(history.size() - 1);
    }

    // ---- search ------------------------------------------------------------------------------------------------

    @Test
    void anEnglishWordPrefixFindsTheWordsItBeginsIgnoringCase() {
        Set<String> hospital = sampleWhere(t -> hasWordStarting(t, "hosp"));
        assertFinds("hosp", hospital);
        assertFinds("HOSP", hospital);
        assertTrue(byCode(hospital.iterator().next()).descriptionEn().toLowerCase(Locale.ROOT).contains("hospitals"));
        assertFinds("traff", sampleWhere(t -> hasWordStarting(t, "traff")));
        assertEquals(0, inventory.count(search("ospital")), "a prefix, not any substring");
    }

    @Test
    void chineseQueriesOfOneTwoAndFourCharactersFindExactlyTheRowsContainingThem() {
        for (String query : List.of("醫", "交通", "空氣質素", "數據")) {
            assertFinds(query, sampleWhere(t -> t.contains(query)));
        }
    }

    @Test
    void aSingleChineseCharacterIsFoundAlsoWhereItEndsARunOfChinese() {
        String last = "稱";
        Set<String> expected = sampleWhere(t -> t.contains(last));
        assertTrue(sampleWhere(t -> t.matches("(?s).*" + last + "(\\P{IsHan}.*)?")).containsAll(expected),
                "in the sample, " + last + " only ever ends a run, so no pair starts with it");
        assertFinds(last, expected);
    }

    @Test
    void severalTermsMustAllMatch() {
        Set<String> expected = sampleWhere(t -> hasWordStarting(t, "traffic") && t.contains("交通"));
        assertTrue(expected.size() < sampleWhere(t -> hasWordStarting(t, "traffic")).size());
        assertFinds("traffic 交通", expected);
        assertFinds("TD traffic", sampleWhere(t -> hasWordStarting(t, "td") && hasWordStarting(t, "traffic")));
    }

    @Test
    void searchSyntaxCharactersInTheQueryNeverFail() {
        for (String query : List.of("\"", "*", "(", ")", "-", ":", "^", "+", "AND", "OR", "NOT", "NEAR(", "hosp*",
                "\"traffic", "traffic\"", "a:b", "title_en:traffic", "(交通", "交通\"", "-traffic", "'; DROP TABLE dataset;--",
                "%", "_", "{x}")) {
            assertDoesNotThrow(() -> inventory.count(search(query)), query);
            assertDoesNotThrow(() -> inventory.page(search(query).withPage(10, 0)), query);
            assertDoesNotThrow(() -> inventory.facets(search(query)), query);
        }
        for (String nothingToSearch : List.of("\"", "*", "(", "-", ":", "%")) {
            assertEquals(SAMPLE_ROWS, inventory.count(search(nothingToSearch)), nothingToSearch);
        }
        assertEquals(sampleWhere(t -> hasWordStarting(t, "and")), codes(search("AND")), "AND is a word to find");
        assertEquals(SAMPLE_ROWS, inventory.total(), "the table is still there");
    }

    // ---- facets, sorting, paging -------------------------------------------------------------------------------

    @Test
    void aFacetsCountsIgnoreItsOwnFilterButApplyTheOthersAndTheSearch() {
        DatasetQuery query = search("data")
                .withFilter(DatasetFacet.DEPARTMENT, Set.of("hk-td", "hk-hko"))
                .withFilter(DatasetFacet.OPEN_DATA_STATUS, Set.of("published"));
        List<FacetCount> facets = inventory.facets(query);

        for (FacetCount f : facets) {
            assertEquals(inventory.count(query.withFilter(f.facet(), Set.of(f.value()))), f.count(), f.toString());
        }
        for (DatasetFacet facet : DatasetFacet.values()) {
            long sum = facets.stream().filter(f -> f.facet() == facet).mapToLong(FacetCount::count).sum();
            assertEquals(inventory.count(query.withFilter(facet, Set.of())), sum, facet + " covers every match");
        }
        Set<String> departments = facets.stream().filter(f -> f.facet() == DatasetFacet.DEPARTMENT)
                .map(FacetCount::value).collect(Collectors.toSet());
        assertTrue(departments.size() > 2 && departments.containsAll(Set.of("hk-td", "hk-hko")),
                "other departments are offered too: " + departments);
        assertTrue(facets.stream().noneMatch(f -> f.facet() == DatasetFacet.CATEGORY && f.value().equals("health")),
                "the department filter applies to the other facets");
    }

    @Test
    void everySortOrderWorksAndDescendingReversesIt() {
        List<String> byCode = codeList(DatasetQuery.all());
        List<String> reversed = new ArrayList<>(byCode);
        Collections.reverse(reversed);
        assertEquals(reversed, codeList(DatasetQuery.all().withSort(DatasetSort.CODE, true)));
        for (DatasetSort sort : DatasetSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<String> sorted = codeList(DatasetQuery.all().withSort(sort, descending));
                assertEquals(Set.copyOf(byCode), Set.copyOf(sorted), sort + (descending ? " desc" : ""));
                assertEquals(SAMPLE_ROWS, sorted.size());
            }
        }
        List<Dataset> byLevel = inventory.page(DatasetQuery.all().withSort(DatasetSort.CLASSIFICATION, false));
        assertEquals("UNCLASSIFIED", byLevel.get(0).classification());
        assertEquals("SECRET", byLevel.get(byLevel.size() - 1).classification(), "levels sort by rank, not name");
    }

    @Test
    void pagesDoNotOverlapAndTogetherCoverTheCount() {
        DatasetQuery query = DatasetQuery.all().withFilter(DatasetFacet.LIFECYCLE_STATUS, Set.of("active"))
                .withSort(DatasetSort.TITLE_EN, false);
        long count = inventory.count(query);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < count + 25; offset += 25) {
            List<String> page = codeList(query.withPage(25, offset));
            assertTrue(page.size() <= 25);
            paged.addAll(page);
        }
        assertEquals(count, paged.size());
        assertEquals(count, new HashSet<>(paged).size(), "no row on two pages");
        assertEquals(codeList(query), paged, "the pages in order are the whole list");
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    @Test
    void aNewDatasetIsCreatedAndATitleChangeIsAuditedWithBeforeAndAfter() {
        Map<DatasetColumn, String> f = fields(byCode("TD-JTI-0001"));
        f.put(DatasetColumn.CODE, "TD-JTI-0002");
        SaveOutcome created = inventory.save(null, f, null);
        assertTrue(created.ok(), created.problems().toString());
        Dataset d = created.saved();
        assertEquals("create", lastEvent(d).action());

        f.put(DatasetColumn.TITLE_EN, "Journey Time Indicators (Lantau)");
        SaveOutcome saved = inventory.save(d.id(), f, "new area");

        assertTrue(saved.ok(), saved.problems().toString());
        assertEquals("Journey Time Indicators (Lantau)", byCode("TD-JTI-0002").titleEn());
        AuditEvent update = lastEvent(d);
        assertEquals("update", update.action());
        assertEquals("{\"title_en\":\"Journey Time Indicators\"}", update.before());
        assertEquals("{\"title_en\":\"Journey Time Indicators (Lantau)\"}", update.after());
        assertEquals("new area", update.reason());
        assertEquals(SAMPLE_ROWS + 1, inventory.total());
    }

    @Test
    void aCodeAlreadyUsedByAnotherDatasetIsRefusedOnTheCodeAndNothingIsWritten() {
        InventoryFiles.State before = state(session);
        Map<DatasetColumn, String> f = fields(byCode("TD-SPEED-0001"));
        f.put(DatasetColumn.CODE, "td-jti-0001");

        SaveOutcome asNew = inventory.save(null, f, null);
        SaveOutcome asEdit = inventory.save(byCode("TD-SPEED-0001").id(), f, "rename");

        for (SaveOutcome refused : List.of(asNew, asEdit)) {
            assertFalse(refused.ok());
            assertEquals(List.of("code"), refused.problems().stream().map(Problem::field).toList());
        }
        assertEquals(before, state(session));
        assertEquals("TD-SPEED-0001", byCode("TD-SPEED-0001").code());
    }

    @Test
    void theEditorRefusesAReferenceThatIsNotInItsList() {
        InventoryFiles.State before = state(session);
        Map<DatasetColumn, String> f = fields(byCode("TD-JTI-0001"));
        f.put(DatasetColumn.CATEGORY, "space-exploration");
        SaveOutcome refused = inventory.save(byCode("TD-JTI-0001").id(), f, null);
        assertEquals(List.of("category"), refused.problems().stream().map(Problem::field).toList());
        assertEquals(before, state(session), "the form picks from the lists; only imports add to them");
    }

    @Test
    void aBulkEditChangesEveryChosenDatasetWithOneAuditEventEachCarryingTheReason() {
        List<Dataset> chosen = List.of(byCode("TD-JTI-0001"), byCode("TD-SPEED-0001"), byCode("TD-TSM-0001"));
        long events = session.audit().eventCount();

        BulkEditOutcome outcome = inventory.bulkEdit(chosen.stream().map(Dataset::id).toList(),
                Map.of(DatasetColumn.CUSTODIAN, "Wong Ka-yan (Systems Manager)"), "staff change");

        assertTrue(outcome.ok(), outcome.refusals().toString());
        assertEquals(3, outcome.changed());
        assertEquals(events + 3, session.audit().eventCount());
        for (Dataset d : chosen) {
            assertEquals("Wong Ka-yan (Systems Manager)", byCode(d.code()).custodian());
            AuditEvent e = lastEvent(d);
            assertEquals("staff change", e.reason());
            assertEquals("{\"custodian\":\"Wong Ka-yan (Systems Manager)\"}", e.after());
        }

        BulkEditOutcome again = inventory.bulkEdit(chosen.stream().map(Dataset::id).toList(),
                Map.of(DatasetColumn.CUSTODIAN, "Wong Ka-yan (Systems Manager)"), "staff change");
        assertEquals(List.of(0, 3), List.of(again.changed(), again.unchanged()));
        assertEquals(events + 3, session.audit().eventCount(), "no event where nothing changed");
    }

    @Test
    void aBulkEditThatWouldMakeOneDatasetInvalidChangesNothingAtAll() {
        Dataset notRecorded = byCode("IRD-CALL-0001");
        Dataset register = byCode("HD-WL-0001");
        assertEquals(PersonalData.NOT_RECORDED, notRecorded.personalData());
        assertFalse(register.personalDataCategories().isEmpty());
        InventoryFiles.State before = state(session);

        BulkEditOutcome outcome = inventory.bulkEdit(List.of(notRecorded.id(), register.id()),
                Map.of(DatasetColumn.CONTAINS_PERSONAL_DATA, "no"), "reviewed");

        assertFalse(outcome.ok());
        assertEquals(1, outcome.refusals().size(), outcome.refusals().toString());
        assertTrue(outcome.refusals().get(0).english().startsWith("HD-WL-0001: personal data categories are given"),
                outcome.refusals().get(0).english());
        assertEquals("validation.dataset.personalCategories", outcome.refusals().get(0).problems().get(0).key());
        assertEquals(0, outcome.changed());
        assertEquals(before, state(session));
        assertEquals(PersonalData.NOT_RECORDED, byCode("IRD-CALL-0001").personalData(), "the valid one is untouched");
    }

    @Test
    void retiringMarksTheDatasetsRetiredAndKeepsThemWithTheirHistory() {
        List<UUID> ids = List.of(byCode("TD-SPEED-0001").id(), byCode("TD-TSM-0001").id());
        DatasetQuery retired = DatasetQuery.all().withFilter(DatasetFacet.LIFECYCLE_STATUS, Set.of("retired"));
        long retiredBefore = inventory.count(retired);

        BulkEditOutcome outcome = inventory.retire(ids, "replaced by the new traffic data feed");

        assertTrue(outcome.ok(), outcome.refusals().toString());
        assertEquals(SAMPLE_ROWS, inventory.total(), "nothing is deleted");
        assertEquals(retiredBefore + 2, inventory.count(retired));
        assertTrue(codes(retired).containsAll(Set.of("TD-SPEED-0001", "TD-TSM-0001")));
        for (UUID id : ids) {
            Dataset d = inventory.find(id).orElseThrow();
            assertEquals(LifecycleStatus.RETIRED, d.lifecycleStatus());
            List<AuditEvent> history = inventory.history(id);
            assertEquals("update", history.get(history.size() - 1).action());
            assertEquals("{\"lifecycle_status\":\"active\"}", history.get(history.size() - 1).before());
            assertEquals("{\"lifecycle_status\":\"retired\"}", history.get(history.size() - 1).after());
            assertEquals("replaced by the new traffic data feed", history.get(history.size() - 1).reason());
        }
    }
}
