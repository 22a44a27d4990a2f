package org.custodian.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens every connection to a workbench file the same way. Pragmas are per connection in SQLite, so they are set
 * here and nowhere else: foreign keys on, WAL journal, full sync, a busy timeout, untrusted schema, and write
 * transactions that begin IMMEDIATE so two writers queue instead of failing half-way.
 */
final class Connections {

    static final int BUSY_TIMEOUT_MS = 5_000;

    private Connections() {
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        // A larger page cache keeps the indexes that audited writes touch (audit by entity, codes) in memory;
        // the default 2 MB thrashes once a workbench holds tens of thousands of records.
        config.setCacheSize(-32_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // We never read generated keys; without this the driver runs an extra query after every insert.
        config.setGetGeneratedKeys(false);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        Connection connection = config.createConnection(url(file));
        try (Statement s = connection.createStatement()) {
            // A file from elsewhere must not run functions from its schema (views, triggers) with side effects.
            s.execute("PRAGMA trusted_schema = OFF");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
