package org.custodian.model.oversight;

import org.custodian.model.inventory.ClassificationLevel;

/**
 * One flow of one agreement, from a provider to a recipient. Joint controllers give data to each other: their
 * flow is one edge that runs both ways ({@code mutual}), with an arrowhead at each end.
 *
 * @param level the highest level shared (null when the agreement records none)
 */
public record FlowEdge(FlowAgreement agreement, String from, String to, boolean mutual, ClassificationLevel level,
                       FlowPath path) {

    public String reference() {
        return agreement.reference();
    }
}
