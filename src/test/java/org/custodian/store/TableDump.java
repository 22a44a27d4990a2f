package org.custodian.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of every table of a workbench file as text, for comparing two files record by record. */
public final class TableDump {

    private TableDump() {
    }

    /**
     * Each table's rows, each row as its column values joined, sorted (VACUUM may renumber hidden rowids). Audit
     * events after {@code lastAuditSequence} are left out (a restore appends its own).
     */
    public static Map<String, List<String>> of(Path file, long lastAuditSequence) throws SQLException {
        Map<String, List<String>> dump = new TreeMap<>();
        try (Connection c = TestFiles.raw(file)) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            + " AND name <> 'flyway_schema_history' AND sql NOT LIKE 'CREATE VIRTUAL%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String where = table.equals("audit_event") ? " WHERE seq <= " + lastAuditSequence : "";
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT * FROM \"" + table + "\"" + where)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('\u241F');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                dump.put(table, rows);
            }
        }
        return dump;
    }
}
