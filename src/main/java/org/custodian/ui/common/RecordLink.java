package org.custodian.ui.common;

import java.util.UUID;

/** A request to show one record on the page that keeps records of its kind (an agreement from a dataset's list). */
public record RecordLink(String entityType, UUID id) {

    public static final String AGREEMENT = "agreement";
    public static final String DATASET = "dataset";
    public static final String ASSESSMENT = "assessment";
}
