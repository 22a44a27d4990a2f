package org.custodian.logic.workbench;

import java.nio.file.Path;
import org.custodian.logic.audit.AuditTrail;
import org.custodian.logic.reference.ReferenceListImport;
import org.custodian.logic.reference.ReferenceLists;
import org.custodian.logic.sample.SampleDepartment;
import org.custodian.model.workbench.Access;
import org.custodian.store.Database;
import org.custodian.store.ReferenceRepository;

/**
 * One open workbench file and the use cases over it, wired with plain constructors. The window and the command
 * line each hold one while they work on a file.
 */
public final class WorkbenchSession implements AutoCloseable {

    private final Database database;
    private final AuditTrail audit;
    private final ReferenceLists referenceLists;
    private final ReferenceListImport referenceImport;
    private final SampleDepartment sample;
    private final Backups backups;
    private final org.custodian.logic.inventory.Inventory inventory;
    private final org.custodian.logic.inventory.DatasetExchange datasetExchange;
    private final org.custodian.logic.classification.Classification classification;
    private final org.custodian.logic.classification.DecisionExchange decisionExchange;
    private final org.custodian.logic.sharing.SharingRegister sharing;
    private final org.custodian.logic.sharing.AgreementExchange agreementExchange;
    private final org.custodian.logic.assessment.Assessments assessments;
    private final org.custodian.logic.assessment.AssessmentExchange assessmentExchange;
    private final org.custodian.logic.report.Reports reports;
    private final org.custodian.logic.trash.Trash trash;
    private final org.custodian.logic.oversight.Findings findings;
    private final org.custodian.logic.oversight.DataFlows dataFlows;
    private final org.custodian.logic.oversight.Dashboard dashboard;

    private WorkbenchSession(Database database, Path templatesFolder) {
        this.database = database;
        ReferenceRepository references = new ReferenceRepository(database);
        this.audit = new AuditTrail(database);
        this.referenceLists = new ReferenceLists(references);
        this.referenceImport = new ReferenceListImport(database, references);
        org.custodian.store.DatasetRepository datasets = new org.custodian.store.DatasetRepository(database);
        this.inventory = new org.custodian.logic.inventory.Inventory(database, datasets, references,
                new org.custodian.store.ClassificationSchemeRepository(database));
        org.custodian.store.ClassificationSchemeRepository schemes =
                new org.custodian.store.ClassificationSchemeRepository(database);
        this.classification = new org.custodian.logic.classification.Classification(database, datasets, schemes,
                java.time.Clock.systemDefaultZone());
        org.custodian.logic.inventory.DatasetImport datasetImport =
                new org.custodian.logic.inventory.DatasetImport(database, datasets, references, inventory,
                        classification);
        this.decisionExchange = new org.custodian.logic.classification.DecisionExchange(database, datasets,
                classification);
        this.datasetExchange = new org.custodian.logic.inventory.DatasetExchange(datasets, references, datasetImport,
                inventory);
        org.custodian.store.AgreementRepository agreements = new org.custodian.store.AgreementRepository(database);
        this.sharing = new org.custodian.logic.sharing.SharingRegister(database, agreements, datasets, references,
                classification, new org.custodian.logic.sharing.AttachmentFiles(attachmentsFolder(database.file())));
        this.agreementExchange = new org.custodian.logic.sharing.AgreementExchange(database, agreements, references,
                sharing);
        org.custodian.store.AssessmentRepository assessmentStore = new org.custodian.store.AssessmentRepository(database);
        org.custodian.logic.sharing.AttachmentFiles evidenceFiles =
                new org.custodian.logic.sharing.AttachmentFiles(attachmentsFolder(database.file()));
        this.assessments = new org.custodian.logic.assessment.Assessments(database, assessmentStore, datasets, sharing,
                new org.custodian.logic.assessment.TemplateCatalog(templatesFolder), evidenceFiles,
                java.time.Clock.systemDefaultZone());
        this.assessmentExchange = new org.custodian.logic.assessment.AssessmentExchange(database, assessmentStore,
                assessments, evidenceFiles);
        this.sample = new SampleDepartment(database, referenceImport, datasetImport, classification, decisionExchange,
                agreementExchange, assessments);
        this.backups = new Backups(database);
        this.trash = new org.custodian.logic.trash.Trash(database, evidenceFiles);
        this.findings = new org.custodian.logic.oversight.Findings(database, assessments,
                java.time.Clock.systemDefaultZone());
        this.dataFlows = new org.custodian.logic.oversight.DataFlows(
                new org.custodian.store.DataFlowRepository(database), classification);
        this.dashboard = new org.custodian.logic.oversight.Dashboard(new org.custodian.store.OversightCounts(database),
                schemes, findings, java.time.Clock.systemDefaultZone());
        this.reports = new org.custodian.logic.report.Reports(database, inventory, classification, sharing, assessments,
                java.time.Clock.systemDefaultZone());
    }

