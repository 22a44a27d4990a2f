package org.custodian.model.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A file kept with an agreement (a signed copy): its name as the user had it, where the workbench keeps its copy
 * (relative to the workbench's attachments folder), and the SHA-256 and size recorded when it was attached.
 */
public record Attachment(UUID id, UUID agreementId, String fileName, String storedName, String sha256, long size,
                         Instant addedAt, String addedBy) {
}
