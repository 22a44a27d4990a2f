package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;

/** Shared helpers for tests over real workbench files. */
public final class TestFiles {

    public static final String ACTOR = "test-officer";

    private TestFiles() {
    }

    public static Database create(Path file) {
        return Database.open(file, Access.READ_WRITE, ACTOR, true);
    }

    /** A workbench with {@code n} organisations, each with its audit event. */
    public static Path withOrganisations(Path file, int n) {
        try (Database db = create(file)) {
            ReferenceRepository repo = new ReferenceRepository(db);
            db.inTransaction(tx -> {
                for (int i = 1; i <= n; i++) {
                    repo.insert(tx, ReferenceList.ORGANISATION, "org-" + i, "Organisation " + i, "機構 " + i);
                }
                return null;
            });
        }
        return file;
    }

    /** A raw connection that bypasses the app, as a person with the sqlite3 tool would. */
    public static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    public static void execute(Path file, String... statements) throws SQLException {
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public static List<String> column(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = raw(file); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Streams the file: the hostile-input tests hash files of hundreds of megabytes. */
    public static String sha256(Path file) throws IOException {
        return BackupManifests.sha256(file);
    }

    /** Starts a JVM on the test classpath running {@code mainClass}. */
    public static Process startJava(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dcustodian.logs=" + System.getProperty("java.io.tmpdir"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(false).start();
    }
}
