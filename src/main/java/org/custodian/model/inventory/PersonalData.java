package org.custodian.model.inventory;

/** Whether a dataset holds personal data under the Personal Data (Privacy) Ordinance. */
public enum PersonalData implements CodedValue {
    YES("yes"), NO("no"), NOT_RECORDED("not-recorded");

    private final String code;

    PersonalData(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return "dataset.personalData." + name();
    }
}
