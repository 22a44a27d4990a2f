package org.custodian.model.oversight;

/** An organisation on the data-flow map: its code and its names (either name may be missing). */
public record FlowOrganisation(String code, String nameEn, String nameTc) {

    /** The name in the language asked for, else the other one, else the code. */
    public String name(boolean chinese) {
        String first = chinese ? nameTc : nameEn;
        String second = chinese ? nameEn : nameTc;
        return present(first) ? first : present(second) ? second : code;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
