package org.custodian.model.workbench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which routine backups to keep: the newest {@code keepLast}, plus the newest of each of the last
 * {@code keepWeeks} calendar weeks (Monday to Sunday). Backups taken before a migration or a restore are never
 * routine: they are kept until someone deletes them.
 */
public record BackupRotation(int keepLast, int keepWeeks) {

    public static final BackupRotation DEFAULT = new BackupRotation(10, 8);
    public static final int MAX_KEEP_LAST = 1000;
    public static final int MAX_KEEP_WEEKS = 520;

    /** The kinds of backup that rotation may delete; every other kind is kept. */
    public static final Set<String> ROUTINE_KINDS = Set.of("opening", "daily", "before-import");

    public BackupRotation {
        if (keepLast < 1 || keepLast > MAX_KEEP_LAST) {
            throw new IllegalArgumentException("keep-last must be between 1 and " + MAX_KEEP_LAST + ", not " + keepLast);
        }
        if (keepWeeks < 0 || keepWeeks > MAX_KEEP_WEEKS) {
            throw new IllegalArgumentException("keep-weeks must be between 0 and " + MAX_KEEP_WEEKS + ", not "
                    + keepWeeks);
        }
    }

    public static boolean isRoutine(String kind) {
        return ROUTINE_KINDS.contains(kind);
    }

    /** A routine backup's time, for choosing what to keep. */
    public record Taken<T>(T backup, Instant at) {
    }

    /**
     * The routine backups to delete, given them newest first. Keeps the newest {@code keepLast}, then the newest
     * in each of the {@code keepWeeks} weeks up to and including the one {@code now} falls in.
     */
    public <T> List<T> toDelete(List<Taken<T>> newestFirst, Instant now, ZoneId zone) {
        LocalDate thisMonday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstKeptMonday = thisMonday.minusWeeks(Math.max(0, keepWeeks - 1));
        Set<LocalDate> weeksKept = new HashSet<>();
        List<T> delete = new ArrayList<>();
        int index = 0;
        for (Taken<T> t : newestFirst) {
            LocalDate monday = LocalDate.ofInstant(t.at(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            boolean keep = index < keepLast
                    || (keepWeeks > 0 && !monday.isBefore(firstKeptMonday) && weeksKept.add(monday));
            if (index < keepLast) {
                weeksKept.add(monday); // a week already represented by a recent backup needs no other
            }
            if (!keep) {
                delete.add(t.backup());
            }
            index++;
        }
        return delete;
    }
}
