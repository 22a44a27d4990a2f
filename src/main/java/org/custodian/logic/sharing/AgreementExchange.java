package org.custodian.logic.sharing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.ReferenceIndex;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.CsvSource;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.io.json.JsonCells;
import org.custodian.logic.io.json.JsonInput;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.sharing.AgreementCheck;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementContext;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.validation.Problem;
import org.custodian.store.AgreementRepository;
import org.custodian.store.Database;
import org.custodian.store.ReferenceRepository;

/**
 * The register as CSV or JSON (an array of objects whose keys are the CSV column names). The reference is the
 * key: a known reference updates that agreement, a new one creates it, a reference repeated in one file rejects
 * the later rows, so re-importing an export changes nothing. Every row is checked by the editor's rules; a status
 * that differs from the stored one must be a step the lifecycle allows, and is recorded on the timeline with the
 * file and line as its reason. Accepted rows commit together; the dry run makes the same pass and writes nothing.
 */
public final class AgreementExchange {

    public enum Format { CSV, JSON }

    private static final Set<String> REQUIRED = Set.of(AgreementColumn.REFERENCE.header(),
            AgreementColumn.TITLE.header());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Database database;
    private final AgreementRepository agreements;
    private final ReferenceRepository references;
    private final SharingRegister register;

    public AgreementExchange(Database database, AgreementRepository agreements, ReferenceRepository references,
                             SharingRegister register) {
        this.database = database;
        this.agreements = agreements;
        this.references = references;
        this.register = register;
    }

    // ---- export --------------------------------------------------------------------------------------------

