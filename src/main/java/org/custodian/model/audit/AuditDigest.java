package org.custodian.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical form of an audit event and its SHA-256. Each field is written as its UTF-8 length, a colon and
 * its bytes, so no choice of field values can make two different events serialise alike; null is written as "-".
 * Changing this form breaks every existing chain: treat it as a file format.
 */
public final class AuditDigest {

    /** The previous hash of the first event in a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditDigest() {
    }

    public static String of(AuditEvent event) {
        MessageDigest sha = sha256();
        field(sha, "custodian-audit-v1");
        field(sha, Long.toString(event.sequence()));
        field(sha, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        field(sha, event.actor());
        field(sha, event.entityType());
        field(sha, event.entityId());
        field(sha, event.action());
        field(sha, event.before());
        field(sha, event.after());
        field(sha, event.reason());
        field(sha, event.previousHash());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) '-');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
