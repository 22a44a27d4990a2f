package org.custodian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custodian.model.audit.ChainVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {

    @TempDir
    Path dir;

    /**
     * Kills a writer with SIGKILL in the middle of a stream of audited writes, three times over, and checks after
     * each: the file is sound, the chain verifies, every write reported as committed is there, and no write is
     * there in part (each organisation has exactly its create and update events, renamed).
     */
    @Test
    void killMinusNineMidStreamLeavesEveryCommittedWriteAndNoPartialOne() throws Exception {
        Path file = dir.resolve("crash.db");
        int round = 0;
        for (int stopAfter : new int[] {40, 137, 260}) {
            round++;
            String prefix = "r" + round + "-";
            Process writer = TestFiles.startJava(AuditedWriteStream.class, file.toString(), prefix);
            int lastCommitted = 0;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lastCommitted = Integer.parseInt(line.substring("committed ".length()));
                    if (lastCommitted >= stopAfter) {
                        writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
                        break;
                    }
                }
            }
            assertTrue(writer.waitFor(20, TimeUnit.SECONDS));
            assertTrue(lastCommitted >= stopAfter, "the writer reached " + lastCommitted);

            assertTrue(SqliteFiles.passesIntegrityCheck(file), "integrity_check after kill -9");
            try (Database db = TestFiles.create(file)) {
                ChainVerdict verdict = db.verifyAuditChain(null, null);
                assertTrue(verdict.isIntact(), () -> "chain broken: " + verdict.problem());
            }
            List<String> codes = TestFiles.column(file,
                    "SELECT code FROM organisation WHERE code LIKE '" + prefix + "%'");
            assertTrue(codes.size() >= lastCommitted, "every committed write is present: "
                    + codes.size() + " < " + lastCommitted);
            // The writer ran on past the last line we read; whatever it committed must be whole and gapless.
            java.util.Set<String> expected = new java.util.HashSet<>();
            for (int i = 1; i <= codes.size(); i++) {
                expected.add(prefix + i);
            }
            assertEquals(expected, new java.util.HashSet<>(codes), "committed writes form an unbroken run");
            assertEquals(List.of(), TestFiles.column(file,
                    "SELECT code FROM organisation WHERE name_en NOT LIKE 'Renamed body %'"), "no half-done write");
            assertEquals(List.of(), TestFiles.column(file, """
                    SELECT o.id FROM organisation o
                    WHERE (SELECT count(*) FROM audit_event a WHERE a.entity_id = o.id) <> 2
                    """), "each write has exactly its two audit events");
            assertEquals(TestFiles.column(file, "SELECT count(*) * 2 FROM organisation"),
                    TestFiles.column(file, "SELECT count(*) FROM audit_event"));
        }
    }
}
