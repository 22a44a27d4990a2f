package org.custodian.model.oversight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.sharing.AgreementStatus;

/**
 * Where the department stands on {@code today}, as the dashboard shows it. Each figure is the count the register's
 * own list shows under the matching filter: datasets are those in use (every lifecycle but retired), as the
 * inventory lists them with {@link #datasetsInUse()}; agreements and assessment revisions are all of them, as
 * their lists show them unfiltered; reviews are overdue (due before today) for datasets drafted or active, as the
 * reviews page lists them.
 *
 * @param byLevel every level of the scheme, lowest rank first, with its datasets
 * @param notClassified datasets in use without a level yet
 * @param byDepartment every department with datasets in use, most first
 * @param expiringWithin for each of {@link #EXPIRY_WINDOWS}: agreements in force whose expiry falls within that
 *     many days (or has passed), the agreements list's "expiring within" filter
 * @param assessmentsByRisk the risk level's id (as templates name them) to revisions; "" for not rated yet
 * @param openFindings open findings per severity (every severity present)
 */
public record DashboardFigures(LocalDate today, long datasets, List<LevelCount> byLevel, long notClassified,
                               List<DepartmentCount> byDepartment, Map<PersonalData, Long> personalData,
                               Map<OpenDataStatus, Long> openData, long agreements,
                               Map<AgreementStatus, Long> agreementsByStatus, Map<Integer, Long> expiringWithin,
                               Map<ReviewKind, Long> overdueReviews, long assessments,
                               Map<AssessmentStatus, Long> assessmentsByStatus, Map<String, Long> assessmentsByRisk,
                               Map<Severity, Integer> openFindings) {

    /** The expiry windows the dashboard shows, in days: the agreements list offers the same. */
    public static final List<Integer> EXPIRY_WINDOWS = List.of(30, 60, 90);

    /** The lifecycles the dataset figures count: everything not retired. */
    public static final Set<LifecycleStatus> COUNTED = Set.of(LifecycleStatus.DRAFT, LifecycleStatus.ACTIVE,
            LifecycleStatus.SUPERSEDED);

    public DashboardFigures {
        byLevel = List.copyOf(byLevel);
        byDepartment = List.copyOf(byDepartment);
        personalData = complete(PersonalData.class, personalData);
        openData = complete(OpenDataStatus.class, openData);
        agreementsByStatus = complete(AgreementStatus.class, agreementsByStatus);
        overdueReviews = complete(ReviewKind.class, overdueReviews);
        assessmentsByStatus = complete(AssessmentStatus.class, assessmentsByStatus);
        Map<Integer, Long> windows = new LinkedHashMap<>();
        for (Integer d : EXPIRY_WINDOWS) {
            windows.put(d, expiringWithin.getOrDefault(d, 0L));
        }
        expiringWithin = java.util.Collections.unmodifiableMap(windows);
        assessmentsByRisk = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assessmentsByRisk));
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            findings.put(s, openFindings.getOrDefault(s, 0));
        }
        openFindings = java.util.Collections.unmodifiableMap(findings);
    }

    /** Whether the workbench holds any register record: the window opens on the dashboard then. */
    public boolean anyRecords() {
        return datasets > 0 || agreements > 0 || assessments > 0;
    }

    /** The inventory filter the dataset figures count under; each tile adds its own facet to it. */
    public static Map<DatasetFacet, Set<String>> datasetsInUse() {
        Map<DatasetFacet, Set<String>> filters = new EnumMap<>(DatasetFacet.class);
        filters.put(DatasetFacet.LIFECYCLE_STATUS, lifecycleCodes());
        return filters;
    }

    /** The codes of {@link #COUNTED}, as the store spells them. */
    public static Set<String> lifecycleCodes() {
        Set<String> codes = new java.util.TreeSet<>();
        COUNTED.forEach(l -> codes.add(l.code()));
        return codes;
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        Map<E, Long> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, counts.getOrDefault(e, 0L));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /** A level of the scheme and how many datasets in use carry it. */
    public record LevelCount(ClassificationLevel level, long count) {
    }

    /** A department (an organisation of the reference list; names null when the list lacks it) and its datasets. */
    public record DepartmentCount(String code, String nameEn, String nameTc, long count) {

        public String name(boolean chinese) {
            String preferred = chinese ? nameTc : nameEn;
            String other = chinese ? nameEn : nameTc;
            return preferred != null ? preferred : other != null ? other : code;
        }
    }
}
