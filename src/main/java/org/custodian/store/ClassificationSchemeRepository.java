package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;

/** The workbench's classification scheme: its levels, lowest first, with their markings and handling rules. */
public final class ClassificationSchemeRepository {

    public static final String ENTITY = "classification_scheme";

    private static final String LEVELS = """
            SELECT code, rank, name_en, name_tc, colour, marking, encryption_at_rest, open_data_allowed, mechanisms,
                   classification_review_months, access_review_months, downgrade_approval
            FROM classification_level ORDER BY rank""";

    private final Database database;

    public ClassificationSchemeRepository(Database database) {
        this.database = database;
    }

    public List<ClassificationLevel> levels() {
        return scheme().levels();
    }

    public ClassificationScheme scheme() {
        return database.read(c -> {
            String id;
            String nameEn;
            String nameTc;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name_en, name_tc FROM classification_scheme");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getString(1);
                nameEn = rs.getString(2);
                nameTc = rs.getString(3);
            }
            List<ClassificationLevel> levels = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LEVELS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.add(level(rs));
                }
            }
            return new ClassificationScheme(id, nameEn, nameTc, levels);
        });
    }

    private static ClassificationLevel level(ResultSet rs) throws SQLException {
        Set<ExchangeMechanism> mechanisms = EnumSet.noneOf(ExchangeMechanism.class);
        for (String code : rs.getString(9).split(";")) {
            ExchangeMechanism m = CodedValue.parse(ExchangeMechanism.class, code);
            if (m != null) {
                mechanisms.add(m);
            }
        }
        HandlingRules rules = new HandlingRules(rs.getInt(7) == 1, rs.getInt(8) == 1, mechanisms,
                months(rs, 10), months(rs, 11), rs.getInt(12) == 1);
        return new ClassificationLevel(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rules);
    }

    private static Period months(ResultSet rs, int column) throws SQLException {
        int m = rs.getInt(column);
        return rs.wasNull() ? null : Period.ofMonths(m).normalized();
    }

    /**
     * Level codes that decisions or datasets point at, upper-cased: a new scheme must keep every one. Read in the
     * transaction that loads the scheme, so no decision can slip in between.
     */
    public Set<String> levelsInUse(Tx tx) {
        Set<String> used = new TreeSet<>();
        try (ResultSet rs = tx.prepare("""
                SELECT level FROM classification_decision UNION SELECT classification FROM dataset
                WHERE classification IS NOT NULL UNION SELECT classification_ceiling FROM agreement
                WHERE classification_ceiling IS NOT NULL""").executeQuery()) {
            while (rs.next()) {
                used.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the levels in use: " + e.getMessage(), e);
        }
        return used;
    }

    /**
     * Makes {@code scheme} the workbench's scheme in {@code tx}: levels it keeps take their new rank, labels and
     * rules, new ones are added and unused ones removed. The caller has checked that every level in use is kept.
     */
    public void replace(Tx tx, ClassificationScheme scheme, String loadedFrom, String reason) {
        ClassificationScheme before = scheme();
        try {
            // Ranks are unique: move the old ones out of the way before writing the new order.
            tx.prepare("UPDATE classification_level SET rank = -1 - rank").executeUpdate();
            Set<String> kept = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (ClassificationLevel l : scheme.levels()) {
                kept.add(l.code());
                PreparedStatement ps = tx.prepare("""
                        INSERT INTO classification_level (code, rank, name_en, name_tc, colour, marking,
                            encryption_at_rest, open_data_allowed, mechanisms, classification_review_months,
                            access_review_months, downgrade_approval)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET rank = excluded.rank, name_en = excluded.name_en,
                            name_tc = excluded.name_tc, colour = excluded.colour, marking = excluded.marking,
                            encryption_at_rest = excluded.encryption_at_rest,
                            open_data_allowed = excluded.open_data_allowed, mechanisms = excluded.mechanisms,
                            classification_review_months = excluded.classification_review_months,
                            access_review_months = excluded.access_review_months,
                            downgrade_approval = excluded.downgrade_approval""");
                HandlingRules r = l.rules();
                ps.setString(1, l.code());
                ps.setInt(2, l.rank());
                ps.setString(3, l.nameEn());
                ps.setString(4, l.nameTc());
                ps.setString(5, l.colour());
                ps.setString(6, l.marking());
                ps.setInt(7, r.encryptionAtRest() ? 1 : 0);
                ps.setInt(8, r.openDataAllowed() ? 1 : 0);
                ps.setString(9, String.join(";", r.mechanisms().stream().map(ExchangeMechanism::code).toList()));
                setMonths(ps, 10, r.classificationReview());
                setMonths(ps, 11, r.accessReview());
                ps.setInt(12, r.downgradeNeedsApproval() ? 1 : 0);
                ps.executeUpdate();
            }
            for (ClassificationLevel old : before.levels()) {
                if (!kept.contains(old.code())) {
                    PreparedStatement del = tx.prepare("DELETE FROM classification_level WHERE code = ?");
                    del.setString(1, old.code());
                    del.executeUpdate();
                }
            }
            PreparedStatement ps = tx.prepare("""
                    UPDATE classification_scheme SET id = ?, name_en = ?, name_tc = ?, loaded_from = ?, loaded_at = ?""");
            ps.setString(1, scheme.id());
            ps.setString(2, scheme.nameEn());
            ps.setString(3, scheme.nameTc());
            ps.setString(4, loadedFrom);
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot load the classification scheme " + scheme.id() + ": " + e.getMessage(), e);
        }
        // Review dates not yet fixed by a decision or an access review (a first access review) follow the new
        // levels' intervals; the dates recorded on decisions and reviews stay as recorded.
        ReviewQueueRepository.refreshAll(tx);
        tx.audit(ENTITY, scheme.id(), "load", summary(before), summary(scheme), reason);
    }

    private static void setMonths(PreparedStatement ps, int i, Period p) throws SQLException {
        if (p == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setInt(i, (int) p.toTotalMonths());
        }
    }

    private static Map<String, Object> summary(ClassificationScheme s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name_en", s.nameEn());
        m.put("levels", s.levels().stream().map(ClassificationLevel::code).toList());
        return m;
    }
}