    /** Writes the agreements matching {@code query} to {@code target} (replaced only when complete); returns how many. */
    public long export(AgreementQuery query, Format format, Path target, WorkProgress progress) throws IOException {
        long total = agreements.count(query);
        long[] written = {0};
        AtomicOutput.write(target, out -> {
            try {
                if (format == Format.CSV) {
                    try (SafeCsvWriter csv = new SafeCsvWriter(out, AgreementColumn.headers())) {
                        agreements.forEach(query, a -> {
                            Map<AgreementColumn, String> c = a.columns();
                            List<String> cells = new ArrayList<>();
                            for (AgreementColumn column : AgreementColumn.values()) {
                                cells.add(c.get(column));
                            }
                            write(() -> csv.row(cells));
                            tick(++written[0], total, progress);
                        });
                    }
                } else {
                    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                        json.useDefaultPrettyPrinter();
                        json.writeStartArray();
                        agreements.forEach(query, a -> {
                            write(() -> MAPPER.writeValue(json, record(a)));
                            tick(++written[0], total, progress);
                        });
                        json.writeEndArray();
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return written[0];
    }

    /** An agreement as an ordered map of column name to text, every column present (null when empty). */
    public static Map<String, String> record(SharingAgreement a) {
        Map<String, String> m = new LinkedHashMap<>();
        a.columns().forEach((column, value) -> m.put(column.header(), value));
        return m;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void tick(long n, long total, WorkProgress progress) {
        if (n % 200 == 0) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            progress.update(n, total);
        }
    }

    // ---- import --------------------------------------------------------------------------------------------

    /**
     * Imports a CSV file, or a JSON export when the name ends in {@code .json}.
     *
     * @throws InputRejectedException when the file as a whole is refused (too large, not text, malformed, a bad
     *     header); nothing was changed
     */
    public DatasetImportReport importFile(Path file, Charset charset, boolean dryRun, WorkProgress progress)
            throws IOException {
        ImportFile input = ImportFile.check(file, ImportFile.Limit.REGISTER);
        String name = input.name();
        try (InputStream in = input.open()) {
            return JsonInput.isJson(name) ? importJson(name, in, dryRun, progress)
                    : importCsv(name, in, charset, dryRun, progress);
        }
    }

    /** One input row: its line, its fields by column, and the cells as the file spelt them. */
    private record Row(long line, Map<AgreementColumn, String> fields, Set<AgreementColumn> present,
                       Map<String, String> original, List<RowProblem> problems, List<RowProblem> warnings) {
    }

    /**
     * @throws InputRejectedException when the file as a whole is refused (encoding, header); nothing was changed
     */
    public DatasetImportReport importCsv(String sourceName, InputStream in, Charset charset, boolean dryRun,
                                         WorkProgress progress) {
        try (CsvSource csv = CsvSource.open(sourceName, in, charset, new HashSet<>(AgreementColumn.headers()),
                REQUIRED)) {
            List<String> headers = csv.headers();
            Set<AgreementColumn> present = java.util.EnumSet.noneOf(AgreementColumn.class);
            List<String> lower = headers.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (AgreementColumn c : AgreementColumn.values()) {
                if (lower.contains(c.header())) {
                    present.add(c);
                }
            }
            java.util.Iterator<CsvSource.Row> it = csv.each().iterator();
            Iterable<Row> rows = () -> new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    CsvSource.Row r = it.next();
                    Map<AgreementColumn, String> fields = new EnumMap<>(AgreementColumn.class);
                    for (AgreementColumn c : AgreementColumn.values()) {
                        fields.put(c, r.values().get(c.header()));
                    }
                    Map<String, String> original = new LinkedHashMap<>();
                    for (String h : headers) {
                        original.put(h, r.values().get(h.strip().toLowerCase(Locale.ROOT)));
                    }
                    List<RowProblem> problems = new ArrayList<>();
                    if (r.overflow() > 0) {
                        problems.add(new RowProblem(sourceName, r.line(), null, "the row has " + r.overflow()
                                + " value(s) after the header's last column; a value with a comma must be in"
                                + " double quotes"));
                    }
                    return new Row(r.line(), fields, present, original, problems, List.of());
                }
            };
            return run(sourceName, rows, headers, csv.warnings(), dryRun, progress);
        }
    }

    /** Imports a JSON array of objects keyed by the CSV column names; a row's "line" is where its object starts. */
    public DatasetImportReport importJson(String sourceName, InputStream in, boolean dryRun, WorkProgress progress) {
        JsonParser parser;
        try {
            parser = JsonInput.parser(sourceName, in);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputRejectedException(sourceName + ": the file is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InputRejectedException(sourceName + " is not a JSON array of agreements (it should start"
                        + " with '[').");
            }
        } catch (IOException e) {
            throw JsonInput.rejected(sourceName, "JSON", e);
        }
        Iterable<Row> rows = () -> new java.util.Iterator<>() {
            private Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        JsonToken t = parser.nextToken();
                        if (t == JsonToken.END_ARRAY || t == null) {
                            done = true;
                        } else {
                            long line = parser.currentTokenLocation().getLineNr();
                            next = jsonRow(sourceName, line, JsonInput.readTree(parser));
                        }
                    } catch (IOException e) {
                        throw JsonInput.rejected(sourceName, "JSON", e, parser);
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
        try {
            return run(sourceName, rows, AgreementColumn.headers(), List.of(), dryRun, progress);
        } finally {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }

    private static Row jsonRow(String source, long line, JsonNode node) {
        Map<AgreementColumn, String> fields = new EnumMap<>(AgreementColumn.class);
        Map<String, String> original = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        if (!node.isObject()) {
            problems.add(new RowProblem(source, line, null, "this entry of the array is not a JSON object"));
            return new Row(line, fields, Set.of(), original, problems, warnings);
        }
        Set<AgreementColumn> present = java.util.EnumSet.noneOf(AgreementColumn.class);
        for (AgreementColumn c : AgreementColumn.values()) {
            if (node.has(c.header())) {
                present.add(c);
            }
            JsonNode v = node.get(c.header());
            String text = null;
            if (v != null && v.isObject()) {
                problems.add(new RowProblem(source, line, c.header(), "an object where text was expected"));
            } else {
                text = JsonCells.text(v, SharingAgreement.SEPARATOR);
            }
            fields.put(c, text);
            original.put(c.header(), text);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!AgreementColumn.headers().contains(name)) {
                warnings.add(new RowProblem(source, line, name, "unknown field, ignored"));
            }
        });
        return new Row(line, fields, present, original, problems, warnings);
    }

    private DatasetImportReport run(String sourceName, Iterable<Row> rows, List<String> headers,
                                    List<RowProblem> fileWarnings, boolean dryRun, WorkProgress progress) {
        ReferenceIndex index = ReferenceIndex.load(references);
        Pass pass = new Pass(sourceName, register.context(index), index, fileWarnings);
        if (dryRun) {
            pass.run(rows, null, progress);
        } else {
            database.backupBeforeImport();
            database.inTransaction(tx -> {
                pass.run(rows, new Writer() {
                    @Override
                    public void add(List<NewReference> organisations) {
                        register.addOrganisations(tx, organisations);
                    }

                    @Override
                    public Optional<SharingAgreement> find(String reference) {
                        return agreements.findByReference(tx, reference);
                    }

                    @Override
                    public void create(SharingAgreement a, String reason) {
                        agreements.insert(tx, a, reason);
                    }

                    @Override
                    public void update(SharingAgreement current, SharingAgreement changed, String reason) {
                        agreements.update(tx, current, changed, reason);
                    }
                }, progress);
                return null;
            });
        }
        return new DatasetImportReport(sourceName, dryRun, pass.results, pass.warnings, pass.added, headers,
                pass.rejected);
    }

    /** Where accepted rows go; null on a dry run. */
    private interface Writer {
        void add(List<NewReference> organisations);

        Optional<SharingAgreement> find(String reference);

        void create(SharingAgreement a, String reason);

        void update(SharingAgreement current, SharingAgreement changed, String reason);
    }

    private final class Pass {
        final String source;
        final AgreementContext context;
        final ReferenceIndex index;
        final List<RowResult> results = new ArrayList<>();
        final List<RowProblem> warnings = new ArrayList<>();
        final List<NewReference> added = new ArrayList<>();
        final List<Map<String, String>> rejected = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> stored = agreements.references();
        final LocalDate today = register.today();

        Pass(String source, AgreementContext context, ReferenceIndex index, List<RowProblem> fileWarnings) {
            this.source = source;
            this.context = context;
            this.index = index;
            this.warnings.addAll(fileWarnings);
        }

        void run(Iterable<Row> rows, Writer writer, WorkProgress progress) {
            long n = 0;
            for (Row row : rows) {
                if (++n % 100 == 0) {
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    progress.update(n, -1);
                }
                take(row, writer);
            }
            progress.update(n, n);
        }

        private void take(Row row, Writer writer) {
            Map<AgreementColumn, String> fields = new EnumMap<>(AgreementColumn.class);
            fields.putAll(row.fields());
            String reference = blankToNull(fields.get(AgreementColumn.REFERENCE));
            String title = blankToNull(fields.get(AgreementColumn.TITLE));
            List<RowProblem> problems = new ArrayList<>(row.problems());
            if (reference != null && !seen.add(reference.toLowerCase(Locale.ROOT))) {
                String english = "reference '" + reference + "' already appears on an earlier row of this file";
                problems.add(new RowProblem(source, row.line(), AgreementColumn.REFERENCE.header(), english,
                        Problem.of(AgreementColumn.REFERENCE.header(), "validation.agreement.referenceRepeated", english,
                                reference)));
            }
            Optional<SharingAgreement> existing = reference == null
                    || !stored.contains(reference.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : writer != null ? writer.find(reference) : agreements.findByReference(reference);
            // A column the file does not have keeps what is stored: a file of a few columns updates only those.
            // A column it has but leaves blank clears the field.
            if (existing.isPresent()) {
                Map<AgreementColumn, String> stored = existing.get().columns();
                for (AgreementColumn c : AgreementColumn.values()) {
                    if (!row.present().contains(c)) {
                        fields.put(c, stored.get(c));
                    }
                }
            }
            // A blank status keeps the stored one (draft for a new agreement); a blank date of it keeps its date.
            String statusText = blankToNull(fields.get(AgreementColumn.STATUS));
            if (statusText == null) {
                fields.put(AgreementColumn.STATUS, existing.map(a -> a.status().code())
                        .orElse(AgreementStatus.DRAFT.code()));
            }
            String reason = "Imported from " + source + " (line " + row.line() + ")";
            AgreementCheck check = register.validator().check(fields, context);
            if (problems.isEmpty() && existing.isPresent() && !check.problems().isEmpty() && onlyLevelsChanged(check)
                    && sameAsStored(fields, existing.get())) {
                // The row is the agreement as stored; only a covered dataset's level moved since (raised above the
                // ceiling, say). Importing it again changes nothing, so it is not refused: the findings report it.
                List<RowProblem> kept = new ArrayList<>(row.warnings());
                check.problems().forEach(p -> kept.add(new RowProblem(source, row.line(), p.field(), p.english(), p)));
                warnings.addAll(kept);
                results.add(new RowResult(row.line(), reference, title, RowOutcome.UNCHANGED, List.of(), kept));
                return;
            }
            check.problems().forEach(p -> problems.add(new RowProblem(source, row.line(), p.field(), p.english(), p)));
            SharingAgreement incoming = check.agreement();
            List<RowProblem> rowWarnings = new ArrayList<>(row.warnings());
            if (problems.isEmpty()) {
                incoming = settleStatus(incoming, existing.orElse(null), row.line(), problems, rowWarnings);
            }
            if (!problems.isEmpty()) {
                results.add(new RowResult(row.line(), reference, title, RowOutcome.REJECTED, problems, List.of()));
                rejected.add(row.original());
                return;
            }
            check.warnings().forEach(p -> rowWarnings.add(new RowProblem(source, row.line(), p.field(), p.english(), p)));
            warnings.addAll(rowWarnings);
            check.additions().forEach(index::add);
            added.addAll(check.additions());
            if (writer != null) {
                writer.add(check.additions());
            }
            RowOutcome outcome;
            if (existing.isEmpty()) {
                outcome = RowOutcome.CREATED;
                stored.add(reference.toLowerCase(Locale.ROOT));
                if (writer != null) {
                    writer.create(incoming, reason);
                }
            } else if (existing.get().sameContent(incoming)) {
                outcome = RowOutcome.UNCHANGED;
            } else {
                outcome = RowOutcome.UPDATED;
                if (writer != null) {
                    writer.update(existing.get(), incoming, reason);
                }
            }
            results.add(new RowResult(row.line(), incoming.reference(), incoming.title(), outcome, List.of(),
                    rowWarnings));
        }

        /** Problems that come from the covered datasets' levels now, not from what the row says. */
        private static boolean onlyLevelsChanged(AgreementCheck check) {
            return check.problems().stream().allMatch(p -> p.key().equals("validation.agreement.aboveCeiling")
                    || p.key().equals("validation.agreement.mechanismNotAllowed"));
        }

        /** Whether every field of the row, as text, is what the stored agreement holds. */
        private static boolean sameAsStored(Map<AgreementColumn, String> fields, SharingAgreement stored) {
            Map<AgreementColumn, String> columns = stored.columns();
            for (AgreementColumn c : AgreementColumn.values()) {
                if (!java.util.Objects.equals(org.custodian.model.validation.FieldText.value(fields.get(c)),
                        org.custodian.model.validation.FieldText.value(columns.get(c)))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The row's record with the date of its status settled, as the register's status change would: a status
         * the file leaves as stored keeps its stored date (that date moves only with the status, on the timeline);
         * a different status must be a step the lifecycle allows and takes effect on status_since, or today when
         * that is blank or still the current status's date (a status cell edited in an export), never before the
         * current status took effect. A new agreement's blank date is its effective date when in force, else today.
         */
        private SharingAgreement settleStatus(SharingAgreement incoming, SharingAgreement current, long line,
                                              List<RowProblem> problems, List<RowProblem> rowWarnings) {
            AgreementStatus status = incoming.status();
            LocalDate since = incoming.statusSince();
            if (current == null) {
                return since != null ? incoming : incoming.withStatus(status,
                        status.inForce() && incoming.effectiveFrom() != null ? incoming.effectiveFrom() : today);
            }
            String column = AgreementColumn.STATUS_SINCE.header();
            if (status == current.status()) {
                if (since != null && !since.equals(current.statusSince())) {
                    rowWarnings.add(new RowProblem(source, line, column, "status_since " + since + " ignored:"
                            + " agreement " + current.reference() + " is " + status.code() + " since "
                            + current.statusSince() + ", and that date changes only with the status"));
                }
                return incoming.withStatus(status, current.statusSince());
            }
            if (!current.status().canBecome(status)) {
                String english = "agreement " + current.reference() + " is " + current.status().code()
                        + " and cannot become " + status.code() + " (allowed: " + next(current.status()) + ")";
                problems.add(new RowProblem(source, line, AgreementColumn.STATUS.header(), english,
                        Problem.of(AgreementColumn.STATUS.header(), "validation.agreement.transition", english,
                                current.status().labelKey(), status.labelKey())));
                return incoming;
            }
            if (since == null || since.equals(current.statusSince())) {
                since = today;
            }
            if (current.statusSince() != null && since.isBefore(current.statusSince())) {
                String english = "the change to " + status.code() + " cannot take effect on " + since
                        + ", before agreement " + current.reference() + " became " + current.status().code() + " ("
                        + current.statusSince() + ")";
                problems.add(new RowProblem(source, line, column, english, Problem.of(column,
                        "validation.agreement.statusBefore", english, current.statusSince().toString())));
                return incoming;
            }
            return incoming.withStatus(status, since);
        }
    }

    private static String next(AgreementStatus s) {
        return s.next().isEmpty() ? "none" : String.join(", ", s.next().stream().map(AgreementStatus::code).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
