package org.custodian.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.Criterion;
import org.custodian.model.classification.DecisionStatus;
import org.custodian.model.inventory.CodedValue;

/**
 * Classification decisions: appended, never changed (the table's triggers refuse UPDATE and DELETE). Appending
 * a confirmed decision that becomes the dataset's latest sets the dataset's level in the same transaction, with
 * an audit event on the dataset that holds the whole decision.
 */
public final class DecisionRepository {

    public static final String ACTION = "classify";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            c.id, c.dataset_id, d.code, c.status, c.level, c.previous_level, c.rationale, c.criteria, c.proposed_by,
            c.decided_by, c.approved_by, c.justification, c.effective_from, c.review_due, c.declassify_on,
            c.declassify_event, c.supersedes, c.recorded_at, c.recorded_by""";
    private static final String FROM = " FROM classification_decision c JOIN dataset d ON d.id = c.dataset_id";
    private static final String CURRENT = "SELECT " + COLUMNS + FROM + " " + """
            WHERE c.dataset_id = ? AND c.status = 'confirmed'
            ORDER BY c.effective_from DESC, c.seq DESC LIMIT 1""";
    private static final String INSERT = """
            INSERT INTO classification_decision (id, dataset_id, status, level, previous_level, rationale, criteria,
                proposed_by, decided_by, approved_by, justification, effective_from, review_due, declassify_on,
                declassify_event, supersedes, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Database database;

    public DecisionRepository(Database database) {
        this.database = database;
    }

    /** The dataset's decisions, newest first (by effective date, then recording order). */
    public List<ClassificationDecision> forDataset(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE c.dataset_id = ? ORDER BY c.effective_from DESC, c.seq DESC")) {
                ps.setString(1, datasetId.toString());
                return all(ps);
            }
        });
    }

    /** The decision that sets the dataset's level now, inside a write transaction. */
    public Optional<ClassificationDecision> current(Tx tx, UUID datasetId) {
        try {
            PreparedStatement ps = tx.prepare(CURRENT);
            ps.setString(1, datasetId.toString());
            List<ClassificationDecision> found = all(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Cannot read the decisions of dataset " + datasetId, e);
        }
    }

    /**
     * The confirmed decision in force on {@code date}: the latest effective on or before it (a backdated decision
     * follows the one in force at its date, not the one in force today).
     */
    public Optional<ClassificationDecision> inForce(Tx tx, UUID datasetId, LocalDate date) {
        try {
            PreparedStatement ps = tx.prepare("SELECT " + COLUMNS + FROM + " " + """
                    WHERE c.dataset_id = ? AND c.status = 'confirmed' AND c.effective_from <= ?
                    ORDER BY c.effective_from DESC, c.seq DESC LIMIT 1""");
            ps.setString(1, datasetId.toString());
            ps.setString(2, date.toString());
            List<ClassificationDecision> found = all(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Cannot read the decisions of dataset " + datasetId, e);
        }
    }

    /** As {@link #inForce(Tx, UUID, LocalDate)}, on a read connection (a dry run). */
    public Optional<ClassificationDecision> inForce(UUID datasetId, LocalDate date) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " " + """
                    WHERE c.dataset_id = ? AND c.status = 'confirmed' AND c.effective_from <= ?
                    ORDER BY c.effective_from DESC, c.seq DESC LIMIT 1""")) {
                ps.setString(1, datasetId.toString());
                ps.setString(2, date.toString());
                List<ClassificationDecision> found = all(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    public Optional<ClassificationDecision> current(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
                ps.setString(1, datasetId.toString());
                List<ClassificationDecision> found = all(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    private static final String RECORDED_FOR = """
            SELECT d.code FROM classification_decision c JOIN dataset d ON d.id = c.dataset_id WHERE c.id = ?""";

    /**
     * The code of the dataset a recorded decision with this id is about (a re-imported export skips the decisions
     * it already has), or empty.
     */
    public Optional<String> recordedFor(Tx tx, UUID id) {
        try {
            PreparedStatement ps = tx.prepare(RECORDED_FOR);
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot look decision " + id + " up", e);
        }
    }

    public Optional<String> recordedFor(UUID id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RECORDED_FOR)) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every decision, in recording order, to {@code sink}. */
    public long forEach(Consumer<ClassificationDecision> sink) {
        return database.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " ORDER BY c.seq")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    public long count() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM classification_decision");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Appends {@code d} (its id and stamps already set) and, when it is confirmed and now the dataset's latest,
     * sets the dataset's level to it, and updates the dataset's reviews due. Returns whether the level changed.
     */
    public boolean append(Tx tx, ClassificationDecision d) {
        return append(tx, d, true);
    }

    /**
     * As {@link #append(Tx, ClassificationDecision)}; an import recording thousands of decisions passes
     * {@code refreshQueue = false} and rebuilds the queue once at its end.
     */
    public boolean append(Tx tx, ClassificationDecision d, boolean refreshQueue) {
        insert(tx, d);
        boolean levelChanged = d.confirmed() && applyLevel(tx, d);
        if (refreshQueue) {
            ReviewQueueRepository.refresh(tx, d.datasetId());
        }
        audit(tx, d);
        return levelChanged;
    }

    /**
     * Appends the first decision of a dataset created in this transaction with that decision's level already
     * stored (an import): it is the latest by construction, so there is no level to set. The import rebuilds the
     * queue at its end.
     */
    public void appendFirst(Tx tx, ClassificationDecision d) {
        if (!d.confirmed() || d.supersedes() != null) {
            throw new IllegalArgumentException("not the first confirmed decision of a new dataset: " + d.id());
        }
        insert(tx, d);
        audit(tx, d);
    }

    private static void insert(Tx tx, ClassificationDecision d) {
        try {
            PreparedStatement ps = tx.prepare(INSERT);
            ps.setString(1, d.id().toString());
            ps.setString(2, d.datasetId().toString());
            ps.setString(3, d.status().code());
            ps.setString(4, d.level());
            ps.setString(5, d.previousLevel());
            ps.setString(6, d.rationale());
            ps.setString(7, criteriaJson(d.criteria()));
            ps.setString(8, d.proposedBy());
            ps.setString(9, d.decidedBy());
            ps.setString(10, d.approvedBy());
            ps.setString(11, d.justification());
            ps.setString(12, d.effectiveFrom().toString());
            ps.setString(13, text(d.reviewDue()));
            ps.setString(14, text(d.declassifyOn()));
            ps.setString(15, d.declassifyEvent());
            ps.setString(16, d.supersedes() == null ? null : d.supersedes().toString());
            ps.setString(17, d.recordedAt().toString());
            ps.setString(18, d.recordedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the decision for dataset " + d.datasetCode() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Sets the dataset's level to that of its latest confirmed decision; returns whether it changed. */
    private boolean applyLevel(Tx tx, ClassificationDecision d) {
        String now = current(tx, d.datasetId()).map(ClassificationDecision::level).orElse(null);
        try {
            // updated_at stays: it dates the record's own fields (an editor open on it can still save), and the
            // level keeps its own history in the decisions.
            PreparedStatement ps = tx.prepare(
                    "UPDATE dataset SET classification = ? WHERE id = ? AND classification IS NOT ?");
            ps.setString(1, now);
            ps.setString(2, d.datasetId().toString());
            ps.setString(3, now);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot set the level of dataset " + d.datasetCode() + ": " + e.getMessage(), e);
        }
    }

    private static void audit(Tx tx, ClassificationDecision d) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("classification", d.previousLevel());
        tx.audit(DatasetRepository.ENTITY, d.datasetId().toString(), d.confirmed() ? ACTION : "propose-level",
                before, snapshot(d), d.rationale());
    }

    /** The decision as its audit event records it (CSV column names). */
    public static Map<String, Object> snapshot(ClassificationDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d.id().toString());
        m.put("status", d.status().code());
        m.put("classification", d.level());
        m.put("rationale", d.rationale());
        d.criteria().forEach((k, v) -> m.put(k.header(), v));
        putIf(m, "proposed_by", d.proposedBy());
        putIf(m, "decided_by", d.decidedBy());
        putIf(m, "approved_by", d.approvedBy());
        putIf(m, "justification", d.justification());
        m.put("effective_from", d.effectiveFrom().toString());
        putIf(m, "review_due", text(d.reviewDue()));
        putIf(m, "declassify_on", text(d.declassifyOn()));
        putIf(m, "declassify_event", d.declassifyEvent());
        putIf(m, "supersedes", d.supersedes() == null ? null : d.supersedes().toString());
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static List<ClassificationDecision> all(PreparedStatement ps) throws SQLException {
        List<ClassificationDecision> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(read(rs));
            }
        }
        return list;
    }

    private static ClassificationDecision read(ResultSet rs) throws SQLException {
        String supersedes = rs.getString(17);
        return new ClassificationDecision(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                rs.getString(3), CodedValue.parse(DecisionStatus.class, rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), criteria(rs.getString(8)), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), LocalDate.parse(rs.getString(13)), date(rs.getString(14)),
                date(rs.getString(15)), rs.getString(16), supersedes == null ? null : UUID.fromString(supersedes),
                Instant.parse(rs.getString(18)), rs.getString(19));
    }

    private static String criteriaJson(Map<Criterion, String> criteria) {
        Map<String, String> m = new LinkedHashMap<>();
        criteria.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> m.put(e.getKey().code(), e.getValue()));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<Criterion, String> criteria(String json) {
        Map<Criterion, String> m = new EnumMap<>(Criterion.class);
        try {
            Map<String, String> raw = JSON.readValue(json, new TypeReference<Map<String, String>>() { });
            raw.forEach((k, v) -> {
                Criterion c = CodedValue.parse(Criterion.class, k);
                if (c != null) {
                    m.put(c, v);
                }
            });
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored decision's criteria are not readable: " + e.getMessage(), e);
        }
        return m;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
