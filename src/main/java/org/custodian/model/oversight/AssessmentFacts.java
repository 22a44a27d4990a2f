package org.custodian.model.oversight;

import java.util.List;
import org.custodian.model.assessment.AssessmentStatus;

/**
 * What the assessment rules need to know of an assessment's latest revision: the rules that depend on its template
 * (its risk levels, its privacy questions) decide with the template in hand.
 *
 * @param personalDataDatasets the linked datasets that hold personal data
 * @param thirdLineSigned whether the third line approved this revision
 */
public record AssessmentFacts(RecordRef assessment, String department, String templateHash, AssessmentStatus status,
                              String riskLevel, List<RecordRef> personalDataDatasets,
                              boolean thirdLineSigned) {

    public AssessmentFacts {
        personalDataDatasets = List.copyOf(personalDataDatasets);
    }
}
