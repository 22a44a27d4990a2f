package org.custodian.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import picocli.CommandLine.Option;

/** The search and filters that narrow the inventory, shared by the dataset export and the inventory register. */
final class DatasetFilters {

    @Option(names = "--query", paramLabel = "TEXT", description = "Only datasets matching this search.")
    String query;

    @Option(names = "--department", paramLabel = "CODE", split = ",", description = "Only these departments.")
    List<String> departments;

    @Option(names = "--category", paramLabel = "CODE", split = ",", description = "Only these categories.")
    List<String> categories;

    @Option(names = "--classification", paramLabel = "LEVEL", split = ",", description = "Only these levels.")
    List<String> levels;

    @Option(names = "--personal-data", paramLabel = "yes|no|not-recorded", split = ",",
            description = "Only datasets with this personal-data answer.")
    List<String> personalData;

    @Option(names = "--open-data", paramLabel = "STATUS", split = ",",
            description = "Only these open-data statuses (not-planned, planned, published).")
    List<String> openData;

    @Option(names = "--lifecycle", paramLabel = "STATUS", split = ",",
            description = "Only these lifecycle statuses (draft, active, superseded, retired).")
    List<String> lifecycle;

    /**
     * Refuses (a usage error) a department, category or level the workbench does not know: a misspelt filter
     * would otherwise give an empty list that looks like an answer.
     */
    void check(Object command, org.custodian.logic.workbench.WorkbenchSession session) {
        known(command, "department", departments, session.inventory()
                .referenceEntries(org.custodian.model.reference.ReferenceList.ORGANISATION).stream()
                .map(org.custodian.model.reference.ReferenceEntry::code).toList());
        known(command, "category", categories, session.inventory()
                .referenceEntries(org.custodian.model.reference.ReferenceList.CATEGORY).stream()
                .map(org.custodian.model.reference.ReferenceEntry::code).toList());
        known(command, "classification", levels, session.inventory().levels().stream()
                .map(org.custodian.model.inventory.ClassificationLevel::code).toList());
    }

    private static void known(Object command, String what, List<String> given, List<String> codes) {
        if (given == null) {
            return;
        }
        Set<String> lower = new java.util.HashSet<>();
        codes.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        for (String g : given) {
            if (!lower.contains(g.strip().toLowerCase(Locale.ROOT))) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(command), "Unknown " + what
                        + " '" + g + "': the workbench has no such code.");
            }
        }
    }

    /** Every matching dataset, by code. */
    DatasetQuery query() {
        return query(DatasetSort.CODE);
    }

    DatasetQuery query(DatasetSort sort) {
        Map<DatasetFacet, Set<String>> filters = new EnumMap<>(DatasetFacet.class);
        put(filters, DatasetFacet.DEPARTMENT, departments, false);
        put(filters, DatasetFacet.CATEGORY, categories, false);
        put(filters, DatasetFacet.CLASSIFICATION, levels, true);
        put(filters, DatasetFacet.PERSONAL_DATA, personalData, false);
        put(filters, DatasetFacet.OPEN_DATA_STATUS, openData, false);
        put(filters, DatasetFacet.LIFECYCLE_STATUS, lifecycle, false);
        return new DatasetQuery(query, filters, sort, false, Integer.MAX_VALUE, 0);
    }

    /** The filters in words, as a register prints them under its title ("" when there are none). */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            parts.add("“" + query.strip() + "”");
        }
        add(parts, "department", departments);
        add(parts, "category", categories);
        add(parts, "classification", levels);
        add(parts, "personal data", personalData);
        add(parts, "open data", openData);
        add(parts, "lifecycle", lifecycle);
        return String.join(" · ", parts);
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            parts.add(name + ": " + String.join(", ", values));
        }
    }

    private static void put(Map<DatasetFacet, Set<String>> filters, DatasetFacet facet, List<String> values,
                            boolean upper) {
        if (values != null && !values.isEmpty()) {
            Set<String> set = new LinkedHashSet<>();
            values.forEach(v -> set.add(upper ? v.strip().toUpperCase(Locale.ROOT) : v.strip()));
            filters.put(facet, set);
        }
    }
}
