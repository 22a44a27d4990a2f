package org.custodian.model.oversight;

import java.util.UUID;

/** A record a finding names: its kind, id, and the code or reference people know it by (DS-0042, DSA-2026-003). */
public record RecordRef(RecordKind kind, UUID id, String label) {

    public RecordRef {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(id, "id");
        label = label == null ? id.toString() : label;
    }
}
