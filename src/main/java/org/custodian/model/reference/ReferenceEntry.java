package org.custodian.model.reference;

import java.util.UUID;

/**
 * An entry of a reference list: an organisation such as the Transport Department, a portal category, a format.
 * The code is what people and files use (e.g. {@code hk-td}); the UUID stays stable across renames and merges.
 */
public record ReferenceEntry(UUID id, ReferenceList list, String code, String nameEn, String nameTc) {

    public ReferenceEntry withNames(String newNameEn, String newNameTc) {
        return new ReferenceEntry(id, list, code, newNameEn, newNameTc);
    }

    /** Its name in the reader's language, else the other language's, else its code. */
    public String name(boolean chinese) {
        String first = chinese ? nameTc : nameEn;
        String second = chinese ? nameEn : nameTc;
        return first != null ? first : second != null ? second : code;
    }

    public boolean sameNames(ReferenceEntry other) {
        return java.util.Objects.equals(nameEn, other.nameEn) && java.util.Objects.equals(nameTc, other.nameTc);
    }
}
