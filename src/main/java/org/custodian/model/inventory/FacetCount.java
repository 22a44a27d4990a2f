package org.custodian.model.inventory;

/** How many datasets match the current search and the other facets' filters with this value. */
public record FacetCount(DatasetFacet facet, String value, long count) {
}
