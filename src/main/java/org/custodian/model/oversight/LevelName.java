package org.custodian.model.oversight;

/** A classification level as a finding's message names it: in the reader's language, compared by its code. */
public record LevelName(String code, String nameEn, String nameTc) {

    public String name(boolean chinese) {
        String first = chinese ? nameTc : nameEn;
        return first == null || first.isBlank() ? code : first;
    }
}
