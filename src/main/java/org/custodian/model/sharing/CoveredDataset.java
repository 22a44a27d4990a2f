package org.custodian.model.sharing;

import java.util.List;

/**
 * A dataset an agreement covers (by its inventory code) and the data items of it that are shared. In a file it is
 * written {@code CODE} or {@code CODE (item, item)}.
 */
public record CoveredDataset(String datasetCode, List<String> dataItems) {

    public CoveredDataset {
        dataItems = List.copyOf(dataItems == null ? List.of() : dataItems);
    }

    public String text() {
        return dataItems.isEmpty() ? datasetCode : datasetCode + " (" + String.join(", ", dataItems) + ")";
    }
}
