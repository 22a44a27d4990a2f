package org.custodian.logic.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.custodian.logic.io.InputRejectedException;
import org.junit.jupiter.api.Test;

class CsvSourceTest {

    private static final Set<String> COLUMNS = Set.of("code", "name_en", "name_tc");

    private static CsvSource open(byte[] bytes, Charset charset) {
        return CsvSource.open("orgs.csv", new ByteArrayInputStream(bytes), charset, COLUMNS, Set.of("code"));
    }

    @Test
    void readsABomCrlfFileWithHeadersInAnyOrderAndCase() {
        byte[] bytes = "\uFEFFName_TC,CODE,name_en\r\n運輸署,hk-td,\"Transport\r\nDepartment\"\r\n"
                .getBytes(StandardCharsets.UTF_8);
        try (CsvSource csv = open(bytes, StandardCharsets.UTF_8)) {
            var rows = csv.rows();
            assertEquals(1, rows.size());
            assertEquals("hk-td", rows.get(0).get("code"));
            assertEquals("運輸署", rows.get(0).get("name_tc"));
            assertEquals("Transport\r\nDepartment", rows.get(0).get("name_en"));
        }
    }

    @Test
    void unknownColumnsAreWarningsNamingTheColumn() {
        try (CsvSource csv = open("code,colour\nx,red\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) {
            assertEquals("colour", csv.warnings().get(0).column());
            assertEquals(1, csv.rows().size());
        }
    }

    @Test
    void aDuplicateColumnRejectsTheFile() {
        var e = assertThrows(InputRejectedException.class,
                () -> open("code,Code\nx,y\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("orgs.csv, line 1") && e.getMessage().contains("'code' appears twice"),
                e.getMessage());
    }

    @Test
    void aMissingRequiredColumnRejectsTheFile() {
        var e = assertThrows(InputRejectedException.class,
                () -> open("name_en\nTransport\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("required column code missing"), e.getMessage());
    }

    @Test
    void invalidUtf8RejectsTheFileInsteadOfBecomingReplacementCharacters() {
        byte[] bytes = "code,name_en\nx,ok\ny,bad \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        var e = assertThrows(InputRejectedException.class, () -> {
            try (CsvSource csv = open(bytes, StandardCharsets.UTF_8)) {
                csv.rows();
            }
        });
        assertTrue(e.getMessage().contains("orgs.csv") && e.getMessage().contains("encoding"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedWithWhatWasExpected() {
        var e = assertThrows(InputRejectedException.class, () -> open(new byte[0], StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("orgs.csv is empty"), e.getMessage());
    }
}
