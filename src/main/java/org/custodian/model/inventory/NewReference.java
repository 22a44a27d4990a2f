package org.custodian.model.inventory;

import java.util.Arrays;
import java.util.Locale;
import org.custodian.model.reference.ReferenceList;

/** A reference entry an import adds because a row names it and the list does not have it yet. */
public record NewReference(ReferenceList list, String code, String nameEn, String nameTc) {

    /**
     * A new entry for a name the lists do not know: a code-like value becomes the code, a name gets a code made
     * from its letters and digits and is kept as the English or Chinese name.
     */
    public static NewReference named(ReferenceList list, String value) {
        if (value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return new NewReference(list, value, value, null);
        }
        boolean chinese = value.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        String slug = Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(s -> !s.isEmpty()).reduce((a, b) -> a + "-" + b).orElse("");
        if (slug.isEmpty() || slug.length() > 60) {
            slug = "x-" + Integer.toHexString(value.hashCode());
        }
        return chinese ? new NewReference(list, slug, null, value) : new NewReference(list, slug, value, null);
    }
}
