package org.custodian.logic.inventory;

import java.util.List;
import org.custodian.logic.io.RowProblem;

/** One input row's result: its line, code, title, outcome and every problem or warning found in it. */
public record RowResult(long line, String code, String title, RowOutcome outcome, List<RowProblem> problems,
                        List<RowProblem> warnings) {

    public RowResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The problems as one line: "column: message; column: message". */
    public String details() {
        StringBuilder s = new StringBuilder();
        for (RowProblem p : problems) {
            s.append(s.length() == 0 ? "" : "; ");
            if (p.column() != null && !p.column().isBlank()) {
                s.append(p.column()).append(": ");
            }
            s.append(p.message());
        }
        return s.toString();
    }
}
