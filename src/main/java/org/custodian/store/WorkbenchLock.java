package org.custodian.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;
import org.custodian.model.workbench.LockHolder;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;

/**
 * Keeps a second Custodian from writing the same workbench file. An OS file lock on {@code <file>.lock} is held
 * while the file is open for writing; the operating system drops it when the process dies, even by kill -9, so
 * no stale lock outlives a crash. The holder writes who it is into the file so a refused instance can say so.
 */
public final class WorkbenchLock implements AutoCloseable {

    // Lock one byte far past the text so the holder's details stay readable where locks are mandatory (Windows).
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    // Locks this JVM holds, by the real path of the workbench file. Checked before the lock file is touched:
    // on POSIX systems closing any handle to a file drops every lock the process holds on it, so a second
    // attempt from this process must never open (and close) the lock file.
    private static final java.util.concurrent.ConcurrentHashMap<Path, LockHolder> HELD =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path key;
    private final LockHolder me;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkbenchLock(Path key, LockHolder me, FileChannel channel, FileLock lock) {
        this.key = key;
        this.me = me;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFileOf(Path workbenchFile) {
        return workbenchFile.resolveSibling(workbenchFile.getFileName() + ".lock");
    }

    /** The file itself, through any symbolic links, so two names of one file share one lock. */
    static Path realPathOf(Path workbenchFile) {
        try {
            return workbenchFile.toRealPath();
        } catch (IOException e) {
            return workbenchFile.toAbsolutePath().normalize();
        }
    }

    public static WorkbenchLock acquire(Path workbenchFile, String actor) {
        Path key = realPathOf(workbenchFile);
        LockHolder me = new LockHolder(ProcessHandle.current().pid(), actor, hostName(), Instant.now());
        LockHolder already = HELD.putIfAbsent(key, me);
        if (already != null) {
            throw locked(workbenchFile, already);
        }
        Path lockFile = lockFileOf(key);
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.createFile(lockFile);
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null; // cannot happen while HELD guards this JVM; treated as held elsewhere
            }
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                throw locked(workbenchFile, readHolder(lockFile));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describe(actor).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new WorkbenchLock(key, me, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new WorkbenchAccessException(Reason.NOT_WRITABLE, workbenchFile,
                    "Cannot lock " + workbenchFile + " for writing: " + e.getMessage(), e);
        }
    }

    private static WorkbenchAccessException locked(Path workbenchFile, LockHolder holder) {
        return new WorkbenchAccessException(Reason.LOCKED, workbenchFile,
                workbenchFile + " is open for writing in another Custodian (" + holder.describe()
                        + "); close it there, or open this file read-only.", holder, null);
    }

    private static String describe(String actor) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("user", actor);
        p.setProperty("host", hostName());
        p.setProperty("since", Instant.now().toString());
        var out = new java.io.StringWriter();
        p.store(out, "Custodian holds this workbench open for writing");
        return out.toString();
    }

    static LockHolder readHolder(Path lockFile) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(Files.readString(lockFile, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return new LockHolder(-1, "unknown user", "unknown host", null);
        }
        long pid;
        try {
            pid = Long.parseLong(p.getProperty("pid", "-1"));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Instant since = null;
        try {
            since = p.getProperty("since") == null ? null : Instant.parse(p.getProperty("since"));
        } catch (java.time.format.DateTimeParseException ignored) {
            // an unreadable time is left out of the message
        }
        return new LockHolder(pid, p.getProperty("user", "unknown user"), p.getProperty("host", "unknown host"), since);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this computer";
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException ignored) {
            // the OS drops the lock with the channel anyway
        } finally {
            closeQuietly(channel);
            HELD.remove(key, me);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
