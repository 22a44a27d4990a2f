package org.custodian.model.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.FieldText;
import org.custodian.model.validation.Problem;

/**
 * The rules for an agreement, from the text of its fields: the same checks for the editor, the status dialog and
 * the importers. Field names in problems are the column names. Beyond the form of each field:
 * <ul>
 *   <li>an active agreement needs parties on both sides, a purpose, a legal basis, at least one dataset, an
 *       expiry or a review date, a classification ceiling and a mechanism;</li>
 *   <li>a cross-boundary agreement needs its destinations and transfer mechanism, and safeguards once active;</li>
 *   <li>a covered dataset above the ceiling, or at a level whose handling rules do not allow the mechanism, is
 *       refused;</li>
 *   <li>covering a dataset with personal data needs the personal data categories.</li>
 * </ul>
 */
public final class AgreementValidator {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern DATASET_ENTRY = Pattern.compile("([^()]+?)\\s*(?:\\(([^()]*)\\))?");
    private static final int MAX_SHORT = 500;
    private static final int MAX_LONG = 20_000;
    /** The columns that may hold up to {@link #MAX_LONG} characters; every other one holds {@link #MAX_SHORT}. */
    private static final Set<AgreementColumn> LONG = java.util.EnumSet.of(AgreementColumn.PURPOSE,
            AgreementColumn.LEGAL_BASIS_NOTE, AgreementColumn.PARTIES, AgreementColumn.DATASETS,
            AgreementColumn.PERSONAL_DATA_CATEGORIES, AgreementColumn.DATA_SUBJECTS, AgreementColumn.SECURITY_MEASURES,
            AgreementColumn.RETENTION_DISPOSAL, AgreementColumn.ONWARD_SHARING, AgreementColumn.BREACH_NOTIFICATION,
            AgreementColumn.DESTINATIONS, AgreementColumn.SAFEGUARDS, AgreementColumn.TERMINATION_CONDITIONS);

