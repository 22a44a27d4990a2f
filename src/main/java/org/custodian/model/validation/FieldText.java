package org.custodian.model.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading a field's text the way every validator does: trimmed (blank is absent), lists split on a separator
 * without repeats, yes/no words, ISO dates. The validators report what does not read, by their own field names.
 */
public final class FieldText {

    private static final int SHOWN = 100;

    private FieldText() {
    }

    /** The text without surrounding space, or null when there is none. */
    public static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * The problem of a value longer than {@code max} characters once trimmed ({@code validation.tooLong}, with the
     * field and the limit), if it is.
     */
    public static Optional<Problem> tooLong(String field, String raw, int max) {
        String v = value(raw);
        return v == null || v.length() <= max ? Optional.empty() : Optional.of(Problem.of(field, "validation.tooLong",
                field + " is longer than " + max + " characters", field, max));
    }

    /** A value as a message quotes it: cut short, so a file's 50,000-character cell is not repeated whole. */
    public static String shown(String text) {
        return text == null || text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    /** The entries of a list, trimmed, in order, each once (ignoring case); empty entries dropped. */
    public static List<String> items(String text, String separator) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String part : text.split(java.util.regex.Pattern.quote(separator))) {
            String item = part.strip();
            if (!item.isEmpty() && items.stream().noneMatch(item::equalsIgnoreCase)) {
                items.add(item);
            }
        }
        return items;
    }

    /** yes/no, y/n, true/false or 1/0 (any case); empty when the text is none of them. */
    public static Optional<Boolean> yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Optional.of(true);
            case "no", "n", "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A date written YYYY-MM-DD; empty when the text is not one. */
    public static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
