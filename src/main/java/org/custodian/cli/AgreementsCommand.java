package org.custodian.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.sharing.AgreementExchange;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "agreements", mixinStandardHelpOptions = true,
        description = "The data-sharing agreements register: import, export and list.",
        subcommands = {AgreementsCommand.Import.class, AgreementsCommand.Export.class, AgreementsCommand.ListCommand.class,
                AgreementsCommand.Attach.class, AgreementsCommand.Attachments.class})
final class AgreementsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "Name a subcommand: import, export, list, attach or attachments.");
    }

    /** The filters the export and the list share. */
    static final class Filters {
        @Option(names = "--query", paramLabel = "TEXT", description = "Only agreements matching these words"
                + " (reference, title, purpose, party names, dataset codes).")
        String query;

        @Option(names = "--status", paramLabel = "STATUS", split = ",",
                description = "Only these statuses (draft, under-negotiation, active, suspended, expired, terminated).")
        List<String> statuses;

        @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only these types"
                + " (inter-departmental-api, consented-exchange, commercial-interchange, cross-boundary-transfer,"
                + " contractor-processor, open-data-release, other).")
        List<String> types;

        @Option(names = "--party", paramLabel = "CODE", description = "Only agreements this organisation is a party to.")
        String party;

        @Option(names = "--cross-boundary", paramLabel = "yes|no", description = "Only cross-boundary agreements (yes)"
                + " or only local ones (no).")
        String crossBoundary;

        @Option(names = "--expiring-within", paramLabel = "DAYS", description = "Only agreements in force whose"
                + " expiry falls within this many days (or has passed).")
        Integer expiringWithin;

        /** The filters in words, as a register prints them under its title ("" when there are none). */
        String describe() {
            List<String> parts = new java.util.ArrayList<>();
            if (query != null && !query.isBlank()) {
                parts.add("“" + query.strip() + "”");
            }
            if (statuses != null && !statuses.isEmpty()) {
                parts.add("status: " + String.join(", ", statuses));
            }
            if (types != null && !types.isEmpty()) {
                parts.add("type: " + String.join(", ", types));
            }
            if (party != null) {
                parts.add("party: " + party);
            }
            if (crossBoundary != null) {
                parts.add("cross-boundary: " + crossBoundary);
            }
            if (expiringWithin != null) {
                parts.add("expiring within " + expiringWithin + " days");
            }
            return String.join(" · ", parts);
        }

        AgreementQuery query(Object command, java.time.LocalDate today) {
            if (expiringWithin != null && expiringWithin < 0) {
                throw new CommandLine.ParameterException(new CommandLine(command), "--expiring-within takes 0 or more days.");
            }
            Boolean cross = null;
            if (crossBoundary != null) {
                switch (crossBoundary.strip().toLowerCase(Locale.ROOT)) {
                    case "yes", "y", "true" -> cross = true;
                    case "no", "n", "false" -> cross = false;
                    default -> throw new CommandLine.ParameterException(new CommandLine(command),
                            "--cross-boundary takes yes or no.");
                }
            }
            return new AgreementQuery(query, parse(command, types, AgreementType.class, "type"),
                    parse(command, statuses, AgreementStatus.class, "status"),
                    party == null ? null : party.strip(), cross, expiringWithin, today,
                    expiringWithin != null ? AgreementSort.EXPIRES_ON : AgreementSort.REFERENCE, false,
                    Integer.MAX_VALUE, 0);
        }

        private static <E extends Enum<E> & CodedValue> Set<E> parse(Object command, List<String> values,
                                                                      Class<E> type, String what) {
            Set<E> set = EnumSet.noneOf(type);
            if (values != null) {
                for (String v : values) {
                    E e = CodedValue.parse(type, v);
                    if (e == null) {
                        throw new CommandLine.ParameterException(new CommandLine(command), "Unknown " + what + " '"
                                + v + "': use " + CodedValue.codes(type) + ".");
                    }
                    set.add(e);
                }
            }
            return set;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports agreements from a CSV file (the columns of sample-data/README.md) or a JSON export",
                    "(*.json). The reference is the key: a known reference updates, a new one creates; re-importing",
                    "an export changes nothing. Each row is checked like the editor; a status change must be one the",
                    "lifecycle allows. Prints a line per rejected row and a summary; exit 1 when any row was rejected."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        AgreementsCommand agreements;

        @Parameters(paramLabel = "FILE", description = "The CSV or JSON file.")
        Path file;

        @CommandLine.Mixin
        CsvImportOptions options;

        @Override
        public Integer call() throws Exception {
            Charset charset = options.charset(this);
            CliContext ctx = agreements.root.context();
            try (WorkbenchSession session = agreements.root.open(options.dryRun ? Access.READ_ONLY : Access.READ_WRITE,
                    false)) {
                DatasetImportReport report = session.agreementExchange().importFile(file, charset, options.dryRun,
                        WorkProgress.NONE);
                return DatasetsCommand.ImportPrinter.print(ctx, report, options.errors, session.datasetExchange());
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Exports agreements to CSV (UTF-8 with BOM, formulas neutralised) or JSON (an array of objects",
                    "keyed by the CSV column names), by the file name or --format. Both import again without loss."})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        AgreementsCommand agreements;

        @Parameters(paramLabel = "OUT", description = "The file to write (replaced whole, never half-written).")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", description = "csv or json (default: from the file name).")
        String format;

        @CommandLine.Mixin
        Filters filters;

        @Override
        public Integer call() throws Exception {
            AgreementExchange.Format f;
            if (format != null) {
                try {
                    f = AgreementExchange.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "Unknown format '" + format
                            + "': use csv or json.");
                }
            } else {
                f = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                        ? AgreementExchange.Format.JSON : AgreementExchange.Format.CSV;
            }
            try (WorkbenchSession session = agreements.root.open(Access.READ_ONLY, false)) {
                AgreementQuery q = filters.query(this, session.sharing().today());
                long n = session.agreementExchange().export(q, f, out, WorkProgress.NONE);
                agreements.root.context().err().println("Wrote " + n + " agreement" + (n == 1 ? "" : "s") + " to "
                        + out);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists agreements. Text shows reference, title, type, status, parties, expires_on and",
                    "review_due; csv and json carry every column of the export."})
    static final class ListCommand implements Callable<Integer> {

        static final List<String> TEXT_COLUMNS = List.of("reference", "title", "type", "status", "parties",
                "expires_on", "review_due");

        @ParentCommand
        AgreementsCommand agreements;

        @CommandLine.Mixin
        Filters filters;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            try (WorkbenchSession session = agreements.root.open(Access.READ_ONLY, false)) {
                var today = session.sharing().today();
                AgreementQuery q = filters.query(this, today);
                List<Map<String, String>> rows = new ArrayList<>();
                session.sharing().forEach(q, a -> rows.add(AgreementExchange.record(a)));
                if (f == RecordOutput.Format.TEXT) {
                    rows.forEach(r -> r.put("parties", partyNames(r.get("parties"))));
                }
                RecordOutput.print(agreements.root.context().out(), f,
                        f == RecordOutput.Format.TEXT ? TEXT_COLUMNS : AgreementColumn.headers(), rows);
                if (f == RecordOutput.Format.TEXT) {
                    agreements.root.context().err().println(rows.size() + " agreement" + (rows.size() == 1 ? "" : "s")
                            + " (today " + today + ").");
                }
                return ExitCode.OK;
            }
        }

        /** "provider:hk-td|…; recipient:hk-hkpf" → "hk-td → hk-hkpf" style text for the table. */
        private static String partyNames(String parties) {
            if (parties == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (String p : parties.split(SharingAgreement.SEPARATOR)) {
                int colon = p.indexOf(':');
                String rest = colon < 0 ? p : p.substring(colon + 1);
                int bar = rest.indexOf('|');
                names.add((bar < 0 ? rest : rest.substring(0, bar)).strip());
            }
            return String.join(", ", names);
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = {"Copies a file (a signed copy) into the workbench's attachments folder and records it with",
                    "its SHA-256 against the agreement."})
    static final class Attach implements Callable<Integer> {

        @ParentCommand
        AgreementsCommand agreements;

        @Parameters(index = "0", paramLabel = "REFERENCE", description = "The agreement's reference.")
        String reference;

        @Parameters(index = "1", paramLabel = "FILE", description = "The file to attach.")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            try (WorkbenchSession session = agreements.root.open(Access.READ_WRITE, false)) {
                SharingAgreement a = session.sharing().findByReference(reference).orElseThrow(() ->
                        new CommandLine.ParameterException(new CommandLine(this), "No agreement with reference '"
                                + reference + "' in this workbench."));
                var attachment = session.sharing().attach(a.id(), file);
                agreements.root.context().out().println(attachment.sha256() + "  " + attachment.fileName());
                agreements.root.context().err().println("Attached " + attachment.fileName() + " (" + attachment.size()
                        + " bytes) to " + a.reference() + ".");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "attachments", mixinStandardHelpOptions = true,
            description = {"Lists the attachments of one agreement (or of every agreement) and checks each kept copy",
                    "against the SHA-256 recorded when it was attached; exit 1 when any is changed or missing.",
                    "Columns: reference, file_name, size, sha256, added_at, added_by, state."})
    static final class Attachments implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("reference", "file_name", "size", "sha256", "added_at", "added_by",
                "state");

        @ParentCommand
        AgreementsCommand agreements;

        @Parameters(paramLabel = "REFERENCE", arity = "0..1", description = "The agreement (default: every one).")
        String reference;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            try (WorkbenchSession session = agreements.root.open(Access.READ_ONLY, false)) {
                var sharing = session.sharing();
                List<SharingAgreement> chosen = new ArrayList<>();
                if (reference != null) {
                    chosen.add(sharing.findByReference(reference).orElseThrow(() -> new CommandLine.ParameterException(
                            new CommandLine(this), "No agreement with reference '" + reference
                            + "' in this workbench.")));
                } else {
                    sharing.forEach(AgreementQuery.all(sharing.today()), chosen::add);
                }
                List<Map<String, String>> rows = new ArrayList<>();
                int faults = 0;
                for (SharingAgreement a : chosen) {
                    for (var attachment : sharing.attachments(a.id())) {
                        var state = sharing.check(attachment);
                        if (state != org.custodian.model.sharing.AttachmentState.INTACT) {
                            faults++;
                        }
                        Map<String, String> m = new java.util.LinkedHashMap<>();
                        m.put("reference", a.reference());
                        m.put("file_name", attachment.fileName());
                        m.put("size", Long.toString(attachment.size()));
                        m.put("sha256", attachment.sha256());
                        m.put("added_at", attachment.addedAt().toString());
                        m.put("added_by", attachment.addedBy());
                        m.put("state", state.code());
                        rows.add(m);
                    }
                }
                RecordOutput.print(agreements.root.context().out(), f, COLUMNS, rows);
                if (f == RecordOutput.Format.TEXT || faults > 0) {
                    agreements.root.context().err().println(rows.size() + " attachment" + (rows.size() == 1 ? "" : "s")
                            + ", " + faults + " changed or missing since attached.");
                }
                return faults > 0 ? ExitCode.REJECTED : ExitCode.OK;
            }
        }
    }
}
