package org.custodian.ui.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.oversight.Severity;
import org.custodian.model.sharing.AgreementStatus;

/**
 * A request to show a register's list filtered (a dashboard tile or chart opening what it counts). The page it is
 * for clears its own filters, applies these and shows them in its filter bar.
 */
public sealed interface ListRequest {

    /** The inventory with these facet values chosen (any value within a facet, every facet together). */
    record Datasets(Map<DatasetFacet, Set<String>> filters) implements ListRequest {
        public Datasets {
            Map<DatasetFacet, Set<String>> copy = new EnumMap<>(DatasetFacet.class);
            filters.forEach((facet, values) -> copy.put(facet, Set.copyOf(values)));
            filters = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** The agreements in one status (null: any), and those in force expiring within so many days (null: no such filter). */
    record Agreements(AgreementStatus status, Integer expiringWithin) implements ListRequest {
    }

    /** The reviews queue for one kind (null: both), overdue only or every scheduled one. */
    record Reviews(ReviewKind kind, boolean overdueOnly) implements ListRequest {
    }

    /** The assessment revisions in one status (null: any) at one risk level (null: any; "" not rated yet). */
    record Assessments(AssessmentStatus status, String riskLevel) implements ListRequest {
    }

    /** The open findings of one severity (null: every one). */
    record Findings(Severity severity) implements ListRequest {
    }
}
