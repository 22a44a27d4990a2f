package org.custodian.logic.oversight;

import java.util.ArrayList;
import java.util.List;

/**
 * An organisation's name as the map writes it under its circle: wrapped to a few short lines at word breaks
 * (between any two characters in Chinese), with the width estimated for the layout. The window and the SVG write
 * the same lines, so the layout's room for a label fits both.
 */
public final class FlowLabel {

    public static final double FONT_SIZE = 12;
    public static final double LINE_HEIGHT = 15;
    /** Wide enough for "Department of Health" on one line, narrow enough to keep 30 labels apart. */
    public static final double MAX_WIDTH = 136;
    public static final int MAX_LINES = 3;

    private FlowLabel() {
    }

    /** The name in at most {@link #MAX_LINES} lines of at most {@link #MAX_WIDTH}; a longer name ends with "…". */
    public static List<String> lines(String name) {
        return wrap(name, MAX_WIDTH, MAX_LINES);
    }

    /** Any text wrapped to lines of at most {@code maxWidth} (estimated), at most {@code maxLines} of them. */
    public static List<String> wrap(String name, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String unit : units(name == null ? "" : name.strip())) {
            boolean space = unit.equals(" ");
            if (space && line.length() == 0) {
                continue;
            }
            String candidate = line + unit;
            if (!space && line.length() > 0 && width(candidate.strip()) > maxWidth) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            if (!space || line.length() > 0) {
                line.append(unit);
            }
            // A single word wider than a line is cut where it no longer fits.
            while (width(line.toString()) > maxWidth && line.length() > 1) {
                int cut = line.length() - 1;
                while (cut > 1 && width(line.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(line.substring(0, cut));
                line.delete(0, cut);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && width(last + "…") > maxWidth) {
                last = last.substring(0, last.length() - 1).stripTrailing();
            }
            kept.set(maxLines - 1, last + "…");
            return kept;
        }
        return lines;
    }

    /** Words, single spaces, and each wide (Chinese) character on its own: the places a line may break. */
    private static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || wide(cp)) {
                if (word.length() > 0) {
                    units.add(word.toString());
                    word.setLength(0);
                }
                units.add(Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (word.length() > 0) {
            units.add(word.toString());
        }
        return units;
    }

    /** The width of a line in the map's sans-serif at {@link #FONT_SIZE}, estimated from typical glyph widths. */
    public static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The height of a label of {@code lines} lines. */
    public static double height(int lines) {
        return lines * LINE_HEIGHT;
    }

    private static double advance(int cp) {
        if (wide(cp)) {
            return FONT_SIZE;
        }
        if ("iljtfI.,;:'’|!() ".indexOf(cp) >= 0) {
            return FONT_SIZE * 0.32;
        }
        if ("mwMWOQDGH@".indexOf(cp) >= 0) {
            return FONT_SIZE * 0.86;
        }
        return Character.isUpperCase(cp) || Character.isDigit(cp) ? FONT_SIZE * 0.66 : FONT_SIZE * 0.56;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
