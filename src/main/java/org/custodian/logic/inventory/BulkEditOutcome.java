package org.custodian.logic.inventory;

import java.util.List;

/**
 * A bulk edit is all or nothing: either every chosen dataset was changed (or already had the value), or a
 * dataset the change would make invalid refused the whole edit and nothing was written.
 */
public record BulkEditOutcome(int changed, int unchanged, List<String> refusals) {

    public BulkEditOutcome {
        refusals = List.copyOf(refusals);
    }

    public boolean ok() {
        return refusals.isEmpty();
    }
}
