package org.custodian.model.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeFileNameTest {

    /** Names a hostile or careless file could bring, and what each must become. */
    @Test
    void aHostileNameBecomesOnePlainName() {
        assertEquals("_.._etc_passwd", SafeFileName.of("../../etc/passwd", "x"));
        assertEquals("_etc_passwd", SafeFileName.of("/etc/passwd", "x"));
        assertEquals("C__Windows_system32_x.dll", SafeFileName.of("C:\\Windows\\system32\\x.dll", "x"));
        assertEquals("a_b_c", SafeFileName.of("a/b\\c", "x"));
        assertEquals("report_.pdf", SafeFileName.of("report\u0000.pdf", "x"), "NUL");
        assertEquals("line_break.txt", SafeFileName.of("line\nbreak.txt", "x"));
        assertEquals("invoice_fdp.exe", SafeFileName.of("invoice\u202Efdp.exe", "x"), "no right-to-left override");
        assertEquals("what_ _ _ _ _.txt", SafeFileName.of("what? * < > |.txt", "x"));
        assertEquals("signed", SafeFileName.of("  signed. . ", "x"), "no trailing dots or spaces (Windows drops them)");
        assertEquals("bashrc", SafeFileName.of(".bashrc", "x"), "no hidden file");
    }

    @Test
    void nothingLeftGivesTheFallback() {
        for (String empty : new String[] {null, "", "   ", ".", "..", "...", " . "}) {
            assertEquals("evidence", SafeFileName.of(empty, "evidence"), String.valueOf(empty));
        }
    }

    @Test
    void windowsDeviceNamesGetAnUnderscore() {
        for (String device : List.of("CON", "con", "PRN", "AUX", "NUL", "COM1", "LPT9", "CON.txt", "nul.tar.gz",
                "CON .txt", "COM¹")) {
            assertEquals("_" + device, SafeFileName.of(device, "x"), device);
        }
        for (String fine : List.of("CONTRACT.pdf", "console", "COM10", "NULL", "aux-notes.txt")) {
            assertEquals(fine, SafeFileName.of(fine, "x"), fine);
        }
    }

    @Test
    void aLongNameIsCutBetweenCharactersKeepingItsExtension() {
        String longAscii = "a".repeat(300) + ".pdf";
        String cut = SafeFileName.of(longAscii, "x");
        assertEquals(SafeFileName.MAX_BYTES, bytes(cut));
        assertTrue(cut.endsWith(".pdf"));

        String chinese = "運輸署資料共享協議簽署本".repeat(30) + ".pdf";
        cut = SafeFileName.of(chinese, "x");
        assertTrue(bytes(cut) <= SafeFileName.MAX_BYTES, cut);
        assertTrue(cut.startsWith("運輸署資料共享協議簽署本") && cut.endsWith(".pdf"), cut);
        assertEquals(cut, new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), "whole characters");

        String supplementary = "𨋢".repeat(100);
        cut = SafeFileName.of(supplementary, "x");
        assertTrue(bytes(cut) <= SafeFileName.MAX_BYTES);
        assertEquals(0, cut.length() % 2, "no half of a surrogate pair");
        assertFalse(cut.chars().anyMatch(c -> c == '\uFFFD'));
    }

    @Test
    void ordinaryNamesStayAsTheyAre() {
        for (String name : List.of("signed copy.pdf", "DSA-2023-018 簽署本.pdf", "inventory-register-SECRET.csv",
                "workbench-20261129-1402.db", "會議紀錄 (2026年3月).docx", "o'brien.txt", "a..b.txt")) {
            assertEquals(name, SafeFileName.of(name, "x"), name);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
