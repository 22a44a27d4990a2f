package org.custodian.logic.io.pdf;

/** No usable font for the report's Chinese text, with what to do about it. */
public final class ReportFontException extends RuntimeException {

    public ReportFontException(String message) {
        super(message);
    }

    public ReportFontException(String message, Throwable cause) {
        super(message, cause);
    }
}
