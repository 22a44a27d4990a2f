package org.custodian.logic.report;

import java.util.List;

/** One of a report's tables as plain cells, for its CSV form. */
public record ReportTable(String name, List<String> header, List<List<String>> rows) {

    public ReportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
