package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.inventory.CodedValue;

/**
 * Assessments: the frozen templates they were made from, each revision with its linked datasets, answers, evidence,
 * risks, actions, and the append-only workflow. Every change appends its audit event in the same transaction.
 */
public final class AssessmentRepository {

    public static final String ENTITY = "assessment";

    private static final String COLUMNS = """
            a.id, a.reference, a.revision, a.title, a.subject_name, a.subject_kind, a.department, a.description,
            t.template_id, t.version, a.template_hash, a.status, a.created_at, a.created_by, a.updated_at, a.review_due,
            a.approved_hash, a.risk_level, a.risk_percent, a.progress,
            (SELECT group_concat(dataset_code, char(10)) FROM (SELECT ad.dataset_code FROM assessment_dataset ad
                WHERE ad.assessment_key = a.row_key ORDER BY ad.position))
            AS datasets""";
    private static final String FROM = " FROM assessment a JOIN assessment_template t ON t.hash = a.template_hash";

    private final Database database;

    private final TrashBin trash;

    public AssessmentRepository(Database database) {
        this.trash = new TrashBin(database);
        this.database = database;
    }

    // ---- templates -----------------------------------------------------------------------------------------

    /** Stores a template's file by its hash, once; later calls with the same hash change nothing. */
    public void freezeTemplate(Tx tx, String hash, String templateId, String version, String titleEn, String titleZh,
            String source) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT OR IGNORE INTO assessment_template (hash, template_id, version, title_en, title_zh, source,
                        frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
            ps.setString(1, hash);
            ps.setString(2, templateId);
            ps.setString(3, version);
            ps.setString(4, titleEn);
            ps.setString(5, titleZh);
            ps.setString(6, source);
            ps.setString(7, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store template " + templateId + " " + version + ": " + e.getMessage(), e);
        }
    }