    public AgreementCheck check(Map<AgreementColumn, String> fields, AgreementContext context) {
        List<Problem> tooLong = new ArrayList<>();
        for (AgreementColumn c : AgreementColumn.values()) {
            FieldText.tooLong(c.header(), fields.get(c), LONG.contains(c) ? MAX_LONG : MAX_SHORT)
                    .ifPresent(tooLong::add);
        }
        if (!tooLong.isEmpty()) {
            // A field over its limit is all that is said: the other rules would only quote the oversized text back.
            return new AgreementCheck(null, tooLong, List.of(), List.of());
        }
        Fields f = new Fields(fields, context);
        String reference = f.text(AgreementColumn.REFERENCE);
        if (reference == null) {
            f.required(AgreementColumn.REFERENCE);
        } else if (!REFERENCE.matcher(reference).matches()) {
            f.problem(AgreementColumn.REFERENCE, "validation.agreement.reference", "reference '" + reference
                    + "' may hold only letters, digits, '.', '_', '/' and '-' (at most 100)", reference);
        }
        String title = f.text(AgreementColumn.TITLE);
        if (title == null) {
            f.required(AgreementColumn.TITLE);
        }
        AgreementType type = f.choice(AgreementColumn.TYPE, AgreementType.class);
        if (f.text(AgreementColumn.TYPE) == null) {
            f.required(AgreementColumn.TYPE);
        }
        AgreementStatus status = f.choice(AgreementColumn.STATUS, AgreementStatus.class);
        boolean active = status == AgreementStatus.ACTIVE;
        LocalDate statusSince = f.date(AgreementColumn.STATUS_SINCE);
        String purpose = f.text(AgreementColumn.PURPOSE);
        if (purpose == null) {
            f.required(AgreementColumn.PURPOSE);
        }
        LegalBasis legalBasis = f.choice(AgreementColumn.LEGAL_BASIS, LegalBasis.class);
        if (active && f.text(AgreementColumn.LEGAL_BASIS) == null) {
            f.requiredWhenActive(AgreementColumn.LEGAL_BASIS);
        }
        String legalBasisNote = f.text(AgreementColumn.LEGAL_BASIS_NOTE);
        if (legalBasis == LegalBasis.OTHER && legalBasisNote == null) {
            f.problem(AgreementColumn.LEGAL_BASIS_NOTE, "validation.agreement.basisNote",
                    "legal_basis 'other' needs a note saying what the basis is");
        }
        List<AgreementParty> parties = f.parties();
        if (active) {
            boolean provides = parties.stream().anyMatch(p -> p.role().provides());
            boolean receives = parties.stream().anyMatch(p -> p.role().receives());
            long distinct = parties.stream().map(p -> p.organisation().toLowerCase(Locale.ROOT)).distinct().count();
            if (!provides || !receives || distinct < 2) {
                f.problem(AgreementColumn.PARTIES, "validation.agreement.bothSides", "an active agreement needs"
                        + " parties on both sides: a provider (or joint controller) and a recipient, joint controller"
                        + " or processor, from at least two organisations");
            }
        }
        List<CoveredDataset> datasets = f.datasets();
        if (active && datasets.isEmpty() && f.text(AgreementColumn.DATASETS) == null) {
            f.problem(AgreementColumn.DATASETS, "validation.agreement.noDataset",
                    "an active agreement needs at least one covered dataset");
        }
        List<String> personalCategories = f.list(AgreementColumn.PERSONAL_DATA_CATEGORIES);
        List<String> subjects = f.list(AgreementColumn.DATA_SUBJECTS);
        String ceiling = null;
        ClassificationLevel ceilingLevel = null;
        String ceilingText = f.text(AgreementColumn.CLASSIFICATION_CEILING);
        if (ceilingText != null) {
            ceilingLevel = context.scheme().named(ceilingText).orElse(null);
            if (ceilingLevel == null) {
                f.problem(AgreementColumn.CLASSIFICATION_CEILING, "validation.agreement.level",
                        "'" + ceilingText + "' is not a level of the classification scheme", ceilingText);
            } else {
                ceiling = ceilingLevel.code();
            }
        } else if (active) {
            f.requiredWhenActive(AgreementColumn.CLASSIFICATION_CEILING);
        }
        ExchangeMechanism mechanism = f.choice(AgreementColumn.MECHANISM, ExchangeMechanism.class);
        if (active && f.text(AgreementColumn.MECHANISM) == null) {
            f.requiredWhenActive(AgreementColumn.MECHANISM);
        }
        UpdateFrequency frequency = f.frequency();
        f.coveredRules(datasets, ceilingLevel, mechanism, personalCategories);
        String security = f.text(AgreementColumn.SECURITY_MEASURES);
        String retention = f.text(AgreementColumn.RETENTION_DISPOSAL);
        String onward = f.text(AgreementColumn.ONWARD_SHARING);
        String breach = f.text(AgreementColumn.BREACH_NOTIFICATION);
        String rights = f.text(AgreementColumn.RIGHTS_CONTACT);
        Boolean crossFlag = f.yesNo(AgreementColumn.CROSS_BOUNDARY);
        boolean crossBoundary = type == AgreementType.CROSS_BOUNDARY_TRANSFER || Boolean.TRUE.equals(crossFlag);
        List<String> destinations = f.list(AgreementColumn.DESTINATIONS);
        TransferMechanism transfer = f.choice(AgreementColumn.TRANSFER_MECHANISM, TransferMechanism.class);
        String safeguards = f.text(AgreementColumn.SAFEGUARDS);
        String assessment = f.text(AgreementColumn.TRANSFER_ASSESSMENT);
        if (crossBoundary) {
            if (destinations.isEmpty()) {
                f.crossBoundary(AgreementColumn.DESTINATIONS);
            }
            if (f.text(AgreementColumn.TRANSFER_MECHANISM) == null) {
                f.crossBoundary(AgreementColumn.TRANSFER_MECHANISM);
            }
            // Safeguards are what the parties negotiate: required once the transfer is active, and until then
            // the findings report their absence.
            if (safeguards == null && active) {
                f.crossBoundary(AgreementColumn.SAFEGUARDS);
            }
        }
        LocalDate effective = f.date(AgreementColumn.EFFECTIVE_FROM);
        LocalDate expires = f.date(AgreementColumn.EXPIRES_ON);
        LocalDate review = f.date(AgreementColumn.REVIEW_DUE);
        if (active && expires == null && review == null && f.text(AgreementColumn.EXPIRES_ON) == null
                && f.text(AgreementColumn.REVIEW_DUE) == null) {
            f.problem(AgreementColumn.EXPIRES_ON, "validation.agreement.noEnd",
                    "an active agreement needs an expiry date or a review date");
        }
        if (effective != null && expires != null && !expires.isAfter(effective)) {
            f.problem(AgreementColumn.EXPIRES_ON, "validation.agreement.expiresBefore", "expires_on " + expires
                    + " is not after effective_from " + effective, expires.toString(), effective.toString());
        }
        if (effective != null && review != null && review.isBefore(effective)) {
            f.problem(AgreementColumn.REVIEW_DUE, "validation.agreement.reviewBefore", "review_due " + review
                    + " is before effective_from " + effective, review.toString(), effective.toString());
        }
        for (AgreementParty p : parties) {
            if (effective != null && p.signedOn() != null && p.signedOn().isAfter(effective) && active) {
                f.warning(AgreementColumn.PARTIES, "validation.agreement.signedLate", p.organisation()
                        + " signed on " + p.signedOn() + ", after the agreement took effect on " + effective,
                        p.organisation(), p.signedOn().toString(), effective.toString());
            }
        }
        String termination = f.text(AgreementColumn.TERMINATION_CONDITIONS);
        SharingAgreement agreement = f.problems.isEmpty()
                ? new SharingAgreement(null, reference, title, type, status, statusSince, purpose, legalBasis,
                        legalBasisNote, parties, datasets, personalCategories, subjects, ceiling, mechanism, frequency,
                        security, retention, onward, breach, rights, crossBoundary, destinations, transfer, safeguards,
                        assessment, effective, expires, review, termination, null, null)
                : null;
        return new AgreementCheck(agreement, f.problems, f.warnings, new ArrayList<>(f.additions));
    }

