package org.custodian.model.oversight;

/** A finding as it stands today: open, or accepted by the acceptance that holds for it (else null). */
public record FindingState(Finding finding, FindingAcceptance acceptance) {

    public boolean open() {
        return acceptance == null;
    }
}
