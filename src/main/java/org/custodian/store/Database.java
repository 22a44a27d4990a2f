package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.custodian.model.workbench.BackupManifest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open workbench file. Every connection is made by {@link Connections}; writes go through
 * {@link #inTransaction} on the single writer connection (BEGIN IMMEDIATE), reads use a small pool of read
 * connections, which WAL lets run beside a write.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Work inside a write transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T apply(Tx tx) throws SQLException;
    }

    /** Work on a read connection; package-private so only the store writes SQL. */
    @FunctionalInterface
    interface ReadWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private final Path file;
    private final Access access;
    private final String actor;
    private final WorkbenchLock lock;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final Path preMigrationBackup;
    private volatile boolean closed;

    private Database(Path file, Access access, String actor, WorkbenchLock lock, Connection writer, Path backup) {
        this.file = file;
        this.access = access;
        this.actor = actor;
        this.lock = lock;
        this.writer = writer;
        this.preMigrationBackup = backup;
    }

    /**
     * Opens a workbench file.
     *
     * @param createIfMissing make a new, empty workbench when the file does not exist (writing only)
     */
    public static Database open(Path file, Access access, String actor, boolean createIfMissing) {
        return open(file, access, actor, createIfMissing, null);
    }

    /** As {@link #open(Path, Access, String, boolean)}, stopping migration at {@code target} (tests use it). */
    static Database open(Path file, Access access, String actor, boolean createIfMissing, String target) {
        return open(file, access, actor, createIfMissing, target, null);
    }

    /**
     * @param heldLock the writer lock, already taken by the caller (a restore hands over the lock it held while
     *                 replacing the file, so no other process can slip in between); null to take it here
     */
    static Database open(Path file, Access access, String actor, boolean createIfMissing, String target,
                         WorkbenchLock heldLock) {
        Path abs = file.toAbsolutePath().normalize();
        boolean created = false;
        if (!Files.exists(abs) && createIfMissing && access == Access.READ_WRITE) {
            try {
                OwnerOnlyFiles.createFile(abs);
                created = true;
            } catch (IOException e) {
                throw new WorkbenchAccessException(Reason.NOT_WRITABLE, abs,
                        "Cannot create " + abs + ": " + e.getMessage(), e);
            }
        }
        try {
            SqliteFiles.checkReadable(abs);
            if (!created && !createIfMissing && isEmpty(abs)) {
                // An existing empty file is somebody's, not ours to turn into a workbench.
                throw new WorkbenchAccessException(Reason.NOT_A_WORKBENCH, abs,
                        abs + " is an empty file, not a Custodian workbench; nothing was changed.", null);
            }
        } catch (RuntimeException e) {
            if (heldLock != null) {
                heldLock.close(); // a handed-over lock is ours to release on every path
            }
            throw e;
        }
        WorkbenchLock lock = access != Access.READ_WRITE ? null
                : heldLock != null ? heldLock : WorkbenchLock.acquire(abs, actor);
        Connection probe = null;
        try {
            if (access == Access.READ_WRITE && !Files.isWritable(abs)) {
                throw new WorkbenchAccessException(Reason.NOT_WRITABLE, abs,
                        abs + " is read-only; open it read-only or copy it somewhere you can write.", null);
            }
            probe = Connections.open(abs, true);
            SqliteFiles.checkIntegrity(probe, abs, false);
            Path backup = null;
            if (access == Access.READ_WRITE) {
                backup = SchemaMigrations.migrate(abs, probe, BackupFolder.besideFile(abs).folder(), target);
            } else {
                SchemaMigrations.checkReadable(abs, probe);
                SchemaMigrations.refuseNewer(abs, SchemaMigrations.lookingOnly(abs).info());
            }
            probe.close();
            probe = null;
            Connection writer = access == Access.READ_WRITE ? Connections.open(abs, false) : null;
            LOG.info("Opened {} ({}) as {}", abs, access, actor);
            return new Database(abs, access, actor, lock, writer, backup);
        } catch (SQLException e) {
            closeAll(probe, lock);
            throw SqliteFiles.translate(e, abs, "opening");
        } catch (RuntimeException e) {
            closeAll(probe, lock);
            throw e;
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false; // checkReadable already reported unreadable files
        }
    }

    private static void closeAll(Connection probe, WorkbenchLock lock) {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
        if (lock != null) {
            lock.close();
        }
    }

    public Path file() {
        return file;
    }

    public Access access() {
        return access;
    }

    public String actor() {
        return actor;
    }

    /** The verified backup taken before this open migrated the file, or null. */
    public Path preMigrationBackup() {
        return preMigrationBackup;
    }

    /**
     * Runs {@code work} in one write transaction that begins IMMEDIATE and commits with every audit event it
     * appended; any exception rolls all of it back.
     */
    public <T> T inTransaction(TxWork<T> work) {
        if (access != Access.READ_WRITE) {
            throw new WorkbenchAccessException(Reason.NOT_WRITABLE, file, file + " is open read-only.", null);
        }
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            // An inner commit would silently split the outer transaction.
            throw new IllegalStateException("transactions do not nest; pass the Tx down instead");
        }
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try (Tx tx = new Tx(writer, actor)) {
                T result = work.apply(tx);
                if (tx.auditFailed()) {
                    throw new StoreException("An audit event could not be written, so the change was not saved",
                            null);
                }
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                if (e instanceof SQLException sql) {
                    throw new StoreException("The change was not saved: " + sql.getMessage(), sql);
                }
                throw (RuntimeException) e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("The database connection failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed on {}", file, e);
        }
    }

    <T> T read(ReadWork<T> work) {
        ensureOpen();
        Connection c = idleReaders.poll();
        try {
            if (c == null) {
                c = Connections.open(file, true);
            }
            T result = work.apply(c);
            if (!closed) {
                idleReaders.offer(c);
                c = null; // pooled; otherwise the finally block closes it
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("Reading " + file + " failed: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // a broken connection is dropped, not pooled
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
    }

    public AuditHead auditHead() {
        return read(AuditLog::head);
    }

    public long auditEventCount() {
        return read(AuditLog::count);
    }

    public ChainVerdict verifyAuditChain(AuditHead expected, Consumer<Long> progress) {
        return read(c -> AuditLog.verify(c, expected, progress));
    }

    public java.util.List<AuditEvent> auditHistory(String entityType, String entityId) {
        return read(c -> AuditLog.forEntity(c, entityType, entityId));
    }

    /** A page of the events that match, newest first, each with its record's code. */
    public java.util.List<org.custodian.model.audit.AuditEntry> auditPage(org.custodian.model.audit.AuditFilter filter,
                                                                         int limit, long offset) {
        return read(c -> AuditSearch.page(c, filter, limit, offset));
    }

    public long auditCount(org.custodian.model.audit.AuditFilter filter) {
        return read(c -> AuditSearch.count(c, filter));
    }

    /**
     * Every event that matches, oldest first, handed over one at a time (an export of the whole log), after the
     * chain's head: both are read in one read transaction, so the events are those of that head, whatever is
     * written meanwhile.
     */
    public void forEachAuditEntry(org.custodian.model.audit.AuditFilter filter, Consumer<AuditHead> head,
                                  Consumer<org.custodian.model.audit.AuditEntry> each) {
        read(c -> {
            c.setAutoCommit(false);
            try {
                head.accept(AuditLog.head(c));
                AuditSearch.forEach(c, filter, each);
            } finally {
                c.rollback(); // a read: nothing to keep, and the snapshot is let go
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** The actors, actions and kinds of record the log holds, for its filters. */
    public org.custodian.model.audit.AuditChoices auditChoices() {
        return read(AuditSearch::choices);
    }

    public String schemaVersion() {
        return read(c -> SchemaMigrations.currentVersion(c, file));
    }

    /** Records an event that changes no table row, such as a restore, in its own transaction. */
    public AuditEvent recordEvent(String entityType, String entityId, String action, Map<String, ?> after,
                                  String reason) {
        return inTransaction(tx -> tx.audit(entityType, entityId, action, null, after, reason));
    }

    /**
     * An online, verified copy of this file at {@code target}; safe while the window keeps working.
     *
     * @param replace whether an existing {@code target} may be replaced
     */
    public void backupTo(Path target, boolean replace) throws IOException {
        ensureOpen();
        SqliteFiles.copyVerified(file, target.toAbsolutePath(), replace);
    }

    /**
     * As {@link #backupTo(Path, boolean)}, and returns the copy's manifest (also written beside it as
     * {@code OUT.json} when {@code besideManifest}).
     */
    public BackupManifest backupDescribed(Path target, boolean replace, String kind, boolean besideManifest)
            throws IOException {
        ensureOpen();
        Path abs = target.toAbsolutePath();
        if (!replace && Files.exists(abs)) {
            // Refused before anything is written: not even the manifest beside it may change.
            throw new java.nio.file.FileAlreadyExistsException(abs.toString());
        }
        Instant now = Instant.now();
        BackupManifest[] described = new BackupManifest[1];
        SqliteFiles.copyVerified(file, abs, replace, copy -> {
            described[0] = BackupManifests.describe(copy, kind, file.getFileName().toString(), now);
            if (besideManifest) {
                BackupManifests.write(abs, described[0]);
            }
        });
        return described[0];
    }

    public BackupFolder backups() {
        return BackupFolder.besideFile(file);
    }

    // Set while one import made of several (the sample department) runs: it is backed up once, before it starts.
    private final ThreadLocal<Boolean> inOneImport = ThreadLocal.withInitial(() -> false);

    /**
     * Takes the verified backup every import starts with ({@code before-import} in the backups folder), then lets the
     * rotation drop what it no longer keeps. Skipped when the newest backup already holds this file's state.
     */
    public Optional<Path> backupBeforeImport() {
        if (access != Access.READ_WRITE || inOneImport.get()) {
            return Optional.empty();
        }
        return takeRoutineBackup("before-import");
    }

    /** Runs several imports as one: one backup before them all. */
    public <T> T asOneImport(java.util.function.Supplier<T> imports) {
        backupBeforeImport();
        boolean outer = !inOneImport.get();
        inOneImport.set(true);
        try {
            return imports.get();
        } finally {
            if (outer) {
                inOneImport.set(false);
            }
        }
    }

    /**
     * A routine backup into the backups folder, then rotation. Skipped when the newest backup in the folder already
     * holds this state (the same audit head and schema): a second copy of it would only push older ones out.
     */
    public Optional<Path> takeRoutineBackup(String kind) {
        BackupFolder folder = backups();
        AuditHead head = auditHead();
        boolean unchanged = folder.entries().stream().findFirst()
                .flatMap(org.custodian.model.workbench.BackupEntry::manifest)
                .map(m -> m.sameStateAs(head.sequence(), head.hash()) && m.schemaVersion().equals(schemaVersion()))
                .orElse(false);
        if (unchanged) {
            return Optional.empty();
        }
        try {
            Path taken = folder.takeVerified(kind);
            folder.prune(folder.rotation(), Instant.now(), java.time.ZoneId.systemDefault());
            return Optional.of(taken);
        } catch (IOException e) {
            throw new StoreException("The automatic backup (" + kind + ") of " + file + " failed: " + e.getMessage()
                    + ". Nothing was changed.", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c;
        while ((c = idleReaders.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (writer != null) {
            writeLock.lock();
            try (var s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.warn("Checkpoint on close failed for {}", file, e);
            } finally {
                try {
                    writer.close();
                } catch (SQLException ignored) {
                    // the OS closes it with the process
                }
                writeLock.unlock();
            }
        }
        if (lock != null) {
            lock.close();
        }
        LOG.info("Closed {}", file);
    }
}
