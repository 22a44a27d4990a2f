package org.custodian.model.inventory;

import java.util.Locale;

/**
 * An enumerated field with a stable spelling in files and the store: the constant's name in lower case with
 * hyphens ({@code NOT_PLANNED} is {@code not-planned}).
 */
public interface CodedValue {

    /** The constant's name (enums provide it). */
    String name();

    /** The spelling in CSV, JSON and the store. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The i18n key of its label. */
    String labelKey();

    /**
     * Finds the constant whose code matches {@code text}, ignoring case and treating spaces and underscores as
     * hyphens, or null.
     */
    static <E extends Enum<E> & CodedValue> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(wanted)) {
                return e;
            }
        }
        return null;
    }

    static <E extends Enum<E> & CodedValue> String codes(Class<E> type) {
        StringBuilder s = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.code());
        }
        return s.toString();
    }
}
