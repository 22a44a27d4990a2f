package org.custodian.model.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.inventory.ReferenceResolver;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agreement rules, from the text of the fields, against a scheme, an organisation list and an inventory built
 * here (no workbench): one test per rule, each naming the field and message key of the problem it expects.
 */
class AgreementValidatorTest {

    /** The Hong Kong scheme's levels with the mechanisms their handling rules allow. */
    static final ClassificationScheme SCHEME = new ClassificationScheme("test-hk", "Test HK", "測試", List.of(
            level("UNCLASSIFIED", 0, EnumSet.allOf(ExchangeMechanism.class)),
            level("RESTRICTED", 1, EnumSet.of(ExchangeMechanism.API, ExchangeMechanism.GATEWAY,
                    ExchangeMechanism.SECURE_FILE_TRANSFER, ExchangeMechanism.PHYSICAL_MEDIA)),
            level("CONFIDENTIAL", 2, EnumSet.of(ExchangeMechanism.API, ExchangeMechanism.SECURE_FILE_TRANSFER,
                    ExchangeMechanism.PHYSICAL_MEDIA)),
            level("SECRET", 3, EnumSet.of(ExchangeMechanism.SECURE_FILE_TRANSFER, ExchangeMechanism.PHYSICAL_MEDIA)),
            level("TOP SECRET", 4, EnumSet.of(ExchangeMechanism.PHYSICAL_MEDIA))));

    /** Organisation code → English name. */
    static final Map<String, String> ORGANISATIONS = Map.of(
            "hk-td", "Transport Department",
            "hk-hkpf", "Hong Kong Police Force",
            "ext-harbour-bank", "Harbour Commercial Bank Limited");

    /** The inventory: code → facts (level null: not classified yet). */
    static final Map<String, DatasetFacts> DATASETS = Map.of(
            "OPEN-1", facts("OPEN-1", "UNCLASSIFIED", false),
            "RES-1", facts("RES-1", "RESTRICTED", false),
            "CONF-1", facts("CONF-1", "CONFIDENTIAL", false),
            "SEC-1", facts("SEC-1", "SECRET", false),
            "PERS-1", facts("PERS-1", "RESTRICTED", true),
            "NEW-1", facts("NEW-1", null, false));

    private final AgreementValidator validator = new AgreementValidator();

    private static ClassificationLevel level(String code, int rank, EnumSet<ExchangeMechanism> mechanisms) {
        return new ClassificationLevel(code, rank, code, code, "#000000", code,
                new HandlingRules(rank > 0, rank == 0, mechanisms, Period.ofYears(1), null, rank > 0));
    }

    private static DatasetFacts facts(String code, String level, boolean personal) {
        return new DatasetFacts(UUID.randomUUID(), code, "Title of " + code, level, personal);
    }

    /** Finds an organisation by code or English name, ignoring case, as the reference index does. */
    static final ReferenceResolver RESOLVER = (list, text) -> {
        if (list != ReferenceList.ORGANISATION || text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return ORGANISATIONS.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(t) || e.getValue().equalsIgnoreCase(t))
                .map(Map.Entry::getKey).findFirst();
    };

    static AgreementContext context(boolean addUnknownOrganisations) {
        return new AgreementContext(RESOLVER,
                code -> Optional.ofNullable(DATASETS.get(code.strip().toUpperCase(Locale.ROOT))), SCHEME,
                addUnknownOrganisations);
    }

    /** An active agreement that meets every rule; tests take one field away or change it. */
    static Map<AgreementColumn, String> activeFields() {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.put(AgreementColumn.REFERENCE, "DSA-T-001");
        f.put(AgreementColumn.TITLE, "Traffic data for enforcement");
        f.put(AgreementColumn.TYPE, "inter-departmental-api");
        f.put(AgreementColumn.STATUS, "active");
        f.put(AgreementColumn.PURPOSE, "Lets the police see journey times for enforcement planning.");
        f.put(AgreementColumn.LEGAL_BASIS, "statutory-function");
        f.put(AgreementColumn.PARTIES, "provider:hk-td;recipient:hk-hkpf");
        f.put(AgreementColumn.DATASETS, "OPEN-1;RES-1");
        f.put(AgreementColumn.CLASSIFICATION_CEILING, "RESTRICTED");
        f.put(AgreementColumn.MECHANISM, "api");
        f.put(AgreementColumn.CROSS_BOUNDARY, "no");
        f.put(AgreementColumn.EFFECTIVE_FROM, "2026-01-01");
        f.put(AgreementColumn.EXPIRES_ON, "2028-12-31");
        return f;
    }

