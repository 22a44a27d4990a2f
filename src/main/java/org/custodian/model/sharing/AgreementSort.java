package org.custodian.model.sharing;

/** The orders the register can be listed in. */
public enum AgreementSort {
    REFERENCE, TITLE, TYPE, STATUS, CEILING, EFFECTIVE_FROM, EXPIRES_ON, REVIEW_DUE, UPDATED_AT
}
