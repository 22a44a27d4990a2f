package org.custodian.logic.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.LifecycleStatus;

/** Shared helpers for the classification tests over the sample workbench. */
final class ClassificationFixtures {

    private ClassificationFixtures() {
    }

    /** The sample datasets at {@code level} that are still in use (draft or active), by code. */
    static List<String> inUseAt(WorkbenchSession session, String level) {
        return InventoryFiles.sampleLevels().entrySet().stream().filter(e -> level.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted(Comparator.naturalOrder())
                .filter(code -> {
                    LifecycleStatus s = dataset(session, code).lifecycleStatus();
                    return s == LifecycleStatus.DRAFT || s == LifecycleStatus.ACTIVE;
                }).toList();
    }

    /** The first sample dataset in use at {@code level}. */
    static String firstAt(WorkbenchSession session, String level) {
        List<String> codes = inUseAt(session, level);
        if (codes.isEmpty()) {
            throw new AssertionError("the sample has no dataset in use at " + level);
        }
        return codes.get(0);
    }

    static Dataset dataset(WorkbenchSession session, String code) {
        return session.inventory().findByCode(code).orElseThrow(() -> new AssertionError("no dataset " + code));
    }

    static UUID id(WorkbenchSession session, String code) {
        return dataset(session, code).id();
    }

    static String level(WorkbenchSession session, String code) {
        return dataset(session, code).classification();
    }

    /** A confirmed decision with an approver and justification (for a downgrade). */
    static DecisionInput approved(String level, String rationale, String effectiveFrom) {
        return new DecisionInput(level, rationale, Map.of(), null, "Wong Tsz-ho (DSO)", "Lee Ka-yan (Deputy Head)",
                "the tender has closed", effectiveFrom, null, null, null, false);
    }

    static DecisionInput decision(String level, String rationale, String effectiveFrom) {
        return new DecisionInput(level, rationale, Map.of(), null, "Wong Tsz-ho (DSO)", null, null, effectiveFrom,
                null, null, null, false);
    }

    static AccessReviewInput accessReview(String reviewedOn) {
        return new AccessReviewInput("Mok Fai-hung (ITSO)", reviewedOn, "AD group X-Users (12 members)", "none",
                null, null);
    }
}
