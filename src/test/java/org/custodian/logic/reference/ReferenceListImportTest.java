package org.custodian.logic.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceListImportTest {

    @TempDir
    Path dir;
    WorkbenchSession session;

    @BeforeEach
    void open() {
        session = WorkbenchSession.open(dir.resolve("w.db"), Access.READ_WRITE, "officer", true);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private ImportReport load(String csv) {
        return session.referenceImport().importCsv(ReferenceList.ORGANISATION, "orgs.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validRowsCommitAndEveryRejectedRowSaysWhereAndWhy() {
        ImportReport r = load("""
                code,name_en,name_tc
                hk-td,Transport Department,運輸署
                bad code!,Somewhere,
                hk-empty,,
                hk-td,Transport Dept again,
                hk-wsd,Water Supplies Department,水務署
                """);
        assertEquals(2, r.created());
        assertEquals(3, r.rejected());
        assertEquals("orgs.csv, line 3, column code: code 'bad code!' may hold only letters, digits, '.', '_' and '-' (at most 64)",
                r.problems().get(0).describe());
        assertEquals(4, r.problems().get(1).line());
        assertEquals("name_en", r.problems().get(1).column());
        assertTrue(r.problems().get(2).message().contains("already appears on an earlier row"));
        assertEquals(2, session.referenceLists().count(ReferenceList.ORGANISATION, ""));
        assertEquals(2, session.audit().eventCount(), "one audit event per record");
    }

    @Test
    void reimportingUpdatesNamesAndLeavesUnchangedRowsAlone() {
        load("code,name_en,name_tc\nhk-td,Transport Department,運輸署\nhk-wsd,Water Supplies Department,水務署\n");
        ImportReport again = load("code,name_tc,name_en\nHK-TD,運輸署,Transport Department (TD)\nhk-wsd,水務署,Water Supplies Department\n");
        assertEquals(0, again.created());
        assertEquals(1, again.updated());
        assertEquals(1, again.unchanged());
        var history = session.audit().history("organisation",
                session.referenceLists().page(ReferenceList.ORGANISATION, "hk-td", ReferenceLists.Sort.CODE, false, 1, 0)
                        .get(0).id().toString());
        assertEquals(2, history.size());
        assertEquals("update", history.get(1).action());
        assertTrue(history.get(1).before().contains("\"Transport Department\""));
        assertTrue(history.get(1).after().contains("Transport Department (TD)"));
        assertEquals("imported from orgs.csv", history.get(1).reason());
    }

    @Test
    void aFileWithoutTheKeyColumnChangesNothing() {
        assertThrows(InputRejectedException.class, () -> load("name_en\nTransport\n"));
        assertEquals(0, session.audit().eventCount());
    }

    @Test
    void searchFindsChineseOfAnyLengthAndEscapesWildcards() {
        load("code,name_en,name_tc\nhk-td,Transport Department,運輸署\nhk-tlb,Transport and Logistics Bureau,運輸及物流局\n"
                + "x_1,100% Open,\n");
        assertEquals(2, session.referenceLists().count(ReferenceList.ORGANISATION, "運"));
        assertEquals(1, session.referenceLists().count(ReferenceList.ORGANISATION, "物流局"));
        assertEquals(1, session.referenceLists().count(ReferenceList.ORGANISATION, "100%"));
        assertEquals(1, session.referenceLists().count(ReferenceList.ORGANISATION, "x_"));
        assertEquals("hk-tlb", session.referenceLists().page(ReferenceList.ORGANISATION, "transport",
                ReferenceLists.Sort.NAME_EN, false, 10, 0).get(0).code(), "\"and\" sorts before \"Department\" ignoring case");
    }
}
