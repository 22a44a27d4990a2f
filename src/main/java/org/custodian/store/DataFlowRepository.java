package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.oversight.FlowAgreement;
import org.custodian.model.oversight.FlowOrganisation;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;

/**
 * What the data-flow map reads of the sharing register, one row per agreement: who gives data to whom, whether
 * personal data is in it, whether it crosses the boundary, and the highest level it shares.
 */
public final class DataFlowRepository {

    /*
     * Party codes come back as the organisation list spells them (the party's text may differ in case). Providers
     * are the parties that give data (provider, joint controller), recipients those that receive it (recipient,
     * processor, joint controller): PartyRole.provides() and receives() in SQL.
     */
    private static final String PARTIES = """
            (SELECT group_concat(code, ';') FROM (SELECT coalesce(o.code, p.organisation) AS code
                FROM agreement_party p LEFT JOIN organisation o ON o.code = p.organisation
                WHERE p.agreement_key = a.row_key AND p.role IN (%s) ORDER BY p.position))""";
    private static final String AGREEMENTS = """
            SELECT a.id, a.reference, a.title, a.type, a.status, a.cross_boundary,
                coalesce(trim(a.personal_data_categories), '') <> '' OR EXISTS (
                    SELECT 1 FROM agreement_dataset ad JOIN dataset d ON d.row_key = ad.dataset_key
                    WHERE ad.agreement_key = a.row_key AND d.personal_data = 'yes') AS personal,
                coalesce((SELECT l.code FROM agreement_dataset ad JOIN dataset d ON d.row_key = ad.dataset_key
                    JOIN classification_level l ON l.code = d.classification
                    WHERE ad.agreement_key = a.row_key ORDER BY l.rank DESC LIMIT 1),
                    (SELECT l.code FROM classification_level l WHERE l.code = a.classification_ceiling)) AS level,
                %s AS providers,
                %s AS recipients
            FROM agreement a
            WHERE a.type IN (SELECT value FROM json_each(?)) AND a.status IN (SELECT value FROM json_each(?))
            ORDER BY a.reference""".formatted(PARTIES.formatted("'provider', 'joint-controller'"),
            PARTIES.formatted("'recipient', 'processor', 'joint-controller'"));
    private static final String ORGANISATIONS = """
            SELECT code, name_en, name_tc FROM organisation WHERE code IN (SELECT value FROM json_each(?))
            ORDER BY code""";

    private final Database database;

    public DataFlowRepository(Database database) {
        this.database = database;
    }

    /** The agreements of these types in these statuses, by reference. */
    public List<FlowAgreement> agreements(Set<AgreementType> types, Set<AgreementStatus> statuses) {
        if (types.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(AGREEMENTS)) {
                ps.setString(1, json(types.stream().map(CodedValue::code).toList()));
                ps.setString(2, json(statuses.stream().map(CodedValue::code).toList()));
                List<FlowAgreement> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new FlowAgreement(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                CodedValue.parse(AgreementType.class, rs.getString(4)),
                                CodedValue.parse(AgreementStatus.class, rs.getString(5)), rs.getInt(6) == 1,
                                rs.getInt(7) == 1, rs.getString(8), codes(rs.getString(9)), codes(rs.getString(10))));
                    }
                }
                return rows;
            }
        });
    }

    /** The organisations with these codes (any case), by code; a code the list does not hold is left out. */
    public List<FlowOrganisation> organisations(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ORGANISATIONS)) {
                ps.setString(1, json(codes));
                List<FlowOrganisation> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new FlowOrganisation(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return rows;
            }
        });
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    /** A JSON array of strings for json_each: codes never hold quotes or backslashes, but escape them anyway. */
    private static String json(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
