package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit export}: the log as CSV under a line naming its chain head, narrowed to days, whole or not at all. */
class AuditCommandTest {

    @TempDir
    static Path dir;
    static Path db;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void loadSample() {
        db = dir.resolve("w.db");
        assertEquals(0, run("--db", db.toString(), "sample", "load").exit());
    }

    private static List<String> lines(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF# Custodian audit log; chain head "), text.substring(0, 80));
        return text.substring(1).lines().toList();
    }

    @Test
    void theWholeLogIsWrittenOldestFirstUnderItsChainHead() throws Exception {
        String head = run("--db", db.toString(), "audit", "head").out().strip();
        Path out = dir.resolve("log.csv");
        Run export = run("--db", db.toString(), "audit", "export", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.err().contains("Wrote 1550 audit events to " + out), export.err());
        assertTrue(export.err().contains(head), "it names the head");
        List<String> lines = lines(out);
        assertEquals("# Custodian audit log; chain head " + head + " (check it with: audit verify --expect " + head
                + ")", lines.get(0));
        assertTrue(lines.get(1).startsWith("# Filter: the whole log; times in "), lines.get(1));
        assertEquals("seq,time,actor,entity_type,entity_id,record,action,reason,changes,prev_hash,hash", lines.get(2));
        assertTrue(lines.get(3).startsWith("1,"), lines.get(3));
        assertTrue(Files.readString(out).contains("\n1550,"), "the last event is in");
        assertFalse(Files.exists(dir.resolve("log.csv.part")));
        assertEquals(0, run("--db", db.toString(), "audit", "verify", "--expect", head).exit(),
                "the head in the file is one verify accepts");
    }

    @Test
    void daysNarrowTheExportBothEndsIncluded() throws Exception {
        String today = LocalDate.now().toString();
        Path all = dir.resolve("today.csv");
        assertEquals(0, run("--db", db.toString(), "audit", "export", all.toString(), "--from", today, "--to", today)
                .exit());
        List<String> lines = lines(all);
        assertTrue(lines.get(1).startsWith("# Filter: from " + today + " to " + today), lines.get(1));
        assertTrue(Files.readString(all).contains("\n1550,"), "every event of the sample was written today");
        Path none = dir.resolve("yesterday.csv");
        Run before = run("--db", db.toString(), "audit", "export", none.toString(), "--to",
                LocalDate.now().minusDays(1).toString());
        assertEquals(0, before.exit(), before.err());
        assertTrue(before.err().contains("Wrote 0 audit events"), before.err());
        assertEquals(3, lines(none).size(), "the two comment lines and the header");
    }

    @Test
    void aBadDateIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("bad.csv");
        Run bad = run("--db", db.toString(), "audit", "export", out.toString(), "--from", "2026-13-01");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--from: '2026-13-01' is not a date; write it as YYYY-MM-DD."), bad.err());
        Run reversed = run("--db", db.toString(), "audit", "export", out.toString(), "--from", "2026-05-02", "--to",
                "2026-05-01");
        assertEquals(2, reversed.exit());
        assertTrue(reversed.err().contains("--to 2026-05-01 is before --from 2026-05-02"), reversed.err());
        assertFalse(Files.exists(out));
    }
}
