package org.custodian.logic.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.custodian.logic.io.SourceRow;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;

/**
 * Datasets as a JSON array of objects: the CSV column names as keys (lists as arrays, cross_boundary as a
 * boolean) plus {@code id}, {@code created_at} and {@code updated_at}, so an export re-imports to the same
 * records. Written and read as a stream.
 */
public final class DatasetJson {

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    /** Writes datasets one by one into an array. */
    public static final class Writer implements AutoCloseable {
        private final JsonGenerator out;

        public Writer(OutputStream stream) throws IOException {
            out = FACTORY.createGenerator(stream);
            out.useDefaultPrettyPrinter();
            out.writeStartArray();
        }

        public void write(Dataset d) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", d.id() == null ? null : d.id().toString());
            Map<DatasetColumn, String> columns = d.columns();
            for (DatasetColumn c : DatasetColumn.values()) {
                if (c.multiValued()) {
                    out.writeArrayFieldStart(c.header());
                    List<String> values = switch (c) {
                        case KEYWORDS -> d.keywords();
                        case FORMATS -> d.formats();
                        default -> d.personalDataCategories();
                    };
                    for (String v : values) {
                        out.writeString(v);
                    }
                    out.writeEndArray();
                } else if (c == DatasetColumn.CROSS_BOUNDARY) {
                    out.writeBooleanField(c.header(), d.crossBoundary());
                } else {
                    out.writeStringField(c.header(), columns.get(c));
                }
            }
            out.writeStringField("created_at", d.createdAt() == null ? null : d.createdAt().toString());
            out.writeStringField("updated_at", d.updatedAt() == null ? null : d.updatedAt().toString());
            out.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            out.writeEndArray();
            out.writeRaw('\n');
            out.close();
        }
    }

    private DatasetJson() {
    }

    /**
     * Reads the array lazily; a row's "line" is its position in the array. A value of the wrong type is left for the validator to report on its row; a file
     * that is not a JSON array of objects is rejected whole.
     */
    public static Iterable<SourceRow> read(String sourceName, InputStream in) {
        JsonParser parser;
        try {
            parser = JsonInput.parser(sourceName, in);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputRejectedException(sourceName + ": the file is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InputRejectedException(sourceName + " is not a JSON array of datasets (it should start"
                        + " with '[').");
            }
        } catch (IOException e) {
            throw JsonInput.rejected(sourceName, "JSON", e);
        }
        return () -> new Iterator<>() {
            private JsonNode next;
            private long index;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        JsonToken t = parser.nextToken();
                        if (t == JsonToken.END_ARRAY || t == null) {
                            done = true;
                        } else {
                            next = JsonInput.readTree(parser);
                        }
                    } catch (IOException e) {
                        throw JsonInput.rejected(sourceName, "JSON", e, parser);
                    }
                }
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                JsonNode node = next;
                next = null;
                index++;
                return row(sourceName, index, node);
            }
        };
    }

    private static SourceRow row(String source, long index, JsonNode node) {
        Map<DatasetColumn, String> fields = new EnumMap<>(DatasetColumn.class);
        Map<String, String> original = new LinkedHashMap<>();
        if (!node.isObject()) {
            return SourceRow.of(index, fields, original).withProblem(new RowProblem(source, index, null,
                    "dataset " + index + " of the array is not a JSON object"));
        }
        for (DatasetColumn c : DatasetColumn.values()) {
            String text = JsonCells.text(node.get(c.header()), Dataset.SEPARATOR);
            if (node.has(c.header())) {
                // As for CSV, a field the object lacks is told apart from one that is null.
                fields.put(c, text);
            }
            original.put(c.header(), text);
        }
        List<RowProblem> warnings = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (DatasetColumn.byHeader(name) == null && !name.equals("id") && !name.equals("created_at")
                    && !name.equals("updated_at")) {
                warnings.add(new RowProblem(source, index, name, "unknown field, ignored"));
            }
        });
        return new SourceRow(index, fields, original, uuid(node.get("id")), instant(node.get("created_at")),
                instant(node.get("updated_at")), List.of(), warnings);
    }

    private static UUID uuid(JsonNode n) {
        try {
            return n == null || n.isNull() ? null : UUID.fromString(n.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode n) {
        try {
            return n == null || n.isNull() ? null : Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
