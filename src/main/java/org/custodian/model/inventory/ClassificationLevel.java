package org.custodian.model.inventory;

import org.custodian.model.classification.HandlingRules;

/**
 * One level of the department's classification scheme, lowest rank first (UNCLASSIFIED = 0), with the marking
 * printed on exports and the rules for handling data at that level. The scheme is data, so a department using
 * another one loads a file, not code.
 */
public record ClassificationLevel(String code, int rank, String nameEn, String nameTc, String colour, String marking,
                                  HandlingRules rules) {

    /** The scheme's lowest level (UNCLASSIFIED in the Hong Kong scheme). */
    public boolean isUnclassified() {
        return rank == 0;
    }

    public String name(boolean chinese) {
        return chinese ? nameTc : nameEn;
    }
}
