package org.custodian.model.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.custodian.model.sharing.AgreementStatus;
import org.junit.jupiter.api.Test;

/** What an acceptance covers: the problem on those records with those facts, and nothing that comes later. */
class FindingKeyTest {

    private static final RecordRef DATASET = new RecordRef(RecordKind.DATASET, UUID.randomUUID(), "SWD-CSSA-0001");
    private static final RecordRef AGREEMENT = new RecordRef(RecordKind.AGREEMENT, UUID.randomUUID(), "DSA-2024-003");

    @Test
    void theNextOverdueReviewIsANewFinding() {
        Finding january = new Finding(FindingRule.ACCESS_REVIEW_OVERDUE, List.of(DATASET), "hk-swd",
                List.of("SWD-CSSA-0001", "2026-01-31"));
        Finding april = new Finding(FindingRule.ACCESS_REVIEW_OVERDUE, List.of(DATASET), "hk-swd",
                List.of("SWD-CSSA-0001", "2026-04-30"));
        assertNotEquals(january.key(), april.key());
    }

    @Test
    void aDatasetRaisedAgainIsANewFinding() {
        LevelName confidential = new LevelName("CONFIDENTIAL", "CONFIDENTIAL", "機密");
        LevelName secret = new LevelName("SECRET", "SECRET", "高度機密");
        LevelName restricted = new LevelName("RESTRICTED", "RESTRICTED", "限閱文件");
        Finding before = new Finding(FindingRule.CEILING_BELOW_LEVEL, List.of(DATASET, AGREEMENT), null,
                List.of("SWD-CSSA-0001", confidential, "DSA-2024-003", restricted));
        Finding after = new Finding(FindingRule.CEILING_BELOW_LEVEL, List.of(DATASET, AGREEMENT), null,
                List.of("SWD-CSSA-0001", secret, "DSA-2024-003", restricted));
        assertNotEquals(before.key(), after.key());
        // the records' order in the finding does not matter, their ids do
        Finding swapped = new Finding(FindingRule.CEILING_BELOW_LEVEL, List.of(AGREEMENT, DATASET), null,
                List.of("SWD-CSSA-0001", confidential, "DSA-2024-003", restricted));
        assertEquals(before.key(), swapped.key());
    }

    @Test
    void daysLeftAndAStatusOnTheWayDoNotReopenIt() {
        Finding monday = new Finding(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, List.of(AGREEMENT), null,
                List.of("DSA-2024-003", "2026-12-14", 15L));
        Finding friday = new Finding(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, List.of(AGREEMENT), null,
                List.of("DSA-2024-003", "2026-12-14", 11L));
        assertEquals(monday.key(), friday.key());
        Finding negotiating = new Finding(FindingRule.SHARING_NO_LEGAL_BASIS, List.of(AGREEMENT), null,
                List.of("DSA-2024-003", AgreementStatus.UNDER_NEGOTIATION));
        Finding active = new Finding(FindingRule.SHARING_NO_LEGAL_BASIS, List.of(AGREEMENT), null,
                List.of("DSA-2024-003", AgreementStatus.SUSPENDED));
        assertEquals(negotiating.key(), active.key());
        // a renewed agreement that lapses again has a new expiry: a new finding
        Finding renewed = new Finding(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, List.of(AGREEMENT), null,
                List.of("DSA-2024-003", "2027-12-14", 15L));
        assertNotEquals(monday.key(), renewed.key());
    }

    @Test
    void anAcceptanceHoldsFromTheDayItWasMadeUntilItsExpiryOrWithdrawal() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate made = LocalDate.of(2026, 11, 30);
        Instant at = made.atTime(10, 0).atZone(zone).toInstant();
        FindingAcceptance a = new FindingAcceptance(UUID.randomUUID(), "k", "r", "x", "why", made.plusDays(30), at,
                "manager", null, null);
        assertTrue(!a.holdsOn(made.minusDays(1)), "not before it was made");
        assertTrue(a.holdsOn(made) && a.holdsOn(made.plusDays(30)));
        assertTrue(!a.holdsOn(made.plusDays(31)));
        FindingAcceptance withdrawn = new FindingAcceptance(a.id(), "k", "r", "x", "why", made.plusDays(30), at,
                "manager", made.plusDays(5).atTime(9, 0).atZone(zone).toInstant(), "manager");
        assertTrue(withdrawn.holdsOn(made.plusDays(4)), "it held before it was withdrawn");
        assertTrue(!withdrawn.holdsOn(made.plusDays(5)));
    }
}