    static Map<AgreementColumn, String> with(Map<AgreementColumn, String> base, AgreementColumn column, String value) {
        Map<AgreementColumn, String> f = new EnumMap<>(base);
        f.put(column, value);
        return f;
    }

    private AgreementCheck check(Map<AgreementColumn, String> fields) {
        return validator.check(fields, context(true));
    }

    /** The one problem the check found (fails when there is none or more than one). */
    private static Problem only(AgreementCheck check) {
        assertEquals(1, check.problems().size(), () -> "expected one problem: " + check.problems());
        assertFalse(check.valid());
        assertNull(check.agreement(), "a refused check gives no record");
        return check.problems().get(0);
    }

    private static void assertProblem(Problem p, AgreementColumn column, String key) {
        assertEquals(column.header(), p.field(), () -> "field of " + p);
        assertEquals(key, p.key(), () -> "key of " + p);
    }

    private static void assertValid(AgreementCheck check) {
        assertTrue(check.valid(), () -> "unexpected problems: " + check.problems());
        assertNotNull(check.agreement());
    }

    // ---- the baseline ----------------------------------------------------------------------------------------------

    @Test
    void theBaselineActiveAgreementIsValidAndParsed() {
        AgreementCheck c = check(activeFields());
        assertValid(c);
        assertEquals(List.of(), c.warnings());
        SharingAgreement a = c.agreement();
        assertEquals(AgreementStatus.ACTIVE, a.status());
        assertEquals(AgreementType.INTER_DEPARTMENTAL_API, a.type());
        assertEquals(LegalBasis.STATUTORY_FUNCTION, a.legalBasis());
        assertEquals(List.of(new AgreementParty("hk-td", PartyRole.PROVIDER, null, null),
                new AgreementParty("hk-hkpf", PartyRole.RECIPIENT, null, null)), a.parties());
        assertEquals("RESTRICTED", a.classificationCeiling());
        assertEquals(ExchangeMechanism.API, a.mechanism());
        assertFalse(a.crossBoundary());
        assertEquals(LocalDate.of(2028, 12, 31), a.expiresOn());
    }

    // ---- required fields and the reference -------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = AgreementColumn.class, names = {"REFERENCE", "TITLE", "TYPE", "PURPOSE"})
    void referenceTitleTypeAndPurposeAreRequired(AgreementColumn column) {
        for (String blank : new String[] {null, "", "   "}) {
            Problem p = only(check(with(activeFields(), column, blank)));
            assertProblem(p, column, "validation.agreement.required");
        }
        // ... also of a draft, which needs little else
        Problem p = only(check(with(draft(), column, null)));
        assertProblem(p, column, "validation.agreement.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DSA 2026 001", "-DSA-1", "DSA#1", "資料-1", "DSA-1,2"})
    void aReferenceOutsideItsPatternIsRefused(String reference) {
        Problem p = only(check(with(activeFields(), AgreementColumn.REFERENCE, reference)));
        assertProblem(p, AgreementColumn.REFERENCE, "validation.agreement.reference");
        assertEquals(List.of(reference), p.args());
    }

    @Test
    void aReferenceOfLettersDigitsAndPunctuationUpToAHundredIsTaken() {
        assertValid(check(with(activeFields(), AgreementColumn.REFERENCE, "DSA-2026/01_a.b")));
        assertValid(check(with(activeFields(), AgreementColumn.REFERENCE, "D" + "x".repeat(99))));
        Problem p = only(check(with(activeFields(), AgreementColumn.REFERENCE, "D" + "x".repeat(100))));
        assertProblem(p, AgreementColumn.REFERENCE, "validation.agreement.reference");
    }

