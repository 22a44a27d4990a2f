package org.custodian.logic.io.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of the workbench: UTF-8 with a BOM (so spreadsheet programs show Chinese), RFC 4180
 * quoting, CRLF, and every cell a spreadsheet would run as a formula, header included, neutralised with a leading
 * apostrophe.
 * {@link CsvSource} removes that apostrophe again, so an export re-imports to the same values.
 */
public final class SafeCsvWriter implements AutoCloseable {

    private final CSVPrinter printer;

    public SafeCsvWriter(OutputStream out, List<String> header) throws IOException {
        this(out, header, true);
    }

    /** @param byteOrderMark whether to start with a BOM (files for spreadsheets: yes; a pipe to a script: no) */
    public SafeCsvWriter(OutputStream out, List<String> header, boolean byteOrderMark) throws IOException {
        this(out, List.of(), header, byteOrderMark);
    }

    /**
     * As {@link #SafeCsvWriter(OutputStream, List, boolean)}, with lines that say what the file is before the
     * header, each starting with {@code #} (an audit log export names the chain head it was taken at). Readers
     * that skip {@code #} lines read the rest as plain CSV.
     */
    public SafeCsvWriter(OutputStream out, List<String> comments, List<String> header, boolean byteOrderMark)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        for (String comment : comments) {
            // One line each: a line break inside would start a row that is not a comment.
            writer.write("# " + comment.replaceAll("[\\r\\n]+", " ") + "\r\n");
        }
        printer = CSVFormat.RFC4180.builder().get().print(writer);
        // The header too: a rejected-rows file repeats the column names of a file that came from elsewhere.
        row(header);
    }

    public void row(List<String> cells) throws IOException {
        Object[] safe = new Object[cells.size()];
        for (int i = 0; i < safe.length; i++) {
            safe[i] = neutralise(cells.get(i));
        }
        printer.printRecord(safe);
    }

    /**
     * A cell starting with {@code = + - @}, tab or carriage return, or with apostrophes before one of those,
     * gets one more apostrophe in front.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return needsGuard(cell) ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralise}: drops one leading apostrophe from a guarded cell. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsGuard(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean needsGuard(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        if (i == cell.length()) {
            return false;
        }
        char c = cell.charAt(i);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return trigger;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
