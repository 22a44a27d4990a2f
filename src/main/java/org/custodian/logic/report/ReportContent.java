package org.custodian.logic.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportOptions;

/**
 * A report before it is laid out: what it is about, its marking, its body as XHTML and its tables. The
 * fingerprint is the SHA-256 of what the report says (kind, marking, language, body and every cell of its tables,
 * which the CSV form writes), so the same records give the same fingerprint whenever the report is printed in the
 * same time zone (the assessment report names its zone), and a printed copy can be checked against the one
 * recorded in the audit chain.
 */
public record ReportContent(ReportKind kind, String subject, String title, ClassificationLevel marking,
                            ReportOptions options, boolean landscape, String body, List<ReportTable> tables,
                            int records) {

    public ReportContent {
        tables = List.copyOf(tables);
    }

    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {kind.code(), marking.code(), options.language().code(), body}) {
                field(sha, part);
            }
            for (ReportTable table : tables) {
                field(sha, table.name());
                table.header().forEach(h -> field(sha, h));
                for (List<String> row : table.rows()) {
                    sha.update((byte) 1);
                    row.forEach(cell -> field(sha, cell));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        sha.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
