package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;

/**
 * The reviews falling due. The {@code review_due} table holds one row per dataset and kind, rewritten from the
 * records by the transaction that changes them (a decision, an access review, a new scheme), so the queue is a
 * range read of its date index. A classification review is due on the current decision's review date; an access
 * review on the last access review's next-due date or, before the first one, the current decision's effective
 * date plus the level's access-review interval — and when the level was decided after the last access review (a
 * level raised to one reviewed more often), no later than that decision's date plus the new interval. Retired and
 * superseded datasets are left out when listing.
 */
public final class ReviewQueueRepository {

    private static final String LATEST_DECISION = """
            (SELECT x.seq FROM classification_decision x WHERE x.dataset_id = d.id AND x.status = 'confirmed'
             ORDER BY x.effective_from DESC, x.seq DESC LIMIT 1)""";
    /** What the queue holds, computed from the records: the definition the stored rows follow. */
    private static final String COMPUTED = """
            SELECT d.id, 'classification', c.review_due, c.effective_from
            FROM dataset d JOIN classification_decision c ON c.seq = """ + LATEST_DECISION + " " + """
            WHERE c.review_due IS NOT NULL AND %1$s
            UNION ALL
            SELECT d.id, 'access',
                   CASE WHEN r.reviewed_on IS NULL THEN """ + " " + plusMonths("c.effective_from",
            "l.access_review_months")
            + " WHEN r.reviewed_on < c.effective_from THEN min(coalesce(r.next_due, " + plusMonths("r.reviewed_on",
            "l.access_review_months") + "), " + plusMonths("c.effective_from", "l.access_review_months") + ")"
            + " ELSE coalesce(r.next_due, " + plusMonths("r.reviewed_on", "l.access_review_months") + ") END, " + """
                   r.reviewed_on
            FROM dataset d
            JOIN classification_level l ON l.code = d.classification AND l.access_review_months IS NOT NULL
            JOIN classification_decision c ON c.seq = """ + LATEST_DECISION + " " + """
            LEFT JOIN access_review r ON r.seq = (SELECT y.seq FROM access_review y WHERE y.dataset_id = d.id
                                                 ORDER BY y.reviewed_on DESC, y.seq DESC LIMIT 1)
            WHERE %1$s""";
    private static final String REFRESH_ONE = "INSERT INTO review_due (dataset_id, kind, due_on, last_done_on) "
            + COMPUTED.formatted("d.id = ?1");
    private static final String REFRESH_ALL = "INSERT INTO review_due (dataset_id, kind, due_on, last_done_on) "
            + COMPUTED.formatted("1 = 1");

    /** The datasets whose reviews the queue lists: those drafted or in use (the reviews page and the dashboard). */
    static final String LISTED = "d.lifecycle_status IN ('draft', 'active')";

    private final Database database;

    /**
     * SQL for {@code date} plus {@code months} as Java's {@code plusMonths} counts: a day past the end of the
     * target month becomes its last day (31 October + 6 months is 30 April), where SQLite alone would roll over.
     */
    static String plusMonths(String date, String months) {
        return "min(date(" + date + ", '+' || " + months + " || ' months'), date(" + date
                + ", 'start of month', '+' || (" + months + " + 1) || ' months', '-1 day'))";
    }

    public ReviewQueueRepository(Database database) {
        this.database = database;
    }

    /** Rewrites the dataset's queue rows from its records, inside the transaction that changed them. */
    public static void refresh(Tx tx, UUID datasetId) {
        try {
            PreparedStatement delete = tx.prepare("DELETE FROM review_due WHERE dataset_id = ?");
            delete.setString(1, datasetId.toString());
            delete.executeUpdate();
            PreparedStatement insert = tx.prepare(REFRESH_ONE);
            insert.setString(1, datasetId.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update the reviews due of dataset " + datasetId + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites every queue row (a scheme with other intervals, or an import that recorded many decisions). */
    public static void refreshAll(Tx tx) {
        try {
            tx.prepare("DELETE FROM review_due").executeUpdate();
            tx.prepare(REFRESH_ALL).executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot rebuild the reviews due: " + e.getMessage(), e);
        }
    }

    /** How many reviews of datasets in use fell due before {@code today}. */
    public long overdueCount(LocalDate today) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM review_due r CROSS JOIN dataset d
                    WHERE d.id = r.dataset_id AND r.due_on < ? AND""" + " " + LISTED)) {
                ps.setString(1, today.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** The dataset's reviews due (at most one of each kind), whatever its lifecycle. */
    public List<DueReview> forDataset(UUID datasetId) {
        return list(" WHERE d.id = r.dataset_id AND r.dataset_id = ? ORDER BY r.due_on", List.of(datasetId.toString()));
    }

    /**
     * The reviews the query asks for, overdue first, then by due date, kind and code. CROSS JOIN keeps the date
     * index as the outer loop (SQLite would otherwise start from the dataset's lifecycle index and read them all).
     */
    public List<DueReview> due(ReviewQuery query) {
        StringBuilder sql = new StringBuilder(
                " WHERE d.id = r.dataset_id AND r.due_on <= ? AND " + LISTED);
        List<String> args = new ArrayList<>();
        args.add(query.until().isAfter(LocalDate.of(9999, 12, 31)) ? "9999-12-31" : query.until().toString());
        if (query.kind() != null) {
            sql.append(" AND r.kind = ?");
            args.add(query.kind().code());
        }
        if (query.department() != null) {
            sql.append(" AND d.department = ? COLLATE NOCASE");
            args.add(query.department());
        }
        if (query.level() != null) {
            sql.append(" AND d.classification = ?");
            args.add(query.level());
        }
        sql.append(" ORDER BY r.due_on, r.kind DESC, d.code");
        return list(sql.toString(), args);
    }

    private List<DueReview> list(String where, List<String> args) {
        String sql = """
                SELECT r.kind, d.id, d.code, coalesce(d.title_en, d.title_tc), d.department, d.classification,
                       r.due_on, r.last_done_on, d.title_tc
                FROM review_due r CROSS JOIN dataset d""" + where;
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                List<DueReview> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DueReview("access".equals(rs.getString(1)) ? ReviewKind.ACCESS
                                : ReviewKind.CLASSIFICATION, UUID.fromString(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(9), rs.getString(5), rs.getString(6),
                                LocalDate.parse(rs.getString(7)),
                                rs.getString(8) == null ? null : LocalDate.parse(rs.getString(8))));
                    }
                }
                return due;
            }
        });
    }
}
