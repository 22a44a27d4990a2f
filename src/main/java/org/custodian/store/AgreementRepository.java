package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.AgreementParty;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.CoveredDataset;
import org.custodian.model.sharing.DueKind;
import org.custodian.model.sharing.DueQuery;
import org.custodian.model.sharing.LegalBasis;
import org.custodian.model.sharing.PartyRole;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.sharing.StatusChange;
import org.custodian.model.sharing.TransferMechanism;

/**
 * The sharing agreements register: agreements with their parties and covered datasets, the append-only status
 * timeline, attachments, and the audit events of each change. Listing is filtered, sorted and paged in SQLite.
 */
public final class AgreementRepository {

    public static final String ENTITY = "agreement";

    /**
     * "Expiring within N days": in force, with an expiry on or before the bound (passed ones included). The list's
     * filter and the dashboard's tiles both use this, so a tile's number is what the filtered list shows.
     */
    static final String EXPIRING_BY = "a.status IN ('active', 'suspended') AND a.expires_on IS NOT NULL"
            + " AND a.expires_on <= ?";

    private static final String COLUMNS = """
            a.row_key, a.id, a.reference, a.title, a.type, a.status, a.status_since, a.purpose, a.legal_basis,
            a.legal_basis_note, a.personal_data_categories, a.data_subjects, a.classification_ceiling, a.mechanism,
            a.frequency, a.security_measures, a.retention_disposal, a.onward_sharing, a.breach_notification,
            a.rights_contact, a.cross_boundary, a.destinations, a.transfer_mechanism, a.safeguards,
            a.transfer_assessment, a.effective_from, a.expires_on, a.review_due, a.termination_conditions,
            a.created_at, a.updated_at""";
    private static final String CONTENT = """
            reference = ?, title = ?, type = ?, status = ?, status_since = ?, purpose = ?, legal_basis = ?,
            legal_basis_note = ?, personal_data_categories = ?, data_subjects = ?, classification_ceiling = ?,
            mechanism = ?, frequency = ?, security_measures = ?, retention_disposal = ?, onward_sharing = ?,
            breach_notification = ?, rights_contact = ?, cross_boundary = ?, destinations = ?, transfer_mechanism = ?,
            safeguards = ?, transfer_assessment = ?, effective_from = ?, expires_on = ?, review_due = ?,
            termination_conditions = ?, updated_at = ?""";
    private static final String INSERT = "INSERT INTO agreement (id, created_at, reference, title, type, status,"
            + " status_since, purpose, legal_basis, legal_basis_note, personal_data_categories, data_subjects,"
            + " classification_ceiling, mechanism, frequency, security_measures, retention_disposal, onward_sharing,"
            + " breach_notification, rights_contact, cross_boundary, destinations, transfer_mechanism, safeguards,"
            + " transfer_assessment, effective_from, expires_on, review_due, termination_conditions, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE agreement SET " + CONTENT + " WHERE row_key = ?";
    private static final String BY_REFERENCE = "SELECT " + COLUMNS + " FROM agreement a WHERE a.reference = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM agreement a WHERE a.id = ?";
    private static final String PARTIES = """
            SELECT agreement_key, organisation, role, signatory, signed_on FROM agreement_party
            WHERE agreement_key IN (SELECT value FROM json_each(?)) ORDER BY agreement_key, position""";
    private static final String DATASETS = """
            SELECT ad.agreement_key, d.code, ad.data_items FROM agreement_dataset ad
            JOIN dataset d ON d.row_key = ad.dataset_key
            WHERE ad.agreement_key IN (SELECT value FROM json_each(?)) ORDER BY ad.agreement_key, ad.position""";

    private static final Map<AgreementSort, String> ORDER = new EnumMap<>(Map.of(
            AgreementSort.REFERENCE, "a.reference",
            AgreementSort.TITLE, "a.title COLLATE NOCASE",
            AgreementSort.TYPE, "a.type",
            AgreementSort.STATUS, "a.status",
            AgreementSort.CEILING, "(SELECT l.rank FROM classification_level l WHERE l.code = a.classification_ceiling)",
            AgreementSort.EFFECTIVE_FROM, "a.effective_from",
            AgreementSort.EXPIRES_ON, "a.expires_on",
            AgreementSort.REVIEW_DUE, "a.review_due",
            AgreementSort.UPDATED_AT, "a.updated_at"));

