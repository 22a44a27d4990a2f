package org.custodian.logic.io;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.model.inventory.DatasetColumn;

/**
 * One dataset as an input file gives it: where it is, its fields as text, the row as the file spelt it (for the
 * rejected-rows file), from a JSON export the record's own id and stamps, and what the reader already found
 * wrong with the row's shape (problems reject it, warnings are reported).
 */
public record SourceRow(long line, Map<DatasetColumn, String> fields, Map<String, String> original, UUID id,
                        Instant createdAt, Instant updatedAt, List<RowProblem> problems, List<RowProblem> warnings) {

    public SourceRow {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public static SourceRow of(long line, Map<DatasetColumn, String> fields, Map<String, String> original) {
        return new SourceRow(line, fields, original, null, null, null, List.of(), List.of());
    }

    public SourceRow withProblem(RowProblem problem) {
        List<RowProblem> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new SourceRow(line, fields, original, id, createdAt, updatedAt, more, warnings);
    }
}
