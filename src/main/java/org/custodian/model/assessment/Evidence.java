package org.custodian.model.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * Evidence for an answer: a file copied into the workbench's attachments (its name, stored name, SHA-256, size)
 * or a reference to a document kept elsewhere (a file number, a link).
 */
public record Evidence(UUID key, String questionId, String fileName, String storedName, String sha256, long size,
        String reference, String addedBy, Instant addedAt) {

    public boolean isFile() {
        return storedName != null && !storedName.isEmpty();
    }
}
