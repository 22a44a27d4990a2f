package org.custodian.logic.io;

import org.custodian.model.validation.Problem;

/**
 * One problem of an input row: where (source, line, column) and what is wrong, in words a person can act on;
 * with the validator's {@link Problem} when it came from one, so a window can say it in the user's language.
 */
public record RowProblem(String source, long line, String column, String message, Problem problem) {

    public RowProblem(String source, long line, String column, String message) {
        this(source, line, column, message, null);
    }

    public String describe() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(", line ").append(line);
        }
        if (column != null && !column.isBlank()) {
            s.append(", column ").append(column);
        }
        return s.append(": ").append(message).toString();
    }
}
