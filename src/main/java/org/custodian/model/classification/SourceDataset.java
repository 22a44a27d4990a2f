package org.custodian.model.classification;

import java.util.UUID;

/** A dataset another one is derived from, with its current level (null when it has none). */
public record SourceDataset(UUID id, String code, String title, String level) {
}
