package org.custodian.logic.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.classification.DecisionExchange;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.logic.reference.ReferenceListImport;
import org.custodian.model.reference.ReferenceList;

/**
 * The sample department shipped in {@code sample-data/} (bundled into the jar): the reference lists of the
 * public sector portal (118 bureaux, departments and public bodies, 20 categories, 38 formats), an inventory
 * of datasets across twenty departments, which datasets derive from which, the classification decisions that give
 * them their levels (with history, some reviews overdue), access reviews, the sharing agreements and assessments
 * in every workflow state. Later registers add their own files here. Loading is idempotent: a second load reports
 * every row unchanged.
 */
public final class SampleDepartment {

    /** The bundled files, in the order they load. */
    public enum File {
        ORGANISATIONS("organisations.csv", ReferenceList.ORGANISATION),
        CATEGORIES("categories.csv", ReferenceList.CATEGORY),
        FORMATS("formats.csv", ReferenceList.FORMAT);

        private final String fileName;
        private final ReferenceList list;

        File(String fileName, ReferenceList list) {
            this.fileName = fileName;
            this.list = list;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** The sample inventory, loaded after the lists it points at. */
    public static final String DATASETS = "datasets.csv";
    /** Which sample datasets are derived from which (dataset_code, derived_from). */
    public static final String DERIVED = "derived.csv";
    /** The classification decisions that give the sample datasets their levels, with history. */
    public static final String DECISIONS = "decisions.csv";
    /** Access-rights reviews of the classified sample datasets. */
    public static final String ACCESS_REVIEWS = "access-reviews.csv";

    /** Invented counterparties outside government (banks, contractors, Mainland bodies) the agreements name. */
    public static final String EXTERNAL_ORGANISATIONS = "external-organisations.csv";
    /** The register of data-sharing agreements. */
    public static final String AGREEMENTS = "agreements.csv";
    /**
     * Decisions taken after the agreements were signed (a dataset raised above its agreement's ceiling, a source
     * raised above what was derived from it), which the findings catch.
     */
    public static final String RECLASSIFICATIONS = "reclassifications.csv";
    /** Assessments made from the bundled templates, in every workflow state, with their history. */
    public static final String ASSESSMENTS = "assessments.yaml";

    private final ReferenceListImport referenceImport;
    private final org.custodian.logic.inventory.DatasetImport datasetImport;
    private final Classification classification;
    private final DecisionExchange decisions;
    private final org.custodian.logic.sharing.AgreementExchange agreements;
    private final org.custodian.logic.assessment.Assessments assessments;

    private final org.custodian.store.Database database;

    public SampleDepartment(org.custodian.store.Database database, ReferenceListImport referenceImport,
                            org.custodian.logic.inventory.DatasetImport datasetImport, Classification classification,
                            DecisionExchange decisions, org.custodian.logic.sharing.AgreementExchange agreements,
                            org.custodian.logic.assessment.Assessments assessments) {
        this.database = database;
        this.agreements = agreements;
        this.assessments = assessments;
        this.referenceImport = referenceImport;
        this.datasetImport = datasetImport;
        this.classification = classification;
        this.decisions = decisions;
    }

    /**
     * Loads the reference lists, the sample inventory, which datasets derive from which, the classification
     * decisions, the access reviews, the external organisations, the sharing agreements and the assessments.
     */
    public List<ImportReport> load() {
        // One backup before the whole sample, not one before each of its files.
        return database.asOneImport(this::loadAll);
    }

    private List<ImportReport> loadAll() {
        List<ImportReport> reports = withDatasets(loadReferenceLists());
        reports.add(read(DERIVED, this::loadDerived));
        reports.add(read(DECISIONS, in -> decisions.importCsv(DECISIONS, in, StandardCharsets.UTF_8, false,
                WorkProgress.NONE).asImportReport()));
        reports.add(read(ACCESS_REVIEWS, this::loadAccessReviews));
        reports.add(read(EXTERNAL_ORGANISATIONS, in -> referenceImport.importCsv(ReferenceList.ORGANISATION,
                EXTERNAL_ORGANISATIONS, in)));
        reports.add(read(AGREEMENTS, in -> agreements.importCsv(AGREEMENTS, in, StandardCharsets.UTF_8, false,
                WorkProgress.NONE).asImportReport()));
        reports.add(read(RECLASSIFICATIONS, in -> decisions.importCsv(RECLASSIFICATIONS, in, StandardCharsets.UTF_8,
                false, WorkProgress.NONE).asImportReport()));
        reports.add(read(ASSESSMENTS, in -> new SampleAssessments(assessments).load(ASSESSMENTS, in)));
        return reports;
    }

    private ImportReport read(String file, java.util.function.Function<InputStream, ImportReport> loader) {
        String resource = "/sample-data/" + file;
        try (InputStream in = SampleDepartment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample file " + resource + " is missing from this build");
            }
            return loader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample file " + resource, e);
        }
    }

