package org.custodian.logic.io.tree;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.json.JsonInput;

/**
 * A YAML or JSON file read into a tree that remembers the line of every field, so a checker can say
 * "scheme.yaml, line 14, levels[2].colour: …". Paths are dotted names with [index] for list items.
 */
public final class LocatedTree {

    private static final int MAX_DEPTH = 32;

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final String duplicate;

    private LocatedTree(String source, JsonNode root, Map<String, Integer> lines, String duplicate) {
        this.source = source;
        this.root = root;
        this.lines = lines;
        this.duplicate = duplicate;
    }

    /**
     * Reads a scheme or template file a person chose, checked, bounded and decoded as every import is
     * ({@link ImportFile}); a name ending in {@code .json} is read as JSON, anything else as YAML.
     *
     * @throws InputRejectedException when the file is too large, not text, or not well-formed YAML or JSON
     */
    public static LocatedTree read(Path file) throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.DEFINITION);
        return read(input.name(), input.readAll());
    }

    /** As {@link #read(Path)}, from a stream (a file inside the jar, or the copy inside an export). */
    public static LocatedTree read(String source, InputStream in) {
        return read(source, bytes(source, in));
    }

    /** The bytes of a definition read from a stream, up to the limit a file of one has. */
    public static byte[] bytes(String source, InputStream in) {
        long limit = ImportFile.Limit.DEFINITION.bytes();
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) limit + 1);
        } catch (IOException e) {
            throw ImportFile.rejected(source, e);
        }
        if (bytes.length > limit) {
            throw ImportFile.Limit.DEFINITION.refusal(source, -1);
        }
        return bytes;
    }

    /** As {@link #read(Path)}, from the file's bytes. */
    public static LocatedTree read(String source, byte[] bytes) {
        String format = JsonInput.isJson(source) ? "JSON" : "YAML";
        String text = ImportFile.decode(source, bytes, ImportFile.Text.STRUCTURED);
        JsonParser p = null;
        try {
            p = JsonInput.definitionParser(source, text);
            Map<String, Integer> lines = new HashMap<>();
            String[] duplicate = {null};
            if (p.nextToken() == null) {
                throw new InputRejectedException(source + ": the file is empty");
            }
            JsonNode root = new Builder(source, p, lines, duplicate).node("", 0);
            return new LocatedTree(source, root, lines, duplicate[0]);
        } catch (IOException | RuntimeException e) {
            // A parser may fail on a hostile file in ways of its own; each is a refusal naming the file.
            throw JsonInput.rejected(source, format, e, p);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // the text is in memory
                }
            }
        }
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of {@code path}, or of its nearest parent that has one; 0 when unknown. */
    public int line(String path) {
        String p = path;
        while (p != null) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? (p.isEmpty() ? null : "") : p.substring(0, cut);
        }
        return 0;
    }

    /** The first key written twice in one mapping (a copy-paste slip a plain parser silently resolves), or null. */
    public String duplicateKey() {
        return duplicate;
    }

    private record Builder(String source, JsonParser p, Map<String, Integer> lines, String[] duplicate) {

        JsonNode node(String path, int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new InputRejectedException(source + ", line " + p.currentTokenLocation().getLineNr() + ", " + path
                        + ": nested more than " + MAX_DEPTH + " levels deep");
            }
            if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                // Never expanded: a few lines of aliases to aliases (a "billion laughs") would fill the memory.
                throw new InputRejectedException(source + ", line " + p.currentTokenLocation().getLineNr()
                        + (path.isEmpty() ? "" : ", " + path) + ": a YAML alias (*" + p.getText() + "); write the"
                        + " value out in full, Custodian does not expand aliases");
            }
            lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
            JsonToken t = p.currentToken();
            JsonNodeFactory f = JsonNodeFactory.instance;
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = f.objectNode();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        String child = path.isEmpty() ? name : path + "." + name;
                        lines.put(child, p.currentTokenLocation().getLineNr());
                        p.nextToken();
                        JsonNode value = node(child, depth + 1);
                        if (o.has(name) && duplicate[0] == null) {
                            duplicate[0] = child;
                        }
                        o.set(name, value);
                    }
                    return o;
                }
                case START_ARRAY -> {
                    ArrayNode a = f.arrayNode();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        a.add(node(path + "[" + i++ + "]", depth + 1));
                    }
                    return a;
                }
                case VALUE_STRING -> {
                    return f.textNode(p.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return f.numberNode(p.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return f.numberNode(p.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return f.booleanNode(t == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return f.nullNode();
                }
                default -> throw new InputRejectedException(source + ", " + path + ": unexpected " + t);
            }
        }
    }
}