    private final Database database;

    public AgreementRepository(Database database) {
        this.database = database;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Optional<SharingAgreement> findById(UUID id) {
        return database.read(c -> one(c.prepareStatement(BY_ID), id.toString(), c, true));
    }

    public Optional<SharingAgreement> findByReference(String reference) {
        return database.read(c -> one(c.prepareStatement(BY_REFERENCE), reference, c, true));
    }

    /** Looks a reference up inside a write transaction (sees the transaction's own changes). */
    public Optional<SharingAgreement> findByReference(Tx tx, String reference) {
        try {
            return one(tx.prepare(BY_REFERENCE), reference, tx.connection(), false);
        } catch (SQLException e) {
            throw new StoreException("Cannot read agreement " + reference, e);
        }
    }

    public Optional<SharingAgreement> findById(Tx tx, UUID id) {
        try {
            return one(tx.prepare(BY_ID), id.toString(), tx.connection(), false);
        } catch (SQLException e) {
            throw new StoreException("Cannot read agreement " + id, e);
        }
    }

    private static Optional<SharingAgreement> one(PreparedStatement ps, String key, Connection c, boolean close)
            throws SQLException {
        try {
            ps.setString(1, key);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            List<SharingAgreement> found = complete(c, rows);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } finally {
            if (close) {
                ps.close();
            }
        }
    }

    /** One page of agreements matching the query, in its order. */
    public List<SharingAgreement> page(AgreementQuery query) {
        return database.read(c -> {
            Where where = Where.of(query);
            String sql = "SELECT " + COLUMNS + " FROM agreement a" + where.sql() + order(query) + " LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = where.bind(ps, 1);
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return complete(c, rows);
            }
        });
    }

