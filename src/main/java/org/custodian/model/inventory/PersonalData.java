package org.custodian.model.inventory;

/** Whether a dataset holds personal data under the Personal Data (Privacy) Ordinance. */
public enum PersonalData implements CodedValue {
    YES, NO, NOT_RECORDED;

    @Override
    public String labelKey() {
        return "dataset.personalData." + name();
    }
}
