package org.custodian.logic.io.html;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes well-formed XHTML: every text and attribute value escaped, every element closed in order. The reports
 * are built with it, so the same markup is the HTML file and the input of the PDF renderer (which needs XML).
 */
public final class Xhtml {

    private final StringBuilder out = new StringBuilder(1 << 14);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag}; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    public Xhtml open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    public Xhtml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with only text inside. */
    public Xhtml element(String tag, String text, String... attributes) {
        open(tag, attributes);
        text(text);
        return close();
    }

    /** An element with nothing inside, written open and closed so HTML parsers read it the same. */
    public Xhtml empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        if (tag.equals("br") || tag.equals("meta") || tag.equals("hr")) {
            out.append(" />");
        } else {
            out.append("></").append(tag).append('>');
        }
        return this;
    }

    public Xhtml text(String text) {
        escape(text == null ? "" : text, false);
        return this;
    }

    /** Markup made by another {@code Xhtml}, taken as it is. */
    public Xhtml markup(String wellFormed) {
        out.append(wellFormed);
        return this;
    }

    public int depth() {
        return open.size();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed elements: " + open);
        }
        return out.toString();
    }

    private void attributes(String[] attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    // XML 1.0 forbids most control characters; a stray one in a record must not break the file.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else if (c == 0xFFFE || c == 0xFFFF) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
