package org.custodian.logic.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one way JSON and YAML a person imports is parsed: text decoded strictly ({@link ImportFile#text}), nesting
 * and value lengths bounded (100,000 '[' stop at the limit, not in a stack overflow), and every parser failure
 * turned into a refusal naming the file and the line. YAML aliases are never expanded: Jackson reports an alias as
 * its name, and the loader options below bound them again should a reader ever compose YAML itself.
 */
public final class JsonInput {

    /** Far deeper than anything Custodian writes (an assessment export is six levels deep). */
    public static final int MAX_DEPTH = 200;
    /** Far longer than any field Custodian keeps (20,000 characters), far short of filling the memory. */
    public static final int MAX_TEXT = 1_000_000;

    private static final JsonFactory RECORDS = JsonFactory.builder().streamReadConstraints(limits(MAX_TEXT)).build();
    private static final ObjectMapper RECORD_MAPPER = new ObjectMapper(RECORDS);
    // An assessment export carries its evidence files inside, each a base64 value as long as the file allows.
    private static final ObjectMapper DOCUMENT_MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(limits((int) ImportFile.Limit.REGISTER.bytes())).build());
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(limits(MAX_TEXT)).build();

    private JsonInput() {
    }

    private static StreamReadConstraints limits(int maxText) {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(maxText).build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) ImportFile.Limit.DEFINITION.bytes());
        return options;
    }

    /** A streaming parser over the JSON text of {@code in} (UTF-8, read strictly), for files read row by row. */
    public static JsonParser parser(String name, InputStream in) throws IOException {
        return RECORDS.createParser(ImportFile.text(name, in, StandardCharsets.UTF_8, ImportFile.Text.STRUCTURED));
    }

    /** The value at a streaming parser's current token, as a tree: one row of an array. */
    public static JsonNode readTree(JsonParser parser) throws IOException {
        return RECORD_MAPPER.readTree(parser);
    }

    /**
     * The whole of {@code in} as one JSON value (a CKAN response); anything after that value is refused too.
     *
     * @throws InputRejectedException naming the file and the line of the fault, or when it holds no value
     */
    public static JsonNode tree(String name, InputStream in) {
        return whole(RECORD_MAPPER, name, in);
    }

    /** As {@link #tree}, for an assessment export whose evidence files are inside it as long base64 values. */
    public static JsonNode document(String name, InputStream in) {
        return whole(DOCUMENT_MAPPER, name, in);
    }

    private static JsonNode whole(ObjectMapper mapper, String name, InputStream in) {
        JsonParser parser = null;
        try {
            parser = mapper.getFactory().createParser(ImportFile.text(name, in, StandardCharsets.UTF_8,
                    ImportFile.Text.STRUCTURED));
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new InputRejectedException(name + ": the file is empty");
            }
            if (parser.nextToken() != null) {
                throw new InputRejectedException(name + ", line " + parser.currentTokenLocation().getLineNr()
                        + ": more follows the end of the JSON value; the file holds one value");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            throw rejected(name, "JSON", e, parser);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading is over either way
                }
            }
        }
    }

    /** A parser over the text of a scheme or template file: JSON when its name ends in {@code .json}, else YAML. */
    public static JsonParser definitionParser(String name, String text) throws IOException {
        return (isJson(name) ? RECORDS : YAML).createParser(text);
    }

    public static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * What a failure to parse {@code name} means to the person who chose it: the input's own fault (bad bytes,
     * a NUL) as the reader found it; else "name, line N: not well-formed JSON (what the parser says)", or that the
     * file is nested too deeply or holds a value too long to read.
     *
     * @param format "JSON" or "YAML"
     */
    public static InputRejectedException rejected(String name, String format, Throwable failure) {
        return rejected(name, format, failure, null);
    }

    /** As {@link #rejected(String, String, Throwable)}, placing a failure without a location where the parser is. */
    public static InputRejectedException rejected(String name, String format, Throwable failure, JsonParser parser) {
        var fault = ImportFile.fault(failure);
        if (fault.isPresent()) {
            return fault.get();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return new InputRejectedException(at(name, limit, parser) + ": " + overLimit(limit), failure);
            }
        }
        if (failure instanceof JsonProcessingException p) {
            String why = p.getOriginalMessage() == null ? "" : p.getOriginalMessage().lines().findFirst().orElse("");
            // Where the parser was is said once, as the line; its own "[Source: …]" notes say it again, unreadably.
            why = why.replaceFirst(" ?\\(start marker at \\[Source.*", "").replaceFirst(" ?at \\[Source.*", "");
            if (why.length() > 160) {
                why = why.substring(0, 160) + "…";
            }
            return new InputRejectedException(at(name, p, parser) + ": not well-formed " + format + " (" + why + ")",
                    failure);
        }
        return ImportFile.rejected(name, failure);
    }

    private static String overLimit(StreamConstraintsException limit) {
        String why = limit.getOriginalMessage();
        if (why.contains("nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep; no file Custodian reads is";
        }
        if (why.contains("String value length")) {
            return "a text value too long to read; no field Custodian keeps is near that long";
        }
        return "too large to read (" + why.replaceFirst(", from `[^`]*`", "") + ")";
    }

    private static String at(String name, JsonProcessingException e, JsonParser parser) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (line <= 0 && parser != null) {
            line = parser.currentLocation().getLineNr();
        }
        return name + (line > 0 ? ", line " + line : "");
    }
}