    @Test
    void anUnknownTypeIsRefusedAsAChoice() {
        Problem p = only(check(with(activeFields(), AgreementColumn.TYPE, "handshake")));
        assertProblem(p, AgreementColumn.TYPE, "validation.dataset.choice");
    }

    // ---- an active agreement -----------------------------------------------------------------------------------

    @Test
    void anActiveAgreementWithOnlyAProviderIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td")));
        assertProblem(p, AgreementColumn.PARTIES, "validation.agreement.bothSides");
    }

    @Test
    void anActiveAgreementWithOnlyARecipientIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.PARTIES, "recipient:hk-hkpf")));
        assertProblem(p, AgreementColumn.PARTIES, "validation.agreement.bothSides");
    }

    @Test
    void anActiveAgreementWithoutPartiesIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.PARTIES, null)));
        assertProblem(p, AgreementColumn.PARTIES, "validation.agreement.bothSides");
    }

    @Test
    void providerAndRecipientFromTheSameOrganisationAreNotBothSides() {
        Problem p = only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td;recipient:hk-td")));
        assertProblem(p, AgreementColumn.PARTIES, "validation.agreement.bothSides");
        // the same organisation by its code and by its name is still one organisation
        Problem byName = only(check(with(activeFields(), AgreementColumn.PARTIES,
                "provider:hk-td;recipient:Transport Department")));
        assertProblem(byName, AgreementColumn.PARTIES, "validation.agreement.bothSides");
    }

    @Test
    void aProviderAndAProcessorAreBothSides() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.PARTIES,
                "provider:hk-td;processor:ext-harbour-bank"));
        assertValid(c);
        assertEquals(PartyRole.PROCESSOR, c.agreement().parties().get(1).role());
    }

    @Test
    void twoJointControllersAreBothSidesButOneAloneIsNot() {
        AgreementCheck pair = check(with(activeFields(), AgreementColumn.PARTIES,
                "joint-controller:hk-td;joint-controller:hk-hkpf"));
        assertValid(pair);
        assertEquals(List.of("hk-td", "hk-hkpf"), pair.agreement().partyCodes());

        Problem alone = only(check(with(activeFields(), AgreementColumn.PARTIES, "joint-controller:hk-td")));
        assertProblem(alone, AgreementColumn.PARTIES, "validation.agreement.bothSides");
    }

    @Test
    void anActiveAgreementNeedsALegalBasis() {
        Problem p = only(check(with(activeFields(), AgreementColumn.LEGAL_BASIS, " ")));
        assertProblem(p, AgreementColumn.LEGAL_BASIS, "validation.agreement.requiredActive");
    }

    @Test
    void anActiveAgreementNeedsADataset() {
        Problem p = only(check(with(activeFields(), AgreementColumn.DATASETS, null)));
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.noDataset");
    }

    @Test
    void anActiveAgreementNeedsAnExpiryOrAReviewDate() {
        Map<AgreementColumn, String> noEnd = with(activeFields(), AgreementColumn.EXPIRES_ON, null);
        Problem p = only(check(noEnd));
        assertProblem(p, AgreementColumn.EXPIRES_ON, "validation.agreement.noEnd");

        assertValid(check(with(noEnd, AgreementColumn.REVIEW_DUE, "2027-06-30")));
    }

    @Test
    void anActiveAgreementNeedsACeiling() {
        Problem p = only(check(with(activeFields(), AgreementColumn.CLASSIFICATION_CEILING, null)));
        assertProblem(p, AgreementColumn.CLASSIFICATION_CEILING, "validation.agreement.requiredActive");
    }

    @Test
    void anActiveAgreementNeedsAMechanism() {
        Problem p = only(check(with(activeFields(), AgreementColumn.MECHANISM, "")));
        assertProblem(p, AgreementColumn.MECHANISM, "validation.agreement.requiredActive");
    }

    /** Reference, title, type and purpose only. */
    static Map<AgreementColumn, String> draft() {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.put(AgreementColumn.REFERENCE, "DSA-T-002");
        f.put(AgreementColumn.TITLE, "A first draft");
        f.put(AgreementColumn.TYPE, "commercial-interchange");
        f.put(AgreementColumn.PURPOSE, "To be negotiated.");
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "draft", "under-negotiation"})
    void aDraftNeedsNoneOfTheActiveRequirements(String status) {
        AgreementCheck c = check(with(draft(), AgreementColumn.STATUS, status));
        assertValid(c);
        SharingAgreement a = c.agreement();
        assertEquals(status.isEmpty() ? AgreementStatus.DRAFT : AgreementStatus.valueOf(
                status.toUpperCase(Locale.ROOT).replace('-', '_')), a.status());
        assertEquals(List.of(), a.parties());
        assertEquals(List.of(), a.datasets());
        assertNull(a.legalBasis());
        assertNull(a.classificationCeiling());
        assertNull(a.mechanism());
        assertNull(a.expiresOn());
        assertNull(a.reviewDue());
        // and the same fields as active are refused, each for its own reason
        AgreementCheck active = check(with(draft(), AgreementColumn.STATUS, "active"));
        assertEquals(List.of("legal_basis", "parties", "datasets", "classification_ceiling", "mechanism",
                "expires_on"), active.problems().stream().map(Problem::field).toList());
    }

    // ---- cross-boundary ----------------------------------------------------------------------------------------

    @Test
    void aCrossBoundaryTypeNeedsItsBlock() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.TYPE, "cross-boundary-transfer"));
        assertFalse(c.valid());
        assertEquals(List.of("destinations", "transfer_mechanism", "safeguards"),
                c.problems().stream().map(Problem::field).toList());
        c.problems().forEach(p -> assertEquals("validation.agreement.requiredCrossBoundary", p.key()));
    }

    @Test
    void theCrossBoundaryFlagOnAnotherTypeNeedsTheBlockToo() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.CROSS_BOUNDARY, "yes"));
        assertEquals(List.of("destinations", "transfer_mechanism", "safeguards"),
                c.problems().stream().map(Problem::field).toList());
        c.problems().forEach(p -> assertEquals("validation.agreement.requiredCrossBoundary", p.key()));
        // a draft is held to its destinations and mechanism as well; its safeguards are still being negotiated
        AgreementCheck draft = check(with(draft(), AgreementColumn.CROSS_BOUNDARY, "y"));
        assertEquals(List.of("destinations", "transfer_mechanism"),
                draft.problems().stream().map(Problem::field).toList(), draft.problems().toString());
    }

    @Test
    void aCrossBoundaryAgreementWithItsBlockIsValid() {
        Map<AgreementColumn, String> f = with(activeFields(), AgreementColumn.TYPE, "cross-boundary-transfer");
        f.put(AgreementColumn.DESTINATIONS, "Shenzhen, Guangdong; Macao");
        f.put(AgreementColumn.TRANSFER_MECHANISM, "gba-standard-contract");
        f.put(AgreementColumn.SAFEGUARDS, "Encrypted at rest and in transit.");
        AgreementCheck c = check(f);
        assertValid(c);
        assertTrue(c.agreement().crossBoundary(), "the type makes it cross-boundary even with the flag at no");
        assertEquals(List.of("Shenzhen, Guangdong", "Macao"), c.agreement().destinations());
        assertEquals(TransferMechanism.GBA_STANDARD_CONTRACT, c.agreement().transferMechanism());
    }

    @Test
    void aCrossBoundaryFlagThatIsNotYesOrNoIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.CROSS_BOUNDARY, "perhaps")));
        assertProblem(p, AgreementColumn.CROSS_BOUNDARY, "validation.dataset.yesNo");
    }

    // ---- covered datasets --------------------------------------------------------------------------------------

    @Test
    void aDatasetAboveTheCeilingIsRefusedByName() {
        Problem p = only(check(with(activeFields(), AgreementColumn.DATASETS, "OPEN-1;CONF-1")));
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.aboveCeiling");
        assertEquals("CONF-1", p.args().get(0));
        assertTrue(p.english().contains("CONF-1"), p.english());
        // at the ceiling is fine
        Map<AgreementColumn, String> atCeiling = with(activeFields(), AgreementColumn.CLASSIFICATION_CEILING,
                "CONFIDENTIAL");
        atCeiling.put(AgreementColumn.DATASETS, "OPEN-1;CONF-1");
        assertValid(check(atCeiling));
    }

    @Test
    void aDatasetWhoseLevelDoesNotAllowTheMechanismIsRefused() {
        Map<AgreementColumn, String> f = with(activeFields(), AgreementColumn.CLASSIFICATION_CEILING, "SECRET");
        f.put(AgreementColumn.DATASETS, "SEC-1");
        Problem p = only(check(f)); // SECRET does not travel by api
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.mechanismNotAllowed");
        assertEquals(List.of("SEC-1", "SECRET", "api"), p.args());

        assertValid(check(with(f, AgreementColumn.MECHANISM, "secure-file-transfer")));
        // CONFIDENTIAL does not go through the gateway, RESTRICTED does
        Map<AgreementColumn, String> gateway = with(activeFields(), AgreementColumn.MECHANISM, "gateway");
        assertValid(check(gateway));
        gateway.put(AgreementColumn.CLASSIFICATION_CEILING, "CONFIDENTIAL");
        gateway.put(AgreementColumn.DATASETS, "RES-1;CONF-1");
        Problem conf = only(check(gateway));
        assertProblem(conf, AgreementColumn.DATASETS, "validation.agreement.mechanismNotAllowed");
        assertEquals("CONF-1", conf.args().get(0));
    }

    @Test
    void anUnclassifiedDatasetOnlyWarns() {
        Map<AgreementColumn, String> f = with(activeFields(), AgreementColumn.DATASETS, "NEW-1");
        f.put(AgreementColumn.CLASSIFICATION_CEILING, "UNCLASSIFIED");
        AgreementCheck c = check(f);
        assertValid(c);
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        Problem w = c.warnings().get(0);
        assertProblem(w, AgreementColumn.DATASETS, "validation.agreement.unclassified");
        assertEquals(List.of("NEW-1"), w.args());
    }

    @Test
    void coveringPersonalDataNeedsItsCategories() {
        Map<AgreementColumn, String> f = with(activeFields(), AgreementColumn.DATASETS, "PERS-1");
        Problem p = only(check(f));
        assertProblem(p, AgreementColumn.PERSONAL_DATA_CATEGORIES, "validation.agreement.personalCategories");

        f.put(AgreementColumn.PERSONAL_DATA_CATEGORIES, "name; HKID number ;name");
        AgreementCheck c = check(f);
        assertValid(c);
        assertEquals(List.of("name", "HKID number"), c.agreement().personalDataCategories());
        // a draft covering personal data is held to it too
        Problem draft = only(check(with(draft(), AgreementColumn.DATASETS, "PERS-1")));
        assertProblem(draft, AgreementColumn.PERSONAL_DATA_CATEGORIES, "validation.agreement.personalCategories");
    }

    @Test
    void anUnknownDatasetCodeIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.DATASETS, "RES-1;NOPE-9")));
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.unknownDataset");
        assertEquals(List.of("NOPE-9"), p.args());
    }

    @Test
    void aDatasetListedTwiceIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.DATASETS, "RES-1 (name);OPEN-1;res-1")));
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.datasetTwice");
        assertEquals(List.of("RES-1"), p.args());
    }

    @Test
    void dataItemsAreParsedFromTheParentheses() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.DATASETS,
                " res-1 ( name , address,, Name ) ; OPEN-1 ;"));
        assertValid(c);
        assertEquals(List.of(new CoveredDataset("RES-1", List.of("name", "address")),
                new CoveredDataset("OPEN-1", List.of())), c.agreement().datasets());
        assertEquals("RES-1 (name, address);OPEN-1", c.agreement().columns().get(AgreementColumn.DATASETS));
    }

    @Test
    void aMalformedDatasetEntryIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.DATASETS, "RES-1 (name) extra")));
        assertProblem(p, AgreementColumn.DATASETS, "validation.agreement.datasetEntry");
    }

    // ---- parties -----------------------------------------------------------------------------------------------

    @Test
    void aPartyWithSignatoryAndDateIsParsed() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.PARTIES,
                "Provider:Transport Department| Chan Tai-man |2025-12-01;recipient:hk-hkpf||"));
        assertValid(c);
        assertEquals(List.of(new AgreementParty("hk-td", PartyRole.PROVIDER, "Chan Tai-man", LocalDate.of(2025, 12, 1)),
                new AgreementParty("hk-hkpf", PartyRole.RECIPIENT, null, null)), c.agreement().parties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hk-td", "owner:hk-td", ":hk-td"})
    void aPartyWithoutAKnownRoleIsRefused(String party) {
        Problem p = only(check(with(activeFields(), AgreementColumn.PARTIES, party + ";recipient:hk-hkpf;provider:hk-td")));
        assertProblem(p, AgreementColumn.PARTIES, "validation.agreement.party");
    }

    @Test
    void aPartySyntaxErrorIsReportedUnderParties() {
        String others = ";provider:ext-harbour-bank;recipient:hk-hkpf"; // both sides without the broken entry
        assertProblem(only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td|Chan" + others))),
                AgreementColumn.PARTIES, "validation.agreement.partySigned");
        assertProblem(only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td|a|2025-01-01|x" + others))),
                AgreementColumn.PARTIES, "validation.agreement.partySigned");
        assertProblem(only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td;provider: " + others))),
                AgreementColumn.PARTIES, "validation.agreement.partyName");
        assertProblem(only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td|Chan|2025-13-01" + others))),
                AgreementColumn.PARTIES, "validation.dataset.date");
        assertProblem(only(check(with(activeFields(), AgreementColumn.PARTIES, "provider:hk-td;provider:HK-TD" + others))),
                AgreementColumn.PARTIES, "validation.agreement.partyTwice");
    }

    @Test
    void anUnknownOrganisationIsAddedWithAWarningWhereAllowed() {
        AgreementCheck c = check(with(activeFields(), AgreementColumn.PARTIES,
                "provider:hk-td;processor:Acme Data Services Ltd"));
        assertValid(c);
        assertEquals(List.of(new NewReference(ReferenceList.ORGANISATION, "acme-data-services-ltd",
                "Acme Data Services Ltd", null)), c.additions());
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertProblem(c.warnings().get(0), AgreementColumn.PARTIES, "validation.dataset.referenceAdded");
        assertEquals("acme-data-services-ltd", c.agreement().parties().get(1).organisation());
    }

    @Test
    void anUnknownOrganisationIsAProblemWhereAddingIsNotAllowed() {
        AgreementCheck c = validator.check(with(activeFields(), AgreementColumn.PARTIES,
                "provider:hk-td;processor:Acme Data Services Ltd;recipient:hk-hkpf"), context(false));
        Problem p = only(c);
        assertProblem(p, AgreementColumn.PARTIES, "validation.dataset.unknownReference");
        assertEquals(List.of("Acme Data Services Ltd"), p.args());
        assertEquals(List.of(), c.additions());
    }

    // ---- dates and the legal basis -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2025-12-31"})
    void anExpiryNotAfterTheStartIsRefused(String expires) {
        Problem p = only(check(with(activeFields(), AgreementColumn.EXPIRES_ON, expires)));
        assertProblem(p, AgreementColumn.EXPIRES_ON, "validation.agreement.expiresBefore");
        assertValid(check(with(activeFields(), AgreementColumn.EXPIRES_ON, "2026-01-02")));
    }

    @Test
    void aReviewBeforeTheStartIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.REVIEW_DUE, "2025-12-31")));
        assertProblem(p, AgreementColumn.REVIEW_DUE, "validation.agreement.reviewBefore");
        assertValid(check(with(activeFields(), AgreementColumn.REVIEW_DUE, "2026-01-01")));
    }

    @Test
    void aDateNotInIsoFormIsRefused() {
        Problem p = only(check(with(activeFields(), AgreementColumn.EXPIRES_ON, "31/12/2028")));
        assertProblem(p, AgreementColumn.EXPIRES_ON, "validation.dataset.date");
    }

    @Test
    void theOtherLegalBasisNeedsANote() {
        Map<AgreementColumn, String> f = with(activeFields(), AgreementColumn.LEGAL_BASIS, "other");
        Problem p = only(check(f));
        assertProblem(p, AgreementColumn.LEGAL_BASIS_NOTE, "validation.agreement.basisNote");
        f.put(AgreementColumn.LEGAL_BASIS_NOTE, "Memorandum of understanding of 2025");
        AgreementCheck c = check(f);
        assertValid(c);
        assertEquals(LegalBasis.OTHER, c.agreement().legalBasis());
    }

    // ---- the canonical text ----------------------------------------------------------------------------------------

    /** Every column filled, each in the canonical spelling {@link SharingAgreement#columns()} writes. */
    static Map<AgreementColumn, String> fullRecord() {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.put(AgreementColumn.REFERENCE, "DSA-2026-099");
        f.put(AgreementColumn.TITLE, "Cross-boundary clinic referrals 跨境轉介");
        f.put(AgreementColumn.TYPE, "cross-boundary-transfer");
        f.put(AgreementColumn.STATUS, "active");
        f.put(AgreementColumn.STATUS_SINCE, "2026-02-01");
        f.put(AgreementColumn.PURPOSE, "Referrals of patients who asked to be treated in Shenzhen.");
        f.put(AgreementColumn.LEGAL_BASIS, "other");
        f.put(AgreementColumn.LEGAL_BASIS_NOTE, "Co-operation arrangement of 2025");
        f.put(AgreementColumn.PARTIES, "provider:hk-td|Chan Tai-man|2026-01-10;recipient:ext-harbour-bank|Karen Mok|2026-01-12;processor:hk-hkpf");
        f.put(AgreementColumn.DATASETS, "PERS-1 (name, HKID number);OPEN-1");
        f.put(AgreementColumn.PERSONAL_DATA_CATEGORIES, "name;HKID number");
        f.put(AgreementColumn.DATA_SUBJECTS, "patients;carers");
        f.put(AgreementColumn.CLASSIFICATION_CEILING, "RESTRICTED");
        f.put(AgreementColumn.MECHANISM, "secure-file-transfer");
        f.put(AgreementColumn.FREQUENCY, UpdateFrequency.MONTHLY.code());
        f.put(AgreementColumn.SECURITY_MEASURES, "Encrypted files over SFTP.");
        f.put(AgreementColumn.RETENTION_DISPOSAL, "Deleted after 2 years.");
        f.put(AgreementColumn.ONWARD_SHARING, "Not allowed.");
        f.put(AgreementColumn.BREACH_NOTIFICATION, "Within 24 hours.");
        f.put(AgreementColumn.RIGHTS_CONTACT, "dpo@example.gov.hk");
        f.put(AgreementColumn.CROSS_BOUNDARY, "yes");
        f.put(AgreementColumn.DESTINATIONS, "Shenzhen;Macao");
        f.put(AgreementColumn.TRANSFER_MECHANISM, "model-clauses-user-to-processor");
        f.put(AgreementColumn.SAFEGUARDS, "Model clauses signed; audits yearly.");
        f.put(AgreementColumn.TRANSFER_ASSESSMENT, "TA-2026-01");
        f.put(AgreementColumn.EFFECTIVE_FROM, "2026-02-01");
        f.put(AgreementColumn.EXPIRES_ON, "2029-01-31");
        f.put(AgreementColumn.REVIEW_DUE, "2027-02-01");
        f.put(AgreementColumn.TERMINATION_CONDITIONS, "Three months' notice.");
        return f;
    }

    @Test
    void aFullRecordRoundTripsThroughItsColumnsIdentically() {
        Map<AgreementColumn, String> input = fullRecord();
        assertEquals(AgreementColumn.values().length, input.size(), "every column is filled");
        AgreementCheck first = check(input);
        assertValid(first);
        assertEquals(List.of(), first.warnings());
        Map<AgreementColumn, String> columns = first.agreement().columns();
        assertEquals(input, columns);

        AgreementCheck second = check(columns);
        assertValid(second);
        assertEquals(columns, second.agreement().columns());
        assertTrue(first.agreement().sameContent(second.agreement()));
    }
}
