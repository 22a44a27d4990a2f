package org.custodian.logic.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.report.ReportKind;
import org.custodian.model.report.ReportOptions;

/** The (filtered) inventory as a landscape register, grouped by department, coloured by classification. */
final class InventoryRegister {

    private final List<Dataset> datasets;
    private final List<ClassificationLevel> levels;
    private final Function<String, String> departmentName;
    private final Function<String, String> categoryName;
    private final String filter;
    private final ReportWords w;

    InventoryRegister(List<Dataset> datasets, List<ClassificationLevel> levels, Function<String, String> departmentName,
                      Function<String, String> categoryName, String filter, ReportWords words) {
        this.datasets = datasets;
        this.levels = levels;
        this.departmentName = departmentName;
        this.categoryName = categoryName;
        this.filter = filter;
        this.w = words;
    }

    ReportContent build(ClassificationLevel marking, ReportOptions options) {
        Xhtml x = new Xhtml();
        x.open("div", "class", "report register inventory");
        x.element("h1", w.t("report.inventory.title"));
        x.element("p", w.filterOr("report.inventory.lead", filter, datasets.size()), "class", "lead");
        levelCounts(x);
        Map<String, List<Dataset>> byDepartment = new TreeMap<>();
        for (Dataset d : datasets) {
            byDepartment.computeIfAbsent(ReportMarkup.blank(d.department()), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Dataset>> group : byDepartment.entrySet()) {
            String name = group.getKey().isEmpty() ? w.t("report.inventory.noDepartment")
                    : departmentName.apply(group.getKey());
            ReportMarkup.countedHeading(x, "h2", name, w.t("report.count.datasets", group.getValue().size()));
            ReportMarkup.openGrid(x, w, new int[] {11, 20, 11, 12, 10, 7, 7, 7, 7, 8}, "report.column.code",
                    "report.column.title", "report.column.category",
                    "report.column.custodian", "report.column.level", "report.column.personalData",
                    "report.column.encryptionAtRest", "report.column.openData", "report.column.lifecycle", "report.column.lastUpdated");
            for (Dataset d : group.getValue()) {
                ClassificationLevel level = ReportMarking.find(levels, d.classification());
                x.open("tr");
                x.element("td", d.code(), "class", "nowrap");
                x.element("td", w.pick(d.titleEn(), d.titleTc()));
                x.element("td", categoryName.apply(d.category()));
                x.element("td", ReportMarkup.blank(d.custodian()));
                x.open("td");
                ReportMarkup.levelChip(x, level, w);
                x.close();
                x.element("td", w.label(d.personalData()));
                x.element("td", w.label(d.encryptionAtRest()));
                x.element("td", w.label(d.openDataStatus()));
                x.element("td", w.label(d.lifecycleStatus()));
                x.element("td", d.lastUpdated() == null ? "" : d.lastUpdated().toString(), "class", "nowrap");
                x.close();
            }
            ReportMarkup.closeGrid(x);
        }
        x.close();
        List<List<String>> rows = new ArrayList<>();
        for (Dataset d : datasets) {
            rows.add(List.of(ReportMarkup.blank(d.department()), d.code(), ReportMarkup.blank(d.titleEn()),
                    ReportMarkup.blank(d.titleTc()), ReportMarkup.blank(d.category()),
                    ReportMarkup.blank(d.custodian()), ReportMarkup.blank(d.classification()),
                    d.personalData().code(), d.encryptionAtRest().code(), d.openDataStatus().code(), d.lifecycleStatus().code(),
                    d.lastUpdated() == null ? "" : d.lastUpdated().toString()));
        }
        ReportTable table = new ReportTable("datasets", List.of("department", "code", "title_en", "title_tc",
                "category", "custodian", "classification", "personal_data", "encryption_at_rest", "open_data_status",
                "lifecycle_status", "last_updated"), rows);
        return new ReportContent(ReportKind.INVENTORY, filter, w.t("report.inventory.title"), marking, options, true,
                x.toString(), List.of(table), datasets.size());
    }

    private void levelCounts(Xhtml x) {
        Map<ClassificationLevel, Integer> counts = new LinkedHashMap<>();
        levels.forEach(l -> counts.put(l, 0));
        int unclassified = 0;
        for (Dataset d : datasets) {
            ClassificationLevel l = ReportMarking.find(levels, d.classification());
            if (l == null) {
                unclassified++;
            } else {
                counts.merge(l, 1, Integer::sum);
            }
        }
        ReportMarkup.openGrid(x, "grid narrow", w, "report.column.level", "report.column.count");
        for (int i = levels.size() - 1; i >= 0; i--) {
            x.open("tr").open("td");
            ReportMarkup.levelChip(x, levels.get(i), w);
            x.close().element("td", String.valueOf(counts.get(levels.get(i)))).close();
        }
        if (unclassified > 0) {
            x.open("tr").element("td", w.t("report.inventory.notClassified"))
                    .element("td", String.valueOf(unclassified)).close();
        }
        ReportMarkup.closeGrid(x);
    }

}