    /** The field values being checked, with the problems found so far. */
    private static final class Fields {
        private final Map<AgreementColumn, String> values;
        private final AgreementContext context;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Set<NewReference> additions = new LinkedHashSet<>();

        Fields(Map<AgreementColumn, String> values, AgreementContext context) {
            this.values = values;
            this.context = context;
        }

        void problem(AgreementColumn column, String key, String english, Object... args) {
            problems.add(Problem.of(column.header(), key, english, args));
        }

        void warning(AgreementColumn column, String key, String english, Object... args) {
            warnings.add(Problem.of(column.header(), key, english, args));
        }

        void required(AgreementColumn column) {
            problem(column, "validation.agreement.required", column.header() + " is required");
        }

        void requiredWhenActive(AgreementColumn column) {
            problem(column, "validation.agreement.requiredActive", column.header()
                    + " is required for an active agreement");
        }

        void crossBoundary(AgreementColumn column) {
            problem(column, "validation.agreement.requiredCrossBoundary", column.header()
                    + " is required for a cross-boundary agreement");
        }

        String text(AgreementColumn column) {
            return FieldText.value(values.get(column));
        }

        List<String> list(AgreementColumn column) {
            List<String> items = FieldText.items(text(column), SharingAgreement.SEPARATOR);
            if (items.stream().anyMatch(item -> item.length() > MAX_SHORT)) {
                problem(column, "validation.tooLong", column.header() + " has an entry longer than " + MAX_SHORT
                        + " characters", column.header(), MAX_SHORT);
            }
            return items;
        }

