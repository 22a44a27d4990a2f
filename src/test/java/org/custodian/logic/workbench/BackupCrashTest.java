package org.custodian.logic.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.custodian.logic.bench.DatasetGenerator;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.workbench.Access;
import org.custodian.store.BackupFolder;
import org.custodian.store.SqliteFiles;
import org.custodian.store.TestFiles;
import org.custodian.store.WorkbenchRestore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup is written under a {@code .part} name, checked, flushed and only then renamed: a process killed with
 * SIGKILL at any moment of a backup leaves the workbench sound with its chain intact, and every file the backups
 * folder presents as a backup passes a full check. What a killed backup leaves behind is never listed, and the
 * next backup clears it away once it is stale.
 */
class BackupCrashTest {

    /** Datasets with long descriptions: a workbench of some tens of megabytes, whose backup takes a while. */
    static final int DATASETS = 2_000;

    /**
     * Each round's kill, as a fraction of one backup's duration after it starts: early in the copy, in the copy,
     * in the check of the copy, and late, near the rename. {@link #AS_ONE_RETURNS} kills the moment a backup has
     * returned, as the next one begins.
     */
    static final double[] KILL_AT = {0.5, 0.05, 0.3, 0.8, 1.0};
    static final double AS_ONE_RETURNS = 1.0;

    @TempDir
    Path dir;

    @Test
    void killDuringBackupNeverLeavesAHalfWrittenBackupListed() throws Exception {
        Path file = bulkyWorkbench(dir.resolve("bulky.db"));
        BackupFolder folder = BackupFolder.besideFile(file);
        Set<Path> verified = new HashSet<>();
        List<String> reported = new ArrayList<>();
        long backupMillis = -1;
        for (double fraction : KILL_AT) {
            Process child = TestFiles.startJava(BackupLoop.class, file.toString());
            boolean killed = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                // The first round lets one backup finish, to learn how long one takes, and kills the second.
                int victim = backupMillis < 0 ? 2 : 1;
                String line;
                while ((line = out.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("took")) {
                        reported.add(parts[3]);
                        if (backupMillis < 0) {
                            backupMillis = Long.parseLong(parts[2]);
                        } else if (fraction == AS_ONE_RETURNS) {
                            child.destroyForcibly();
                            killed = true;
                            break;
                        }
                    } else if (parts[0].equals("starting") && Integer.parseInt(parts[1]) == victim
                            && fraction != AS_ONE_RETURNS) {
                        Thread.sleep(Math.round(fraction * backupMillis));
                        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close, no clean-up
                        killed = true;
                        break;
                    }
                }
            } finally {
                child.destroyForcibly();
            }
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child is gone");
            assertTrue(killed, () -> "the child ended before its kill: " + errors(child));

            assertTrue(SqliteFiles.passesIntegrityCheck(file), "the workbench passes integrity_check after kill -9");
            try (WorkbenchSession s = WorkbenchSession.open(file, Access.READ_WRITE, "inspector", false)) {
                ChainVerdict verdict = s.audit().verify(null, null);
                assertTrue(verdict.isIntact(), () -> "chain broken: " + verdict.problem());
            }
            checkFolder(folder, verified, reported);
        }

        // What the killed backups left: never listed, kept while it could still be a backup in progress elsewhere.
        List<Path> leftovers = parts(folder);
        assertFalse(leftovers.isEmpty(), "a kill in the middle of a backup leaves its .part file");
        try (WorkbenchSession s = WorkbenchSession.open(file, Access.READ_WRITE, "officer", false)) {
            s.backups().backupNow("fresh-leftovers-kept");
            assertEquals(leftovers, parts(folder), "a .part written minutes ago is not taken for abandoned");
            FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
            for (Path p : leftovers) {
                Files.setLastModifiedTime(p, longAgo);
            }
            s.backups().backupNow("stale-leftovers-cleared");
        }
        assertEquals(List.of(), parts(folder), "the next backup clears .part files abandoned hours ago");
        checkFolder(folder, verified, reported);
    }

    /**
     * Every {@code *.db} file in the backups folder is listed and passes the full check a restore makes; every
     * backup a child reported taken is there; nothing else is in the folder but {@code .part} files (with their
     * journals), never listed.
     */
    private static void checkFolder(BackupFolder folder, Set<Path> verified, List<String> reported)
            throws IOException {
        List<Path> listed = folder.list();
        for (Path p : listed) {
            assertFalse(p.getFileName().toString().endsWith(".part"), p + " is listed as a backup");
        }
        try (Stream<Path> files = Files.list(folder.folder())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".part") || name.endsWith(".part-journal")) {
                    continue; // a killed VACUUM INTO leaves its copy and the copy's rollback journal
                }
                if (name.endsWith(".db.json")) {
                    // a manifest is written before its backup takes its name: a kill in between leaves it alone,
                    // and it names no file, so nothing is listed for it
                    Path backup = p.resolveSibling(name.substring(0, name.length() - ".json".length()));
                    assertTrue(!Files.exists(backup) || listed.contains(backup), name);
                    continue;
                }
                assertTrue(name.endsWith(".db"), "only backups and what killed backups left, not " + name);
                assertTrue(listed.contains(p), name + " is a backup the folder does not list");
                if (verified.add(p)) {
                    WorkbenchRestore.verifyBackup(p); // throws CORRUPT for a half-written or damaged file
                    var manifest = org.custodian.store.BackupManifests.read(p);
                    assertTrue(manifest.isPresent(), name + " has its manifest");
                    assertEquals(manifest.get().sha256(), org.custodian.store.TestFiles.sha256(p),
                            name + " is the very copy its manifest describes");
                }
            }
        }
        Set<String> present = new HashSet<>();
        listed.forEach(p -> present.add(p.getFileName().toString()));
        for (String name : reported) {
            assertTrue(present.contains(name), "the backup reported taken is there: " + name);
        }
    }

    private static List<Path> parts(BackupFolder folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.folder())) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.part(-journal)?")).sorted().toList();
        }
    }

    /** The sample workbench plus generated datasets whose descriptions run to a few thousand characters. */
    private static Path bulkyWorkbench(Path file) throws IOException {
        InventoryFiles.sampleFile(file);
        Path csv = file.resolveSibling("bulk.csv");
        AtomicOutput.write(csv, out -> {
            try (SafeCsvWriter w = new SafeCsvWriter(out, DatasetColumn.headers())) {
                for (String[] row : DatasetGenerator.rows(DATASETS, 20261204L)) {
                    String[] r = row.clone();
                    r[DatasetColumn.DESCRIPTION_EN.ordinal()] = lengthened(r[DatasetColumn.DESCRIPTION_EN.ordinal()],
                            r[DatasetColumn.CODE.ordinal()], 3_000);
                    r[DatasetColumn.DESCRIPTION_TC.ordinal()] = lengthened(r[DatasetColumn.DESCRIPTION_TC.ordinal()],
                            r[DatasetColumn.CODE.ordinal()], 1_500);
                    w.row(Arrays.asList(r));
                }
            }
        });
        try (WorkbenchSession s = InventoryFiles.open(file)) {
            DatasetImportReport report = InventoryFiles.importFile(s, csv);
            assertFalse(report.anyRejected(), report::summary);
        }
        Files.delete(csv);
        return file;
    }

    private static String lengthened(String text, String code, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; s.length() < length; i++) {
            s.append(text).append(" (").append(code).append(", part ").append(i).append(") ");
        }
        return s.toString().strip();
    }

    private static String errors(Process child) {
        try {
            return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