    /** The stored file of the template with this hash. */
    public Optional<String> templateSource(String hash) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM assessment_template WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /**
     * Every revision, optionally of one status and one risk level ("" for those not rated yet), newest reference
     * first.
     */
    public List<Assessment> list(AssessmentStatus status, String riskLevel) {
        return database.read(c -> {
            List<String> terms = new java.util.ArrayList<>();
            List<String> args = new java.util.ArrayList<>();
            if (status != null) {
                terms.add("a.status = ?");
                args.add(status.code());
            }
            if (riskLevel != null && riskLevel.isBlank()) {
                terms.add("coalesce(a.risk_level, '') = ''");
            } else if (riskLevel != null) {
                terms.add("a.risk_level = ? COLLATE NOCASE");
                args.add(riskLevel.strip());
            }
            String sql = "SELECT " + COLUMNS + FROM + (terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms))
                    + " ORDER BY a.reference DESC, a.revision DESC";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                return rows(ps);
            }
        });
    }

    public Optional<Assessment> find(UUID key) {
        return database.read(c -> find(c, key));
    }

    /** A revision of {@code reference}; the latest when {@code revision} is 0. */
    public Optional<Assessment> find(String reference, int revision) {
        return database.read(c -> {
            String sql = "SELECT " + COLUMNS + FROM + " WHERE a.reference = ?"
                    + (revision > 0 ? " AND a.revision = ?" : "") + " ORDER BY a.revision DESC LIMIT 1";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, reference);
                if (revision > 0) {
                    ps.setInt(2, revision);
                }
                List<Assessment> found = rows(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** The lineage of the assessment a reference names here (the id of its first revision), if it is here. */
    public Optional<String> lineage(String reference) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lineage FROM assessment WHERE reference = ? ORDER BY revision LIMIT 1")) {
                ps.setString(1, reference);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The revisions of one assessment, oldest first. */
    public List<Assessment> revisions(String reference) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE a.reference = ? ORDER BY a.revision")) {
                ps.setString(1, reference);
                return rows(ps);
            }
        });
    }

    /**
     * The datasets an assessment links, in order: each code as written, with the inventory's dataset id when the
     * link was made to a dataset of this inventory (the id follows the dataset if its code is later changed).
     */
    public List<java.util.Map.Entry<String, UUID>> linkedDatasets(UUID assessmentKey) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT ad.dataset_code, d.id FROM assessment_dataset ad
                      JOIN assessment a ON a.row_key = ad.assessment_key
                      LEFT JOIN dataset d ON d.row_key = ad.dataset_key
                     WHERE a.id = ? ORDER BY ad.position""")) {
                ps.setString(1, assessmentKey.toString());
                List<java.util.Map.Entry<String, UUID>> out = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(2);
                        out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getString(1),
                                id == null ? null : UUID.fromString(id)));
                    }
                }
                return out;
            }
        });
    }

    /** The assessments that link a dataset, newest first. */
    public List<Assessment> linking(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + """
                     WHERE a.row_key IN (SELECT ad.assessment_key FROM assessment_dataset ad
                        JOIN dataset d ON d.row_key = ad.dataset_key WHERE d.id = ?)
                    ORDER BY a.reference DESC, a.revision DESC""")) {
                ps.setString(1, datasetId.toString());
                return rows(ps);
            }
        });
    }

    public long total() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM assessment");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The whole revision: answers, evidence, risks, actions and workflow. */
    public Optional<AssessmentRecord> load(UUID key) {
        return database.read(c -> load(c, key));
    }

    /** As {@link #load(UUID)}, inside a write transaction. */
    public AssessmentRecord load(Tx tx, UUID key) {
        try {
            return load(tx.connection(), key)
                    .orElseThrow(() -> new StoreException("Assessment " + key + " is no longer in the workbench", null));
        } catch (SQLException e) {
            throw new StoreException("Cannot read assessment " + key + ": " + e.getMessage(), e);
        }
    }

    public Optional<Assessment> find(Tx tx, String reference, int revision) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE a.reference = ? AND a.revision = ?")) {
            ps.setString(1, reference);
            ps.setInt(2, revision);
            List<Assessment> found = rows(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Cannot read assessment " + reference + ": " + e.getMessage(), e);
        }
    }

    /** The next free reference of the year: AS-2026-001, AS-2026-002, … */
    public String nextReference(Tx tx, int year) {
        String prefix = "AS-" + year + "-";
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT reference FROM assessment WHERE reference LIKE ? ORDER BY reference DESC")) {
            ps.setString(1, prefix + "%");
            int highest = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        highest = Math.max(highest, Integer.parseInt(rs.getString(1).substring(prefix.length())));
                    } catch (NumberFormatException ignored) {
                        // an imported reference in another form: it does not take a number
                    }
                }
            }
            return prefix + String.format("%03d", highest + 1);
        } catch (SQLException e) {
            throw new StoreException("Cannot number a new assessment: " + e.getMessage(), e);
        }
    }

    private static Optional<Assessment> find(Connection c, UUID key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE a.id = ?")) {
            ps.setString(1, key.toString());
            List<Assessment> found = rows(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static Optional<AssessmentRecord> load(Connection c, UUID key) throws SQLException {
        Optional<Assessment> found = find(c, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String id = key.toString();
        String sub = "(SELECT row_key FROM assessment WHERE id = ?)";
        Map<String, Answer> answers = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT question_id, value, note, active, prefilled_from,"
                + " changed_at, changed_by FROM assessment_answer WHERE assessment_key = " + sub)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getString(1), new Answer(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4) == 1, rs.getString(5), Instant.parse(rs.getString(6)), rs.getString(7)));
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, question_id, file_name, stored_name, sha256, size,"
                + " reference, added_by, added_at FROM assessment_evidence WHERE assessment_key = " + sub
                + " ORDER BY row_key")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    evidence.add(new Evidence(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                            Instant.parse(rs.getString(9))));
                }
            }
        }
        List<RiskEntry> risks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, description, likelihood, impact, mitigation,"
                + " residual_likelihood, residual_impact, owner, question_id FROM assessment_risk WHERE assessment_key = "
                + sub + " ORDER BY position, row_key")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    risks.add(new RiskEntry(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        List<PlannedAction> actions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, owner, due, status, question_id, risk_id"
                + " FROM assessment_action WHERE assessment_key = " + sub + " ORDER BY position, row_key")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String due = rs.getString(4);
                    String risk = rs.getString(7);
                    actions.add(new PlannedAction(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                            due == null ? null : LocalDate.parse(due),
                            CodedValue.parse(ActionStatus.class, rs.getString(5)), rs.getString(6),
                            risk == null || risk.isEmpty() ? null : UUID.fromString(risk)));
                }
            }
        }
        List<WorkflowStep> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, from_status, to_status, actor, role, at,"
                + " comment, content_hash FROM assessment_step WHERE assessment_key = " + sub + " ORDER BY sequence")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new WorkflowStep(rs.getInt(1), CodedValue.parse(AssessmentStatus.class, rs.getString(2)),
                            CodedValue.parse(AssessmentStatus.class, rs.getString(3)), rs.getString(4),
                            CodedValue.parse(ReviewRole.class, rs.getString(5)), Instant.parse(rs.getString(6)),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return Optional.of(new AssessmentRecord(found.get(), answers, evidence, risks, actions, steps));
    }

    private static List<Assessment> rows(PreparedStatement ps) throws SQLException {
        List<Assessment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String datasets = rs.getString(21);
                AssessmentSubject subject = new AssessmentSubject(rs.getString(5),
                        CodedValue.parse(SubjectKind.class, rs.getString(6)), rs.getString(7), rs.getString(8),
                        datasets == null ? List.of() : List.of(datasets.split("\n")));
                String review = rs.getString(16);
                out.add(new Assessment(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getString(4),
                        subject, rs.getString(9), rs.getString(10), rs.getString(11),
                        CodedValue.parse(AssessmentStatus.class, rs.getString(12)), Instant.parse(rs.getString(13)),
                        rs.getString(14), Instant.parse(rs.getString(15)), review == null ? null : LocalDate.parse(review),
                        rs.getString(17), rs.getString(18), rs.getInt(19), rs.getDouble(20)));
            }
        }
        return out;
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * Inserts a revision with its datasets. {@code lineage} is the id of the assessment's first revision (for a first
     * revision, its own id).
     */
    public void insert(Tx tx, Assessment a, String lineage, String reason) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment (id, reference, revision, title, subject_name, subject_kind, department,
                        description, template_hash, status, created_at, created_by, updated_at, review_due,
                        approved_hash, risk_level, risk_percent, progress, lineage)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setString(1, a.key().toString());
            ps.setString(2, a.reference());
            ps.setInt(3, a.revision());
            ps.setString(4, a.title());
            ps.setString(5, a.subject().name());
            ps.setString(6, a.subject().kind().code());
            setOrNull(ps, 7, a.subject().department());
            ps.setString(8, a.subject().description());
            ps.setString(9, a.templateHash());
            ps.setString(10, a.status().code());
            ps.setString(11, a.createdAt().toString());
            ps.setString(12, a.createdBy());
            ps.setString(13, a.updatedAt().toString());
            setOrNull(ps, 14, a.reviewDue() == null ? null : a.reviewDue().toString());
            setOrNull(ps, 15, a.approvedHash());
            setOrNull(ps, 16, a.riskLevel());
            ps.setInt(17, a.riskPercent());
            ps.setDouble(18, a.progress());
            ps.setString(19, lineage);
            ps.executeUpdate();
            linkDatasets(tx, key(tx, a.key()), a.subject().datasetCodes());
        } catch (SQLException e) {
            throw new StoreException("Cannot add assessment " + a.label() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, a.key().toString(), "create", null, describe(a), reason);
    }

    /** Changes the title and subject (and its datasets). */
    public void updateSubject(Tx tx, Assessment before, Assessment after) {
        try {
            long key = key(tx, before.key());
            PreparedStatement ps = tx.prepare("""
                    UPDATE assessment SET title = ?, subject_name = ?, subject_kind = ?, department = ?, description = ?,
                        updated_at = ? WHERE row_key = ?""");
            ps.setString(1, after.title());
            ps.setString(2, after.subject().name());
            ps.setString(3, after.subject().kind().code());
            setOrNull(ps, 4, after.subject().department());
            ps.setString(5, after.subject().description());
            ps.setString(6, Instant.now().toString());
            ps.setLong(7, key);
            ps.executeUpdate();
            PreparedStatement del = tx.prepare("DELETE FROM assessment_dataset WHERE assessment_key = ?");
            del.setLong(1, key);
            del.executeUpdate();
            linkDatasets(tx, key, after.subject().datasetCodes());
        } catch (SQLException e) {
            throw new StoreException("Cannot change assessment " + before.label() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, before.key().toString(), "update", describe(before), describe(after), null);
    }

    private static void linkDatasets(Tx tx, long key, List<String> codes) throws SQLException {
        PreparedStatement ps = tx.prepare("""
                INSERT OR IGNORE INTO assessment_dataset (assessment_key, position, dataset_code, dataset_key)
                VALUES (?, ?, ?, (SELECT row_key FROM dataset WHERE code = ?))""");
        int position = 0;
        for (String code : codes) {
            ps.setLong(1, key);
            ps.setInt(2, position++);
            ps.setString(3, code);
            ps.setString(4, code);
            ps.executeUpdate();
        }
    }

    /** Writes one answer and its audit event (the value and note before and after). */
    public void saveAnswer(Tx tx, UUID assessment, Answer before, Answer after) {
        Instant now = Instant.now();
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment_answer (assessment_key, question_id, value, note, active, prefilled_from,
                        changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (assessment_key, question_id) DO UPDATE SET value = excluded.value,
                        note = excluded.note, active = excluded.active, prefilled_from = excluded.prefilled_from,
                        changed_at = excluded.changed_at, changed_by = excluded.changed_by""");
            ps.setLong(1, key(tx, assessment));
            ps.setString(2, after.questionId());
            ps.setString(3, after.value());
            ps.setString(4, after.note());
            ps.setInt(5, after.active() ? 1 : 0);
            ps.setString(6, after.prefilledFrom());
            ps.setString(7, (after.changedAt() == null ? now : after.changedAt()).toString());
            ps.setString(8, after.changedBy() == null ? tx.actor() : after.changedBy());
            ps.executeUpdate();
            touch(tx, assessment);
        } catch (SQLException e) {
            throw new StoreException("Cannot save the answer to " + after.questionId() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, assessment.toString(), "answer", answerFields(before), answerFields(after), null);
    }

    /** Marks answers active or inactive as their questions show or hide; derived, so not audited. */
    public void setActive(Tx tx, UUID assessment, Map<String, Boolean> active) {
        try {
            PreparedStatement ps = tx.prepare(
                    "UPDATE assessment_answer SET active = ? WHERE assessment_key = ? AND question_id = ? AND active <> ?");
            long key = key(tx, assessment);
            for (Map.Entry<String, Boolean> e : active.entrySet()) {
                ps.setInt(1, e.getValue() ? 1 : 0);
                ps.setLong(2, key);
                ps.setString(3, e.getKey());
                ps.setInt(4, e.getValue() ? 1 : 0);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot mark hidden answers: " + e.getMessage(), e);
        }
    }

    /** Keeps the last computed result for lists; derived, so not audited. */
    public void saveResult(Tx tx, UUID assessment, String level, int percent, double progress, boolean knockOut) {
        try {
            PreparedStatement ps = tx.prepare("UPDATE assessment SET risk_level = ?, risk_percent = ?, progress = ?,"
                    + " knock_out = ? WHERE row_key = ?");
            ps.setString(1, level);
            ps.setInt(2, percent);
            ps.setDouble(3, progress);
            ps.setInt(4, knockOut ? 1 : 0);
            ps.setLong(5, key(tx, assessment));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the result: " + e.getMessage(), e);
        }
    }

    public void addEvidence(Tx tx, UUID assessment, Evidence e) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment_evidence (id, assessment_key, question_id, file_name, stored_name, sha256,
                        size, reference, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setString(1, e.key().toString());
            ps.setLong(2, key(tx, assessment));
            ps.setString(3, e.questionId());
            setOrNull(ps, 4, e.fileName());
            setOrNull(ps, 5, e.storedName());
            setOrNull(ps, 6, e.sha256());
            ps.setLong(7, e.size());
            setOrNull(ps, 8, e.reference());
            ps.setString(9, e.addedAt().toString());
            ps.setString(10, e.addedBy());
            ps.executeUpdate();
            touch(tx, assessment);
        } catch (SQLException ex) {
            throw new StoreException("Cannot record the evidence: " + ex.getMessage(), ex);
        }
        tx.audit(ENTITY, assessment.toString(), "evidence", null, evidenceFields(e), null);
    }

    /** Moves the evidence to the trash (its file stays on disk until the trash item is purged). */
    public void removeEvidence(Tx tx, UUID assessment, Evidence e) {
        var item = trash.put(tx, "evidence", e.key(), e.isFile() ? e.fileName() : e.reference(), ENTITY, assessment,
                ownerLabel(tx, assessment), null, List.of());
        touch(tx, assessment);
        tx.audit(ENTITY, assessment.toString(), "remove-evidence", evidenceFields(e), TrashBin.describe(item), null);
    }

    /** How the trash names an assessment: its reference and revision, and its title. */
    private static String ownerLabel(Tx tx, UUID assessment) {
        try {
            PreparedStatement ps = tx.prepare("SELECT reference || ' r' || revision || ' · ' || title FROM assessment"
                    + " WHERE id = ?");
            ps.setString(1, assessment.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : assessment.toString();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read assessment " + assessment + ": " + e.getMessage(), e);
        }
    }

    /** Adds or changes a risk. */
    public void saveRisk(Tx tx, UUID assessment, RiskEntry before, RiskEntry after, int position) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment_risk (id, assessment_key, position, title, description, likelihood, impact,
                        mitigation, residual_likelihood, residual_impact, owner, question_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
                        likelihood = excluded.likelihood, impact = excluded.impact, mitigation = excluded.mitigation,
                        residual_likelihood = excluded.residual_likelihood, residual_impact = excluded.residual_impact,
                        owner = excluded.owner, question_id = excluded.question_id
                    WHERE assessment_key = excluded.assessment_key""");
            ps.setString(1, after.key().toString());
            ps.setLong(2, key(tx, assessment));
            ps.setInt(3, position);
            ps.setString(4, after.title());
            ps.setString(5, after.description());
            ps.setInt(6, after.likelihood());
            ps.setInt(7, after.impact());
            ps.setString(8, after.mitigation());
            ps.setInt(9, after.residualLikelihood());
            ps.setInt(10, after.residualImpact());
            ps.setString(11, after.owner());
            ps.setString(12, after.questionId());
            if (ps.executeUpdate() == 0) {
                throw new StoreException("risk " + after.key() + " belongs to another assessment", null);
            }
            touch(tx, assessment);
        } catch (SQLException e) {
            throw new StoreException("Cannot save the risk " + after.title() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, assessment.toString(), before == null ? "add-risk" : "risk",
                before == null ? null : riskFields(before), riskFields(after), null);
    }

    /** Removes a risk; actions that answered it keep their question link and lose the risk's. */
    public void deleteRisk(Tx tx, UUID assessment, RiskEntry risk) {
        List<String> unlinked = new ArrayList<>();
        try {
            PreparedStatement linked = tx.prepare("SELECT id FROM assessment_action WHERE risk_id = ?"
                    + " AND assessment_key = (SELECT row_key FROM assessment WHERE id = ?)");
            linked.setString(1, risk.key().toString());
            linked.setString(2, assessment.toString());
            try (ResultSet rs = linked.executeQuery()) {
                while (rs.next()) {
                    unlinked.add(rs.getString(1));
                }
            }
            PreparedStatement ps = tx.prepare("UPDATE assessment_action SET risk_id = NULL WHERE risk_id = ?"
                    + " AND assessment_key = (SELECT row_key FROM assessment WHERE id = ?)");
            ps.setString(1, risk.key().toString());
            ps.setString(2, assessment.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot unlink the actions of risk " + risk.title() + ": " + e.getMessage(), e);
        }
        var item = trash.put(tx, "risk", risk.key(), risk.title(), ENTITY, assessment, ownerLabel(tx, assessment), null,
                unlinked);
        touch(tx, assessment);
        tx.audit(ENTITY, assessment.toString(), "remove-risk", riskFields(risk), TrashBin.describe(item), null);
    }

    public void saveAction(Tx tx, UUID assessment, PlannedAction before, PlannedAction after, int position) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment_action (id, assessment_key, position, title, owner, due, status, question_id,
                        risk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, owner = excluded.owner, due = excluded.due,
                        status = excluded.status, question_id = excluded.question_id, risk_id = excluded.risk_id
                    WHERE assessment_key = excluded.assessment_key""");
            ps.setString(1, after.key().toString());
            ps.setLong(2, key(tx, assessment));
            ps.setInt(3, position);
            ps.setString(4, after.title());
            ps.setString(5, after.owner());
            setOrNull(ps, 6, after.due() == null ? null : after.due().toString());
            ps.setString(7, after.status().code());
            ps.setString(8, after.questionId());
            setOrNull(ps, 9, after.riskKey() == null ? null : after.riskKey().toString());
            if (ps.executeUpdate() == 0) {
                throw new StoreException("action " + after.key() + " belongs to another assessment", null);
            }
            touch(tx, assessment);
        } catch (SQLException e) {
            throw new StoreException("Cannot save the action " + after.title() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, assessment.toString(), before == null ? "add-action" : "action",
                before == null ? null : actionFields(before), actionFields(after), null);
    }

    public void deleteAction(Tx tx, UUID assessment, PlannedAction action) {
        var item = trash.put(tx, "action", action.key(), action.title(), ENTITY, assessment,
                ownerLabel(tx, assessment), null, List.of());
        touch(tx, assessment);
        tx.audit(ENTITY, assessment.toString(), "remove-action", actionFields(action), TrashBin.describe(item), null);
    }

    /** Appends a workflow step and moves the assessment to its status, with the decision's hash and review date. */
    public void appendStep(Tx tx, Assessment a, WorkflowStep step, String approvedHash, LocalDate reviewDue) {
        try {
            long key = key(tx, a.key());
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO assessment_step (assessment_key, sequence, from_status, to_status, actor, role, at,
                        comment, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setLong(1, key);
            ps.setInt(2, step.sequence());
            setOrNull(ps, 3, step.from() == null ? null : step.from().code());
            ps.setString(4, step.to().code());
            ps.setString(5, step.actor());
            ps.setString(6, step.role().code());
            ps.setString(7, step.at().toString());
            setOrNull(ps, 8, step.comment());
            setOrNull(ps, 9, step.contentHash());
            ps.executeUpdate();
            PreparedStatement up = tx.prepare("UPDATE assessment SET status = ?, approved_hash = ?, review_due = ?,"
                    + " updated_at = ? WHERE row_key = ?");
            up.setString(1, step.to().code());
            setOrNull(up, 2, approvedHash);
            setOrNull(up, 3, reviewDue == null ? null : reviewDue.toString());
            up.setString(4, step.at().toString());
            up.setLong(5, key);
            up.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the workflow step of " + a.label() + ": " + e.getMessage(), e);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", a.status().code());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", step.to().code());
        after.put("role", step.role().code());
        after.put("actor", step.actor());
        if (step.contentHash() != null) {
            after.put("content_hash", step.contentHash());
        }
        if (reviewDue != null) {
            after.put("review_due", reviewDue.toString());
        }
        tx.audit(ENTITY, a.key().toString(), "workflow", before, after, step.comment());
    }

    // ---- helpers -------------------------------------------------------------------------------------------


    private static void touch(Tx tx, UUID assessment) {
        try {
            PreparedStatement ps = tx.prepare("UPDATE assessment SET updated_at = ? WHERE id = ?");
            ps.setString(1, Instant.now().toString());
            ps.setString(2, assessment.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot mark the assessment changed: " + e.getMessage(), e);
        }
    }

    private static long key(Tx tx, UUID id) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT row_key FROM assessment WHERE id = ?");
        ps.setString(1, id.toString());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("Assessment " + id + " is no longer in the workbench", null);
            }
            return rs.getLong(1);
        }
    }

    private static void setOrNull(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private static Map<String, Object> describe(Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", a.reference());
        m.put("revision", a.revision());
        m.put("title", a.title());
        m.put("subject", a.subject().name());
        m.put("kind", a.subject().kind().code());
        m.put("department", a.subject().department());
        m.put("description", a.subject().description());
        m.put("datasets", String.join(";", a.subject().datasetCodes()));
        m.put("template", a.templateId() + " " + a.templateVersion());
        m.put("template_hash", a.templateHash());
        m.put("status", a.status().code());
        return m;
    }

    private static Map<String, Object> answerFields(Answer a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", a.questionId());
        m.put("value", a.value());
        m.put("note", a.note());
        if (!a.prefilledFrom().isEmpty()) {
            m.put("prefilled_from", a.prefilledFrom());
        }
        return m;
    }

    private static Map<String, Object> evidenceFields(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", e.questionId());
        m.put("file", e.fileName());
        m.put("sha256", e.sha256());
        m.put("reference", e.reference());
        return m;
    }

    private static Map<String, Object> riskFields(RiskEntry r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("risk", r.key().toString());
        m.put("title", r.title());
        m.put("likelihood", r.likelihood());
        m.put("impact", r.impact());
        m.put("mitigation", r.mitigation());
        m.put("residual_likelihood", r.residualLikelihood());
        m.put("residual_impact", r.residualImpact());
        m.put("owner", r.owner());
        m.put("question", r.questionId());
        return m;
    }

    private static Map<String, Object> actionFields(PlannedAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.key().toString());
        m.put("title", a.title());
        m.put("owner", a.owner());
        m.put("due", a.due() == null ? null : a.due().toString());
        m.put("status", a.status().code());
        m.put("question", a.questionId());
        m.put("risk", a.riskKey() == null ? null : a.riskKey().toString());
        return m;
    }
}
