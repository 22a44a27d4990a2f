package org.custodian.model.inventory;

/**
 * One level of the department's classification scheme, lowest rank first (UNCLASSIFIED = 0). The scheme is
 * data, so a department using another one changes rows, not code.
 */
public record ClassificationLevel(String code, int rank, String nameEn, String nameTc, String colour) {

    /** The scheme's lowest level (UNCLASSIFIED in the Hong Kong scheme): what may be published. */
    public boolean isUnclassified() {
        return rank == 0;
    }
}
