package org.custodian.logic.io;

import java.util.List;

/** What an import did with each row: counts, and every problem of the rows it rejected or warned about. */
public record ImportReport(String source, int created, int updated, int unchanged, int rejected,
                           List<RowProblem> problems, List<RowProblem> warnings) {

    public ImportReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean anyRejected() {
        return rejected > 0;
    }

    public String summary() {
        return source + ": " + created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + rejected + " rejected";
    }
}
