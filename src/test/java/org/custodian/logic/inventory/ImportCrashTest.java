package org.custodian.logic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.custodian.logic.bench.DatasetGenerator;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.workbench.Access;
import org.custodian.store.SqliteFiles;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import is all-or-nothing for its accepted rows: a process killed with SIGKILL while a large CSV import is
 * writing leaves the workbench exactly as it was before the import, and one killed after the import committed
 * keeps every accepted row with its audit events. Never a part of the file.
 */
class ImportCrashTest {

    /** Large enough that the import's one transaction stays open for a second or more on this kind of machine. */
    static final int ROWS = 20_000;
    /** Every so many rows carries an update frequency no validator accepts, so "accepted" is not "every row". */
    static final int REJECT_EVERY = 1_000;
    static final long ACCEPTED = ROWS - ROWS / REJECT_EVERY;

    /**
     * Where in the import the child is killed: after its commit (first, to learn what a whole import adds), at its
     * first progress step inside the open transaction, and with nearly all of the file read, close to the commit.
     * A kill half way would prove nothing these two do not, at the cost of most of an import.
     */
    enum KillPoint {
        AFTER_COMMIT, FIRST_WRITES, NEARLY_DONE
    }

    @TempDir
    Path dir;

    @Test
    void killDuringImportLeavesAllOrNoneOfItsRows() throws Exception {
        Path file = InventoryFiles.sampleFile(dir.resolve("import-crash.db"));
        List<String[]> generated = DatasetGenerator.rows(ROWS, 20261203L);
        long eventsOfWholeImport = -1;
        int round = 0;
        for (KillPoint point : KillPoint.values()) {
            round++;
            String prefix = "R" + round + "-";
            Path csv = roundFile(dir.resolve("round-" + round + ".csv"), prefix, generated);
            long datasetsBefore = count(file, "SELECT count(*) FROM dataset");
            long eventsBefore = count(file, "SELECT count(*) FROM audit_event");

            Process child = TestFiles.startJava(LargeImportRun.class, file.toString(), csv.toString());
            boolean reportedCommitted = killAt(child, point);

            assertTrue(SqliteFiles.passesIntegrityCheck(file), point + ": integrity_check after kill -9");

            try (WorkbenchSession s = WorkbenchSession.open(file, Access.READ_WRITE, "inspector", false)) {
                ChainVerdict verdict = s.audit().verify(null, null);
                assertTrue(verdict.isIntact(), () -> point + ": chain broken: " + verdict.problem());
            }
            long added = count(file, "SELECT count(*) FROM dataset") - datasetsBefore;
            long events = count(file, "SELECT count(*) FROM audit_event") - eventsBefore;
            Set<String> codes = new HashSet<>(TestFiles.column(file,
                    "SELECT code FROM dataset WHERE code LIKE '" + prefix + "%'"));

            if (point == KillPoint.AFTER_COMMIT) {
                assertTrue(reportedCommitted, "the child reported its commit");
                assertEquals(ACCEPTED, added, "every accepted row survives a kill after the commit");
                assertEquals(acceptedCodes(prefix, generated), codes, "exactly the accepted rows, no rejected one");
                assertTrue(events >= ACCEPTED, "each imported dataset has its audit event: " + events);
                eventsOfWholeImport = events;
            } else if (added == 0) {
                assertEquals(0, events, point + ": no audit event of an import that did not commit");
                assertEquals(Set.of(), codes, point + ": no row of an import that did not commit");
            } else {
                // The kill can only have landed after the commit; then the import is there whole.
                assertTrue(point == KillPoint.NEARLY_DONE, point + " was killed with most of its rows unread, yet "
                        + added + " datasets were added");
                assertEquals(ACCEPTED, added, point + ": all or nothing, never " + added + " of " + ACCEPTED);
                assertEquals(eventsOfWholeImport, events, point + ": the audit events of the whole import");
                assertEquals(acceptedCodes(prefix, generated), codes);
            }
        }
    }

    /**
     * Reads the child's lines and kills it (SIGKILL: no shutdown hooks, no close, no rollback) at {@code point};
     * returns whether it had reported its commit by then.
     */
    private static boolean killAt(Process child, KillPoint point) throws Exception {
        boolean committed = false;
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (!killed && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("committed")) {
                    committed = true;
                    assertEquals(ACCEPTED, Long.parseLong(parts[1]), "rows the import created");
                    assertEquals(ROWS - ACCEPTED, Long.parseLong(parts[2]), "rows the import rejected");
                    killed = true;
                } else if (parts[0].equals("writing")) {
                    double read = Double.parseDouble(parts[1]) / Double.parseDouble(parts[2]);
                    killed = point == KillPoint.FIRST_WRITES || (point == KillPoint.NEARLY_DONE && read >= 0.97);
                }
                if (killed) {
                    child.destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child is gone");
        if (!killed) {
            fail(point + ": the child ended before the kill point: "
                    + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return committed;
    }

    /** The generated rows under this round's codes; every REJECT_EVERY-th row has a frequency that is refused. */
    private static Path roundFile(Path csv, String prefix, List<String[]> generated) throws IOException {
        AtomicOutput.write(csv, out -> {
            try (SafeCsvWriter w = new SafeCsvWriter(out, DatasetColumn.headers())) {
                for (int i = 0; i < generated.size(); i++) {
                    String[] row = generated.get(i).clone();
                    row[DatasetColumn.CODE.ordinal()] = prefix + row[DatasetColumn.CODE.ordinal()];
                    if (rejected(i)) {
                        row[DatasetColumn.UPDATE_FREQUENCY.ordinal()] = "whenever";
                    }
                    w.row(Arrays.asList(row));
                }
            }
        });
        return csv;
    }

    private static boolean rejected(int i) {
        return i % REJECT_EVERY == REJECT_EVERY - 1;
    }

    private static Set<String> acceptedCodes(String prefix, List<String[]> generated) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < generated.size(); i++) {
            if (!rejected(i)) {
                codes.add(prefix + generated.get(i)[DatasetColumn.CODE.ordinal()]);
            }
        }
        return codes;
    }

    private static long count(Path file, String sql) throws Exception {
        List<String> values = new ArrayList<>(TestFiles.column(file, sql));
        return Long.parseLong(values.get(0));
    }
}
