package org.custodian.store;

/** A database failure that is not the user's input: disk, driver or SQL. The message says what was being done. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
