package org.custodian.model.sharing;

import java.util.UUID;

/** What the rules need to know about a covered dataset: its code and title, its level, whether it holds personal data. */
public record DatasetFacts(UUID id, String code, String title, String level, boolean personalData) {
}
