package org.custodian.logic.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.sample.SampleDepartment;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.sharing.AgreementCheck;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample department's agreements, loaded once through {@code sample load} on a new workbench. */
class SampleAgreementsTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static ImportReport firstLoad;
    static List<SharingAgreement> agreements;
    static LocalDate today;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        firstLoad = agreementsReport(session.sample().load());
        today = session.sharing().today();
        agreements = session.sharing().page(AgreementQuery.all(today));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static ImportReport agreementsReport(List<ImportReport> reports) {
        return reports.stream().filter(r -> r.source().equals(SampleDepartment.AGREEMENTS)).findFirst()
                .orElseThrow(() -> new AssertionError("no agreements report in " + reports));
    }

    @Test
    void everySampleAgreementLoads() {
        assertEquals(0, firstLoad.rejected(), firstLoad.problems().toString());
        assertTrue(agreements.size() >= 25, "at least 25 agreements: " + agreements.size());
        assertEquals(agreements.size(), firstLoad.created());
        assertEquals(SharingFiles.SAMPLE_AGREEMENTS, agreements.size());
        // every counterparty came from the lists: none was added on the spot
        assertTrue(firstLoad.warnings().stream().noneMatch(w -> "parties".equals(w.column())),
                firstLoad.warnings().toString());
    }

    @Test
    void everyTypeIsPresent() {
        Set<AgreementType> types = agreements.stream().map(SharingAgreement::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AgreementType.class)));
        assertEquals(EnumSet.allOf(AgreementType.class), types);
    }

    @Test
    void everyStoredAgreementMeetsTheRules() {
        for (SharingAgreement a : agreements) {
            AgreementCheck check = session.sharing().check(a.columns());
            if (a.reference().equals(RAISED_ABOVE_CEILING)) {
                // valid when signed; LCSD-BOOK-0001 was raised above its ceiling afterwards (reclassifications.csv)
                assertEquals(List.of("validation.agreement.aboveCeiling"),
                        check.problems().stream().map(p -> p.key()).toList());
                continue;
            }
            assertTrue(check.valid(), a.reference() + ": " + check.problems());
            assertTrue(check.additions().isEmpty(), a.reference() + " names an unknown organisation");
            assertFalse(session.sharing().timeline(a.id()).isEmpty(), a.reference() + " has a timeline");
        }
    }

    /**
     * The sample describes the department on 29 November 2026, like the other sample registers: its dates are
     * checked against that day, so these tests keep passing as the calendar moves on.
     */
    private static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 11, 29);

    @Test
    void someAgreementsExpireWithinThirtyDays() {
        List<String> soon = agreements.stream().filter(a -> a.status().inForce() && a.expiresOn() != null
                && !a.expiresOn().isBefore(SAMPLE_DAY) && !a.expiresOn().isAfter(SAMPLE_DAY.plusDays(30)))
                .map(SharingAgreement::reference).toList();
        assertFalse(soon.isEmpty(), "an agreement in force expiring by " + SAMPLE_DAY.plusDays(30));
    }

    @Test
    void exactlyOneExpiredAgreementIsStillMarkedActive() {
        List<String> lapsed = agreements.stream().filter(a -> a.status() == AgreementStatus.ACTIVE
                && a.expiresOn() != null && a.expiresOn().isBefore(SAMPLE_DAY)).map(SharingAgreement::reference)
                .toList();
        assertEquals(List.of("DSA-2022-017"), lapsed);
        // Whatever the day, it stays active and past its expiry: the case the findings are to catch.
        assertTrue(agreements.stream().anyMatch(a -> a.reference().equals("DSA-2022-017")
                && a.expiresOn().isBefore(today)));
    }

    /** The agreement whose dataset the sample raises above its ceiling after signing, for the findings to catch. */
    private static final String RAISED_ABOVE_CEILING = "DSA-2022-013";

    @Test
    void aSecondLoadChangesNoAgreement() {
        long events = session.audit().eventCount();
        ImportReport second = agreementsReport(session.sample().load());
        assertEquals(0, second.rejected(), second.problems().toString());
        // The agreement whose dataset was raised above its ceiling after signing is unchanged, with a warning.
        assertTrue(second.warnings().stream().anyMatch(w -> w.message().startsWith(
                "LCSD-BOOK-0001 is CONFIDENTIAL, above the")), second.warnings().toString());
        assertEquals(0, second.created());
        assertEquals(0, second.updated());
        assertEquals(agreements.size(), second.unchanged());
        assertEquals(agreements.size(), session.sharing().total());
        assertEquals(agreements.stream().map(SharingAgreement::columns).toList(),
                session.sharing().page(AgreementQuery.all(today)).stream().map(SharingAgreement::columns).toList());
        assertEquals(events, session.audit().eventCount(), "the whole second load writes nothing");
    }

    @Test
    void anUnchangedRowAboveItsCeilingIsStillRefusedWhenTheFileRepeatsIt() throws Exception {
        java.nio.file.Path csv = dir.resolve("twice.csv");
        session.agreementExchange().export(AgreementQuery.all(today), AgreementExchange.Format.CSV, csv,
                org.custodian.logic.io.WorkProgress.NONE);
        List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        String row = lines.stream().filter(l -> l.startsWith(RAISED_ABOVE_CEILING + ",")).findFirst().orElseThrow();
        java.nio.file.Path twice = dir.resolve("twice-only.csv");
        java.nio.file.Files.write(twice, List.of(lines.get(0), row, row), java.nio.charset.StandardCharsets.UTF_8);
        var report = session.agreementExchange().importFile(twice, java.nio.charset.StandardCharsets.UTF_8, true,
                org.custodian.logic.io.WorkProgress.NONE);
        assertEquals(List.of(org.custodian.logic.inventory.RowOutcome.UNCHANGED,
                org.custodian.logic.inventory.RowOutcome.REJECTED),
                report.rows().stream().map(r -> r.outcome()).toList(), report.rows().toString());
    }
}
