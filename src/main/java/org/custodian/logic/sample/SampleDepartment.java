package org.custodian.logic.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.reference.ReferenceListImport;
import org.custodian.model.reference.ReferenceList;

/**
 * The sample department shipped in {@code sample-data/} (bundled into the jar): the reference lists of the
 * public sector portal (118 bureaux, departments and public bodies, 20 categories, 38 formats) and an inventory
 * of datasets across a dozen departments. Later registers add their own
 * files here. Loading is idempotent: a second load reports every row unchanged.
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

    private final ReferenceListImport referenceImport;
    private final org.custodian.logic.inventory.DatasetImport datasetImport;

    public SampleDepartment(ReferenceListImport referenceImport,
                            org.custodian.logic.inventory.DatasetImport datasetImport) {
        this.referenceImport = referenceImport;
        this.datasetImport = datasetImport;
    }

    /** Loads the reference lists and then the sample inventory. */
    public List<ImportReport> load() {
        return withDatasets(loadReferenceLists());
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
