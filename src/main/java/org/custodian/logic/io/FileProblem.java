package org.custodian.logic.io;

/**
 * One problem of a structured file (a scheme, a template): the file, the line, the path of the field
 * ({@code levels[2].colour}) and what is wrong.
 */
public record FileProblem(String source, int line, String path, String message) {

    public String describe() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(", line ").append(line);
        }
        if (path != null && !path.isEmpty()) {
            s.append(", ").append(path);
        }
        return s.append(": ").append(message).toString();
    }
}
