package org.custodian.model.inventory;

/**
 * Whether a dataset is stored encrypted at rest. Some levels' handling rules require it; not recorded is not the
 * same as no, and both leave such a dataset short of its rules.
 */
public enum EncryptionAtRest implements CodedValue {
    YES, NO, NOT_RECORDED;

    @Override
    public String labelKey() {
        return "dataset.encryptionAtRest." + name();
    }
}
