package org.custodian.model.inventory;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the inventory table shows: search text, the chosen values per facet (any of them within a facet, all
 * facets together), the order and the page.
 */
public record DatasetQuery(String text, Map<DatasetFacet, Set<String>> filters, DatasetSort sort, boolean descending,
                           int limit, int offset) {

    public DatasetQuery {
        text = text == null ? "" : text.strip();
        EnumMap<DatasetFacet, Set<String>> copy = new EnumMap<>(DatasetFacet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (values != null && !values.isEmpty()) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = copy;
        sort = sort == null ? DatasetSort.CODE : sort;
        limit = Math.max(0, limit);
        offset = Math.max(0, offset);
    }

    /** Every dataset, in code order, unpaged. */
    public static DatasetQuery all() {
        return new DatasetQuery("", Map.of(), DatasetSort.CODE, false, Integer.MAX_VALUE, 0);
    }

    public DatasetQuery withText(String newText) {
        return new DatasetQuery(newText, filters, sort, descending, limit, offset);
    }

    public DatasetQuery withFilter(DatasetFacet facet, Set<String> values) {
        Map<DatasetFacet, Set<String>> changed = new EnumMap<>(DatasetFacet.class);
        changed.putAll(filters);
        changed.put(facet, values == null ? Set.of() : new LinkedHashSet<>(values));
        return new DatasetQuery(text, changed, sort, descending, limit, offset);
    }

    public DatasetQuery withPage(int newLimit, int newOffset) {
        return new DatasetQuery(text, filters, sort, descending, newLimit, newOffset);
    }

    public DatasetQuery withSort(DatasetSort newSort, boolean newDescending) {
        return new DatasetQuery(text, filters, newSort, newDescending, limit, offset);
    }
}
