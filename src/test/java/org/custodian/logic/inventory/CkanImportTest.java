package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.SAMPLE_CKAN;
import static org.custodian.logic.inventory.InventoryFiles.importCkan;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.UpdateFrequency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CkanImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER = "hk-hko-rss-current-weather-report";

    @TempDir
    Path dir;
    WorkbenchSession session;

    @BeforeEach
    void open() {
        session = InventoryFiles.withLists(dir.resolve("w.db"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Dataset stored(String code) {
        return session.inventory().findByCode(code).orElseThrow(() -> new AssertionError(code + " is not stored"));
    }

    /** The packages of the saved package_search response. */
    private static ArrayNode samplePackages() throws Exception {
        return (ArrayNode) JSON.readTree(SAMPLE_CKAN.toFile()).get("result").get("results");
    }

    private Path json(String name, JsonNode content) throws Exception {
        return write(dir.resolve(name), JSON.writeValueAsString(content));
    }

    private static void assertCounts(DatasetImportReport report, int created, int updated, int unchanged) {
        assertEquals(List.of(created, updated, unchanged, 0), List.of((int) report.count(RowOutcome.CREATED),
                (int) report.count(RowOutcome.UPDATED), (int) report.count(RowOutcome.UNCHANGED),
                (int) report.count(RowOutcome.REJECTED)), report.summary() + " " + report.rows());
    }

    @Test
    void aPackageSearchResponseCreatesOneDatasetPerPackageMappedFromItsCkanFields() {
        DatasetImportReport report = importCkan(session, SAMPLE_CKAN);

        assertCounts(report, 15, 0, 0);
        assertEquals(15, session.inventory().total());
        Dataset d = stored(WEATHER);
        assertEquals("Current Weather Report", d.titleEn());
        assertEquals("本港地區天氣報告", d.titleTc(), "title_translated.zh_HK");
        assertTrue(d.descriptionEn().startsWith("Current weather report for Hong Kong, including temperature"));
        assertTrue(d.descriptionTc().startsWith("香港的本港地區天氣報告"), "notes_translated.zh_HK");
        assertEquals("hk-hko", d.department(), "organization.name");
        assertEquals("climate-and-weather", d.category(), "the first group");
        assertEquals(List.of("weather", "temperature", "rainfall", "天氣"), d.keywords(), "tags");
        assertEquals(List.of("JSON", "RSS"), d.formats(), "resource formats");
        assertEquals(UpdateFrequency.HOURLY, d.updateFrequency(), "the update_frequency extra");
        assertEquals("Sin Chun-wah", d.custodian());
        assertEquals("cw_sin@hko.gov.hk", d.contactEmail());
        assertEquals("https://data.gov.hk/en-data/dataset/hk-hko-rss-current-weather-report", d.landingPage());
        assertEquals(LocalDate.of(2026, 10, 29), d.lastUpdated(), "the date of metadata_modified");
        assertEquals(OpenDataStatus.PUBLISHED, d.openDataStatus());
        assertEquals("UNCLASSIFIED", d.classification());
        assertEquals(LifecycleStatus.ACTIVE, d.lifecycleStatus());
        assertEquals("Special Traffic News", stored("hk-td-tis_5-special-traffic-news").titleEn(),
                "without title_translated the title is used");
        assertEquals(List.of("XML"), stored("hk-td-tis_5-special-traffic-news").formats(), "each format once");
    }

    @Test
    void reimportingTheSameResponseCreatesAndUpdatesNothing() {
        importCkan(session, SAMPLE_CKAN);
        InventoryFiles.State before = state(session);

        assertCounts(importCkan(session, SAMPLE_CKAN), 0, 0, 15);
        assertEquals(before, state(session), "no duplicate rows, no audit events");
    }

    @Test
    void aReimportKeepsTheClassificationTheOfficerRecordedWhileTakingThePortalsChanges() throws Exception {
        importCkan(session, SAMPLE_CKAN);
        Dataset weather = stored(WEATHER);
        var restricted = session.classification().classify(weather.id(), org.custodian.model.classification
                .DecisionInput.of("RESTRICTED", "holds station locations", "Chan Tai-man"));
        assertTrue(restricted.isDone(), restricted.describe());

        assertCounts(importCkan(session, SAMPLE_CKAN), 0, 0, 15);
        assertEquals("RESTRICTED", stored(WEATHER).classification());

        ArrayNode packages = samplePackages();
        ObjectNode weatherPackage = (ObjectNode) packages.get(0);
        weatherPackage.put("title", "Current Weather Report (revised)");
        ((ObjectNode) weatherPackage.get("title_translated")).put("en", "Current Weather Report (revised)");
        assertCounts(importCkan(session, json("revised.json", packages)), 0, 1, 14);
        assertEquals("Current Weather Report (revised)", stored(WEATHER).titleEn());
        assertEquals("RESTRICTED", stored(WEATHER).classification(), "the officer's level stays");
        assertEquals(weather.id(), stored(WEATHER).id());
    }

    @Test
    void aPackageShowResponseAndABareArrayOfPackagesAreReadToo() throws Exception {
        ArrayNode packages = samplePackages();
        ObjectNode show = JSON.createObjectNode().put("help", "https://data.gov.hk/api/3/action/help_show?name=package_show")
                .put("success", true);
        show.set("result", packages.get(0));
        assertCounts(importCkan(session, json("show.json", show)), 1, 0, 0);
        assertEquals("本港地區天氣報告", stored(WEATHER).titleTc());

        ArrayNode bare = JSON.createArrayNode().add(packages.get(0)).add(packages.get(2));
        assertCounts(importCkan(session, json("bare.json", bare)), 1, 0, 1);
        assertEquals("hk-td", stored("hk-td-tis_15-jtis").department());
        assertEquals(2, session.inventory().total());
    }

    @Test
    void aJsonFileThatIsNotACkanResponseIsRefusedWholeAndChangesNothing() throws Exception {
        importCkan(session, SAMPLE_CKAN);
        InventoryFiles.State before = state(session);
        for (String text : List.of("{\"type\": \"FeatureCollection\", \"features\": []}",
                "{\"success\": true, \"result\": {\"count\": 0}}",
                "{\"success\": false, \"error\": {\"message\": \"Not found\"}, \"result\": {\"name\": \"x\"}}",
                "not json at all")) {
            Path file = write(dir.resolve("other.json"), text);
            InputRejectedException e = assertThrows(InputRejectedException.class, () -> importCkan(session, file),
                    text);
            assertTrue(e.getMessage().startsWith("other.json"), e.getMessage());
        }
        assertEquals(before, state(session));
    }

    @Test
    void aCkanImportIntoAnEmptyWorkbenchAddsTheOrganisationsAndCategories() {
        session.close();
        session = InventoryFiles.open(dir.resolve("empty.db"));
        DatasetImportReport report = importCkan(session, SAMPLE_CKAN);
        assertCounts(report, 15, 0, 0);
        assertTrue(report.addedReferences().stream().anyMatch(r -> r.code().equals("hk-hko")),
                report.addedReferences().toString());
        assertEquals("hk-hko", stored(WEATHER).department());
    }
}
