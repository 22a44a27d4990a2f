package org.custodian.logic.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.model.validation.FieldText;

/**
 * Reads a CSV file the way every importer needs: strict decoding ({@link ImportFile#text}: a bad byte, a NUL or an
 * endless line rejects the file, never becomes a replacement character), an optional BOM, at most
 * {@link #MAX_COLUMNS} columns, header names matched case-insensitively in any order,
 * duplicate and missing required columns refused, unknown ones reported as warnings.
 */
public final class CsvSource implements AutoCloseable {

    /**
     * The widest file Custodian reads: the widest register has 29 columns, and a spreadsheet may save some empty
     * ones after them, but not thousands.
     */
    public static final int MAX_COLUMNS = 1000;
    // Beyond this many unknown columns one warning lists them, not a line each.
    private static final int UNKNOWN_NAMED = 10;

    /**
     * A data row: its first line, its values by canonical column name, and how many values it had beyond the
     * header's last named column (an unquoted comma shifts the row and leaves one there).
     */
    public record Row(long line, Map<String, String> values, int overflow) {
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private final String name;
    private final CSVParser parser;
    private final Map<String, Integer> columns;
    private final List<RowProblem> warnings = new ArrayList<>();
    private List<String> headers = List.of();
    private long previousEnd;
    private int namedCells;

    private CsvSource(String name, CSVParser parser, Map<String, Integer> columns) {
        this.name = name;
        this.parser = parser;
        this.columns = columns;
    }

    /**
     * @param known the canonical column names, lower case
     * @param required the columns a file must have
     */
    public static CsvSource open(String name, InputStream in, Charset charset, Set<String> known,
                                 Set<String> required) {
        try {
            Reader reader = ImportFile.text(name, in, charset, ImportFile.Text.CSV);
            CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader);
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new InputRejectedException(name + " is empty: expected a header line with "
                        + String.join(", ", required) + ".");
            }
            CSVRecord header = it.next();
            if (header.size() > MAX_COLUMNS) {
                // Refused before any row is read: every row of such a file would be thousands of cells of work.
                throw new InputRejectedException(name + ", line 1: the header has " + header.size() + " columns;"
                        + " Custodian reads at most " + MAX_COLUMNS + ".");
            }
            Map<String, Integer> columns = new HashMap<>();
            CsvSource source = new CsvSource(name, parser, columns);
            // Column names as written, without the apostrophe SafeCsvWriter put before a formula-like one.
            source.headers = header.stream().map(SafeCsvWriter::restore).toList();
            source.previousEnd = parser.getCurrentLineNumber();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String col = source.headers.get(i).strip().toLowerCase(Locale.ROOT);
                if (col.isEmpty()) {
                    continue; // spreadsheets save empty header cells after the last column
                }
                source.namedCells = i + 1;
                if (columns.containsKey(col)) {
                    throw new InputRejectedException(name + ", line 1: column '" + FieldText.shown(col)
                            + "' appears twice.");
                }
                if (!known.contains(col)) {
                    unknown.add(col);
                }
                columns.put(col, i);
            }
            if (unknown.size() <= UNKNOWN_NAMED) {
                unknown.forEach(col -> source.warnings.add(new RowProblem(name, 1, FieldText.shown(col),
                        "unknown column, ignored")));
            } else {
                source.warnings.add(new RowProblem(name, 1, null, unknown.size() + " unknown columns, ignored: "
                        + FieldText.shown(String.join(", ", unknown))));
            }
            List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new InputRejectedException(name + ", line 1: required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " missing (the header has " + source.headerText() + ").");
            }
            return source;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw rejected(name, e, 1);
        }
    }


    /** Reads every row; a decoding error rejects the whole file with the line where it happened. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        each().forEach(rows::add);
        return rows;
    }

    /**
     * The rows one at a time, for files too large to hold: a decoding or quoting error stops the iteration with
     * an {@link InputRejectedException} naming the line. A row's line is the line it starts on. A blank line is
     * no row (spreadsheets and editors leave them, often at the end).
     */
    public Iterable<Row> each() {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<CSVRecord> records = parser.iterator();
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && more()) {
                    CSVRecord r = record();
                    // The parser has read through this record's line end (and no further): the record started on
                    // the line after the previous one ended, however many lines a quoted value spans.
                    long startLine = previousEnd + 1;
                    previousEnd = parser.getCurrentLineNumber();
                    if (r.stream().allMatch(String::isBlank)) {
                        continue; // a blank line, or a row of empty cells a spreadsheet kept
                    }
                    Map<String, String> values = new HashMap<>();
                    columns.forEach((col, i) -> values.put(col, i < r.size() ? SafeCsvWriter.restore(r.get(i))
                            : null));
                    int overflow = 0;
                    for (int i = namedCells; i < r.size(); i++) {
                        overflow += r.get(i).isBlank() ? 0 : 1;
                    }
                    next = new Row(startLine, values, overflow);
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }

            private boolean more() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw failedNear(e);
                }
            }

            private CSVRecord record() {
                try {
                    return records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw failedNear(e);
                }
            }
        };
    }

    private InputRejectedException failedNear(RuntimeException e) {
        return rejected(name, e, parser.getCurrentLineNumber() + 1);
    }

    private static final Pattern UNCLOSED = Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before"
            + " encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile("invalid char(?:acter)? between encapsulated token"
            + " and delimiter at line: ([\\d,]+)", Pattern.CASE_INSENSITIVE);

    /**
     * What a failure while parsing means: the input's own fault where the reader found one (it names its line
     * exactly), a quoting mistake in words a person can fix, or the parser's words near {@code nearLine}.
     */
    private static InputRejectedException rejected(String name, Exception e, long nearLine) {
        var fault = ImportFile.fault(e);
        if (fault.isPresent()) {
            return fault.get();
        }
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Matcher unclosed = UNCLOSED.matcher(why);
        if (unclosed.find()) {
            return new InputRejectedException(name + ", line " + unclosed.group(1).replace(",", "") + ": a quoted"
                    + " value starts here and is never closed (a '\"' is missing).", e);
        }
        Matcher afterQuote = AFTER_QUOTE.matcher(why);
        if (afterQuote.find()) {
            return new InputRejectedException(name + ", line " + afterQuote.group(1).replace(",", "") + ": text"
                    + " follows a closing quote; a '\"' inside a quoted value is written twice ('\"\"').", e);
        }
        return new InputRejectedException(name + ", near line " + nearLine + ": cannot be read (" + why + ").", e);
    }

    /** The header's column names as the file spells them, in file order. */
    public List<String> headers() {
        return headers;
    }

    /** The header as a message can quote it: the names in file order, cut short when there are many or long ones. */
    public String headerText() {
        String all = String.join(", ", headers);
        return all.length() <= 400 ? all : all.substring(0, 400) + "… (" + headers.size() + " columns)";
    }

    public List<RowProblem> warnings() {
        return List.copyOf(warnings);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over
        }
    }
}
