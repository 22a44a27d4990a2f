package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.HEADER;
import static org.custodian.logic.inventory.InventoryFiles.SAMPLE_ROWS;
import static org.custodian.logic.inventory.InventoryFiles.importFile;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNAL_WORDS = Pattern.compile(
            "(?i).*(classification|retention|personal|crossboundary|cross_boundary|sourcesystem|source_system"
                    + "|lifecycle|opendatastatus|open_data_status).*");

    @TempDir
    Path dir;
    /** The reference lists and the 302 sample datasets. */
    WorkbenchSession sample;
    private final List<WorkbenchSession> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        sample = InventoryFiles.withSample(dir.resolve("sample.db"));
        opened.add(sample);
    }

    @AfterEach
    void close() {
        opened.forEach(WorkbenchSession::close);
    }

    /** A new workbench with nothing in it, not even the reference lists. */
    private WorkbenchSession empty(String name) {
        WorkbenchSession s = InventoryFiles.open(dir.resolve(name));
        opened.add(s);
        return s;
    }

    private Path export(WorkbenchSession s, DatasetExchange.Format format, String name) {
        return InventoryFiles.export(s, format, dir.resolve(name));
    }

    /** The sample file's rows by code. */
    private static Map<String, CsvSource.Row> sampleRows() {
        Map<String, CsvSource.Row> rows = new HashMap<>();
        InventoryFiles.sampleRows().forEach(r -> rows.put(r.get("code"), r));
        return rows;
    }

    // ---- CSV and JSON round trips ------------------------------------------------------------------------------

    @Test
    void aCsvExportImportedIntoAnEmptyWorkbenchExportsByteForByteTheSame() throws Exception {
        Path first = export(sample, DatasetExchange.Format.CSV, "first.csv");
        WorkbenchSession copy = empty("copy.db");

        DatasetImportReport report = importFile(copy, first);
        assertEquals(SAMPLE_ROWS, report.count(RowOutcome.CREATED), report.summary());
        Path second = export(copy, DatasetExchange.Format.CSV, "second.csv");

        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(bytes, Files.readAllBytes(second));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                "UTF-8 with a BOM, so spreadsheets show Chinese");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF" + HEADER + "\r\n"), "the canonical header, CRLF line ends");
        assertTrue(text.contains("行車時間指示系統數據"));
    }

    @Test
    void aJsonExportImportedIntoAnEmptyWorkbenchKeepsIdsAndStampsAndExportsTheSame() throws Exception {
        Path first = export(sample, DatasetExchange.Format.JSON, "first.json");
        WorkbenchSession copy = empty("copy.db");

        DatasetImportReport report = importFile(copy, first);
        assertEquals(SAMPLE_ROWS, report.count(RowOutcome.CREATED), report.summary());
        Path second = export(copy, DatasetExchange.Format.JSON, "second.json");

        assertEquals(Files.readString(first), Files.readString(second));
        Dataset original = sample.inventory().findByCode("HD-WL-0001").orElseThrow();
        Dataset imported = copy.inventory().findByCode("HD-WL-0001").orElseThrow();
        assertEquals(original, imported, "the same record: id, content, created_at and updated_at");
        JsonNode first0 = JSON.readTree(first.toFile()).get(0);
        for (String key : List.of("id", "created_at", "updated_at")) {
            assertTrue(first0.hasNonNull(key), key + " is exported");
        }

        InventoryFiles.State before = state(copy);
        DatasetImportReport again = importFile(copy, second);
        assertEquals(SAMPLE_ROWS, again.count(RowOutcome.UNCHANGED), "re-importing its own export changes nothing");
        assertEquals(before, state(copy));
    }

    // ---- DCAT --------------------------------------------------------------------------------------------------

    private JsonNode dcat(boolean all, String namespace) throws IOException {
        Path out = dir.resolve(all ? "all.jsonld" : "public.jsonld");
        sample.datasetExchange().export(DatasetQuery.all(), DatasetExchange.Format.DCAT, out, all, namespace,
                WorkProgress.NONE);
        return JSON.readTree(out.toFile());
    }

    private static Map<String, JsonNode> byIdentifier(JsonNode catalog) {
        Map<String, JsonNode> datasets = new HashMap<>();
        catalog.get("dcat:dataset").forEach(d -> datasets.put(d.get("dct:identifier").asText(), d));
        return datasets;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(e.getKey());
                collectKeys(e.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }

    private static List<String> tagged(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.get("@language").asText() + ":" + v.get("@value").asText()));
        return out;
    }

    @Test
    void theDefaultDcatExportHoldsExactlyThePublishedUnclassifiedDatasetsAndNoInternalField() throws Exception {
        Map<String, CsvSource.Row> rows = sampleRows();
        Set<String> expected = new HashSet<>();
        rows.forEach((code, r) -> {
            if ("published".equals(r.get("open_data_status")) && "UNCLASSIFIED".equalsIgnoreCase(r.get("classification"))) {
                expected.add(code);
            }
        });
        assertTrue(expected.size() > 100 && expected.size() < SAMPLE_ROWS, "the sample has both kinds");

        JsonNode catalog = dcat(false, null);
        Map<String, JsonNode> datasets = byIdentifier(catalog);

        assertEquals(expected, datasets.keySet());
        assertEquals(expected.size(), catalog.get("dcat:dataset").size());
        Set<String> keys = new HashSet<>();
        collectKeys(catalog, keys);
        assertFalse(catalog.get("@context").has("dept"), "no internal namespace");
        for (String key : keys) {
            assertFalse(key.startsWith("dept:"), key);
            assertFalse(INTERNAL_WORDS.matcher(key).matches(), key);
        }
        String text = catalog.toString();
        for (String level : List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET")) {
            assertFalse(text.contains(level), level + " appears nowhere");
        }

        JsonNode jti = datasets.get("TD-JTI-0001");
        assertEquals(List.of("en:Journey Time Indicators", "zh-Hant-HK:行車時間指示系統數據"), tagged(jti.get("dct:title")));
        assertEquals(List.of("en:Transport Department", "zh-Hant-HK:運輸署"),
                tagged(jti.get("dct:publisher").get("foaf:name")));
        assertEquals("http://publications.europa.eu/resource/authority/access-right/PUBLIC",
                jti.get("dct:accessRights").get("@id").asText());
        datasets.forEach((code, d) -> {
            String formats = rows.get(code).get("formats");
            int expectedDistributions = formats == null ? 0 : formats.split(";").length;
            JsonNode distributions = d.get("dcat:distribution");
            assertEquals(expectedDistributions, distributions == null ? 0 : distributions.size(),
                    code + ": one distribution per format");
            assertTrue(d.get("dct:publisher").get("foaf:name").size() > 0, code + " names its publisher");
        });
    }

    @Test
    void theFullDcatExportHoldsEveryDatasetWithItsInternalFieldsUnderTheDepartmentsNamespace() throws Exception {
        String namespace = "https://data.td.gov.hk/ns/internal#";
        JsonNode catalog = dcat(true, namespace);
        Map<String, JsonNode> datasets = byIdentifier(catalog);

        assertEquals(SAMPLE_ROWS, datasets.size());
        assertEquals(namespace, catalog.get("@context").get("dept").asText());
        JsonNode register = datasets.get("HD-WL-0001");
        assertEquals("CONFIDENTIAL", register.get("dept:classification").asText());
        assertEquals("yes", register.get("dept:containsPersonalData").asText());
        assertEquals("P7Y", register.get("dept:retention").asText());
        assertEquals(4, register.get("dept:personalDataCategories").size());
        assertEquals("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC",
                register.get("dct:accessRights").get("@id").asText());
        Set<String> keys = new HashSet<>();
        collectKeys(catalog, keys);
        for (String key : keys) {
            assertFalse(INTERNAL_WORDS.matcher(key).matches() && !key.startsWith("dept:"),
                    key + ": internal fields only under dept:");
        }
    }
}
