package org.custodian.logic.io.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.custodian.logic.io.FileProblem;

/**
 * Checks the fields of a {@link LocatedTree} and collects every problem with its line and path, so a file's author
 * sees all of them at once. Scheme and template readers build on it.
 */
public class TreeChecker {

    private static final Set<String> NAME_KEYS = Set.of("en", "zh");

    protected final LocatedTree tree;
    protected final List<FileProblem> problems = new ArrayList<>();

    public TreeChecker(LocatedTree tree) {
        this.tree = tree;
    }

    public List<FileProblem> problems() {
        return problems;
    }

    public void problem(String path, String message) {
        problems.add(new FileProblem(tree.source(), tree.line(path), path, message));
    }

    public static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public void unknownKeys(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problem(path(path, key), "unknown field '" + key + "' (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    public String text(JsonNode parent, String path, String key) {
        return text(parent, path, key, 200);
    }

    /** The stripped text of {@code key}, or null after recording why it is missing, not text, or too long. */
    public String text(JsonNode parent, String path, String key, int maxLength) {
        JsonNode n = parent.get(key);
        String at = path(path, key);
        if (n == null || n.isNull()) {
            problem(at.isEmpty() ? key : at, "missing");
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            problem(at, "must be text");
            return null;
        }
        String s = n.asText().strip();
        if (s.isEmpty()) {
            problem(at, "must not be empty");
            return null;
        }
        if (s.length() > maxLength) {
            problem(at, "longer than " + maxLength + " characters");
            return null;
        }
        return s;
    }

    public String text(JsonNode parent, String key) {
        return text(parent, "", key);
    }

    public String[] labels(JsonNode parent, String key) {
        return labels(parent, "", key);
    }

    public String[] labels(JsonNode parent, String path, String key) {
        return labels(parent, path, key, 200);
    }

    /** The English and Chinese texts of {@code key} ({@code key: {en: …, zh: …}}). */
    public String[] labels(JsonNode parent, String path, String key, int maxLength) {
        JsonNode n = parent.get(key);
        String at = path(path, key);
        if (n == null || !n.isObject()) {
            problem(at, "must give the name in English and Chinese (en: …, zh: …)");
            return new String[] {null, null};
        }
        unknownKeys(n, at, NAME_KEYS);
        return new String[] {text(n, at, "en", maxLength), text(n, at, "zh", maxLength)};
    }

    public Boolean flag(JsonNode parent, String path, String key) {
        JsonNode n = parent.get(key);
        String at = path(path, key);
        if (n == null || n.isNull()) {
            problem(at, "missing: write true or false");
            return null;
        }
        if (!n.isBoolean()) {
            problem(at, "'" + n.asText() + "' is not true or false");
            return null;
        }
        return n.booleanValue();
    }
}
