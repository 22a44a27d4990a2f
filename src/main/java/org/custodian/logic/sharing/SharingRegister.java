package org.custodian.logic.sharing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.inventory.ReferenceIndex;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.sharing.AgreementCheck;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementContext;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementValidator;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.sharing.DatasetFacts;
import org.custodian.model.sharing.DueQuery;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.sharing.StatusChange;
import org.custodian.model.validation.Problem;
import org.custodian.store.AgreementRepository;
import org.custodian.store.Database;
import org.custodian.store.DatasetRepository;
import org.custodian.store.ReferenceRepository;
import org.custodian.store.Tx;

/**
 * The sharing agreements register's use cases for the window and the command line: checking and saving an
 * agreement, moving it through its statuses, its attachments, and the lists over the register.
 */
public final class SharingRegister {

    private final Database database;
    private final AgreementRepository agreements;
    private final DatasetRepository datasets;
    private final ReferenceRepository references;
    private final Classification classification;
    private final AttachmentFiles files;
    private final AgreementValidator validator = new AgreementValidator();

    public SharingRegister(Database database, AgreementRepository agreements, DatasetRepository datasets,
                           ReferenceRepository references, Classification classification, AttachmentFiles files) {
        this.database = database;
        this.agreements = agreements;
        this.datasets = datasets;
        this.references = references;
        this.classification = classification;
        this.files = files;
    }

    public LocalDate today() {
        return classification.today();
    }

