package org.custodian.model.workbench;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something deleted and kept in the trash until it is restored or purged: what it was ({@code kind}: risk, action,
 * evidence), the record it belonged to, who deleted it, when and why.
 *
 * @param storedFile the evidence file it names (kept on disk until the item is purged), or null
 */
public record TrashItem(UUID id, String kind, UUID recordId, String label, String ownerType, UUID ownerId,
                        String ownerLabel, Instant deletedAt, String deletedBy, String reason, String storedFile) {

    public TrashItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
