package org.custodian.logic.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's numbers equal the registers' counts: each figure, on the sample department, against the count the
 * register's own list gives under the filter the dashboard opens it with.
 */
class DashboardTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static LocalDate today;
    static DashboardFigures figures;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        session.sample().load();
        today = session.dashboard().today();
        figures = session.dashboard().figures(today);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static long datasets(DatasetFacet facet, String value) {
        Map<DatasetFacet, Set<String>> filters = DashboardFigures.datasetsInUse();
        if (facet != null) {
            filters.put(facet, Set.of(value));
        }
        return session.inventory().count(new DatasetQuery("", filters, DatasetSort.CODE, false, 100, 0));
    }

    private static long agreements(AgreementStatus status, Integer expiringWithin) {
        return session.sharing().count(new AgreementQuery(null, Set.of(), status == null ? Set.of()
                : EnumSet.of(status), null, null, expiringWithin, today, AgreementSort.REFERENCE, false, 100, 0));
    }

    @Test
    void datasetFiguresEqualTheInventoryListUnderTheSameFilter() {
        // The sample keeps three retired datasets: the dashboard leaves them out, as its filter does.
        assertEquals(299, figures.datasets());
        assertEquals(datasets(null, null), figures.datasets());
        long levels = figures.notClassified();
        for (DashboardFigures.LevelCount l : figures.byLevel()) {
            assertEquals(datasets(DatasetFacet.CLASSIFICATION, l.level().code()), l.count(), l.level().code());
            levels += l.count();
        }
        assertEquals(datasets(DatasetFacet.CLASSIFICATION, DatasetFacet.NONE), figures.notClassified());
        assertEquals(figures.datasets(), levels, "every dataset in use is in one bar");
        assertEquals(session.inventory().levels().size(), figures.byLevel().size(), "every level, even with none");
        assertTrue(figures.byDepartment().size() >= 10, "the sample's departments: " + figures.byDepartment().size());
        long departments = 0;
        for (DashboardFigures.DepartmentCount d : figures.byDepartment()) {
            assertEquals(datasets(DatasetFacet.DEPARTMENT, d.code()), d.count(), d.code());
            assertTrue(d.nameEn() != null && d.nameTc() != null, "named from the organisation list: " + d.code());
            departments += d.count();
        }
        assertEquals(figures.datasets(), departments);
        for (PersonalData p : PersonalData.values()) {
            assertEquals(datasets(DatasetFacet.PERSONAL_DATA, p.code()), figures.personalData().get(p), p.code());
        }
        for (OpenDataStatus o : OpenDataStatus.values()) {
            assertEquals(datasets(DatasetFacet.OPEN_DATA_STATUS, o.code()), figures.openData().get(o), o.code());
        }
        assertTrue(figures.personalData().get(PersonalData.YES) > 0 && figures.openData().get(OpenDataStatus.PUBLISHED) > 0);
    }

    private static long countRetired() {
        return session.inventory().count(DatasetQuery.all().withFilter(DatasetFacet.LIFECYCLE_STATUS, Set.of("retired")));
    }

    @Test
    void retiredDatasetsAreTheOnlyOnesLeftOut() {
        assertEquals(session.inventory().total(), figures.datasets() + countRetired());
    }

    @Test
    void agreementFiguresEqualTheAgreementsList() {
        assertEquals(session.sharing().total(), figures.agreements());
        for (AgreementStatus s : AgreementStatus.values()) {
            assertEquals(agreements(s, null), figures.agreementsByStatus().get(s), s.code());
        }
        assertEquals(DashboardFigures.EXPIRY_WINDOWS, java.util.List.copyOf(figures.expiringWithin().keySet()));
        for (int days : DashboardFigures.EXPIRY_WINDOWS) {
            assertEquals(agreements(null, days), figures.expiringWithin().get(days), days + " days");
        }
        assertTrue(figures.agreementsByStatus().get(AgreementStatus.ACTIVE) > 0);
    }

    @Test
    void overdueReviewsEqualTheReviewsQueueFilteredToOverdue() {
        for (ReviewKind kind : ReviewKind.values()) {
            long queue = session.classification().due(new ReviewQuery(today, null, kind, null, null)).stream()
                    .filter(r -> r.overdue(today)).count();
            assertEquals(queue, figures.overdueReviews().get(kind), kind.code());
            // The reviews page's "overdue" window lists exactly these.
            assertEquals(queue, session.classification().due(new ReviewQuery(today,
                    ReviewQuery.OVERDUE, kind, null, null)).size(), kind.code());
        }
        assertEquals(session.classification().overdueCount(), figures.overdueReviews().values().stream()
                .mapToLong(Long::longValue).sum(), "the status bar's count too");
    }

    @Test
    void assessmentFiguresEqualTheAssessmentsList() {
        assertEquals(session.assessments().list(null).size(), figures.assessments());
        for (AssessmentStatus s : AssessmentStatus.values()) {
            assertEquals(session.assessments().list(s).size(), figures.assessmentsByStatus().get(s), s.code());
        }
        long rated = 0;
        for (Map.Entry<String, Long> risk : figures.assessmentsByRisk().entrySet()) {
            assertEquals(session.assessments().list(null, risk.getKey()).size(), risk.getValue(), risk.getKey());
            rated += risk.getValue();
        }
        assertEquals(figures.assessments(), rated, "every revision in one risk bar");
    }

    @Test
    void openFindingsComeFromTheFindings() {
        assertEquals(session.findings().openBySeverity(today), figures.openFindings());
    }
}
