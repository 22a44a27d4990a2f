package org.custodian.model.inventory;

import org.custodian.model.reference.ReferenceList;

/** A reference entry an import adds because a row names it and the list does not have it yet. */
public record NewReference(ReferenceList list, String code, String nameEn, String nameTc) {
}
