package org.custodian.logic.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import org.custodian.store.SqliteFiles;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer is saved as it is given, each in its own transaction with its audit event: a process killed with
 * SIGKILL while answering leaves a sound file, an intact audit chain, and every answer it reported saved.
 */
class AnswerAutosaveCrashTest {

    /** Well past the brief's "at least saved 5", so the kill lands in a steady stream of writes. */
    static final int KILL_AFTER = 25;

    @TempDir
    Path dir;

    /** What the child wrote to stderr, for a failure message; empty once the stream is gone with the process. */
    static String errors(Process child) {
        try {
            return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void killingTheProcessWhileAnsweringKeepsEverySavedAnswerAndTheChain() throws Exception {
        Path file = dir.resolve("autosave.db");
        Process child = TestFiles.startJava(AnswerAutosaveStream.class, file.toString());
        UUID key = null;
        Map<String, Integer> reported = new HashMap<>();
        int last = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("key ")) {
                    key = UUID.fromString(line.substring(4));
                    continue;
                }
                if (!line.startsWith("saved ")) {
                    continue; // anything else the child prints is not ours to read
                }
                String[] parts = line.split(" ");
                last = Integer.parseInt(parts[1]);
                reported.put(parts[2], last);
                if (last >= KILL_AFTER) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child is gone");
        String err = errors(child);
        assertNotNull(key, "the child started an assessment: " + err);
        assertTrue(last >= KILL_AFTER, "the child reported only " + last + " answers: " + err);

        assertTrue(SqliteFiles.passesIntegrityCheck(file), "integrity_check after kill -9");
        try (WorkbenchSession s = WorkbenchSession.open(file, Access.READ_WRITE, "inspector", false)) {
            ChainVerdict verdict = s.audit().verify(null, null);
            assertTrue(verdict.isIntact(), () -> "chain broken: " + verdict.problem());
            AssessmentRecord r = s.assessments().load(key).orElseThrow();
            // Every answer reported saved is there, or a later one to the same question the child saved after.
            int highest = 0;
            for (Map.Entry<String, Integer> e : reported.entrySet()) {
                Answer a = r.answers().get(e.getKey());
                assertNotNull(a, e.getKey() + " was reported saved");
                int n = Integer.parseInt(a.value().substring("answer ".length()));
                assertTrue(n >= e.getValue(), e.getKey() + " holds answer " + n + ", reported " + e.getValue());
                assertEquals("crash-assessor", a.changedBy());
            }
            for (Answer a : r.answers().values()) {
                highest = Math.max(highest, Integer.parseInt(a.value().substring("answer ".length())));
            }
            assertTrue(highest >= last, "the last reported answer " + last + " is missing");
            // No half-done save: each committed answer has exactly its one audit event, and no more.
            long answerEvents = s.assessments().history(key).stream().filter(e -> e.action().equals("answer"))
                    .count();
            assertEquals(highest, answerEvents, "answer events against the highest answer committed");
        }
    }
}
