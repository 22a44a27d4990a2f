package org.custodian.logic.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.store.ClassificationSchemeRepository;
import org.custodian.store.OversightCounts;

/**
 * The dashboard's figures: the registers' counts read in one go, the scheme's levels (names and colours) put to
 * them, and the open findings. What each figure counts is written on {@link DashboardFigures}.
 */
public final class Dashboard {

    private final OversightCounts counts;
    private final ClassificationSchemeRepository scheme;
    private final Findings findings;
    private final Clock clock;

    public Dashboard(OversightCounts counts, ClassificationSchemeRepository scheme, Findings findings, Clock clock) {
        this.counts = counts;
        this.scheme = scheme;
        this.findings = findings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Reads the figures as they stand on {@code today}. */
    public DashboardFigures figures(LocalDate today) {
        OversightCounts.Tally t = counts.count(DashboardFigures.lifecycleCodes(), DashboardFigures.EXPIRY_WINDOWS,
                today);
        List<ClassificationLevel> levels = scheme.levels();
        Map<String, Long> byCode = new java.util.HashMap<>();
        t.byLevel().forEach((code, n) -> byCode.merge(code.toUpperCase(Locale.ROOT), n, Long::sum));
        List<DashboardFigures.LevelCount> byLevel = new ArrayList<>();
        for (ClassificationLevel l : levels) {
            byLevel.add(new DashboardFigures.LevelCount(l, byCode.getOrDefault(l.code().toUpperCase(Locale.ROOT),
                    0L)));
        }
        long datasets = t.byLevel().values().stream().mapToLong(Long::longValue).sum();
        List<DashboardFigures.DepartmentCount> departments = t.byDepartment().stream()
                .map(d -> new DashboardFigures.DepartmentCount(d.code(), d.nameEn(), d.nameTc(), d.count()))
                .toList();
        Map<ReviewKind, Long> reviews = new EnumMap<>(ReviewKind.class);
        t.overdueReviews().forEach((code, n) -> {
            ReviewKind kind = CodedValue.parse(ReviewKind.class, code);
            if (kind != null) {
                reviews.put(kind, n);
            }
        });
        return new DashboardFigures(today, datasets, byLevel, t.byLevel().getOrDefault("", 0L), departments,
                coded(PersonalData.class, t.personalData()), coded(OpenDataStatus.class, t.openData()),
                sum(t.agreementsByStatus()), coded(AgreementStatus.class, t.agreementsByStatus()),
                t.expiringWithin(), reviews, sum(t.assessmentsByStatus()),
                coded(AssessmentStatus.class, t.assessmentsByStatus()), t.assessmentsByRisk(),
                findings.openBySeverity(today));
    }

    private static <E extends Enum<E> & CodedValue> Map<E, Long> coded(Class<E> type, Map<String, Long> counts) {
        Map<E, Long> typed = new EnumMap<>(type);
        counts.forEach((code, n) -> {
            E e = CodedValue.parse(type, code);
            if (e != null) {
                typed.merge(e, n, Long::sum);
            }
        });
        return typed;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
