package org.custodian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.io.csv.SafeCsvWriter;
import picocli.CommandLine;

/**
 * Prints records (column name → value, in column order) as an aligned text table, CSV (formula-safe, no BOM) or
 * a JSON array of objects whose keys are the CSV column names — the command line's one way to print a list.
 */
final class RecordOutput {

    enum Format { TEXT, CSV, JSON }

    private RecordOutput() {
    }

    static Format format(String text, Object command) {
        try {
            return Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "Unknown format '" + text
                    + "': use text, csv or json.");
        }
    }

    /**
     * Prints the records in the format. A value may be a list (a finding's records): JSON keeps it an array, text
     * and CSV join it with "; ".
     */
    static void print(PrintWriter out, Format format, List<String> columns, List<? extends Map<String, ?>> records)
            throws IOException {
        switch (format) {
            case JSON -> {
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(json.writeValueAsString(records));
            }
            case CSV -> {
                out.flush();
                OutputStream bytes = new WriterStream(out);
                try (SafeCsvWriter csv = new SafeCsvWriter(bytes, columns, false)) {
                    for (Map<String, ?> r : records) {
                        List<String> cells = new ArrayList<>();
                        columns.forEach(c -> cells.add(joined(r.get(c))));
                        csv.row(cells);
                    }
                }
            }
            case TEXT -> text(out, columns, records);
        }
        out.flush();
    }

    private static void text(PrintWriter out, List<String> columns, List<? extends Map<String, ?>> records) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
            for (Map<String, ?> r : records) {
                width[i] = Math.min(48, Math.max(width[i], cell(joined(r.get(columns.get(i)))).length()));
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(pad(columns.get(i), width[i], i == columns.size() - 1));
        }
        out.println(line.toString().stripTrailing());
        for (Map<String, ?> r : records) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                line.append(pad(cell(joined(r.get(columns.get(i)))), width[i], i == columns.size() - 1));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String joined(Object value) {
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String pad(String s, int width, boolean last) {
        String cut = s.length() > width ? s.substring(0, width - 1) + "…" : s;
        return last ? cut : cut + " ".repeat(width - cut.length() + 2);
    }

    /** Bytes to the command's PrintWriter as UTF-8 text; closing it only flushes (stdout stays open). */
    private static final class WriterStream extends FilterOutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            super(OutputStream.nullOutputStream());
            this.out = out;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
            out.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
            buffer.reset();
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
