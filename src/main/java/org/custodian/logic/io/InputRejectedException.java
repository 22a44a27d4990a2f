package org.custodian.logic.io;

/** A whole input refused before any row was taken (wrong encoding, bad header); nothing was changed. */
public class InputRejectedException extends RuntimeException {

    public InputRejectedException(String message) {
        super(message);
    }

    public InputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