        <E extends Enum<E> & CodedValue> E choice(AgreementColumn column, Class<E> type) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            E e = CodedValue.parse(type, v);
            if (e == null) {
                problem(column, "validation.dataset.choice", "'" + v + "' is not one of " + CodedValue.codes(type), v,
                        CodedValue.codes(type));
            }
            return e;
        }

        UpdateFrequency frequency() {
            String v = text(AgreementColumn.FREQUENCY);
            if (v == null) {
                return null;
            }
            UpdateFrequency f = UpdateFrequency.parseLenient(v);
            if (f == null) {
                problem(AgreementColumn.FREQUENCY, "validation.dataset.choice", "'" + v + "' is not one of "
                        + CodedValue.codes(UpdateFrequency.class), v, CodedValue.codes(UpdateFrequency.class));
            }
            return f;
        }

        Boolean yesNo(AgreementColumn column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            Optional<Boolean> answer = FieldText.yesNo(v);
            if (answer.isEmpty()) {
                problem(column, "validation.dataset.yesNo", "'" + v
                        + "' is not yes or no (write yes/no, y/n, true/false or 1/0)", v);
            }
            return answer.orElse(null);
        }

        LocalDate date(AgreementColumn column) {
            return date(column, text(column));
        }

        LocalDate date(AgreementColumn column, String v) {
            if (v == null) {
                return null;
            }
            Optional<LocalDate> date = FieldText.date(v);
            if (date.isEmpty()) {
                problem(column, "validation.dataset.date", "'" + v + "' is not a date in the form YYYY-MM-DD", v);
            }
            return date.orElse(null);
        }

