package org.custodian.model.workbench;

import java.nio.file.Path;

/**
 * A workbench file that cannot be opened or written, with the reason in the user's words. The message names the
 * file and the fault; the cause (if any) is for the log.
 */
public class WorkbenchAccessException extends RuntimeException {

    /** Why a file was refused; the UI picks its text and next step from this. */
    public enum Reason {
        MISSING, NOT_A_FILE, UNREADABLE, NOT_WRITABLE, NOT_SQLITE, CORRUPT, NOT_A_WORKBENCH, NEWER_SCHEMA,
        OLDER_SCHEMA, LOCKED, MIGRATION_FAILED, EXISTS, IO
    }

    private final Reason reason;
    private final transient Path file;
    private final LockHolder holder;

    public WorkbenchAccessException(Reason reason, Path file, String message, Throwable cause) {
        this(reason, file, message, null, cause);
    }

    public WorkbenchAccessException(Reason reason, Path file, String message, LockHolder holder, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.holder = holder;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    /** Who holds the file, for {@link Reason#LOCKED}; null otherwise. */
    public LockHolder holder() {
        return holder;
    }

    /** A backup may help when the file itself is damaged or unreadable as a workbench. */
    public boolean restoreMayHelp() {
        return reason == Reason.NOT_SQLITE || reason == Reason.CORRUPT || reason == Reason.NOT_A_WORKBENCH
                || reason == Reason.MISSING || reason == Reason.UNREADABLE;
    }
}