    /**
     * Opens {@code file}; throws {@link org.custodian.model.workbench.WorkbenchAccessException} with the reason
     * when it cannot.
     */
    public static WorkbenchSession open(Path file, Access access, String actor, boolean createIfMissing) {
        return open(file, access, actor, createIfMissing, null);
    }

    /** As {@link #open(Path, Access, String, boolean)}, with the department's templates folder (may be null). */
    public static WorkbenchSession open(Path file, Access access, String actor, boolean createIfMissing,
            Path templatesFolder) {
        return new WorkbenchSession(Database.open(file, access, actor, createIfMissing), templatesFolder);
    }

    public Path file() {
        return database.file();
    }

    public Access access() {
        return database.access();
    }

    public String actor() {
        return database.actor();
    }

    public String schemaVersion() {
        return database.schemaVersion();
    }

    /** False for an older file opened read-only: it is upgraded only when opened for writing. */
    public boolean isCurrentSchema() {
        return schemaVersion().equals(org.custodian.store.SchemaMigrations.latestKnownVersion());
    }

    /** The verified backup taken before this open migrated the file, or null. */
    public Path preMigrationBackup() {
        return database.preMigrationBackup();
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The audit log written as CSV, times in this computer's zone. */
    public org.custodian.logic.audit.AuditExport auditExport() {
        return new org.custodian.logic.audit.AuditExport(audit, java.time.ZoneId.systemDefault());
    }

    public ReferenceLists referenceLists() {
        return referenceLists;
    }

    public ReferenceListImport referenceImport() {
        return referenceImport;
    }

    public SampleDepartment sample() {
        return sample;
    }

    public org.custodian.logic.inventory.Inventory inventory() {
        return inventory;
    }

    public org.custodian.logic.inventory.DatasetExchange datasetExchange() {
        return datasetExchange;
    }

    public org.custodian.logic.classification.Classification classification() {
        return classification;
    }

    public org.custodian.logic.classification.DecisionExchange decisionExchange() {
        return decisionExchange;
    }

    public org.custodian.logic.sharing.SharingRegister sharing() {
        return sharing;
    }

    public org.custodian.logic.sharing.AgreementExchange agreementExchange() {
        return agreementExchange;
    }

    public org.custodian.logic.assessment.Assessments assessments() {
        return assessments;
    }

    public org.custodian.logic.assessment.AssessmentExchange assessmentExchange() {
        return assessmentExchange;
    }

    /** Signed copies of agreements live in {@code attachments/} beside the workbench file, like its backups. */
    static Path attachmentsFolder(Path workbenchFile) {
        Path parent = workbenchFile.toAbsolutePath().getParent();
        String stem = workbenchFile.getFileName().toString().replaceFirst("\\.db$", "");
        return parent.resolve("attachments").resolve(stem);
    }

    public org.custodian.logic.report.Reports reports() {
        return reports;
    }

    public org.custodian.logic.trash.Trash trash() {
        return trash;
    }

    public org.custodian.logic.oversight.Findings findings() {
        return findings;
    }

    /** The data-flow map: who shares what with whom under the register's agreements. */
    public org.custodian.logic.oversight.DataFlows dataFlows() {
        return dataFlows;
    }

    public org.custodian.logic.oversight.Dashboard dashboard() {
        return dashboard;
    }

    public Backups backups() {
        return backups;
    }

    /** The file's state for the status bar and the workbench page; reads the store. */
    public WorkbenchSummary summary() {
        return new WorkbenchSummary(file(), access(), actor(), schemaVersion(), audit.head(), audit.eventCount(),
                referenceLists.counts(), inventory.total(), classification.overdueCount(), sharing.total(),
                sharing.overdueCount());
    }

    @Override
    public void close() {
        database.close();
    }
}
