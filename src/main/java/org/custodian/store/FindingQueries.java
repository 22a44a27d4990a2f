package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.oversight.AssessmentFacts;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.LevelName;
import org.custodian.model.oversight.RecordKind;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.sharing.AgreementStatus;

/**
 * The register rules that SQL can decide alone, each one query over the whole workbench, all read in one snapshot
 * so the findings agree with each other. Datasets count while draft or active (superseded and retired ones are
 * history); agreements while under negotiation, active or suspended (drafts are still being written, expired and
 * terminated ones move no data); assessments by their latest revision.
 */
public final class FindingQueries {

    private static final String LIVE_DATASET = "d.lifecycle_status IN ('draft', 'active')";
    private static final String LIVE_AGREEMENT = "a.status IN ('under-negotiation', 'active', 'suspended')";
    /** An agreement holds personal data when it lists categories or covers a dataset that has some. */
    private static final String AGREEMENT_PERSONAL_DATA = """
            (trim(coalesce(a.personal_data_categories, '')) <> ''
             OR EXISTS (SELECT 1 FROM agreement_dataset ad JOIN dataset pd ON pd.row_key = ad.dataset_key
                        WHERE ad.agreement_key = a.row_key AND pd.personal_data = 'yes'))""";
    /** The department an agreement's finding belongs to: its first provider, else its first joint controller. */
    private static final String AGREEMENT_DEPARTMENT = """
            (SELECT p.organisation FROM agreement_party p WHERE p.agreement_key = a.row_key
               AND p.role IN ('provider', 'joint-controller')
             ORDER BY p.role <> 'provider', p.position LIMIT 1)""";
    private static final String LATEST_DECISION = """
            (SELECT x.seq FROM classification_decision x WHERE x.dataset_id = d.id AND x.status = 'confirmed'
             ORDER BY x.effective_from DESC, x.seq DESC LIMIT 1)""";

    private final Database database;

    public FindingQueries(Database database) {
        this.database = database;
    }

    /** What the register rules find on {@code today}, and the facts the assessment rules need, in one snapshot. */
    public record Snapshot(List<Finding> findings, List<AssessmentFacts> assessments) {
    }

    public Snapshot read(LocalDate today) {
        return database.read(c -> {
            List<Finding> found = new ArrayList<>();
            String day = today.toString();
            datasetRules(c, found);
            sharingWithoutLegalBasis(c, found);
            crossBoundaryWithoutSafeguards(c, found);
            expiredStillActive(c, day, found);
            expiringWithoutReview(c, today, found);
            ceilingBelowLevel(c, found);
            reviewsOverdue(c, day, found);
            derivedBelowSource(c, found);
            assessmentReviewOverdue(c, day, found);
            return new Snapshot(found, assessments(c));
        });
    }


