package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.workbench.Access;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile file on the command line: every import command refuses it with exit 1 and one or two lines on stderr
 * naming the file, never a stack trace, and the workbench is left as it was. A file that is no workbench, given to
 * restore or --db, is the I/O failure of the contract (exit 3), said the same way.
 */
class HostileFileCommandsTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path sparse(String name) throws IOException {
        Path file = dir.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
        return file;
    }

    private static AuditHead head(Path db) {
        try (WorkbenchSession s = WorkbenchSession.open(db, Access.READ_ONLY, "reader", false)) {
            return s.audit().head();
        }
    }

    /** Exit {@code code}, one or two lines on stderr, the first naming {@code file}, and no stack trace. */
    private static void refused(CliRun r, int code, Path file, String what) {
        String context = what + ": exit " + r.exit() + "\n" + r.err();
        assertEquals(code, r.exit(), context);
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(!lines.isEmpty() && lines.size() <= 2, context);
        assertTrue(lines.get(0).contains(file.getFileName().toString()), context);
        assertFalse(r.err().contains("Exception") || r.err().contains("at org.") || r.err().contains("\tat "),
                context);
        assertFalse(r.out().contains("Exception") || r.out().contains("at org."), context);
    }

    @Test
    void everyImportCommandRefusesAHostileFileWithExitOneAndOneOrTwoLines() throws IOException {
        Path db = SharingFiles.agreementsFile(dir.resolve("w.db"));
        AuditHead before = head(db);
        byte[] noise = new byte[4096];
        new Random(20261129L).nextBytes(noise);
        StringBuilder wide = new StringBuilder("code,department,title_en,dataset_code,level,rationale,reference,title");
        for (int c = 8; c < 10_000; c++) {
            wide.append(",extra_").append(c);
        }
        Path binaryCsv = write("spreadsheet.csv", noise);
        Path binaryJson = write("picture.json", noise);
        Path hugeCsv = sparse("huge.csv");
        Path hugeJson = sparse("huge.json");
        Path wideCsv = write("wide.csv", (wide + "\n").getBytes(StandardCharsets.UTF_8));
        Path latin = write("latin.csv", "code,department,title_en\nTD-X,hk-td,Caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path deep = write("deep.json", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int n = 1; n <= 9; n++) {
            bomb.append("a").append(n).append(": &a").append(n).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (n - 1)))).append("]\n");
        }
        Path yamlBomb = write("bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8));

        List<Object[]> cases = new ArrayList<>();
        for (Path f : List.of(binaryCsv, hugeCsv, wideCsv, latin, deep, binaryJson)) {
            cases.add(new Object[] {f, new String[] {"datasets", "import", f.toString()}});
        }
        for (Path f : List.of(binaryCsv, hugeCsv, wideCsv)) {
            cases.add(new Object[] {f, new String[] {"decisions", "import", f.toString()}});
            cases.add(new Object[] {f, new String[] {"agreements", "import", f.toString()}});
        }
        for (Path f : List.of(deep, hugeJson, binaryJson)) {
            cases.add(new Object[] {f, new String[] {"agreements", "import", f.toString()}});
            cases.add(new Object[] {f, new String[] {"catalog", "import", f.toString()}});
            cases.add(new Object[] {f, new String[] {"assessments", "import", f.toString()}});
        }
        for (Path f : List.of(yamlBomb, deep, hugeJson)) {
            cases.add(new Object[] {f, new String[] {"scheme", "validate", f.toString()}});
            cases.add(new Object[] {f, new String[] {"scheme", "load", f.toString()}});
            cases.add(new Object[] {f, new String[] {"templates", "validate", f.toString()}});
        }
        for (Object[] c : cases) {
            Path file = (Path) c[0];
            List<String> args = new ArrayList<>(List.of("--db", db.toString()));
            args.addAll(List.of((String[]) c[1]));
            CliRun r = run(args.toArray(String[]::new));
            refused(r, ExitCode.REJECTED, file, String.join(" ", (String[]) c[1]));
        }
        assertEquals(before, head(db), "a refused import changed the workbench");
    }

    @Test
    void aFileThatIsNoWorkbenchIsAnIoFailureSaidInOneLineForRestoreAndDb() throws IOException {
        Path db = SharingFiles.agreementsFile(dir.resolve("w.db"));
        String hash = TestFiles.sha256(db);
        Path notes = write("notes.db", "These are my notes, not a database.\n".getBytes(StandardCharsets.UTF_8));
        Path huge = sparse("huge.db");
        for (Path hostile : List.of(notes, huge)) {
            refused(run("--db", db.toString(), "restore", hostile.toString()), ExitCode.FAILURE, hostile, "restore");
            refused(run("--db", hostile.toString(), "datasets", "import", "nothing.csv"), ExitCode.FAILURE, hostile,
                    "--db");
        }
        assertEquals(hash, TestFiles.sha256(db), "a refused restore changed the workbench");
    }
}
