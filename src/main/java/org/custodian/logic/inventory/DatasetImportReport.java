package org.custodian.logic.inventory;

import java.util.List;
import java.util.Map;
import org.custodian.logic.io.RowProblem;
import org.custodian.model.inventory.NewReference;

/**
 * Everything an import (or its dry run) found: a result per data row, the file's warnings, the reference
 * entries added, and the rejected rows as the file spelt them so they can be written out, fixed and re-imported.
 */
public record DatasetImportReport(String source, boolean dryRun, List<RowResult> rows, List<RowProblem> warnings,
                                  List<NewReference> addedReferences, List<String> headers,
                                  List<Map<String, String>> rejectedRows) {

    public DatasetImportReport {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        addedReferences = List.copyOf(addedReferences);
        headers = List.copyOf(headers);
        rejectedRows = List.copyOf(rejectedRows);
    }

    public long count(RowOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public boolean anyRejected() {
        return count(RowOutcome.REJECTED) > 0;
    }

    /** The counts and problems in the shape every importer reports. */
    public org.custodian.logic.io.ImportReport asImportReport() {
        List<RowProblem> problems = rows.stream().flatMap(r -> r.problems().stream()).toList();
        return new org.custodian.logic.io.ImportReport(source, (int) count(RowOutcome.CREATED),
                (int) count(RowOutcome.UPDATED), (int) count(RowOutcome.UNCHANGED), (int) count(RowOutcome.REJECTED),
                problems, warnings);
    }

    public String summary() {
        return source + (dryRun ? " (dry run, nothing saved)" : "") + ": " + count(RowOutcome.CREATED) + " created, "
                + count(RowOutcome.UPDATED) + " updated, " + count(RowOutcome.UNCHANGED) + " unchanged, "
                + count(RowOutcome.REJECTED) + " rejected";
    }
}
