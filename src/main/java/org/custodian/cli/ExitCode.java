package org.custodian.cli;

/** The exit codes of the command-line contract (PRODUCT.md). */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** Done, but some input was rejected (each rejection reported), or a check found a fault. */
    public static final int REJECTED = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;
    /** An I/O or database failure. */
    public static final int FAILURE = 3;

    private ExitCode() {
    }
}
