package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.model.classification.SourceDataset;

/** Derived data: which datasets a dataset was made from. */
public final class DatasetSourceRepository {

    private static final String SOURCES = """
            SELECT s.id, s.code, coalesce(s.title_en, s.title_tc), s.classification
            FROM dataset_source x JOIN dataset s ON s.id = x.source_id
            WHERE x.dataset_id = ? ORDER BY s.code""";

    private final Database database;

    public DatasetSourceRepository(Database database) {
        this.database = database;
    }

    public List<SourceDataset> sources(UUID datasetId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SOURCES)) {
                ps.setString(1, datasetId.toString());
                return read(ps);
            }
        });
    }

    /** Inside a write transaction: the sources as they stand there. */
    public List<SourceDataset> sources(Tx tx, UUID datasetId) {
        try {
            PreparedStatement ps = tx.prepare(SOURCES);
            ps.setString(1, datasetId.toString());
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the sources of dataset " + datasetId, e);
        }
    }

    /** Every derived dataset's sources, by the derived dataset's id (an import checks levels against them). */
    public Map<UUID, List<SourceDataset>> all() {
        return database.read(c -> {
            Map<UUID, List<SourceDataset>> all = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT x.dataset_id, s.id, s.code, coalesce(s.title_en, s.title_tc), s.classification
                    FROM dataset_source x JOIN dataset s ON s.id = x.source_id ORDER BY s.code""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>()).add(new SourceDataset(
                            UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return all;
        });
    }

    /** Whether {@code datasetId} is made from {@code ancestorId}, directly or through others (to refuse a cycle). */
    public boolean derivesFrom(Tx tx, UUID datasetId, UUID ancestorId) {
        try {
            PreparedStatement ps = tx.prepare("""
                    WITH RECURSIVE up(id) AS (
                        SELECT source_id FROM dataset_source WHERE dataset_id = ?
                        UNION SELECT x.source_id FROM dataset_source x JOIN up ON x.dataset_id = up.id)
                    SELECT 1 FROM up WHERE id = ? LIMIT 1""");
            ps.setString(1, datasetId.toString());
            ps.setString(2, ancestorId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot follow the sources of dataset " + datasetId, e);
        }
    }

    /** Replaces the dataset's sources and records the change on the dataset's audit trail. */
    public void replace(Tx tx, UUID datasetId, List<SourceDataset> before, List<SourceDataset> after, String reason) {
        try {
            PreparedStatement del = tx.prepare("DELETE FROM dataset_source WHERE dataset_id = ?");
            del.setString(1, datasetId.toString());
            del.executeUpdate();
            PreparedStatement ins = tx.prepare("INSERT INTO dataset_source (dataset_id, source_id) VALUES (?, ?)");
            for (SourceDataset s : after) {
                ins.setString(1, datasetId.toString());
                ins.setString(2, s.id().toString());
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot record the sources of dataset " + datasetId + ": " + e.getMessage(), e);
        }
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("derived_from", codes(before));
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("derived_from", codes(after));
        tx.audit(DatasetRepository.ENTITY, datasetId.toString(), "update", was, now, reason);
    }

    private static String codes(List<SourceDataset> sources) {
        return String.join(";", sources.stream().map(SourceDataset::code).toList());
    }

    private static List<SourceDataset> read(PreparedStatement ps) throws SQLException {
        List<SourceDataset> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new SourceDataset(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
            }
        }
        return list;
    }
}
