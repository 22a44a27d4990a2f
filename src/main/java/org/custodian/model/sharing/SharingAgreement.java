package org.custodian.model.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.inventory.UpdateFrequency;

/**
 * A data-sharing agreement: who shares what with whom, why, how, for how long and under which safeguards.
 * Parties name organisations of the reference list by code; covered datasets name inventory datasets by code.
 * {@code id} and the stamps are null until the record is stored.
 */
public record SharingAgreement(
        UUID id,
        String reference,
        String title,
        AgreementType type,
        AgreementStatus status,
        LocalDate statusSince,
        String purpose,
        LegalBasis legalBasis,
        String legalBasisNote,
        List<AgreementParty> parties,
        List<CoveredDataset> datasets,
        List<String> personalDataCategories,
        List<String> dataSubjects,
        String classificationCeiling,
        ExchangeMechanism mechanism,
        UpdateFrequency frequency,
        String securityMeasures,
        String retentionDisposal,
        String onwardSharing,
        String breachNotification,
        String rightsContact,
        boolean crossBoundary,
        List<String> destinations,
        TransferMechanism transferMechanism,
        String safeguards,
        String transferAssessment,
        LocalDate effectiveFrom,
        LocalDate expiresOn,
        LocalDate reviewDue,
        String terminationConditions,
        Instant createdAt,
        Instant updatedAt) {

    public static final String SEPARATOR = ";";

    public SharingAgreement {
        parties = List.copyOf(parties == null ? List.of() : parties);
        datasets = List.copyOf(datasets == null ? List.of() : datasets);
        personalDataCategories = List.copyOf(personalDataCategories == null ? List.of() : personalDataCategories);
        dataSubjects = List.copyOf(dataSubjects == null ? List.of() : dataSubjects);
        destinations = List.copyOf(destinations == null ? List.of() : destinations);
        status = status == null ? AgreementStatus.DRAFT : status;
    }

    /** The canonical text of every column, as a CSV row writes it ({@code null} for empty). */
    public Map<AgreementColumn, String> columns() {
        Map<AgreementColumn, String> m = new EnumMap<>(AgreementColumn.class);
        m.put(AgreementColumn.REFERENCE, reference);
        m.put(AgreementColumn.TITLE, title);
        m.put(AgreementColumn.TYPE, type == null ? null : type.code());
        m.put(AgreementColumn.STATUS, status.code());
        m.put(AgreementColumn.STATUS_SINCE, text(statusSince));
        m.put(AgreementColumn.PURPOSE, purpose);
        m.put(AgreementColumn.LEGAL_BASIS, legalBasis == null ? null : legalBasis.code());
        m.put(AgreementColumn.LEGAL_BASIS_NOTE, legalBasisNote);
        m.put(AgreementColumn.PARTIES, join(parties.stream().map(AgreementParty::text).toList()));
        m.put(AgreementColumn.DATASETS, join(datasets.stream().map(CoveredDataset::text).toList()));
        m.put(AgreementColumn.PERSONAL_DATA_CATEGORIES, join(personalDataCategories));
        m.put(AgreementColumn.DATA_SUBJECTS, join(dataSubjects));
        m.put(AgreementColumn.CLASSIFICATION_CEILING, classificationCeiling);
        m.put(AgreementColumn.MECHANISM, mechanism == null ? null : mechanism.code());
        m.put(AgreementColumn.FREQUENCY, frequency == null ? null : frequency.code());
        m.put(AgreementColumn.SECURITY_MEASURES, securityMeasures);
        m.put(AgreementColumn.RETENTION_DISPOSAL, retentionDisposal);
        m.put(AgreementColumn.ONWARD_SHARING, onwardSharing);
        m.put(AgreementColumn.BREACH_NOTIFICATION, breachNotification);
        m.put(AgreementColumn.RIGHTS_CONTACT, rightsContact);
        m.put(AgreementColumn.CROSS_BOUNDARY, crossBoundary ? "yes" : "no");
        m.put(AgreementColumn.DESTINATIONS, join(destinations));
        m.put(AgreementColumn.TRANSFER_MECHANISM, transferMechanism == null ? null : transferMechanism.code());
        m.put(AgreementColumn.SAFEGUARDS, safeguards);
        m.put(AgreementColumn.TRANSFER_ASSESSMENT, transferAssessment);
        m.put(AgreementColumn.EFFECTIVE_FROM, text(effectiveFrom));
        m.put(AgreementColumn.EXPIRES_ON, text(expiresOn));
        m.put(AgreementColumn.REVIEW_DUE, text(reviewDue));
        m.put(AgreementColumn.TERMINATION_CONDITIONS, terminationConditions);
        return m;
    }

    /** The columns by header name, for audit snapshots and JSON. */
    public Map<String, String> byHeader() {
        return columns().entrySet().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(
                e -> e.getKey().header(), Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Whether the two records hold the same content (ignoring id and stamps). */
    public boolean sameContent(SharingAgreement other) {
        return columns().equals(other.columns());
    }

    /** The codes of the organisations that are parties, in order. */
    public List<String> partyCodes() {
        return parties.stream().map(AgreementParty::organisation).distinct().toList();
    }

    /** The nearest date something must be done by: the expiry of an agreement in force, or its review. */
    public LocalDate nextDue() {
        LocalDate expiry = status.inForce() ? expiresOn : null;
        LocalDate review = status == AgreementStatus.TERMINATED ? null : reviewDue;
        if (expiry == null) {
            return review;
        }
        return review == null || expiry.isBefore(review) ? expiry : review;
    }

    public SharingAgreement withIdentity(UUID newId, Instant created, Instant updated) {
        return new SharingAgreement(newId, reference, title, type, status, statusSince, purpose, legalBasis,
                legalBasisNote, parties, datasets, personalDataCategories, dataSubjects, classificationCeiling, mechanism,
                frequency, securityMeasures, retentionDisposal, onwardSharing, breachNotification, rightsContact,
                crossBoundary, destinations, transferMechanism, safeguards, transferAssessment, effectiveFrom,
                expiresOn, reviewDue, terminationConditions, created, updated);
    }

    /** The same record in another status (only a recorded status change sets a stored agreement's status). */
    public SharingAgreement withStatus(AgreementStatus newStatus, LocalDate since) {
        return new SharingAgreement(id, reference, title, type, newStatus, since, purpose, legalBasis,
                legalBasisNote, parties, datasets, personalDataCategories, dataSubjects, classificationCeiling, mechanism,
                frequency, securityMeasures, retentionDisposal, onwardSharing, breachNotification, rightsContact,
                crossBoundary, destinations, transferMechanism, safeguards, transferAssessment, effectiveFrom,
                expiresOn, reviewDue, terminationConditions, createdAt, updatedAt);
    }

    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(SEPARATOR, values);
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
