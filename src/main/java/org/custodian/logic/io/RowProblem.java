package org.custodian.logic.io;

/** One rejected input row: where (source, line, column) and what is wrong, in words a person can act on. */
public record RowProblem(String source, long line, String column, String message) {

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
