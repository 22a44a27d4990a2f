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
 * public sector portal (118 bureaux, departments and public bodies, 20 categories, 38 formats). Later registers
 * add their own files here. Loading is idempotent: a second load reports every row unchanged.
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

    private final ReferenceListImport referenceImport;

    public SampleDepartment(ReferenceListImport referenceImport) {
        this.referenceImport = referenceImport;
    }

    public List<ImportReport> load() {
        List<ImportReport> reports = new ArrayList<>();
        for (File file : File.values()) {
            String resource = "/sample-data/" + file.fileName;
            try (InputStream in = SampleDepartment.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the sample file " + resource + " is missing from this build");
                }
                reports.add(referenceImport.importCsv(file.list, file.fileName, in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sample file " + resource, e);
            }
        }
        return reports;
    }
}
