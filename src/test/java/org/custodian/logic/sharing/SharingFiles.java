package org.custodian.logic.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.sample.SampleDepartment;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.sharing.AgreementColumn;

/**
 * Shared helpers for the sharing tests: a workbench with the sample lists, datasets and decisions (the inventory
 * tests' template) plus the sample's external organisations and agreements, loaded once per test run through the
 * real importers and copied for each test.
 */
public final class SharingFiles {

    /** The rows of sample-data/agreements.csv. */
    public static final int SAMPLE_AGREEMENTS = 32;
    public static final Path SAMPLE_AGREEMENTS_FILE = Path.of("sample-data", "agreements.csv");

    private SharingFiles() {
    }

    /** A new workbench with the sample inventory and the sample agreements, opened by the test officer. */
    public static WorkbenchSession withAgreements(Path file) {
        return InventoryFiles.open(agreementsFile(file));
    }

    /** The file of a new workbench with the sample inventory and agreements, closed. */
    public static Path agreementsFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.copy(Template.FILE, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Template {
        static final Path FILE;

        static {
            try {
                Path dir = Files.createTempDirectory("custodian-sharing-template");
                dir.toFile().deleteOnExit();
                FILE = InventoryFiles.sampleFile(dir.resolve("agreements.db"));
                FILE.toFile().deleteOnExit();
                try (WorkbenchSession session = InventoryFiles.open(FILE)) {
                    loadExternalOrganisations(session);
                    DatasetImportReport report;
                    try (InputStream in = resource(SampleDepartment.AGREEMENTS)) {
                        report = session.agreementExchange().importCsv(SampleDepartment.AGREEMENTS, in,
                                StandardCharsets.UTF_8, false, WorkProgress.NONE);
                    }
                    if (report.count(RowOutcome.CREATED) != SAMPLE_AGREEMENTS || report.anyRejected()) {
                        throw new IllegalStateException("the sample agreements did not load: " + report.summary()
                                + " " + report.rows().stream().filter(r -> r.outcome() == RowOutcome.REJECTED)
                                .map(r -> r.line() + ": " + r.details()).toList());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Loads the sample's banks, contractors and Mainland bodies into the organisation list. */
    public static ImportReport loadExternalOrganisations(WorkbenchSession session) throws IOException {
        try (InputStream in = resource(SampleDepartment.EXTERNAL_ORGANISATIONS)) {
            ImportReport r = session.referenceImport().importCsv(ReferenceList.ORGANISATION,
                    SampleDepartment.EXTERNAL_ORGANISATIONS, in);
            return r;
        }
    }

    /** A file bundled under /sample-data/ (what the sample load reads). */
    public static InputStream resource(String name) {
        InputStream in = SharingFiles.class.getResourceAsStream("/sample-data/" + name);
        if (in == null) {
            throw new IllegalStateException("/sample-data/" + name + " is not on the test classpath");
        }
        return in;
    }

    /**
     * An active agreement over sample data that meets every rule: the Transport Department gives the police a
     * public dataset by API.
     */
    public static Map<AgreementColumn, String> activeFields(String reference) {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.put(AgreementColumn.REFERENCE, reference);
        f.put(AgreementColumn.TITLE, "Journey times for enforcement planning");
        f.put(AgreementColumn.TYPE, "inter-departmental-api");
        f.put(AgreementColumn.STATUS, "active");
        f.put(AgreementColumn.PURPOSE, "Lets the police plan enforcement from journey times.");
        f.put(AgreementColumn.LEGAL_BASIS, "statutory-function");
        f.put(AgreementColumn.PARTIES, "provider:hk-td|Chan Tai-man|2026-01-05;recipient:hk-hkpf");
        f.put(AgreementColumn.DATASETS, "TD-JTI-0001 (segment, journey time)");
        f.put(AgreementColumn.CLASSIFICATION_CEILING, "RESTRICTED");
        f.put(AgreementColumn.MECHANISM, "api");
        f.put(AgreementColumn.CROSS_BOUNDARY, "no");
        f.put(AgreementColumn.EFFECTIVE_FROM, "2026-01-05");
        f.put(AgreementColumn.EXPIRES_ON, "2029-01-04");
        f.put(AgreementColumn.REVIEW_DUE, "2028-01-04");
        return f;
    }

    /** The same agreement as a draft: reference, title, type and purpose only. */
    public static Map<AgreementColumn, String> draftFields(String reference) {
        Map<AgreementColumn, String> f = new EnumMap<>(AgreementColumn.class);
        f.put(AgreementColumn.REFERENCE, reference);
        f.put(AgreementColumn.TITLE, "Journey times for enforcement planning");
        f.put(AgreementColumn.TYPE, "inter-departmental-api");
        f.put(AgreementColumn.PURPOSE, "Lets the police plan enforcement from journey times.");
        return f;
    }
}
