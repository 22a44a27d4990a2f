package org.custodian.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What only SQLite knows about its files: the header, integrity checks, and an online copy that is verified. */
public final class SqliteFiles {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFiles() {
    }

    /** Refuses a path that is missing, a folder, unreadable or not an SQLite file, with the reason. */
    public static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new WorkbenchAccessException(Reason.MISSING, file, file + " does not exist.", null);
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchAccessException(Reason.NOT_A_FILE, file, file + " is not a file.", null);
        }
        if (!Files.isReadable(file)) {
            throw new WorkbenchAccessException(Reason.UNREADABLE, file,
                    file + " cannot be read: permission denied.", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEADER.length);
            if (head.length == 0) {
                return; // an empty file is a new database to SQLite
            }
            if (!Arrays.equals(head, HEADER)) {
                throw new WorkbenchAccessException(Reason.NOT_SQLITE, file,
                        file + " is not a Custodian workbench: it is not an SQLite database file.", null);
            }
        } catch (IOException e) {
            throw new WorkbenchAccessException(Reason.UNREADABLE, file, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Runs {@code PRAGMA quick_check} (or the full integrity_check) and throws CORRUPT with its first finding. */
    static void checkIntegrity(Connection connection, Path file, boolean full) {
        String pragma = full ? "PRAGMA integrity_check" : "PRAGMA quick_check";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(first)) {
                throw new WorkbenchAccessException(Reason.CORRUPT, file,
                        file + " is damaged (SQLite " + (full ? "integrity" : "quick") + " check: " + first + ").", null);
            }
        } catch (SQLException e) {
            throw translate(e, file, "checking");
        }
    }

    /** Full integrity check of a file on its own read-only connection; true when SQLite answers "ok". */
    public static boolean passesIntegrityCheck(Path file) {
        try {
            checkReadable(file);
            try (Connection c = Connections.open(file, true)) {
                checkIntegrity(c, file, true);
                return true;
            }
        } catch (WorkbenchAccessException | SQLException e) {
            return false;
        }
    }

    /** Turns a driver error met while opening or reading into the user's reason. */
    static WorkbenchAccessException translate(SQLException e, Path file, String doing) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new WorkbenchAccessException(Reason.NOT_SQLITE, file,
                        file + " is not a Custodian workbench: SQLite says it is not a database.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code.code == 11) {
                return new WorkbenchAccessException(Reason.CORRUPT, file,
                        file + " is damaged: SQLite reports a malformed database.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || (code.code & 0xff) == 5 || (code.code & 0xff) == 6) {
                return new WorkbenchAccessException(Reason.LOCKED, file,
                        file + " is locked by another program; try again when it is done.", e);
            }
            if ((code.code & 0xff) == 8 || (code.code & 0xff) == 14) {
                return new WorkbenchAccessException(Reason.NOT_WRITABLE, file,
                        file + " cannot be opened for writing (read-only file or folder).", e);
            }
        }
        return new WorkbenchAccessException(Reason.IO, file,
                "Database error while " + doing + " " + file + ": " + e.getMessage(), e);
    }

    /**
     * Copies a live database into {@code target} with {@code VACUUM INTO} (which reads through SQLite, WAL
     * included), checks the copy's integrity, flushes it to disk and only then gives it its final name, so no
     * half-written file is ever presented as a backup.
     *
     * @param replace whether an existing {@code target} may be replaced
     */
    static void copyVerified(Path source, Path target, boolean replace) throws IOException {
        copyVerified(source, target, replace, null);
    }

    /** Work on a verified copy before it takes its final name (its manifest is written then). */
    @FunctionalInterface
    interface BeforePublish {
        void accept(Path verifiedCopy) throws IOException;
    }

    /** As {@link #copyVerified(Path, Path, boolean)}, running {@code beforePublish} on the checked copy. */
    static void copyVerified(Path source, Path target, boolean replace, BeforePublish beforePublish)
            throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        OwnerOnlyFiles.createDirectories(parent);
        if (sameFile(source, target)) {
            // Another name of the live file (a link, a case-insensitive disk): replacing it would cut the open
            // workbench off from its own file.
            throw new IOException("cannot write " + target + ": it is the workbench file itself");
        }
        Path partial = parent.resolve(target.getFileName() + ".part");
        try {
            // Made empty and owner-only first, and only by us: VACUUM INTO accepts an empty file, and the copy
            // is never readable by others, even for a moment, in a folder the user chose.
            fileStep(target, () -> {
                Files.deleteIfExists(partial);
                OwnerOnlyFiles.createNew(partial);
            });
            try (Connection c = Connections.open(source, true);
                 PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toAbsolutePath().toString());
                vacuum.execute();
            } catch (SQLException e) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            try (Connection c = Connections.open(partial, true)) {
                checkIntegrity(c, partial, true);
            } catch (SQLException | WorkbenchAccessException e) {
                throw new IOException("the copy written to " + target + " failed its integrity check", e);
            }
            if (beforePublish != null) {
                beforePublish.accept(partial);
            }
            fileStep(target, () -> {
                fsync(partial);
                if (replace) {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    moveWithoutReplacing(partial, target);
                }
            });
            fsyncDirectory(parent);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private interface FileStep {
        void run() throws IOException;
    }

    /** Runs file-system work whose errors would otherwise name the .part file, not the one the user chose. */
    private static void fileStep(Path target, FileStep step) throws IOException {
        try {
            step.run();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + why(e), e);
        }
    }

    /** NIO puts only the path in its messages; say what went wrong instead. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist or does not accept new files";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    /**
     * Renames {@code from} to {@code to} unless {@code to} exists, atomically: a hard link fails when the name is
     * taken (a rename would silently replace it). Falls back to check-then-move where links are not supported.
     */
    private static void moveWithoutReplacing(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
            Files.delete(from);
            return;
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            throw exists;
        } catch (UnsupportedOperationException linksNotSupported) {
            // e.g. FAT-formatted USB disks: fall through to check-then-move
        } catch (java.nio.file.FileSystemException linkRefused) {
            // e.g. network shares that refuse hard links: fall through to check-then-move
        }
        if (Files.exists(to)) {
            throw new java.nio.file.FileAlreadyExistsException(to.toString());
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether two paths name one file, through links and folder links; false when either is missing. */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
            Path parent = b.toAbsolutePath().getParent();
            return parent != null && Files.exists(parent)
                    && parent.toRealPath().resolve(b.getFileName()).equals(a.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** A plain byte copy for files SQLite can no longer read, so a damaged file is kept, never overwritten. */
    static void copyBytes(Path source, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        OwnerOnlyFiles.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        OwnerOnlyFiles.restrict(partial);
        fsync(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.toAbsolutePath().getParent());
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every platform can open a folder; the rename is still atomic
        }
    }
}
