package org.custodian.model.audit;

/**
 * An audit event as the log shows it: with the code people know its record by (a dataset's code, an agreement's
 * reference), read from the record as it is now, or from the event itself when the record is gone.
 */
public record AuditEntry(AuditEvent event, String record) {
}