    /** Streams every agreement matching the query (ignoring its page) to {@code sink}, in the query's order. */
    public long forEach(AgreementQuery query, Consumer<SharingAgreement> sink) {
        return database.read(c -> {
            Where where = Where.of(query);
            String sql = "SELECT " + COLUMNS + " FROM agreement a" + where.sql() + order(query);
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, 1);
                List<Row> batch = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(row(rs));
                        if (batch.size() == 500) {
                            complete(c, batch).forEach(sink);
                            n += batch.size();
                            batch.clear();
                        }
                    }
                }
                complete(c, batch).forEach(sink);
                return n + batch.size();
            }
        });
    }

    public long count(AgreementQuery query) {
        return database.read(c -> {
            Where where = Where.of(query);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM agreement a" + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    public long total() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM agreement");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Every stored reference, lower-cased: an import looks up only the references that exist. */
    public Set<String> references() {
        return database.read(c -> {
            Set<String> refs = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT reference FROM agreement");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return refs;
        });
    }

    /** The agreements covering a dataset, by reference. */
    public List<SharingAgreement> covering(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM agreement a"
                    + " JOIN agreement_dataset ad ON ad.agreement_key = a.row_key"
                    + " JOIN dataset d ON d.row_key = ad.dataset_key WHERE d.id = ? ORDER BY a.reference")) {
                ps.setString(1, datasetId.toString());
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return complete(c, rows);
            }
        });
    }

    /**
     * Expiries of agreements in force and reviews of agreements not yet ended, falling due by the query's horizon,
     * soonest (most overdue) first.
     */
    public List<AgreementDue> due(DueQuery query) {
        return database.read(c -> {
            String horizon = query.horizon().equals(LocalDate.MAX) ? "9999-12-31" : query.horizon().toString();
            // Codes, in the agreement's order; the window names them in its language.
            String parties = "(SELECT group_concat(organisation, ';') FROM (SELECT p.organisation FROM agreement_party p"
                    + " WHERE p.agreement_key = a.row_key ORDER BY p.position))";
            String expiry = "SELECT a.id, a.reference, a.title, a.type, a.status, 'expiry', a.expires_on, " + parties
                    + " FROM agreement a WHERE a.status IN ('active', 'suspended') AND a.expires_on IS NOT NULL"
                    + " AND a.expires_on <= ?";
            String review = "SELECT a.id, a.reference, a.title, a.type, a.status, 'review', a.review_due, " + parties
                    + " FROM agreement a WHERE a.status NOT IN ('terminated', 'expired') AND a.review_due IS NOT NULL"
                    + " AND a.review_due <= ?";
            String sql = query.kind() == DueKind.EXPIRY ? expiry : query.kind() == DueKind.REVIEW ? review
                    : expiry + " UNION ALL " + review;
            List<AgreementDue> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY 7, 2")) {
                ps.setString(1, horizon);
                if (query.kind() == null) {
                    ps.setString(2, horizon);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new AgreementDue(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                CodedValue.parse(AgreementType.class, rs.getString(4)),
                                CodedValue.parse(AgreementStatus.class, rs.getString(5)),
                                CodedValue.parse(DueKind.class, rs.getString(6)), LocalDate.parse(rs.getString(7)),
                                list(rs.getString(8))));
                    }
                }
            }
            return due;
        });
    }

    /** The status timeline of an agreement, oldest first. */
    public List<StatusChange> timeline(UUID agreementId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.from_status, s.to_status, s.effective_on, s.reason, s.recorded_at, s.recorded_by
                    FROM agreement_status_change s JOIN agreement a ON a.row_key = s.agreement_key
                    WHERE a.id = ? ORDER BY s.row_key""")) {
                ps.setString(1, agreementId.toString());
                List<StatusChange> changes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new StatusChange(UUID.fromString(rs.getString(1)), agreementId,
                                CodedValue.parse(AgreementStatus.class, rs.getString(2)),
                                CodedValue.parse(AgreementStatus.class, rs.getString(3)),
                                LocalDate.parse(rs.getString(4)), rs.getString(5), Instant.parse(rs.getString(6)),
                                rs.getString(7)));
                    }
                }
                return changes;
            }
        });
    }

    public List<Attachment> attachments(UUID agreementId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.id, t.file_name, t.stored_name, t.sha256, t.size, t.added_at, t.added_by
                    FROM agreement_attachment t JOIN agreement a ON a.row_key = t.agreement_key
                    WHERE a.id = ? ORDER BY t.row_key""")) {
                ps.setString(1, agreementId.toString());
                List<Attachment> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Attachment(UUID.fromString(rs.getString(1)), agreementId, rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getLong(5), Instant.parse(rs.getString(6)),
                                rs.getString(7)));
                    }
                }
                return found;
            }
        });
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * Stores a new agreement (a fresh id unless it has one), its parties and datasets, its first status on the
     * timeline and its audit event. Organisations and datasets it names must exist.
     */
    public SharingAgreement insert(Tx tx, SharingAgreement a, String reason) {
        Instant now = Instant.now();
        SharingAgreement stored = a.withIdentity(a.id() != null ? a.id() : UUID.randomUUID(), now, now);
        try {
            PreparedStatement ps = tx.prepare(INSERT);
            ps.setString(1, stored.id().toString());
            ps.setString(2, now.toString());
            bindContent(ps, 3, stored);
            ps.executeUpdate();
            long key = key(tx, stored.id());
            writeChildren(tx, key, stored);
            appendStatus(tx, key, null, stored.status(), stored.statusSince(), reason);
        } catch (SQLException e) {
            throw new StoreException("Cannot store agreement " + a.reference() + ": " + e.getMessage(), e);
        }
        tx.audit(ENTITY, stored.id().toString(), "create", null, stored.byHeader(), reason);
        return stored;
    }

    /**
     * Replaces the content of {@code current} with {@code changed}; the status moves only when it differs, and
     * then it is recorded on the timeline with {@code reason}. Returns {@code current} when nothing changed.
     */
    public SharingAgreement update(Tx tx, SharingAgreement current, SharingAgreement changed, String reason) {
        if (current.sameContent(changed)) {
            return current;
        }
        SharingAgreement stored = changed.withIdentity(current.id(), current.createdAt(), Instant.now());
        try {
            long key = key(tx, current.id());
            PreparedStatement ps = tx.prepare(UPDATE);
            int i = bindContent(ps, 1, stored);
            ps.setLong(i, key);
            ps.executeUpdate();
            PreparedStatement parties = tx.prepare("DELETE FROM agreement_party WHERE agreement_key = ?");
            parties.setLong(1, key);
            parties.executeUpdate();
            PreparedStatement datasets = tx.prepare("DELETE FROM agreement_dataset WHERE agreement_key = ?");
            datasets.setLong(1, key);
            datasets.executeUpdate();
            writeChildren(tx, key, stored);
            if (stored.status() != current.status()) {
                appendStatus(tx, key, current.status(), stored.status(), stored.statusSince(), reason);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot update agreement " + current.reference() + ": " + e.getMessage(), e);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<AgreementColumn, String> was = current.columns();
        Map<AgreementColumn, String> now = stored.columns();
        for (AgreementColumn column : AgreementColumn.values()) {
            if (!java.util.Objects.equals(was.get(column), now.get(column))) {
                before.put(column.header(), was.get(column));
                after.put(column.header(), now.get(column));
            }
        }
        tx.audit(ENTITY, stored.id().toString(), "update", before, after, reason);
        return stored;
    }

    /** Moves an agreement to another status on {@code effectiveOn}: the timeline, the record and its audit event. */
    public SharingAgreement changeStatus(Tx tx, SharingAgreement current, AgreementStatus to, LocalDate effectiveOn,
                                         String reason) {
        Instant now = Instant.now();
        try {
            long key = key(tx, current.id());
            PreparedStatement ps = tx.prepare(
                    "UPDATE agreement SET status = ?, status_since = ?, updated_at = ? WHERE row_key = ?");
            ps.setString(1, to.code());
            ps.setString(2, effectiveOn.toString());
            ps.setString(3, now.toString());
            ps.setLong(4, key);
            ps.executeUpdate();
            appendStatus(tx, key, current.status(), to, effectiveOn, reason);
        } catch (SQLException e) {
            throw new StoreException("Cannot change the status of " + current.reference() + ": " + e.getMessage(), e);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", current.status().code());
        before.put("status_since", current.statusSince() == null ? null : current.statusSince().toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.code());
        after.put("status_since", effectiveOn.toString());
        tx.audit(ENTITY, current.id().toString(), "status", before, after, reason);
        SharingAgreement changed = current.withStatus(to, effectiveOn);
        return changed.withIdentity(current.id(), current.createdAt(), now);
    }

    /** Records an attachment whose file is already in place; appends its audit event. */
    public Attachment addAttachment(Tx tx, SharingAgreement agreement, Attachment attachment) {
        try {
            PreparedStatement ps = tx.prepare("""
                    INSERT INTO agreement_attachment (id, agreement_key, file_name, stored_name, sha256, size,
                        added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setString(1, attachment.id().toString());
            ps.setLong(2, key(tx, agreement.id()));
            ps.setString(3, attachment.fileName());
            ps.setString(4, attachment.storedName());
            ps.setString(5, attachment.sha256());
            ps.setLong(6, attachment.size());
            ps.setString(7, attachment.addedAt().toString());
            ps.setString(8, attachment.addedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the attachment " + attachment.fileName() + ": " + e.getMessage(), e);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("attachment", attachment.fileName());
        after.put("sha256", attachment.sha256());
        after.put("size", attachment.size());
        tx.audit(ENTITY, agreement.id().toString(), "attach", null, after, null);
        return attachment;
    }

    private static void writeChildren(Tx tx, long key, SharingAgreement a) throws SQLException {
        PreparedStatement party = tx.prepare("""
                INSERT INTO agreement_party (agreement_key, position, organisation, role, signatory, signed_on)
                VALUES (?, ?, ?, ?, ?, ?)""");
        int position = 0;
        for (AgreementParty p : a.parties()) {
            party.setLong(1, key);
            party.setInt(2, position++);
            party.setString(3, p.organisation());
            party.setString(4, p.role().code());
            party.setString(5, p.signatory());
            party.setString(6, p.signedOn() == null ? null : p.signedOn().toString());
            party.executeUpdate();
        }
        PreparedStatement dataset = tx.prepare("""
                INSERT INTO agreement_dataset (agreement_key, position, dataset_key, data_items)
                VALUES (?, ?, (SELECT row_key FROM dataset WHERE code = ?), ?)""");
        position = 0;
        for (CoveredDataset d : a.datasets()) {
            dataset.setLong(1, key);
            dataset.setInt(2, position++);
            dataset.setString(3, d.datasetCode());
            dataset.setString(4, d.dataItems().isEmpty() ? null : String.join(", ", d.dataItems()));
            dataset.executeUpdate();
        }
    }

    private static void appendStatus(Tx tx, long key, AgreementStatus from, AgreementStatus to, LocalDate on,
                                     String reason) throws SQLException {
        PreparedStatement ps = tx.prepare("""
                INSERT INTO agreement_status_change (id, agreement_key, from_status, to_status, effective_on, reason,
                    recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        ps.setString(1, UUID.randomUUID().toString());
        ps.setLong(2, key);
        ps.setString(3, from == null ? null : from.code());
        ps.setString(4, to.code());
        ps.setString(5, (on != null ? on : LocalDate.now()).toString());
        ps.setString(6, reason);
        ps.setString(7, Instant.now().toString());
        ps.setString(8, tx.actor());
        ps.executeUpdate();
    }

    private static long key(Tx tx, UUID id) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT row_key FROM agreement WHERE id = ?");
        ps.setString(1, id.toString());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("Agreement " + id + " is no longer in the workbench", null);
            }
            return rs.getLong(1);
        }
    }

    private static int bindContent(PreparedStatement ps, int i, SharingAgreement a) throws SQLException {
        Map<AgreementColumn, String> c = a.columns();
        for (AgreementColumn column : AgreementColumn.values()) {
            if (column == AgreementColumn.PARTIES || column == AgreementColumn.DATASETS) {
                continue;
            }
            if (column == AgreementColumn.CROSS_BOUNDARY) {
                ps.setInt(i++, a.crossBoundary() ? 1 : 0);
            } else {
                String v = c.get(column);
                if (v == null) {
                    ps.setNull(i++, Types.VARCHAR);
                } else {
                    ps.setString(i++, v);
                }
            }
        }
        ps.setString(i++, a.updatedAt().toString());
        return i;
    }

    // ---- rows ------------------------------------------------------------------------------------------------

    /** An agreement as read, before its parties and datasets join it. */
    private record Row(long key, SharingAgreement agreement) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        SharingAgreement a = new SharingAgreement(UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
                CodedValue.parse(AgreementType.class, rs.getString(5)),
                CodedValue.parse(AgreementStatus.class, rs.getString(6)), date(rs.getString(7)), rs.getString(8),
                CodedValue.parse(LegalBasis.class, rs.getString(9)), rs.getString(10), List.of(), List.of(),
                list(rs.getString(11)), list(rs.getString(12)), rs.getString(13),
                CodedValue.parse(ExchangeMechanism.class, rs.getString(14)),
                CodedValue.parse(UpdateFrequency.class, rs.getString(15)), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getInt(21) == 1, list(rs.getString(22)),
                CodedValue.parse(TransferMechanism.class, rs.getString(23)), rs.getString(24), rs.getString(25),
                date(rs.getString(26)), date(rs.getString(27)), date(rs.getString(28)), rs.getString(29),
                Instant.parse(rs.getString(30)), Instant.parse(rs.getString(31)));
        return new Row(rs.getLong(1), a);
    }

    /** Reads the parties and datasets of the rows (two queries for the lot) and builds the records. */
    private static List<SharingAgreement> complete(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        String keys = rows.stream().map(r -> Long.toString(r.key())).collect(
                java.util.stream.Collectors.joining(",", "[", "]"));
        Map<Long, List<AgreementParty>> parties = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(PARTIES)) {
            ps.setString(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parties.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AgreementParty(
                            rs.getString(2), CodedValue.parse(PartyRole.class, rs.getString(3)), rs.getString(4),
                            date(rs.getString(5))));
                }
            }
        }
        Map<Long, List<CoveredDataset>> datasets = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DATASETS)) {
            ps.setString(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String items = rs.getString(3);
                    datasets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new CoveredDataset(
                            rs.getString(2), items == null ? List.of()
                            : java.util.Arrays.stream(items.split(",")).map(String::strip).toList()));
                }
            }
        }
        List<SharingAgreement> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            SharingAgreement a = r.agreement();
            out.add(new SharingAgreement(a.id(), a.reference(), a.title(), a.type(), a.status(), a.statusSince(),
                    a.purpose(), a.legalBasis(), a.legalBasisNote(), parties.getOrDefault(r.key(), List.of()),
                    datasets.getOrDefault(r.key(), List.of()), a.personalDataCategories(), a.dataSubjects(),
                    a.classificationCeiling(), a.mechanism(), a.frequency(), a.securityMeasures(),
                    a.retentionDisposal(), a.onwardSharing(), a.breachNotification(), a.rightsContact(),
                    a.crossBoundary(), a.destinations(), a.transferMechanism(), a.safeguards(),
                    a.transferAssessment(), a.effectiveFrom(), a.expiresOn(), a.reviewDue(),
                    a.terminationConditions(), a.createdAt(), a.updatedAt()));
        }
        return out;
    }

    private static String order(AgreementQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        return " ORDER BY " + ORDER.get(query.sort()) + direction + ", a.row_key" + direction;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static List<String> list(String s) {
        return s == null ? List.of() : java.util.Arrays.stream(s.split(SharingAgreement.SEPARATOR))
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The WHERE clause of a query and its parameters, bound in order. */
    private record Where(String sql, List<Object> args) {

        static Where of(AgreementQuery q) {
            List<String> terms = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (q.text() != null && !q.text().isBlank()) {
                // Each word must appear somewhere; LIKE with the wildcards of the text escaped.
                for (String word : q.text().strip().split("\\s+")) {
                    String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    // The party and dataset look-ups do not depend on the row: SQLite works each out once.
                    terms.add("(a.reference LIKE ? ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\'"
                            + " OR a.purpose LIKE ? ESCAPE '\\'"
                            + " OR EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_key = a.row_key"
                            + " AND p.organisation IN (SELECT o.code FROM organisation o WHERE o.code LIKE ? ESCAPE '\\'"
                            + " OR o.name_en LIKE ? ESCAPE '\\' OR o.name_tc LIKE ? ESCAPE '\\'))"
                            + " OR EXISTS (SELECT 1 FROM agreement_dataset ad WHERE ad.agreement_key = a.row_key"
                            + " AND ad.dataset_key IN (SELECT d.row_key FROM dataset d WHERE d.code LIKE ? ESCAPE '\\')))");
                    for (int i = 0; i < 7; i++) {
                        args.add(like);
                    }
                }
            }
            if (!q.types().isEmpty()) {
                terms.add("a.type IN (" + marks(q.types().size()) + ")");
                q.types().forEach(t -> args.add(t.code()));
            }
            if (!q.statuses().isEmpty()) {
                terms.add("a.status IN (" + marks(q.statuses().size()) + ")");
                q.statuses().forEach(s -> args.add(s.code()));
            }
            if (q.party() != null) {
                terms.add("EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_key = a.row_key"
                        + " AND p.organisation = ? COLLATE NOCASE)");
                args.add(q.party());
            }
            if (q.crossBoundary() != null) {
                terms.add("a.cross_boundary = ?");
                args.add(q.crossBoundary() ? 1 : 0);
            }
            if (q.expiringWithin() != null) {
                terms.add(EXPIRING_BY);
                args.add(q.today().plusDays(q.expiringWithin()).toString());
            }
            return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), args);
        }

        private static String marks(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }

        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object o : args) {
                if (o instanceof Integer n) {
                    ps.setInt(i++, n);
                } else {
                    ps.setString(i++, (String) o);
                }
            }
            return i;
        }
    }
}
