package org.custodian.logic.report;

import org.custodian.logic.io.InputRejectedException;

/**
 * The report includes data whose level this workbench cannot tell (an assessment linking datasets another
 * inventory holds): it is made only with a marking the user chooses.
 */
public final class MarkingNeededException extends InputRejectedException {

    public MarkingNeededException(String message) {
        super(message);
    }
}
