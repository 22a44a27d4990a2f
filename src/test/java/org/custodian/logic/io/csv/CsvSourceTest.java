package org.custodian.logic.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    void aBadByteSequenceIsReportedOnTheLineItIsOnWhereverThatIs() {
        String filler = "hk-x,\"A name\r\nover two lines\",x\r\n".repeat(3000); // 6,000 lines, 100 KB
        Object[][] cases = {
            {"code,name\u00ff\n", 1},
            {"code,name_en\r\nhk-a,A\r\n\u00ff,B\r\n", 3},
            {"code,name_en\nhk-a,A\nhk-b,B \u00ff\n", 3},
            {"code,name_en\nhk-a,\"first\nsecond \u00ff\"\n", 3},
            {"code,name_en,name_tc\r\n" + filler + "hk-y,Y,\u00ff\r\n", 6002},
        };
        for (Object[] c : cases) {
            byte[] bytes = ((String) c[0]).getBytes(StandardCharsets.ISO_8859_1);
            var e = assertThrows(InputRejectedException.class, () -> {
                try (CsvSource csv = open(bytes, StandardCharsets.UTF_8)) {
                    csv.rows();
                }
            });
            assertEquals("orgs.csv, line " + c[1] + ": the byte FF is not valid UTF-8 text; choose its encoding, e.g."
                    + " Big5-HKSCS.", e.getMessage());
        }
    }

    @Test
    void blankLinesAreNoRowsAndTheRowsAfterThemKeepTheirLines() {
        byte[] bytes = "code,name_en\r\nhk-a,A\r\n\r\nhk-b,\"B\r\n\r\nb\"\r\n\r\nhk-c,C\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        try (CsvSource csv = open(bytes, StandardCharsets.UTF_8)) {
            var rows = csv.rows();
            assertEquals(List.of("hk-a:2", "hk-b:4", "hk-c:8"),
                    rows.stream().map(r -> r.get("code") + ":" + r.line()).toList());
            assertEquals("B\r\n\r\nb", rows.get(1).get("name_en"), "a blank line inside quotes is kept");
        }
    }

    @Test
    void anEmptyFileIsRefusedWithWhatWasExpected() {
        var e = assertThrows(InputRejectedException.class, () -> open(new byte[0], StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("orgs.csv is empty"), e.getMessage());
    }

    @Test
    void quotingMistakesAreRefusedInWordsNamingTheLine() {
        Object[][] cases = {
            {"code,name_en\nhk-a,A\nhk-b,\"B and\nmore\n", "orgs.csv, line 3: a quoted value starts here and is never"
                    + " closed (a '\"' is missing)."},
            {"code,name_en\nhk-a,A\nhk-b,\"B\" C\n", "orgs.csv, line 3: text follows a closing quote; a '\"' inside a"
                    + " quoted value is written twice ('\"\"')."},
        };
        for (Object[] c : cases) {
            var e = assertThrows(InputRejectedException.class, () -> {
                try (CsvSource csv = open(((String) c[0]).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) {
                    csv.rows();
                }
            });
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void manyUnknownColumnsAreOneWarningAndLongNamesAreCutShort() {
        StringBuilder header = new StringBuilder("code");
        for (int i = 0; i < 12; i++) {
            header.append(",extra_").append(i);
        }
        header.append(",").append("x".repeat(50_000));
        try (CsvSource csv = open((header + "\nhk-a\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) {
            assertEquals(1, csv.warnings().size(), csv.warnings().toString());
            String warning = csv.warnings().get(0).describe();
            assertTrue(warning.startsWith("orgs.csv, line 1: 13 unknown columns, ignored: extra_0, extra_1"), warning);
            assertTrue(warning.length() < 200, warning);
        }
    }
}
