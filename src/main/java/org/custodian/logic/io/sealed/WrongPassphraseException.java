package org.custodian.logic.io.sealed;

import java.io.IOException;

/** The passphrase does not open the sealed file (its key check fails); nothing was read from it. */
public final class WrongPassphraseException extends IOException {

    public WrongPassphraseException() {
        super("the passphrase is not the one it was encrypted with");
    }
}