    /**
     * The rules about one dataset alone, in one pass over the inventory (at 100,000 datasets a pass is most of the
     * cost): open data above what its level allows, no encryption at rest where the level requires it, personal data
     * with no retention period, an active dataset without custodian or contact.
     */
    private static void datasetRules(Connection c, List<Finding> found) throws SQLException {
        List<Finding> encryption = new ArrayList<>();
        List<Finding> retention = new ArrayList<>();
        List<Finding> contact = new ArrayList<>();
        query(c, """
                SELECT d.id, d.code, d.department, d.classification, d.open_data_status,
                       d.open_data_status IN ('planned', 'published') AND l.open_data_allowed = 0,
                       l.encryption_at_rest = 1 AND d.encryption_at_rest <> 'yes',
                       d.personal_data = 'yes' AND trim(coalesce(d.retention, '')) = '',
                       d.lifecycle_status = 'active'
                           AND (trim(coalesce(d.custodian, '')) = '' OR trim(coalesce(d.contact_email, '')) = ''),
                       l.name_en, l.name_tc
                FROM dataset d LEFT JOIN classification_level l ON l.code = d.classification
                WHERE\s""" + LIVE_DATASET + """
                  AND ((d.open_data_status IN ('planned', 'published') AND l.open_data_allowed = 0)
                       OR (l.encryption_at_rest = 1 AND d.encryption_at_rest <> 'yes')
                       OR (d.personal_data = 'yes' AND trim(coalesce(d.retention, '')) = '')
                       OR (d.lifecycle_status = 'active' AND (trim(coalesce(d.custodian, '')) = ''
                                                              OR trim(coalesce(d.contact_email, '')) = '')))
                ORDER BY d.code""", rs -> {
                    RecordRef d = dataset(rs, 1, 2);
                    String code = rs.getString(2);
                    String department = rs.getString(3);
                    LevelName level = new LevelName(rs.getString(4), rs.getString(10), rs.getString(11));
                    if (rs.getBoolean(6)) {
                        found.add(new Finding(FindingRule.OPEN_DATA_LEVEL, List.of(d), department, List.of(code,
                                CodedValue.parse(OpenDataStatus.class, rs.getString(5)), level)));
                    }
                    if (rs.getBoolean(7)) {
                        encryption.add(new Finding(FindingRule.ENCRYPTION_NOT_RECORDED, List.of(d), department,
                                List.of(code, level)));
                    }
                    if (rs.getBoolean(8)) {
                        retention.add(new Finding(FindingRule.PERSONAL_DATA_NO_RETENTION, List.of(d), department,
                                List.of(code)));
                    }
                    if (rs.getBoolean(9)) {
                        contact.add(new Finding(FindingRule.NO_CUSTODIAN_OR_CONTACT, List.of(d), department,
                                List.of(code)));
                    }
                });
        // The engine sorts by rule; within a rule these keep the inventory's code order.
        found.addAll(encryption);
        found.addAll(retention);
        found.addAll(contact);
    }

    private static void sharingWithoutLegalBasis(Connection c, List<Finding> found) throws SQLException {
        query(c, "SELECT a.id, a.reference, " + AGREEMENT_DEPARTMENT + ", a.status FROM agreement a WHERE "
                + LIVE_AGREEMENT + " AND a.legal_basis IS NULL AND " + AGREEMENT_PERSONAL_DATA
                + " ORDER BY a.reference", rs -> found.add(new Finding(FindingRule.SHARING_NO_LEGAL_BASIS,
                        List.of(agreement(rs, 1, 2)), rs.getString(3), List.of(rs.getString(2),
                        CodedValue.parse(AgreementStatus.class, rs.getString(4))))));
    }

    private static void crossBoundaryWithoutSafeguards(Connection c, List<Finding> found) throws SQLException {
        query(c, "SELECT a.id, a.reference, " + AGREEMENT_DEPARTMENT + ", a.destinations FROM agreement a WHERE "
                + LIVE_AGREEMENT + " AND a.cross_boundary = 1 AND trim(coalesce(a.safeguards, '')) = '' AND "
                + AGREEMENT_PERSONAL_DATA + " ORDER BY a.reference",
                rs -> found.add(new Finding(FindingRule.CROSS_BOUNDARY_NO_SAFEGUARDS, List.of(agreement(rs, 1, 2)),
                        rs.getString(3), List.of(rs.getString(2), orDash(rs.getString(4))))));
    }

    private static void expiredStillActive(Connection c, String day, List<Finding> found) throws SQLException {
        query(c, "SELECT a.id, a.reference, " + AGREEMENT_DEPARTMENT + ", a.expires_on FROM agreement a"
                + " WHERE a.status = 'active' AND a.expires_on < ? ORDER BY a.expires_on, a.reference",
                List.of(day), rs -> found.add(new Finding(FindingRule.AGREEMENT_EXPIRED_ACTIVE,
                        List.of(agreement(rs, 1, 2)), rs.getString(3), List.of(rs.getString(2), rs.getString(4)))));
    }