    private ImportReport loadDerived(InputStream in) {
        int created = 0;
        int unchanged = 0;
        List<RowProblem> problems = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(DERIVED, in, StandardCharsets.UTF_8, Set.of("dataset_code",
                "derived_from"), Set.of("dataset_code", "derived_from"))) {
            for (CsvSource.Row row : csv.each()) {
                String code = row.values().get("dataset_code");
                Optional<UUID> id = classification.datasetId(code);
                if (id.isEmpty()) {
                    problems.add(new RowProblem(DERIVED, row.line(), "dataset_code", "no dataset " + code));
                    continue;
                }
                int before = classification.sources(id.get()).size();
                Outcome<?> outcome = classification.setSources(id.get(),
                        List.of(row.values().get("derived_from").split(";")), "sample department: " + DERIVED);
                if (!outcome.isDone()) {
                    problems.add(new RowProblem(DERIVED, row.line(), "derived_from", outcome.describe()));
                } else if (before == 0) {
                    created++;
                } else {
                    unchanged++;
                }
            }
        }
        return new ImportReport(DERIVED, created, 0, unchanged, problems.size(), problems, List.of());
    }

    private ImportReport loadAccessReviews(InputStream in) {
        int created = 0;
        int unchanged = 0;
        List<RowProblem> problems = new ArrayList<>();
        Set<String> columns = Set.of("dataset_code", AccessReviewInput.REVIEWER, AccessReviewInput.REVIEWED_ON,
                AccessReviewInput.SCOPE, AccessReviewInput.FINDINGS, AccessReviewInput.ACTIONS,
                AccessReviewInput.NEXT_DUE);
        try (CsvSource csv = CsvSource.open(ACCESS_REVIEWS, in, StandardCharsets.UTF_8, columns,
                Set.of("dataset_code", AccessReviewInput.REVIEWER, AccessReviewInput.REVIEWED_ON))) {
            for (CsvSource.Row row : csv.each()) {
                Map<String, String> v = row.values();
                Optional<UUID> id = classification.datasetId(v.get("dataset_code"));
                if (id.isEmpty()) {
                    problems.add(new RowProblem(ACCESS_REVIEWS, row.line(), "dataset_code", "no dataset "
                            + v.get("dataset_code")));
                    continue;
                }
                // Loading the sample twice must not record the same review twice.
                boolean known = classification.accessReviews(id.get()).stream().anyMatch(r ->
                        r.reviewedOn().toString().equals(v.get(AccessReviewInput.REVIEWED_ON))
                                && r.reviewer().equals(v.get(AccessReviewInput.REVIEWER)));
                if (known) {
                    unchanged++;
                    continue;
                }
                Outcome<?> outcome = classification.recordAccessReview(id.get(), new AccessReviewInput(
                        v.get(AccessReviewInput.REVIEWER), v.get(AccessReviewInput.REVIEWED_ON),
                        v.get(AccessReviewInput.SCOPE), v.get(AccessReviewInput.FINDINGS),
                        v.get(AccessReviewInput.ACTIONS), v.get(AccessReviewInput.NEXT_DUE)));
                if (outcome.isDone()) {
                    created++;
                } else {
                    problems.add(new RowProblem(ACCESS_REVIEWS, row.line(), null, outcome.describe()));
                }
            }
        }
        return new ImportReport(ACCESS_REVIEWS, created, 0, unchanged, problems.size(), problems, List.of());
    }

    /** Loads only the reference lists (organisations, categories, formats). */
    public List<ImportReport> loadReferenceLists() {
        List<ImportReport> reports = new ArrayList<>();
        for (File file : File.values()) {
            reports.add(loadList(file));
        }
        return reports;
    }

    private ImportReport loadList(File file) {
        String resource = "/sample-data/" + file.fileName;
        try (InputStream in = SampleDepartment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample file " + resource + " is missing from this build");
            }
            return referenceImport.importCsv(file.list, file.fileName, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample file " + resource, e);
        }
    }

    private List<ImportReport> withDatasets(List<ImportReport> reports) {
        String resource = "/sample-data/" + DATASETS;
        try (InputStream in = SampleDepartment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample file " + resource + " is missing from this build");
            }
            reports.add(datasetImport.importCsv(DATASETS, in, -1, java.nio.charset.StandardCharsets.UTF_8, false,
                    org.custodian.logic.io.WorkProgress.NONE).asImportReport());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample file " + resource, e);
        }
        return reports;
    }
}