    public String actor() {
        return classification.actor();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public List<SharingAgreement> page(AgreementQuery query) {
        return agreements.page(query);
    }

    public long count(AgreementQuery query) {
        return agreements.count(query);
    }

    public long forEach(AgreementQuery query, java.util.function.Consumer<SharingAgreement> sink) {
        return agreements.forEach(query, sink);
    }

    public long total() {
        return agreements.total();
    }

    public Optional<SharingAgreement> find(UUID id) {
        return agreements.findById(id);
    }

    public Optional<SharingAgreement> findByReference(String reference) {
        return agreements.findByReference(reference);
    }

    /** The agreements that cover a dataset. */
    public List<SharingAgreement> covering(UUID datasetId) {
        return agreements.covering(datasetId);
    }

    /** Expiries and reviews falling due, most overdue first. */
    public List<AgreementDue> due(DueQuery query) {
        return agreements.due(query);
    }

    /** How many expiries and reviews have passed without the agreement moving on (for the sidebar). */
    public long overdueCount() {
        LocalDate today = today();
        return agreements.due(new DueQuery(today, -1, null)).size();
    }

    public List<StatusChange> timeline(UUID id) {
        return agreements.timeline(id);
    }

    public List<AuditEvent> history(UUID id) {
        return database.auditHistory(AgreementRepository.ENTITY, id.toString());
    }

    /** What the rules see of a dataset: its level and whether it holds personal data (for the editor's rows). */
    public Optional<DatasetFacts> datasetFacts(String code) {
        return datasets.factsByCode(code);
    }

    /** Dataset codes starting with the text, for the editor's suggestions. */
    public List<String> datasetCodes(String prefix, int limit) {
        return datasets.codesStartingWith(prefix, limit);
    }

    public List<ReferenceEntry> organisations() {
        return references.search(ReferenceList.ORGANISATION, "", ReferenceRepository.SortColumn.CODE, false,
                Integer.MAX_VALUE, 0);
    }

    // ---- checking and saving -------------------------------------------------------------------------------

    /**
     * The context the rules check against now: the reference lists, the inventory (looked up as codes are met,
     * remembered for the pass) and the scheme. New organisations are allowed; they are added when saved.
     */
    AgreementContext context(ReferenceIndex index) {
        Map<String, Optional<DatasetFacts>> seen = new HashMap<>();
        Function<String, Optional<DatasetFacts>> facts = code -> seen.computeIfAbsent(
                code.toLowerCase(java.util.Locale.ROOT), k -> datasets.factsByCode(code));
        return new AgreementContext(index, facts, classification.scheme(), true);
    }

    AgreementValidator validator() {
        return validator;
    }

    /** Checks the editor's fields as saving would (problems and warnings by field); writes nothing. */
    public AgreementCheck check(Map<AgreementColumn, String> fields) {
        return validator.check(fields, context(ReferenceIndex.load(references)));
    }

    /**
     * Creates an agreement ({@code id == null}; it starts in the status its fields give, draft by default) or
     * saves the editor's changes to one. The status is not changed here: it moves only through
     * {@link #changeStatus}. With {@code loadedAt} (the record's {@code updatedAt} when the form loaded it), a
     * record changed since is not overwritten. A refused save writes nothing.
     */
    public Outcome<SharingAgreement> save(UUID id, Map<AgreementColumn, String> fields, Instant loadedAt) {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.putAll(fields);
        SharingAgreement current = id == null ? null : agreements.findById(id).orElseThrow(
                () -> new IllegalStateException("agreement " + id + " is no longer in the workbench"));
        if (current != null) {
            f.put(AgreementColumn.STATUS, current.status().code());
            f.put(AgreementColumn.STATUS_SINCE, current.statusSince() == null ? null : current.statusSince().toString());
        } else if (f.get(AgreementColumn.STATUS) == null || f.get(AgreementColumn.STATUS).isBlank()) {
            f.put(AgreementColumn.STATUS, AgreementStatus.DRAFT.code());
        }
        if (current == null && (f.get(AgreementColumn.STATUS_SINCE) == null || f.get(AgreementColumn.STATUS_SINCE).isBlank())) {
            f.put(AgreementColumn.STATUS_SINCE, today().toString());
        }
        AgreementCheck check = check(f);
        if (!check.valid()) {
            return Outcome.refused(check.problems());
        }
        SharingAgreement incoming = check.agreement();
        return database.inTransaction(tx -> {
            Optional<SharingAgreement> holder = agreements.findByReference(tx, incoming.reference());
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                return Outcome.refused(Problem.of(AgreementColumn.REFERENCE.header(),
                        "validation.agreement.referenceTaken", "reference '" + incoming.reference()
                                + "' is already used by another agreement", incoming.reference()));
            }
            // Every refusal comes before the first write: a refused save must leave nothing behind (a returned
            // refusal still commits the transaction).
            SharingAgreement fresh = null;
            if (current != null) {
                fresh = agreements.findById(tx, id).orElseThrow();
                if ((loadedAt != null && !loadedAt.equals(fresh.updatedAt())) || fresh.status() != current.status()) {
                    return Outcome.refused(Problem.of("", "validation.agreement.changedMeanwhile", "agreement "
                            + fresh.reference() + " was changed after it was opened (at " + fresh.updatedAt()
                            + "); reopen it and make the change again", fresh.reference()));
                }
            }
            addOrganisations(tx, check.additions());
            if (fresh == null) {
                return Outcome.done(agreements.insert(tx, incoming, null));
            }
            return Outcome.done(agreements.update(tx, fresh, incoming, null));
        });
    }

    void addOrganisations(Tx tx, List<NewReference> additions) {
        for (NewReference added : additions) {
            references.insert(tx, added.list(), added.code(), added.nameEn(), added.nameTc());
        }
    }

    /**
     * Moves an agreement to another status from {@code effectiveOn}, with the reason on its timeline. Refused when
     * the lifecycle does not allow the step, when there is no reason, when the date is before the current
     * status's, or when making it active and the agreement does not meet the rules for an active agreement.
     */
    public Outcome<SharingAgreement> changeStatus(UUID id, AgreementStatus to, LocalDate effectiveOn, String reason) {
        SharingAgreement current = agreements.findById(id).orElseThrow(
                () -> new IllegalStateException("agreement " + id + " is no longer in the workbench"));
        List<Problem> problems = new ArrayList<>(statusProblems(current, to, effectiveOn, reason));
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        return database.inTransaction(tx -> {
            SharingAgreement fresh = agreements.findById(tx, id).orElseThrow();
            if (fresh.status() != current.status() || !fresh.updatedAt().equals(current.updatedAt())) {
                return Outcome.refused(Problem.of("status", "validation.agreement.changedMeanwhile", "agreement "
                        + fresh.reference() + " was changed after it was opened; reopen it and make the change again",
                        fresh.reference()));
            }
            return Outcome.done(agreements.changeStatus(tx, fresh, to, effectiveOn, reason.strip()));
        });
    }