    /**
     * No review is due between today and the expiry: none is set, it falls after the expiry, or its date passed
     * without a review moving it on. Nobody is due to decide on renewal before the agreement lapses.
     */
    private static void expiringWithoutReview(Connection c, LocalDate today, List<Finding> found) throws SQLException {
        query(c, "SELECT a.id, a.reference, " + AGREEMENT_DEPARTMENT + ", a.expires_on FROM agreement a"
                + " WHERE a.status = 'active' AND a.expires_on >= ? AND a.expires_on <= ?"
                + " AND NOT (coalesce(a.review_due, '') >= ? AND a.review_due <= a.expires_on) ORDER BY a.expires_on, a.reference",
                List.of(today.toString(), today.plusDays(30).toString(), today.toString()), rs -> {
                    LocalDate expires = LocalDate.parse(rs.getString(4));
                    found.add(new Finding(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, List.of(agreement(rs, 1, 2)),
                            rs.getString(3), List.of(rs.getString(2), rs.getString(4),
                            ChronoUnit.DAYS.between(today, expires))));
                });
    }

    private static void ceilingBelowLevel(Connection c, List<Finding> found) throws SQLException {
        query(c, """
                SELECT d.id, d.code, d.department, d.classification, a.id, a.reference, a.classification_ceiling,
                       dl.name_en, dl.name_tc, cl.name_en, cl.name_tc
                FROM agreement a
                JOIN classification_level cl ON cl.code = a.classification_ceiling
                JOIN agreement_dataset ad ON ad.agreement_key = a.row_key
                JOIN dataset d ON d.row_key = ad.dataset_key
                JOIN classification_level dl ON dl.code = d.classification
                WHERE dl.rank > cl.rank AND\s""" + LIVE_AGREEMENT + " AND " + LIVE_DATASET
                + " ORDER BY a.reference, d.code", rs -> found.add(new Finding(FindingRule.CEILING_BELOW_LEVEL,
                        List.of(dataset(rs, 1, 2), agreement(rs, 5, 6)), rs.getString(3), List.of(rs.getString(2),
                        level(rs, 4, 8), rs.getString(6), level(rs, 7, 10)))));
    }


    /**
     * The same queue and definition of overdue as the reviews page: due before today. The date index leads (CROSS
     * JOIN keeps that order): few reviews are overdue, and reading every dataset first costs half a second at 100,000.
     */
    private static void reviewsOverdue(Connection c, String day, List<Finding> found) throws SQLException {
        query(c, """
                SELECT d.id, d.code, d.department, r.kind, r.due_on
                FROM review_due r CROSS JOIN dataset d ON d.id = r.dataset_id
                WHERE r.due_on < ? AND\s""" + LIVE_DATASET + " ORDER BY r.due_on, d.code", List.of(day),
                rs -> found.add(new Finding("access".equals(rs.getString(4)) ? FindingRule.ACCESS_REVIEW_OVERDUE
                        : FindingRule.CLASSIFICATION_REVIEW_OVERDUE, List.of(dataset(rs, 1, 2)), rs.getString(3),
                        List.of(rs.getString(2), rs.getString(5)))));
    }

    /**
     * A derived dataset below one of its sources is sound only when its current decision carries an approver and
     * a justification (the decision form asks for both; an import, or a source raised later, may leave neither).
     */
    private static void derivedBelowSource(Connection c, List<Finding> found) throws SQLException {
        query(c, """
                SELECT d.id, d.code, d.department, d.classification, s.id, s.code, s.classification,
                       dl.name_en, dl.name_tc, sl.name_en, sl.name_tc
                FROM dataset_source ds
                JOIN dataset d ON d.id = ds.dataset_id
                JOIN dataset s ON s.id = ds.source_id
                JOIN classification_level dl ON dl.code = d.classification
                JOIN classification_level sl ON sl.code = s.classification
                LEFT JOIN classification_decision cd ON cd.seq =\s""" + LATEST_DECISION + """

                WHERE dl.rank < sl.rank AND\s""" + LIVE_DATASET + """
                  AND (cd.seq IS NULL OR trim(coalesce(cd.justification, '')) = ''
                       OR trim(coalesce(cd.approved_by, '')) = '')
                ORDER BY d.code, s.code""", rs -> found.add(new Finding(FindingRule.DERIVED_BELOW_SOURCE,
                        List.of(dataset(rs, 1, 2), dataset(rs, 5, 6)), rs.getString(3), List.of(rs.getString(2),
                        level(rs, 4, 8), rs.getString(6), level(rs, 7, 10)))));
    }



