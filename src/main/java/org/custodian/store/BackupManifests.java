package org.custodian.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.workbench.BackupManifest;

/**
 * Reads and writes the small JSON manifest kept beside each backup ({@code name.db.json}), and works one out from a
 * backup copy itself, so the manifest describes exactly the bytes it sits beside.
 */
public final class BackupManifests {

    /** The registers a manifest counts: its key, and the table that holds them. */
    private static final Map<String, String> REGISTERS = registers();

    private static Map<String, String> registers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("datasets", "dataset");
        m.put("decisions", "classification_decision");
        m.put("agreements", "agreement");
        m.put("assessments", "assessment");
        m.put("organisations", "organisation");
        m.put("trash", "trash_item");
        m.put("auditEvents", "audit_event");
        return m;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_MANIFEST_BYTES = 64 * 1024;

    private BackupManifests() {
    }

    /** Where the manifest of {@code backup} lives. */
    public static Path besideOf(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".json");
    }

    /** Works out the manifest of a (verified, closed) backup copy. */
    static BackupManifest describe(Path copy, String kind, String workbenchName, Instant takenAt) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        AuditHead head;
        String schema;
        try (Connection c = Connections.open(copy, true)) {
            for (Map.Entry<String, String> register : REGISTERS.entrySet()) {
                if (hasTable(c, register.getValue())) {
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT count(*) FROM " + register.getValue())) {
                        counts.put(register.getKey(), rs.next() ? rs.getLong(1) : 0L);
                    }
                }
            }
            head = hasTable(c, "audit_event") ? AuditLog.head(c) : AuditHead.EMPTY;
            schema = SchemaMigrations.currentVersion(c, copy);
        } catch (SQLException e) {
            throw new IOException("cannot describe the backup " + copy + ": " + e.getMessage(), e);
        }
        return new BackupManifest(takenAt, kind, workbenchName, schema, counts, head.sequence(), head.hash(),
                Files.size(copy), sha256(copy));
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static byte[] toJson(BackupManifest m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", 1);
        node.put("takenAt", m.takenAt().toString());
        node.put("kind", m.kind());
        node.put("workbench", m.workbench());
        node.put("schemaVersion", m.schemaVersion());
        ObjectNode counts = node.putObject("counts");
        m.counts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        ObjectNode audit = node.putObject("auditHead");
        audit.put("sequence", m.auditSequence());
        audit.put("hash", m.auditHash());
        node.put("bytes", m.bytes());
        node.put("sha256", m.sha256());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest cannot be written as JSON", e);
        }
    }

    /** Parses a manifest; throws IOException naming what is wrong. */
    public static BackupManifest fromJson(byte[] bytes, String where) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(where + " is not a backup manifest: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (node == null || !node.isObject() || node.path("format").asInt() != 1) {
            throw new IOException(where + " is not a backup manifest this version reads.");
        }
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.path("counts").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                counts.put(f.getKey(), f.getValue().asLong());
            }
            JsonNode audit = node.path("auditHead");
            return new BackupManifest(Instant.parse(node.path("takenAt").asText()), node.path("kind").asText("unknown"),
                    node.path("workbench").asText(""), node.path("schemaVersion").asText(""), counts,
                    audit.path("sequence").asLong(), audit.path("hash").asText(null), node.path("bytes").asLong(),
                    node.path("sha256").asText(null));
        } catch (RuntimeException e) {
            throw new IOException(where + " is not a readable backup manifest: " + e.getMessage(), e);
        }
    }

    /** The manifest beside {@code backup}, if there is a readable one. */
    public static Optional<BackupManifest> read(Path backup) {
        Path file = besideOf(backup);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_MANIFEST_BYTES) {
                return Optional.empty();
            }
            return Optional.of(fromJson(Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the manifest for {@code backup} (which may not have its final name yet) under {@code finalName}. */
    static void write(Path finalBackupName, BackupManifest manifest) throws IOException {
        Path target = besideOf(finalBackupName);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        OwnerOnlyFiles.createNew(partial);
        Files.write(partial, toJson(manifest));
        SqliteFiles.fsync(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
