package org.custodian.model.assessment;

import java.util.List;
import java.util.Map;

/** An assessment revision with everything recorded in it: answers by question, evidence, risks, actions, workflow. */
public record AssessmentRecord(Assessment assessment, Map<String, Answer> answers, List<Evidence> evidence,
        List<RiskEntry> risks, List<PlannedAction> actions, List<WorkflowStep> steps) {

    public AssessmentRecord {
        answers = Map.copyOf(answers);
        evidence = List.copyOf(evidence);
        risks = List.copyOf(risks);
        actions = List.copyOf(actions);
        steps = List.copyOf(steps);
    }

    public List<Evidence> evidenceOf(String questionId) {
        return evidence.stream().filter(e -> e.questionId().equals(questionId)).toList();
    }
}