    /** The approved revision in force: a later draft or rejected revision does not replace it. */
    private static final String APPROVED_IN_FORCE = "a.revision = (SELECT max(b.revision) FROM assessment b"
            + " WHERE b.reference = a.reference AND b.status IN ('approved', 'approved-with-conditions'))";
    private static final String LATEST_REVISION =
            "a.revision = (SELECT max(b.revision) FROM assessment b WHERE b.reference = a.reference)";

    private static void assessmentReviewOverdue(Connection c, String day, List<Finding> found) throws SQLException {
        query(c, "SELECT a.id, a.reference, a.revision, a.department, a.review_due FROM assessment a"
                + " WHERE a.status IN ('approved', 'approved-with-conditions') AND a.review_due < ? AND "
                + APPROVED_IN_FORCE + " ORDER BY a.review_due, a.reference", List.of(day), rs -> {
                    RecordRef ref = assessment(rs);
                    found.add(new Finding(FindingRule.ASSESSMENT_REVIEW_OVERDUE, List.of(ref), blankToNull(
                            rs.getString(4)), List.of(ref.label(), rs.getString(5))));
                });
    }

    private static List<AssessmentFacts> assessments(Connection c) throws SQLException {
        Map<UUID, List<RecordRef>> personal = new LinkedHashMap<>();
        query(c, """
                SELECT a.id, d.id, d.code FROM assessment a
                JOIN assessment_dataset ad ON ad.assessment_key = a.row_key
                JOIN dataset d ON d.row_key = ad.dataset_key
                WHERE d.personal_data = 'yes' AND a.status <> 'rejected' AND\s""" + LATEST_REVISION
                + " ORDER BY a.row_key, ad.position", rs -> personal.computeIfAbsent(UUID.fromString(
                        rs.getString(1)), k -> new ArrayList<>()).add(dataset(rs, 2, 3)));
        List<AssessmentFacts> facts = new ArrayList<>();
        query(c, """
                SELECT a.id, a.reference, a.revision, a.department, a.template_hash, a.status, a.risk_level,
                       EXISTS (SELECT 1 FROM assessment_step s WHERE s.assessment_key = a.row_key
                               AND s.role = 'third-line' AND s.to_status IN ('approved', 'approved-with-conditions'))
                FROM assessment a WHERE a.status <> 'rejected' AND\s""" + LATEST_REVISION
                + " ORDER BY a.reference", rs -> {
                    RecordRef ref = assessment(rs);
                    facts.add(new AssessmentFacts(ref, blankToNull(rs.getString(4)), rs.getString(5),
                            CodedValue.parse(AssessmentStatus.class, rs.getString(6)), rs.getString(7),
                            personal.getOrDefault(ref.id(), List.of()), rs.getBoolean(8)));
                });
        return facts;
    }

    // ---- reading rows ----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        query(c, sql, List.of(), reader);
    }

    private static void query(Connection c, String sql, List<String> params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static RecordRef dataset(ResultSet rs, int idColumn, int codeColumn) throws SQLException {
        return new RecordRef(RecordKind.DATASET, UUID.fromString(rs.getString(idColumn)), rs.getString(codeColumn));
    }

    private static RecordRef agreement(ResultSet rs, int idColumn, int referenceColumn) throws SQLException {
        return new RecordRef(RecordKind.AGREEMENT, UUID.fromString(rs.getString(idColumn)),
                rs.getString(referenceColumn));
    }

    /** Columns 1–3: id, reference, revision; labelled as the lists show it ("AS-2026-004 r2"). */
    private static RecordRef assessment(ResultSet rs) throws SQLException {
        int revision = rs.getInt(3);
        String reference = rs.getString(2);
        return new RecordRef(RecordKind.ASSESSMENT, UUID.fromString(rs.getString(1)),
                revision == 1 ? reference : reference + " r" + revision);
    }

    /** A level as the message names it: its code at {@code codeColumn}, its two names from {@code namesColumn}. */
    private static LevelName level(ResultSet rs, int codeColumn, int namesColumn) throws SQLException {
        return new LevelName(rs.getString(codeColumn), rs.getString(namesColumn), rs.getString(namesColumn + 1));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
