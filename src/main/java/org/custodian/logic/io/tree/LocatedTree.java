package org.custodian.logic.io.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.custodian.logic.io.InputRejectedException;

/**
 * A YAML or JSON file read into a tree that remembers the line of every field, so a checker can say
 * "scheme.yaml, line 14, levels[2].colour: …". Paths are dotted names with [index] for list items.
 */
public final class LocatedTree {

    private static final long MAX_BYTES = 4L * 1024 * 1024;
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
     * Reads {@code in}; a name ending in {@code .json} is read as JSON, anything else as YAML.
     *
     * @throws InputRejectedException when the file is not well-formed YAML or JSON, naming the line
     */
    public static LocatedTree read(String source, InputStream in) {
        JsonFactory factory = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? new JsonFactory()
                : new YAMLFactory();
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InputRejectedException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputRejectedException(source + ": the file is larger than 4 MB; a scheme or template file is"
                    + " a few kilobytes");
        }
        try (JsonParser p = factory.createParser(bytes)) {
            Map<String, Integer> lines = new HashMap<>();
            String[] duplicate = {null};
            if (p.nextToken() == null) {
                throw new InputRejectedException(source + ": the file is empty");
            }
            JsonNode root = new Builder(source, p, lines, duplicate).node("", 0);
            return new LocatedTree(source, root, lines, duplicate[0]);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String why = e.getOriginalMessage().lines().findFirst().orElse("not well-formed");
            throw new InputRejectedException(source + (line > 0 ? ", line " + line : "") + ": not well-formed "
                    + (factory instanceof YAMLFactory ? "YAML" : "JSON") + " (" + why + ")", e);
        } catch (IOException e) {
            throw new InputRejectedException(source + ": cannot be read (" + e.getMessage() + ")", e);
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
