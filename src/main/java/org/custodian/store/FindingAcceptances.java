package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.model.oversight.FindingAcceptance;

/** The accepted findings: written in the caller's audited transaction, never deleted (withdrawing stamps the row). */
public final class FindingAcceptances {

    public static final String ENTITY = "finding";
    private static final String SELECT = "SELECT id, finding_key, rule, records, reason, expires_on, accepted_at,"
            + " accepted_by, withdrawn_at, withdrawn_by FROM finding_acceptance";

    private final Database database;

    public FindingAcceptances(Database database) {
        this.database = database;
    }

    public FindingAcceptance insert(Tx tx, String findingKey, String rule, String records, String reason,
                                    LocalDate expiresOn) throws SQLException {
        FindingAcceptance a = new FindingAcceptance(UUID.randomUUID(), findingKey, rule, records, reason.strip(),
                expiresOn, Instant.now(), tx.actor(), null, null);
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO finding_acceptance (id, finding_key,"
                + " rule, records, reason, expires_on, accepted_at, accepted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id().toString());
            ps.setString(2, a.findingKey());
            ps.setString(3, a.rule());
            ps.setString(4, a.records());
            ps.setString(5, a.reason());
            ps.setString(6, a.expiresOn().toString());
            ps.setString(7, a.acceptedAt().toString());
            ps.setString(8, a.acceptedBy());
            ps.executeUpdate();
        }
        return a;
    }

    /** Marks an acceptance withdrawn; empty when there is none by that id or it was withdrawn already. */
    public Optional<FindingAcceptance> withdraw(Tx tx, UUID id) throws SQLException {
        Optional<FindingAcceptance> current = find(tx, id).filter(a -> a.withdrawnAt() == null);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE finding_acceptance SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, tx.actor());
            ps.setString(3, id.toString());
            ps.executeUpdate();
        }
        FindingAcceptance a = current.get();
        return Optional.of(new FindingAcceptance(a.id(), a.findingKey(), a.rule(), a.records(), a.reason(),
                a.expiresOn(), a.acceptedAt(), a.acceptedBy(), now, tx.actor()));
    }

    /** Every acceptance ever made, newest first. */
    public List<FindingAcceptance> list() {
        return database.read(c -> {
            List<FindingAcceptance> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY accepted_at DESC, row_key DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            return all;
        });
    }

    private static Optional<FindingAcceptance> find(Tx tx, UUID id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static FindingAcceptance read(ResultSet rs) throws SQLException {
        String withdrawn = rs.getString(9);
        return new FindingAcceptance(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), LocalDate.parse(rs.getString(6)), Instant.parse(rs.getString(7)),
                rs.getString(8), withdrawn == null ? null : Instant.parse(withdrawn), rs.getString(10));
    }
}
