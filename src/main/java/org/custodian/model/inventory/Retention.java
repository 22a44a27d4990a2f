package org.custodian.model.inventory;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** How long a dataset is kept: an ISO-8601 period such as {@code P7Y}, or permanently. */
public record Retention(Period period) {

    public static final Retention PERMANENT = new Retention(null);

    /** {@code P7Y}, {@code P18M}, or {@code permanent}; empty when the text is neither. */
    public static Optional<Retention> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("permanent")) {
            return Optional.of(PERMANENT);
        }
        try {
            Period p = Period.parse(t.toUpperCase(Locale.ROOT));
            if (p.isNegative() || p.isZero()) {
                return Optional.empty();
            }
            return Optional.of(new Retention(p));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The spelling in files: the period as written by ISO-8601, or {@code permanent}. */
    public String code() {
        return period == null ? "permanent" : period.toString();
    }

    @Override
    public String toString() {
        return code();
    }
}
