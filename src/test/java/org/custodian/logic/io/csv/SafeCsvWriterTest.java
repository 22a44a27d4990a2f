package org.custodian.logic.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafeCsvWriterTest {

    private static final List<String> TRIGGERS = List.of("=", "+", "-", "@", "\t", "\r");

    /** Cells that are hard to get through a spreadsheet and back: formulas, apostrophes, quotes, line breaks. */
    private static final List<String> TRICKY = List.of("=SUM(A1:A9)", "+85221234567", "-1", "@SUM(1)", "\t=1",
            "\r=1", "'=1", "''=1", "'''@x", "'", "''", "'plain", "plain'", "a=b", " =1", "=", "-", "'-", "''-",
            "it's", "\"quoted\"", "comma, inside", "line\nbreak", "line\r\nbreak", "運輸署", "=運輸署", "𨋢", "");

    @Test
    void aCellStartingWithATriggerGetsOneApostropheInFront() {
        for (String trigger : TRIGGERS) {
            assertEquals("'" + trigger + "cmd", SafeCsvWriter.neutralise(trigger + "cmd"), escape(trigger));
            assertEquals("'" + trigger, SafeCsvWriter.neutralise(trigger), escape(trigger));
        }
    }

    @Test
    void apostrophesAlreadyInFrontOfATriggerGetOneMore() {
        assertEquals("''=1", SafeCsvWriter.neutralise("'=1"));
        assertEquals("'''@x", SafeCsvWriter.neutralise("''@x"));
        assertEquals("''\t1", SafeCsvWriter.neutralise("'\t1"));
    }

    @Test
    void otherCellsAreLeftAlone() {
        for (String cell : List.of("plain", "'plain", "'", "''", "a=b", " =1", "1+1", "運輸署", "it's")) {
            assertEquals(cell, SafeCsvWriter.neutralise(cell), cell);
            assertEquals(cell, SafeCsvWriter.restore(cell), cell);
        }
        assertEquals("", SafeCsvWriter.neutralise(""));
        assertNull(SafeCsvWriter.neutralise(null));
        assertEquals("", SafeCsvWriter.restore(""));
        assertNull(SafeCsvWriter.restore(null));
    }

    @Test
    void restoreTakesOffExactlyTheApostropheNeutraliseAdded() {
        assertEquals("=1", SafeCsvWriter.restore("'=1"));
        assertEquals("'=1", SafeCsvWriter.restore("''=1"));
        for (String cell : TRICKY) {
            assertEquals(cell, SafeCsvWriter.restore(SafeCsvWriter.neutralise(cell)), escape(cell));
        }
    }

    @Test
    void theWrittenFileHasABomCrlfAndGuardedCellsAndReadsBackToTheSameCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> header = List.of("code", "name_en");
        try (SafeCsvWriter csv = new SafeCsvWriter(out, header)) {
            for (int i = 0; i < TRICKY.size(); i++) {
                csv.row(Arrays.asList("c" + i, TRICKY.get(i)));
            }
        }
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals("\uFEFFcode,name_en\r\nc0,'=SUM(A1:A9)\r\nc1,'+85221234567\r\n",
                text.substring(0, text.indexOf("c2,")));

        List<String> read = new ArrayList<>();
        try (CsvSource source = CsvSource.open("out.csv", new ByteArrayInputStream(bytes), StandardCharsets.UTF_8,
                Set.copyOf(header), Set.of("code"))) {
            source.each().forEach(r -> read.add(r.values().get("name_en")));
        }
        assertEquals(TRICKY, read);
    }

    /** A rejected-rows file repeats the header of a file from elsewhere: its names are cells like any other. */
    @Test
    void aFormulaInTheHeaderIsGuardedAndReadsBackAsItWas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> header = List.of("code", "=HYPERLINK(\"http://x.test\")", "@cmd");
        try (SafeCsvWriter csv = new SafeCsvWriter(out, header)) {
            csv.row(List.of("c1", "a", "b"));
        }
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertEquals("\uFEFFcode,\"'=HYPERLINK(\"\"http://x.test\"\")\",'@cmd\r\n", text.substring(0, text.indexOf("c1")));
        try (CsvSource source = CsvSource.open("out.csv", new ByteArrayInputStream(out.toByteArray()),
                StandardCharsets.UTF_8, Set.of("code"), Set.of("code"))) {
            assertEquals(header, source.headers());
        }
    }

    private static String escape(String s) {
        return s.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
