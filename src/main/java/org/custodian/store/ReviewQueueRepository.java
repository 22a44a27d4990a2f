package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;

/**
 * The reviews falling due, computed from the records themselves: a classification review is due on the
 * current decision's review date; an access review on the last access review's next-due date, or, before the
 * first one, the current decision's effective date plus the level's access-review interval. Retired and
 * superseded datasets are left out.
 */
public final class ReviewQueueRepository {

    private static final String LATEST_DECISION = """
            (SELECT x.seq FROM classification_decision x WHERE x.dataset_id = d.id AND x.status = 'confirmed'
             ORDER BY x.effective_from DESC, x.seq DESC LIMIT 1)""";
    private static final String CLASSIFICATION = """
            SELECT 'classification', d.id, d.code, coalesce(d.title_en, d.title_tc), d.department, d.classification,
                   c.review_due AS due, c.effective_from
            FROM dataset d JOIN classification_decision c ON c.seq = """ + LATEST_DECISION + " " + """
            WHERE d.lifecycle_status IN ('draft', 'active') AND c.review_due IS NOT NULL""";
    private static final String ACCESS = """
            SELECT 'access', d.id, d.code, coalesce(d.title_en, d.title_tc), d.department, d.classification,
                   coalesce(r.next_due, date(coalesce(r.reviewed_on, c.effective_from),
                                             '+' || l.access_review_months || ' months')) AS due,
                   r.reviewed_on
            FROM dataset d
            JOIN classification_level l ON l.code = d.classification AND l.access_review_months IS NOT NULL
            JOIN classification_decision c ON c.seq = """ + LATEST_DECISION + " " + """
            LEFT JOIN access_review r ON r.seq = (SELECT y.seq FROM access_review y WHERE y.dataset_id = d.id
                                                  ORDER BY y.reviewed_on DESC, y.seq DESC LIMIT 1)
            WHERE d.lifecycle_status IN ('draft', 'active')""";

    private final Database database;

    public ReviewQueueRepository(Database database) {
        this.database = database;
    }

    /** The reviews the query asks for, overdue first, then by due date, kind and code. */
    public List<DueReview> due(ReviewQuery query) {
        StringBuilder filter = new StringBuilder(" AND due <= ?");
        List<String> args = new ArrayList<>();
        args.add(query.until().isAfter(LocalDate.of(9999, 12, 31)) ? "9999-12-31" : query.until().toString());
        if (query.department() != null) {
            filter.append(" AND d.department = ?");
            args.add(query.department());
        }
        if (query.level() != null) {
            filter.append(" AND d.classification = ?");
            args.add(query.level());
        }
        List<String> parts = new ArrayList<>();
        if (query.kind() == null || query.kind() == ReviewKind.CLASSIFICATION) {
            parts.add(CLASSIFICATION + filter.toString().replace("due <=", "c.review_due <="));
        }
        if (query.kind() == null || query.kind() == ReviewKind.ACCESS) {
            // The access due date is computed, so the filter applies to the computed rows.
            parts.add("SELECT * FROM (" + ACCESS + ") d WHERE 1 = 1" + filter);
        }
        String sql = String.join(" UNION ALL ", parts) + " ORDER BY 7, 1 DESC, 3";
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int p = 0; p < parts.size(); p++) {
                    for (String a : args) {
                        ps.setString(i++, a);
                    }
                }
                List<DueReview> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DueReview("access".equals(rs.getString(1)) ? ReviewKind.ACCESS
                                : ReviewKind.CLASSIFICATION, UUID.fromString(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), LocalDate.parse(rs.getString(7)),
                                rs.getString(8) == null ? null : LocalDate.parse(rs.getString(8))));
                    }
                }
                return due;
            }
        });
    }
}
