package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.model.classification.AccessReview;

/** Access-rights reviews: appended with their audit event on the dataset, never changed (triggers refuse it). */
public final class AccessReviewRepository {

    public static final String ACTION = "access-review";

    private final Database database;

    public AccessReviewRepository(Database database) {
        this.database = database;
    }

    /** The dataset's reviews, newest first. */
    public List<AccessReview> forDataset(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.id, r.dataset_id, d.code, r.reviewer, r.reviewed_on, r.scope, r.findings, r.actions,
                           r.next_due, r.recorded_at, r.recorded_by
                    FROM access_review r JOIN dataset d ON d.id = r.dataset_id
                    WHERE r.dataset_id = ? ORDER BY r.reviewed_on DESC, r.seq DESC""")) {
                ps.setString(1, datasetId.toString());
                List<AccessReview> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AccessReview(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                                rs.getString(3), rs.getString(4), LocalDate.parse(rs.getString(5)), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9) == null ? null
                                        : LocalDate.parse(rs.getString(9)), Instant.parse(rs.getString(10)),
                                rs.getString(11)));
                    }
                }
                return list;
            }
        });
    }

    /** Appends the review (its id and stamps already set) and its audit event. */
    public void append(Tx tx, AccessReview r) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO access_review (id, dataset_id, reviewer, reviewed_on, scope, findings, actions, next_due,
                        recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setString(1, r.id().toString());
            ps.setString(2, r.datasetId().toString());
            ps.setString(3, r.reviewer());
            ps.setString(4, r.reviewedOn().toString());
            ps.setString(5, r.scope());
            ps.setString(6, r.findings());
            ps.setString(7, r.actions());
            ps.setString(8, r.nextDue() == null ? null : r.nextDue().toString());
            ps.setString(9, r.recordedAt().toString());
            ps.setString(10, r.recordedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the access review of " + r.datasetCode() + ": " + e.getMessage(), e);
        }
        ReviewQueueRepository.refresh(tx, r.datasetId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("access_review", r.id().toString());
        after.put("reviewer", r.reviewer());
        after.put("reviewed_on", r.reviewedOn().toString());
        after.put("scope", r.scope());
        after.put("findings", r.findings());
        if (r.actions() != null) {
            after.put("actions", r.actions());
        }
        if (r.nextDue() != null) {
            after.put("next_due", r.nextDue().toString());
        }
        tx.audit(DatasetRepository.ENTITY, r.datasetId().toString(), ACTION, null, after, r.findings());
    }
}
