package org.custodian.model.classification;

import java.time.LocalDate;
import java.util.List;
import org.custodian.model.inventory.ClassificationLevel;

/**
 * What a decision is checked against: the scheme, the dataset's current level (null when it has none yet), the
 * highest level among the datasets it is derived from (null when none) and their codes, and today.
 */
public record DecisionContext(ClassificationScheme scheme, String datasetCode, ClassificationLevel current,
                              ClassificationLevel highestSource, List<String> sourceCodes, LocalDate today) {

    public DecisionContext {
        sourceCodes = List.copyOf(sourceCodes);
    }
}
