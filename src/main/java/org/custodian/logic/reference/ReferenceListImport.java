package org.custodian.logic.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceEntryValidator;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.Problem;
import org.custodian.store.Database;
import org.custodian.store.ReferenceRepository;

/**
 * Imports a reference list from CSV ({@code code,name_en,name_tc}). The code is the key: a known code updates
 * the names, a new one adds an entry. Valid rows commit in one transaction with one audit event per change.
 */
public final class ReferenceListImport {

    public static final Set<String> COLUMNS = Set.of("code", "name_en", "name_tc");
    private static final Set<String> REQUIRED = Set.of("code");

    private final Database database;
    private final ReferenceRepository repository;
    private final ReferenceEntryValidator validator = new ReferenceEntryValidator();

    public ReferenceListImport(Database database, ReferenceRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    /**
     * Imports {@code file} (UTF-8 CSV) into {@code list}.
     *
     * @throws org.custodian.logic.io.InputRejectedException when the file as a whole is refused (too large, not
     *     text, a bad header); nothing was changed
     */
    public ImportReport importFile(ReferenceList list, Path file) throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.REGISTER);
        try (InputStream in = input.open()) {
            return importCsv(list, input.name(), in);
        }
    }

    public ImportReport importCsv(ReferenceList list, String sourceName, InputStream in) {
        List<CsvSource.Row> rows;
        List<RowProblem> warnings;
        try (CsvSource csv = CsvSource.open(sourceName, in, StandardCharsets.UTF_8, COLUMNS, REQUIRED)) {
            rows = csv.rows();
            warnings = csv.warnings();
        }
        List<RowProblem> problems = new ArrayList<>();
        List<CsvSource.Row> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvSource.Row row : rows) {
            List<Problem> found = validator.validate(row.get("code"), row.get("name_en"), row.get("name_tc"));
            String code = row.get("code");
            if (found.isEmpty() && !seen.add(code.toLowerCase(Locale.ROOT))) {
                problems.add(new RowProblem(sourceName, row.line(), "code", "code '" + code
                        + "' already appears on an earlier row of this file"));
                continue;
            }
            found.forEach(p -> problems.add(new RowProblem(sourceName, row.line(), p.field(), p.english())));
            if (found.isEmpty()) {
                valid.add(row);
            }
        }
        database.backupBeforeImport();
        int[] counts = database.inTransaction(tx -> {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (CsvSource.Row row : valid) {
                Optional<ReferenceEntry> existing = repository.findByCode(tx, list, row.get("code"));
                if (existing.isEmpty()) {
                    repository.insert(tx, list, row.get("code"), row.get("name_en"), row.get("name_tc"));
                    created++;
                } else {
                    ReferenceEntry incoming = existing.get().withNames(row.get("name_en"), row.get("name_tc"));
                    if (existing.get().sameNames(incoming)) {
                        unchanged++;
                    } else {
                        repository.rename(tx, existing.get(), incoming.nameEn(), incoming.nameTc(),
                                "imported from " + sourceName);
                        updated++;
                    }
                }
            }
            return new int[] {created, updated, unchanged};
        });
        return new ImportReport(sourceName, counts[0], counts[1], counts[2], rows.size() - valid.size(), problems,
                warnings);
    }
}
