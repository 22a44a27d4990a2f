package org.custodian.model.audit;

/** The newest event of the chain: write it down outside the file to detect truncation later. */
public record AuditHead(long sequence, String hash) {

    public static final AuditHead EMPTY = new AuditHead(0, AuditDigest.GENESIS);

    /** {@code 42:3fa9…}, the form {@code audit head} prints and {@code audit verify --expect} reads. */
    public String asText() {
        return sequence + ":" + hash;
    }

    public String shortText() {
        return "#" + sequence + " " + hash.substring(0, Math.min(12, hash.length()));
    }

    public static AuditHead parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected SEQUENCE:HASH, got '" + text + "'");
        }
        try {
            long sequence = Long.parseLong(text.substring(0, colon).trim());
            String hash = text.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the hash must be 64 hexadecimal digits, got '" + hash + "'");
            }
            return new AuditHead(sequence, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sequence must be a whole number, got '" + text.substring(0, colon) + "'");
        }
    }
}
