package org.custodian.logic.io.sealed;

import java.io.IOException;

/** The file does not start like a sealed file at all. */
public final class NotSealedException extends IOException {

    public NotSealedException(String message) {
        super(message);
    }
}
