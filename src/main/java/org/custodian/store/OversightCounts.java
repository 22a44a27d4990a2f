package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's counts across the registers, read as one statement: SQLite answers it from one snapshot, so the
 * figures agree with each other even while an import writes. Each part uses the same condition as the list it
 * clicks through to (the inventory's facet filter, {@link AgreementRepository#EXPIRING_BY}, the reviews queue's
 * {@link ReviewQueueRepository#LISTED}), so a tile's number is the filtered list's count.
 */
public final class OversightCounts {

    /** What one reading brings back: each part's value (a code, "" for none) and its count, in the part's order. */
    public record Tally(Map<String, Long> byLevel, List<Department> byDepartment, Map<String, Long> personalData,
                        Map<String, Long> openData, Map<String, Long> agreementsByStatus,
                        Map<Integer, Long> expiringWithin, Map<String, Long> overdueReviews,
                        Map<String, Long> assessmentsByStatus, Map<String, Long> assessmentsByRisk) {
    }

    /** A department's code, its names from the organisation list (null when it lacks the code) and its count. */
    public record Department(String code, String nameEn, String nameTc, long count) {
    }

    private final Database database;

    public OversightCounts(Database database) {
        this.database = database;
    }

    /**
     * Counts datasets whose lifecycle is one of {@code lifecycles}, every agreement (and those in force expiring
     * within each of {@code windows} days of {@code today}), reviews overdue on {@code today}, and every assessment
     * revision.
     */
    public Tally count(Set<String> lifecycles, List<Integer> windows, LocalDate today) {
        List<String> lifecycleCodes = new ArrayList<>(new java.util.TreeSet<>(lifecycles));
        String inUse = "d.lifecycle_status IN (" + String.join(", ", java.util.Collections.nCopies(
                lifecycleCodes.size(), "?")) + ")";
        StringBuilder sql = new StringBuilder();
        List<String> args = new ArrayList<>();
        // part, value, count, name_en, name_tc: one shape for every part so they go as one UNION ALL.
        for (String[] facet : new String[][] {{"level", "d.classification"}, {"personal", "d.personal_data"},
                {"open", "d.open_data_status"}}) {
            sql.append("SELECT '").append(facet[0]).append("', coalesce(").append(facet[1])
                    .append(", ''), count(*), NULL, NULL FROM dataset d WHERE ").append(inUse)
                    .append(" GROUP BY 2\nUNION ALL\n");
            args.addAll(lifecycleCodes);
        }
        sql.append("SELECT 'department', x.department, x.n, o.name_en, o.name_tc FROM (SELECT d.department, count(*) n")
                .append(" FROM dataset d WHERE ").append(inUse).append(" GROUP BY 1) x")
                .append(" LEFT JOIN organisation o ON o.code = x.department\nUNION ALL\n");
        args.addAll(lifecycleCodes);
        sql.append("SELECT 'agreement', a.status, count(*), NULL, NULL FROM agreement a GROUP BY 2\nUNION ALL\n");
        for (Integer days : windows) {
            sql.append("SELECT 'expiring', '").append(days.intValue()).append("', count(*), NULL, NULL")
                    .append(" FROM agreement a WHERE ").append(AgreementRepository.EXPIRING_BY)
                    .append("\nUNION ALL\n");
            args.add(today.plusDays(days).toString());
        }
        sql.append("SELECT 'review', r.kind, count(*), NULL, NULL FROM review_due r CROSS JOIN dataset d")
                .append(" WHERE d.id = r.dataset_id AND r.due_on < ? AND ").append(ReviewQueueRepository.LISTED)
                .append(" GROUP BY 2\nUNION ALL\n");
        args.add(today.toString());
        sql.append("SELECT 'assessment', a.status, count(*), NULL, NULL FROM assessment a GROUP BY 2\nUNION ALL\n");
        sql.append("SELECT 'risk', lower(coalesce(a.risk_level, '')), count(*), NULL, NULL FROM assessment a")
                .append(" GROUP BY 2");
        return database.read(c -> {
            Map<String, Map<String, Long>> parts = new LinkedHashMap<>();
            for (String part : List.of("level", "personal", "open", "agreement", "expiring", "review", "assessment",
                    "risk")) {
                parts.put(part, new LinkedHashMap<>());
            }
            List<Department> departments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String part = rs.getString(1);
                        if (part.equals("department")) {
                            departments.add(new Department(rs.getString(2), rs.getString(4), rs.getString(5),
                                    rs.getLong(3)));
                        } else {
                            parts.get(part).merge(rs.getString(2), rs.getLong(3), Long::sum);
                        }
                    }
                }
            }
            departments.sort(java.util.Comparator.comparingLong(Department::count).reversed()
                    .thenComparing(Department::code));
            Map<Integer, Long> expiring = new LinkedHashMap<>();
            for (Integer days : windows) {
                expiring.put(days, parts.get("expiring").getOrDefault(Integer.toString(days), 0L));
            }
            return new Tally(parts.get("level"), departments, parts.get("personal"), parts.get("open"),
                    parts.get("agreement"), expiring, parts.get("review"), parts.get("assessment"),
                    parts.get("risk"));
        });
    }
}
