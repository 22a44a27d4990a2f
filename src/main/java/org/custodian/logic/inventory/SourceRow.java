package org.custodian.logic.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodian.model.inventory.DatasetColumn;

/**
 * One dataset as an input file gives it: where it is, its fields as text, the row as the file spelt it (for the
 * rejected-rows file) and, from a JSON export, the record's own id and stamps.
 */
public record SourceRow(long line, Map<DatasetColumn, String> fields, Map<String, String> original, UUID id,
                        Instant createdAt, Instant updatedAt) {

    public static SourceRow of(long line, Map<DatasetColumn, String> fields, Map<String, String> original) {
        return new SourceRow(line, fields, original, null, null, null);
    }
}
