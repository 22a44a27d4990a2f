package org.custodian.logic.io;

/** Work stopped because the user cancelled it; whatever it had written was rolled back. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
