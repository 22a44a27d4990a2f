package org.custodian.logic.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.AuditHead;

/**
 * Writes the (filtered) audit log as CSV for the window and the command line: oldest first, one row per event
 * with what it changed in words, under a comment line naming the chain head the export was taken at, so a
 * reader can check the file against {@code audit verify --expect}.
 */
public final class AuditExport {

    public static final List<String> HEADER = List.of("seq", "time", "actor", "entity_type", "entity_id", "record",
            "action", "reason", "changes", "prev_hash", "hash");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail trail;
    private final ZoneId zone;

    public AuditExport(AuditTrail trail, ZoneId zone) {
        this.trail = trail;
        this.zone = zone;
    }

    /** What an export wrote: how many events, and the head of the chain they belong to. */
    public record Written(long events, AuditHead head) {
    }

    /**
     * Writes the events the filter selects to {@code out}, whole or not at all.
     *
     * @param filterWords the filter in words for the comment line ("" for the whole log)
     */
    public Written csv(AuditFilter filter, String filterWords, Path out, WorkProgress progress) throws IOException {
        long total = trail.count(filter);
        long[] written = {0};
        AuditHead[] head = {AuditHead.EMPTY};
        try {
            AtomicOutput.write(out, stream -> {
                SafeCsvWriter[] csv = new SafeCsvWriter[1];
                try {
                    trail.forEach(filter, h -> {
                        head[0] = h;
                        csv[0] = open(stream, h, filterWords);
                    }, entry -> {
                        AuditEvent e = entry.event();
                        row(csv[0], List.of(Long.toString(e.sequence()), time(e), e.actor(), e.entityType(),
                                e.entityId(), entry.record(), e.action(), e.reason() == null ? "" : e.reason(),
                                AuditDiff.describe(AuditDiff.of(e)), e.previousHash(), e.hash() == null ? "" : e.hash()));
                        if (++written[0] % 1000 == 0) {
                            if (progress.isCancelled()) {
                                throw new CancelledException();
                            }
                            progress.update(written[0], total);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                csv[0].close();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.update(total, total);
        return new Written(written[0], head[0]);
    }

    private SafeCsvWriter open(java.io.OutputStream stream, AuditHead head, String filterWords) {
        List<String> comments = new ArrayList<>();
        comments.add("Custodian audit log; chain head " + head.asText() + " (check it with: audit verify --expect "
                + head.asText() + ")");
        comments.add("Filter: " + (filterWords == null || filterWords.isBlank() ? "the whole log" : filterWords)
                + "; times in " + zone.getId() + "; written " + LOCAL.format(ZonedDateTime.now(zone)));
        try {
            return new SafeCsvWriter(stream, comments, HEADER, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(SafeCsvWriter csv, List<String> cells) {
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(AuditEvent e) {
        return time(e.occurredAt(), zone);
    }

    /** A time in {@code zone} to the second, with the zone's offset so it is never ambiguous. */
    public static String time(java.time.Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
