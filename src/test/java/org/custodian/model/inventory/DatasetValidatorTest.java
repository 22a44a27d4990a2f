package org.custodian.model.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.Problem;
import org.junit.jupiter.api.Test;

class DatasetValidatorTest {

    /** A small reference list: codes and English and Chinese names, found ignoring case. */
    private static final Map<ReferenceList, List<List<String>>> LISTS = Map.of(
            ReferenceList.ORGANISATION, List.of(List.of("hk-td", "Transport Department", "運輸署")),
            ReferenceList.CATEGORY, List.of(List.of("transport", "Transportation", "運輸")),
            ReferenceList.FORMAT, List.of(List.of("CSV", "CSV", ""), List.of("JSON", "JSON", "")));
    private static final ReferenceResolver RESOLVER = (list, text) -> LISTS.get(list).stream()
            .filter(e -> e.stream().anyMatch(name -> name.equalsIgnoreCase(text.strip())))
            .map(e -> e.get(0)).findFirst();
    private static final List<String> LEVELS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP SECRET");

    /** The levels by name; every one above UNCLASSIFIED requires encryption at rest, as in the Hong Kong scheme. */
    private static Optional<ClassificationLevel> level(String name) {
        return LEVELS.stream().filter(l -> l.equalsIgnoreCase(name)).findFirst().map(l -> {
            int rank = LEVELS.indexOf(l);
            return new ClassificationLevel(l, rank, l, l, "#000000", l, new HandlingRules(rank > 0, rank == 0,
                    Set.of(), Period.ofYears(1), null, rank > 0));
        });
    }

    private static DatasetValidator validator(boolean addUnknown) {
        return new DatasetValidator(RESOLVER, DatasetValidatorTest::level, addUnknown);
    }

    private static Map<DatasetColumn, String> minimal() {
        Map<DatasetColumn, String> f = new EnumMap<>(DatasetColumn.class);
        f.put(DatasetColumn.CODE, "TD-BUS-0001");
        f.put(DatasetColumn.TITLE_EN, "Bus Stops");
        f.put(DatasetColumn.DEPARTMENT, "hk-td");
        return f;
    }

    private static DatasetCheck check(DatasetColumn column, String value) {
        Map<DatasetColumn, String> f = minimal();
        f.put(column, value);
        return validator(false).check(f);
    }

    private static Dataset valid(DatasetColumn column, String value) {
        DatasetCheck c = check(column, value);
        assertTrue(c.valid(), column.header() + " = '" + value + "': " + c.problems());
        return c.dataset();
    }

    private static Problem onlyProblem(DatasetColumn column, String value) {
        DatasetCheck c = check(column, value);
        assertEquals(1, c.problems().size(), column.header() + " = '" + value + "': " + c.problems());
        assertNull(c.dataset(), "no record from a row with problems");
        Problem p = c.problems().get(0);
        assertEquals(column.header(), p.field());
        return p;
    }

