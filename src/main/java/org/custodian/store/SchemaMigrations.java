package org.custodian.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a workbench file to the schema this build knows, with Flyway. Refuses a file written by a newer
 * Custodian (an older build must never touch it: other tools lost their users' data that way) and a SQLite file
 * that holds someone else's tables; takes a verified backup before changing an existing file.
 */
public final class SchemaMigrations {

    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    static Flyway flyway(Path file, String target) {
        return flyway(new WorkbenchDataSource(file, false), target);
    }

    /** For looking only (schema info of a file opened read-only or of a backup): never writes. */
    static Flyway lookingOnly(Path file) {
        return flyway(new WorkbenchDataSource(file, true), null);
    }

    private static Flyway flyway(javax.sql.DataSource dataSource, String target) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .mixed(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    /** The newest schema version this build carries. */
    public static String latestKnownVersion() {
        return LatestVersion.VALUE;
    }

    /** Computed once: asking Flyway means scanning the classpath. */
    private static final class LatestVersion {
        static final String VALUE = computeLatestKnownVersion();
    }

    private static String computeLatestKnownVersion() {
        var memory = new org.sqlite.SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        MigrationInfo[] all = flyway(memory, null).info().all();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    /**
     * Checks the file's schema and migrates it when this build knows newer migrations.
     *
     * @param backupFolder where the pre-migration backup goes
     * @param target the version to stop at (tests make older files with it), or null for the newest
     * @return the backup taken before migrating, or null when none was needed
     */
    static Path migrate(Path file, Connection probe, Path backupFolder, String target) {
        boolean hasHistory = hasTable(probe, file, HISTORY_TABLE);
        if (!hasHistory && countTables(probe, file) > 0) {
            throw new WorkbenchAccessException(Reason.NOT_A_WORKBENCH, file,
                    file + " is an SQLite database but not a Custodian workbench (it has other tables); "
                            + "nothing was changed.", null);
        }
        try {
            Flyway flyway = flyway(file, target);
            MigrationInfoService info = flyway.info();
            refuseNewer(file, info);
            Path backup = null;
            if (info.pending().length > 0 && info.applied().length > 0) {
                String from = info.current() == null ? "0" : info.current().getVersion().getVersion();
                backup = BackupFolder.of(file, backupFolder).takeVerified("before-migration-v" + from);
                LOG.info("Backed up {} to {} before migrating from schema {}", file, backup, from);
            }
            if (info.pending().length > 0) {
                flyway.migrate();
                if (file.toFile().exists()) {
                    OwnerOnlyFiles.restrict(file);
                }
            }
            return backup;
        } catch (FlywayException e) {
            throw new WorkbenchAccessException(Reason.MIGRATION_FAILED, file,
                    "Cannot bring " + file + " up to date: " + firstLine(e.getMessage()), e);
        } catch (java.io.IOException e) {
            throw new WorkbenchAccessException(Reason.IO, file,
                    "Cannot back up " + file + " before updating it, so it was left as it is: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown Flyway error (see the log)";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** For read-only opening: no migration, but a newer or foreign file is still refused. */
    static void checkReadable(Path file, Connection probe) {
        if (!hasTable(probe, file, HISTORY_TABLE)) {
            throw new WorkbenchAccessException(Reason.NOT_A_WORKBENCH, file,
                    file + " is not a Custodian workbench (no schema history).", null);
        }
    }

    static void refuseNewer(Path file, MigrationInfoService info) {
        boolean newer = Arrays.stream(info.applied()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            String theirs = info.applied()[info.applied().length - 1].getVersion().getVersion();
            throw new WorkbenchAccessException(Reason.NEWER_SCHEMA, file,
                    file + " was written by a newer Custodian (schema " + theirs + "; this version knows up to "
                            + latestKnownVersion() + "). Install the newer version to open it; nothing was changed.",
                    null);
        }
    }

    static String currentVersion(Connection c, Path file) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY_TABLE
                     + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, file, "reading the schema version of");
        }
    }

    private static boolean hasTable(Connection c, Path file, String table) {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, file, "reading");
        }
    }

    private static int countTables(Connection c, Path file) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, file, "reading");
        }
    }
}