        /** Parties: {@code role:organisation[|signatory|date]}, separated by ';'. */
        List<AgreementParty> parties() {
            AgreementColumn column = AgreementColumn.PARTIES;
            String v = text(column);
            List<AgreementParty> parties = new ArrayList<>();
            if (v == null) {
                return parties;
            }
            for (String entry : v.split(SharingAgreement.SEPARATOR)) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int colon = e.indexOf(':');
                PartyRole role = colon < 0 ? null : CodedValue.parse(PartyRole.class, e.substring(0, colon));
                if (role == null) {
                    problem(column, "validation.agreement.party", "'" + e + "' is not a party: write role:organisation"
                            + " where role is one of " + CodedValue.codes(PartyRole.class), e,
                            CodedValue.codes(PartyRole.class));
                    continue;
                }
                String[] parts = e.substring(colon + 1).split("\\|", -1);
                if (parts.length != 1 && parts.length != 3) {
                    problem(column, "validation.agreement.partySigned", "'" + e + "': after the organisation write"
                            + " nothing, or |signatory|date", e);
                    continue;
                }
                String name = parts[0].strip();
                if (name.isEmpty()) {
                    problem(column, "validation.agreement.partyName", "'" + e + "' names no organisation", e);
                    continue;
                }
                String organisation = organisation(name);
                if (organisation == null) {
                    continue;
                }
                String signatory = parts.length == 3 && !parts[1].isBlank() ? parts[1].strip() : null;
                LocalDate signed = parts.length == 3 ? date(column, parts[2].isBlank() ? null : parts[2].strip()) : null;
                AgreementParty party = new AgreementParty(organisation, role, signatory, signed);
                if (parties.stream().anyMatch(p -> p.organisation().equalsIgnoreCase(organisation) && p.role() == role)) {
                    problem(column, "validation.agreement.partyTwice", organisation + " is named twice as "
                            + role.code(), organisation, role.code());
                    continue;
                }
                parties.add(party);
            }
            return parties;
        }

        private String organisation(String name) {
            Optional<String> code = context.organisations().resolve(ReferenceList.ORGANISATION, name);
            if (code.isPresent()) {
                return code.get();
            }
            if (!context.addUnknownOrganisations()) {
                problem(AgreementColumn.PARTIES, "validation.dataset.unknownReference",
                        "'" + name + "' is not in the organisation list", name);
                return null;
            }
            NewReference added = NewReference.named(ReferenceList.ORGANISATION, name);
            Optional<String> same = context.organisations().resolve(ReferenceList.ORGANISATION, added.code());
            if (same.isPresent()) {
                warning(AgreementColumn.PARTIES, "validation.dataset.referenceMatched", "'" + name
                        + "' is not in the organisation list; taken as '" + same.get() + "'", name, same.get());
                return same.get();
            }
            if (additions.add(added)) {
                warning(AgreementColumn.PARTIES, "validation.dataset.referenceAdded", "'" + name
                        + "' is not in the organisation list yet; it will be added as '" + added.code() + "'", name,
                        added.code());
            }
            return added.code();
        }

        /** Covered datasets: {@code CODE} or {@code CODE (item, item)}, separated by ';'; each must exist. */
        List<CoveredDataset> datasets() {
            AgreementColumn column = AgreementColumn.DATASETS;
            String v = text(column);
            List<CoveredDataset> covered = new ArrayList<>();
            if (v == null) {
                return covered;
            }
            for (String entry : v.split(SharingAgreement.SEPARATOR)) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                var m = DATASET_ENTRY.matcher(e);
                if (!m.matches()) {
                    problem(column, "validation.agreement.datasetEntry", "'" + e + "' is not a dataset entry: write"
                            + " CODE or CODE (item, item)", e);
                    continue;
                }
                String code = m.group(1).strip();
                Optional<DatasetFacts> facts = context.datasets().apply(code);
                if (facts.isEmpty()) {
                    problem(column, "validation.agreement.unknownDataset", "no dataset with code '" + code
                            + "' in this workbench", code);
                    continue;
                }
                String canonical = facts.get().code();
                if (covered.stream().anyMatch(c -> c.datasetCode().equalsIgnoreCase(canonical))) {
                    problem(column, "validation.agreement.datasetTwice", canonical + " is listed twice", canonical);
                    continue;
                }
                List<String> items = new ArrayList<>();
                if (m.group(2) != null) {
                    for (String item : m.group(2).split(",")) {
                        if (!item.isBlank() && items.stream().noneMatch(item.strip()::equalsIgnoreCase)) {
                            items.add(item.strip());
                        }
                    }
                }
                covered.add(new CoveredDataset(canonical, items));
            }
            return covered;
        }

        /** The rules between the covered datasets and the agreement: ceiling, mechanism, personal data. */
        void coveredRules(List<CoveredDataset> datasets, ClassificationLevel ceiling, ExchangeMechanism mechanism,
                          List<String> personalCategories) {
            AgreementColumn column = AgreementColumn.DATASETS;
            boolean personal = false;
            for (CoveredDataset c : datasets) {
                DatasetFacts facts = context.datasets().apply(c.datasetCode()).orElseThrow();
                personal |= facts.personalData();
                ClassificationLevel level = facts.level() == null ? null
                        : context.scheme().level(facts.level()).orElse(null);
                if (level == null) {
                    warning(column, "validation.agreement.unclassified", facts.code() + " is not classified yet, so"
                            + " it cannot be checked against the ceiling and mechanism", facts.code());
                    continue;
                }
                if (ceiling != null && level.rank() > ceiling.rank()) {
                    problem(column, "validation.agreement.aboveCeiling", facts.code() + " is " + level.code()
                            + ", above the agreement's classification ceiling " + ceiling.code(), facts.code(),
                            level.code(), ceiling.code());
                }
                if (mechanism != null && !level.rules().allows(mechanism)) {
                    problem(column, "validation.agreement.mechanismNotAllowed", facts.code() + " is " + level.code()
                            + ", whose handling rules do not allow exchange by " + mechanism.code(), facts.code(),
                            level.code(), mechanism.code());
                }
            }
            if (personal && personalCategories.isEmpty()) {
                problem(AgreementColumn.PERSONAL_DATA_CATEGORIES, "validation.agreement.personalCategories",
                        "a covered dataset holds personal data: name the personal data categories shared");
            }
        }
    }
}
