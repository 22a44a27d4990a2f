package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.custodian.model.inventory.Dataset;

/**
 * The FTS5 index behind the inventory search, and how a query becomes its MATCH expression. English text is
 * indexed as words (a query term matches words it is a prefix of); each run of Chinese characters is indexed as
 * its adjacent pairs plus its last character, so a 1-character query is a prefix lookup, a 2-character query a
 * token lookup and a longer one a phrase of consecutive pairs: Chinese text of any length is found through the
 * index, never by scanning. (The default tokenizer would make a whole run one token; the trigram tokenizer
 * cannot answer 1- or 2-character queries from its index and costs a second index on every write.)
 */
final class DatasetSearchIndex {

    private static final String DELETE = "DELETE FROM dataset_search WHERE rowid = ?";
    private static final String INSERT = "INSERT INTO dataset_search (rowid, terms) VALUES (?, ?)";

    private DatasetSearchIndex() {
    }

    /** Adds a row's search text (from {@link #terms(Dataset)}). */
    static void index(Tx tx, long rowKey, String terms) throws SQLException {
        PreparedStatement ps = tx.prepare(INSERT);
        ps.setLong(1, rowKey);
        ps.setString(2, terms);
        ps.executeUpdate();
    }

    static void remove(Tx tx, long rowKey) throws SQLException {
        PreparedStatement ps = tx.prepare(DELETE);
        ps.setLong(1, rowKey);
        ps.executeUpdate();
    }

    /** The indexed text of a dataset: code, titles, descriptions, keywords and the people and system. */
    static String terms(Dataset d) {
        StringBuilder out = new StringBuilder(512);
        for (String part : new String[] {d.code(), d.titleEn(), d.titleTc(), d.descriptionEn(), d.descriptionTc(),
                Dataset.join(d.keywords()), d.custodian(), d.contactEmail(), d.sourceSystem()}) {
            if (part != null) {
                appendTerms(out, part);
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Canonical-order CSV cells to indexed text, for the raw benchmark baseline. */
    static String terms(String[] row) {
        StringBuilder out = new StringBuilder(512);
        for (int i : new int[] {0, 1, 2, 3, 4, 9, 6, 7, 12}) {
            if (row[i] != null) {
                appendTerms(out, row[i]);
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** English text as it is; every run of Chinese characters as its adjacent pairs plus its last character. */
    static void appendTerms(StringBuilder out, String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isHan(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isHan(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.append(' ');
            int k = start;
            while (k < i) {
                int first = text.codePointAt(k);
                int next = k + Character.charCount(first);
                out.appendCodePoint(first);
                if (next < i) {
                    out.appendCodePoint(text.codePointAt(next));
                }
                out.append(' ');
                k = next;
            }
        }
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * The MATCH expression for a search, or null when there is nothing to search for. Every space-separated
     * term must match (AND); inside a term, Chinese runs and other text are matched separately.
     */
    static String match(String text) {
        List<String> parts = new ArrayList<>();
        for (String term : text.strip().split("\\s+")) {
            int i = 0;
            int n = term.length();
            while (i < n) {
                int start = i;
                boolean han = isHan(term.codePointAt(i));
                while (i < n && isHan(term.codePointAt(i)) == han) {
                    i += Character.charCount(term.codePointAt(i));
                }
                String segment = term.substring(start, i);
                if (!han) {
                    if (segment.codePoints().anyMatch(Character::isLetterOrDigit)) {
                        parts.add(quoted(segment) + "*");
                    }
                } else if (segment.codePointCount(0, segment.length()) == 1) {
                    parts.add(quoted(segment) + "*");
                } else {
                    StringBuilder pairs = new StringBuilder();
                    appendTerms(pairs, segment);
                    // The pairs only; the run's trailing single character would break the phrase's adjacency.
                    String phrase = pairs.toString().strip();
                    phrase = phrase.substring(0, phrase.lastIndexOf(' ')).strip();
                    parts.add(quoted(phrase));
                }
            }
        }
        return parts.isEmpty() ? null : String.join(" AND ", parts);
    }

    /** An FTS5 string: the text in double quotes, inner quotes doubled, so no query syntax gets through. */
    static String quoted(String term) {
        return "\"" + term.replace("\"", "\"\"") + "\"";
    }
}
