package org.custodian.logic.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.custodian.model.audit.FieldChange;
import org.custodian.model.audit.FieldChange.Kind;
import org.junit.jupiter.api.Test;

class AuditDiffTest {

    @Test
    void onlyChangedFieldsAreListedWithBeforeAndAfter() {
        List<FieldChange> changes = AuditDiff.of("{\"code\":\"TD-1\",\"title_en\":\"Speeds\",\"keywords\":\"roads\"}",
                "{\"code\":\"TD-1\",\"title_en\":\"Traffic speeds\",\"keywords\":\"roads\"}");
        assertEquals(List.of(new FieldChange("title_en", "Speeds", "Traffic speeds")), changes);
        assertEquals(Kind.CHANGED, changes.get(0).kind());
    }

    @Test
    void aFieldGainedOrLostIsAddedOrRemoved() {
        List<FieldChange> changes = AuditDiff.of("{\"a\":\"1\",\"gone\":\"x\"}", "{\"a\":\"1\",\"new\":\"y\"}");
        assertEquals(List.of(new FieldChange("new", null, "y"), new FieldChange("gone", "x", null)), changes);
        assertEquals(List.of(Kind.ADDED, Kind.REMOVED), changes.stream().map(FieldChange::kind).toList());
    }

    @Test
    void anEmptyValueCountsAsNoValue() {
        assertEquals(List.of(), AuditDiff.of("{\"a\":null,\"b\":\"\",\"c\":[]}", "{\"b\":null,\"c\":null}"));
        assertEquals(List.of(new FieldChange("a", null, "now")), AuditDiff.of("{\"a\":\"\"}", "{\"a\":\"now\"}"));
    }

    @Test
    void aCreatedRecordShowsEveryFieldItWasGivenAndARemovedOneEveryFieldItHad() {
        assertEquals(List.of(new FieldChange("code", null, "ORG"), new FieldChange("name_en", null, "Bureau")),
                AuditDiff.of(null, "{\"code\":\"ORG\",\"name_en\":\"Bureau\",\"name_tc\":null}"));
        assertEquals(List.of(new FieldChange("file", "a.pdf", null)), AuditDiff.of("{\"file\":\"a.pdf\"}", null));
    }

    @Test
    void nestedRecordsAndListsAreWrittenAsReadableText() {
        List<FieldChange> changes = AuditDiff.of(
                "{\"levels\":[\"UNCLASSIFIED\",\"RESTRICTED\"],\"party\":{\"role\":\"provider\",\"org\":\"TD\"},\"n\":1}",
                "{\"levels\":[\"UNCLASSIFIED\",\"RESTRICTED\",\"SECRET\"],\"party\":{\"role\":\"recipient\",\"org\":\"TD\"},"
                        + "\"n\":2,\"rows\":[{\"q\":\"a\",\"v\":true},{\"q\":\"b\",\"v\":null}]}");
        assertEquals(List.of(
                new FieldChange("levels", "UNCLASSIFIED; RESTRICTED", "UNCLASSIFIED; RESTRICTED; SECRET"),
                new FieldChange("party", "role: provider, org: TD", "role: recipient, org: TD"),
                new FieldChange("n", "1", "2"),
                new FieldChange("rows", null, "q: a, v: true; q: b")), changes);
    }

    @Test
    void textThatIsNotJsonIsShownAsItIs() {
        assertEquals(List.of(new FieldChange("", "{broken", "{\"a\":1}")), AuditDiff.of("{broken", "{\"a\":1}"));
        assertEquals(List.of(new FieldChange("", null, "plain")), AuditDiff.of(null, "\"plain\""));
    }

    @Test
    void describedAsOneLinePerField() {
        assertEquals("title_en: Speeds → Traffic speeds\nnew: — → y\ngone: x → —", AuditDiff.describe(List.of(
                new FieldChange("title_en", "Speeds", "Traffic speeds"), new FieldChange("new", null, "y"),
                new FieldChange("gone", "x", null))));
    }
}