    /** Why a status change would be refused (empty when it would be taken); the status dialog shows these. */
    public List<Problem> statusProblems(SharingAgreement current, AgreementStatus to, LocalDate effectiveOn,
                                        String reason) {
        List<Problem> problems = new ArrayList<>(stepProblems(current, to, effectiveOn, reason));
        if (to == AgreementStatus.ACTIVE && problems.isEmpty()) {
            Map<AgreementColumn, String> fields = new EnumMap<>(current.columns());
            fields.put(AgreementColumn.STATUS, to.code());
            problems.addAll(validator.check(fields, context(ReferenceIndex.load(references))).problems());
        }
        return problems;
    }

    /**
     * The checks of a status change that need nothing from the store: the lifecycle step, the date and the
     * reason (the dialog runs these as the user types; making an agreement active also needs its rules met).
     */
    public static List<Problem> stepProblems(SharingAgreement current, AgreementStatus to, LocalDate effectiveOn,
                                             String reason) {
        List<Problem> problems = new ArrayList<>();
        if (to == null) {
            problems.add(Problem.of("status", "validation.agreement.required", "status is required"));
            return problems;
        }
        if (!current.status().canBecome(to)) {
            problems.add(Problem.of("status", "validation.agreement.transition", "an agreement that is "
                    + current.status().code() + " cannot become " + to.code(), current.status().labelKey(),
                    to.labelKey()));
        }
        if (effectiveOn == null) {
            problems.add(Problem.of("effective_on", "validation.agreement.required", "effective_on is required"));
        } else if (current.statusSince() != null && effectiveOn.isBefore(current.statusSince())) {
            problems.add(Problem.of("effective_on", "validation.agreement.statusBefore", "the change cannot take effect"
                    + " before the current status did (" + current.statusSince() + ")",
                    current.statusSince().toString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "validation.agreement.reason",
                    "a status change needs a reason for the timeline"));
        }
        return problems;
    }

    // ---- attachments -----------------------------------------------------------------------------------------

    public List<Attachment> attachments(UUID agreementId) {
        return agreements.attachments(agreementId);
    }

    /**
     * Copies a file into the workbench's attachments folder and records it with its SHA-256. If recording fails
     * the copy is removed again.
     */
    public Attachment attach(UUID agreementId, Path file) throws IOException {
        SharingAgreement agreement = agreements.findById(agreementId).orElseThrow(
                () -> new IllegalStateException("agreement " + agreementId + " is no longer in the workbench"));
        UUID id = UUID.randomUUID();
        AttachmentFiles.Copied copied = files.copyIn(agreementId, id, file);
        try {
            Attachment a = new Attachment(id, agreementId, file.getFileName().toString(), copied.storedName(),
                    copied.sha256(), copied.size(), Instant.now(), database.actor());
            return database.inTransaction(tx -> agreements.addAttachment(tx, agreement, a));
        } catch (RuntimeException e) {
            files.discard(copied.storedName());
            throw e;
        }
    }

    /** Checks the kept copy against the recorded hash; do this before opening it. */
    public AttachmentState check(Attachment a) throws IOException {
        return files.check(a);
    }

    /** Where the kept copy is (open it only after {@link #check}). */
    public Path fileOf(Attachment a) {
        return files.pathOf(a);
    }

    public AttachmentFiles files() {
        return files;
    }
}
