package org.custodian.model.assessment;

import java.util.List;

/** The project or system assessed: its name, kind, owning department (a reference code), description and datasets. */
public record AssessmentSubject(String name, SubjectKind kind, String department, String description,
        List<String> datasetCodes) {
    public AssessmentSubject {
        name = name == null ? "" : name.strip();
        department = department == null ? "" : department.strip();
        description = description == null ? "" : description;
        datasetCodes = List.copyOf(datasetCodes);
    }
}