    @Test
    void aFullRowBecomesTheRecordWithEveryFieldParsed() {
        Map<DatasetColumn, String> f = minimal();
        f.put(DatasetColumn.TITLE_TC, "  巴士站  ");
        f.put(DatasetColumn.DEPARTMENT, "運輸署");
        f.put(DatasetColumn.CATEGORY, "TRANSPORTATION");
        f.put(DatasetColumn.KEYWORDS, " bus ; Bus;stops;;巴士 ");
        f.put(DatasetColumn.FORMATS, "csv;CSV;Json");
        f.put(DatasetColumn.UPDATE_FREQUENCY, "Every 15 minutes");
        f.put(DatasetColumn.CONTAINS_PERSONAL_DATA, "Y");
        f.put(DatasetColumn.PERSONAL_DATA_CATEGORIES, "name;telephone number");
        f.put(DatasetColumn.CLASSIFICATION, "top_secret");
        f.put(DatasetColumn.OPEN_DATA_STATUS, "Not Planned");
        f.put(DatasetColumn.RETENTION, "p18m");
        f.put(DatasetColumn.CROSS_BOUNDARY, "TRUE");
        f.put(DatasetColumn.ENCRYPTION_AT_REST, "Yes");
        f.put(DatasetColumn.LIFECYCLE_STATUS, "Superseded");
        f.put(DatasetColumn.LANDING_PAGE, "HTTPS://data.gov.hk/bus");
        f.put(DatasetColumn.LAST_UPDATED, "2026-02-28");

        DatasetCheck c = validator(false).check(f);

        assertTrue(c.valid(), c.problems().toString());
        Dataset d = c.dataset();
        assertEquals("巴士站", d.titleTc());
        assertEquals("hk-td", d.department());
        assertEquals("transport", d.category());
        assertEquals(List.of("bus", "stops", "巴士"), d.keywords(), "trimmed, empty and repeated items dropped");
        assertEquals(List.of("CSV", "JSON"), d.formats());
        assertEquals(UpdateFrequency.REAL_TIME, d.updateFrequency());
        assertEquals(PersonalData.YES, d.personalData());
        assertEquals(List.of("name", "telephone number"), d.personalDataCategories());
        assertEquals("TOP SECRET", d.classification());
        assertEquals(OpenDataStatus.NOT_PLANNED, d.openDataStatus());
        assertEquals(new Retention(Period.ofMonths(18)), d.retention());
        assertTrue(d.crossBoundary());
        assertEquals(EncryptionAtRest.YES, d.encryptionAtRest());
        assertEquals(LifecycleStatus.SUPERSEDED, d.lifecycleStatus());
        assertEquals(LocalDate.of(2026, 2, 28), d.lastUpdated());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void emptyOptionalFieldsTakeTheirDefaults() {
        Dataset d = validator(false).check(minimal()).dataset();
        assertEquals(PersonalData.NOT_RECORDED, d.personalData(), "empty is not recorded, not 'no'");
        assertEquals(EncryptionAtRest.NOT_RECORDED, d.encryptionAtRest(), "empty is not recorded, not 'no'");
        assertEquals(OpenDataStatus.NOT_PLANNED, d.openDataStatus());
        assertEquals(LifecycleStatus.DRAFT, d.lifecycleStatus());
        assertFalse(d.crossBoundary());
        assertNull(d.classification());
        assertNull(d.retention());
        assertEquals(List.of(), d.keywords());
    }

    @Test
    void codeTitleAndDepartmentAreRequired() {
        DatasetCheck c = validator(false).check(Map.of(DatasetColumn.TITLE_TC, " "));
        assertEquals(List.of("code", "title_en", "department"), c.problems().stream().map(Problem::field).toList());
        assertEquals(List.of("code is required", "a title in English or Traditional Chinese is required",
                "department is required"), c.problems().stream().map(Problem::english).toList());
        Map<DatasetColumn, String> chineseOnly = minimal();
        chineseOnly.remove(DatasetColumn.TITLE_EN);
        chineseOnly.put(DatasetColumn.TITLE_TC, "巴士站");
        assertTrue(validator(false).check(chineseOnly).valid(), "one title is enough");
    }

    @Test
    void yesNoFieldsAcceptEveryDocumentedSpellingAndNothingElse() {
        for (String yes : List.of("yes", "YES", "y", "Y", "true", "True", "1")) {
            assertTrue(valid(DatasetColumn.CROSS_BOUNDARY, yes).crossBoundary(), yes);
            assertEquals(PersonalData.YES, valid(DatasetColumn.CONTAINS_PERSONAL_DATA, yes).personalData(), yes);
        }
        for (String no : List.of("no", "No", "n", "N", "false", "FALSE", "0")) {
            assertFalse(valid(DatasetColumn.CROSS_BOUNDARY, no).crossBoundary(), no);
            assertEquals(PersonalData.NO, valid(DatasetColumn.CONTAINS_PERSONAL_DATA, no).personalData(), no);
        }
        assertEquals(PersonalData.NOT_RECORDED,
                valid(DatasetColumn.CONTAINS_PERSONAL_DATA, "not recorded").personalData());
        for (String neither : List.of("maybe", "2", "yess", "oui")) {
            assertEquals("validation.dataset.yesNo", onlyProblem(DatasetColumn.CROSS_BOUNDARY, neither).key());
            assertEquals("validation.dataset.yesNo", onlyProblem(DatasetColumn.CONTAINS_PERSONAL_DATA, neither).key());
        }
    }

    @Test
    void encryptionAtRestTakesItsThreeCodesAndTheYesNoSpellings() {
        for (String yes : List.of("yes", "YES", "y", "true", "1")) {
            assertEquals(EncryptionAtRest.YES, valid(DatasetColumn.ENCRYPTION_AT_REST, yes).encryptionAtRest(), yes);
        }
        for (String no : List.of("no", "N", "false", "0")) {
            assertEquals(EncryptionAtRest.NO, valid(DatasetColumn.ENCRYPTION_AT_REST, no).encryptionAtRest(), no);
        }
        for (String none : List.of("not-recorded", "Not recorded", "NOT_RECORDED", " ")) {
            assertEquals(EncryptionAtRest.NOT_RECORDED, valid(DatasetColumn.ENCRYPTION_AT_REST, none)
                    .encryptionAtRest(), none);
        }
        Problem p = onlyProblem(DatasetColumn.ENCRYPTION_AT_REST, "AES-256");
        assertEquals("validation.dataset.choice", p.key());
        assertEquals("'AES-256' is not one of yes, no, not-recorded", p.english());
    }

    @Test
    void aLevelThatRequiresEncryptionWarnsOfARecordedNoButTakesTheRecord() {
        Map<DatasetColumn, String> f = minimal();
        f.put(DatasetColumn.CLASSIFICATION, "confidential");
        f.put(DatasetColumn.ENCRYPTION_AT_REST, "no");
        DatasetCheck c = validator(false).check(f);
        assertTrue(c.valid(), "the findings report it; the inventory records what is so");
        assertEquals(EncryptionAtRest.NO, c.dataset().encryptionAtRest());
        assertEquals(1, c.warnings().size());
        Problem w = c.warnings().get(0);
        assertEquals("encryption_at_rest", w.field());
        assertEquals("validation.dataset.encryptionRequired", w.key());
        assertTrue(w.english().startsWith("CONFIDENTIAL requires encryption at rest"), w.english());

        f.put(DatasetColumn.ENCRYPTION_AT_REST, "yes");
        assertEquals(List.of(), validator(false).check(f).warnings());
        f.put(DatasetColumn.ENCRYPTION_AT_REST, null);
        assertEquals(List.of(), validator(false).check(f).warnings(), "not recorded is the findings' to report");
        f.put(DatasetColumn.CLASSIFICATION, "unclassified");
        f.put(DatasetColumn.ENCRYPTION_AT_REST, "no");
        assertEquals(List.of(), validator(false).check(f).warnings(), "UNCLASSIFIED does not require it");
    }

    @Test
    void retentionIsAPositiveIsoPeriodOrPermanent() {
        assertEquals(Retention.PERMANENT, valid(DatasetColumn.RETENTION, "Permanent").retention());
        assertEquals("P7Y", valid(DatasetColumn.RETENTION, "P7Y").retention().code());
        assertEquals("P1Y6M", valid(DatasetColumn.RETENTION, "p1y6m").retention().code());
        for (String bad : List.of("7", "7Y", "P", "P0Y", "P-1Y", "forever", "P7Y!")) {
            Problem p = onlyProblem(DatasetColumn.RETENTION, bad);
            assertEquals("'" + bad + "' is not a retention period: write an ISO-8601 period such as P7Y or P18M, or"
                    + " 'permanent'", p.english());
        }
    }

    @Test
    void levelsMatchTheSchemesNamesIgnoringCaseSpacesAndUnderscores() {
        for (String spelling : List.of("top secret", "TOP_SECRET", "Top-Secret")) {
            assertEquals("TOP SECRET", valid(DatasetColumn.CLASSIFICATION, spelling).classification(), spelling);
        }
        assertEquals("RESTRICTED", valid(DatasetColumn.CLASSIFICATION, "restricted").classification());
        assertEquals("'OFFICIAL' is not a level of the classification scheme",
                onlyProblem(DatasetColumn.CLASSIFICATION, "OFFICIAL").english());
    }

    @Test
    void choicesDatesAddressesAndLengthsAreChecked() {
        assertEquals("'public' is not one of not-planned, planned, published",
                onlyProblem(DatasetColumn.OPEN_DATA_STATUS, "public").english());
        assertEquals("'deleted' is not one of draft, active, superseded, retired",
                onlyProblem(DatasetColumn.LIFECYCLE_STATUS, "deleted").english());
        assertEquals(UpdateFrequency.IRREGULAR, valid(DatasetColumn.UPDATE_FREQUENCY, "Ad hoc").updateFrequency());
        assertEquals("validation.dataset.choice", onlyProblem(DatasetColumn.UPDATE_FREQUENCY, "sometimes").key());
        for (String bad : List.of("2026-13-01", "2026/01/01", "01-01-2026", "2026-1-1")) {
            assertEquals("validation.dataset.date", onlyProblem(DatasetColumn.LAST_UPDATED, bad).key(), bad);
        }
        for (String bad : List.of("someone", "a@b", "a b@c.hk", "a@b.hk;c@d.hk")) {
            assertEquals("validation.dataset.email", onlyProblem(DatasetColumn.CONTACT_EMAIL, bad).key(), bad);
        }
        for (String bad : List.of("www.td.gov.hk", "ftp://td.gov.hk", "https://", "https://td.gov.hk/a b")) {
            assertEquals("validation.dataset.url", onlyProblem(DatasetColumn.LANDING_PAGE, bad).key(), bad);
        }
        for (String bad : List.of("TD BUS", "-TD", "TD#1", "X".repeat(101))) {
            assertEquals("validation.dataset.code", onlyProblem(DatasetColumn.CODE, bad).key(), bad);
        }
        valid(DatasetColumn.TITLE_EN, "T".repeat(500));
        assertEquals("title_en is longer than 500 characters", onlyProblem(DatasetColumn.TITLE_EN, "T".repeat(501))
                .english());
        valid(DatasetColumn.DESCRIPTION_TC, "述".repeat(20_000));
        assertEquals("validation.tooLong", onlyProblem(DatasetColumn.DESCRIPTION_TC, "述".repeat(20_001)).key());
    }

    @Test
    void personalDataCategoriesNeedPersonalDataNotANo() {
        Map<DatasetColumn, String> f = minimal();
        f.put(DatasetColumn.PERSONAL_DATA_CATEGORIES, "name");
        f.put(DatasetColumn.CONTAINS_PERSONAL_DATA, "no");
        assertEquals(List.of("personal_data_categories"),
                validator(false).check(f).problems().stream().map(Problem::field).toList());
        f.put(DatasetColumn.CONTAINS_PERSONAL_DATA, "yes");
        assertTrue(validator(false).check(f).valid());
        f.remove(DatasetColumn.CONTAINS_PERSONAL_DATA);
        assertTrue(validator(false).check(f).valid(), "categories without an answer are allowed");
    }

    @Test
    void anUnknownReferenceIsAProblemForTheEditorAndANewEntryWithAWarningForAnImport() {
        Map<DatasetColumn, String> f = minimal();
        f.put(DatasetColumn.DEPARTMENT, "Office of the Data Steward");
        f.put(DatasetColumn.CATEGORY, "數碼政策");
        f.put(DatasetColumn.FORMATS, "CSV;PARQUET");

        DatasetCheck editor = validator(false).check(f);
        assertEquals(List.of("department", "category", "formats"),
                editor.problems().stream().map(Problem::field).toList());
        assertEquals("'Office of the Data Steward' is not in the organisation list", editor.problems().get(0).english());

        DatasetCheck importer = validator(true).check(f);
        assertTrue(importer.valid(), importer.problems().toString());
        assertEquals(List.of(
                        new NewReference(ReferenceList.ORGANISATION, "office-of-the-data-steward",
                                "Office of the Data Steward", null),
                        new NewReference(ReferenceList.CATEGORY, "x-" + Integer.toHexString("數碼政策".hashCode()), null,
                                "數碼政策"),
                        new NewReference(ReferenceList.FORMAT, "PARQUET", "PARQUET", null)),
                importer.additions());
        assertEquals(3, importer.warnings().size());
        assertEquals("validation.dataset.referenceAdded", importer.warnings().get(0).key());
        assertEquals("office-of-the-data-steward", importer.dataset().department());
        assertEquals(List.of("CSV", "PARQUET"), importer.dataset().formats());
    }

    @Test
    void aRowWithSeveralProblemsGetsThemAllInColumnOrder() {
        Map<DatasetColumn, String> f = minimal();
        f.put(DatasetColumn.CONTACT_EMAIL, "nobody");
        f.put(DatasetColumn.RETENTION, "forever");
        f.put(DatasetColumn.LAST_UPDATED, "tomorrow");
        f.put(DatasetColumn.CODE, "");
        DatasetCheck c = validator(false).check(f);
        assertEquals(List.of("code", "contact_email", "retention", "last_updated"),
                c.problems().stream().map(Problem::field).toList());
        assertNull(c.dataset());
    }
}
