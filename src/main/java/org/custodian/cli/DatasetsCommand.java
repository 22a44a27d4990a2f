package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "The dataset inventory: import and export.",
        subcommands = {DatasetsCommand.Import.class, DatasetsCommand.Export.class})
final class DatasetsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: import or export.");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports datasets from a CSV file (canonical columns; see sample-data/README.md) or a JSON",
                    "export (*.json). The code is the key: a known code updates, a new one creates.",
                    "Prints a line per rejected row and a summary; exit 1 when any row was rejected."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Parameters(paramLabel = "FILE", description = "The CSV or JSON file.")
        Path file;

        @CommandLine.Mixin
        CsvImportOptions options;

        @Override
        public Integer call() throws Exception {
            Charset charset = options.charset(this);
            CliContext ctx = datasets.root.context();
            try (WorkbenchSession session = datasets.root.open(options.dryRun ? Access.READ_ONLY : Access.READ_WRITE,
                    !options.dryRun)) {
                DatasetImportReport report = session.datasetExchange().importFile(file, charset, options.dryRun,
                        WorkProgress.NONE);
                return ImportPrinter.print(ctx, report, options.errors, session.datasetExchange());
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Exports datasets: CSV (the import columns, UTF-8 with BOM, formulas neutralised), JSON",
                    "(full records) or DCAT JSON-LD (only published datasets at a level open data allows, unless --all)."})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Parameters(paramLabel = "OUT", description = "The file to write (replaced whole, never half-written).")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", description = "csv, json or dcat (default: from the"
                + " file name; .jsonld is dcat, .json is json, anything else csv).")
        String format;

        @Option(names = "--all", description = "DCAT: every matching dataset, with internal fields under the"
                + " department's namespace.")
        boolean all;

        @Option(names = "--namespace", paramLabel = "URI", description = "DCAT --all: the department's namespace"
                + " for internal fields (default ${DEFAULT-VALUE}).", defaultValue = "urn:x-custodian:internal#")
        String namespace;

        @Option(names = "--query", paramLabel = "TEXT", description = "Only datasets matching this search.")
        String query;

        @Option(names = "--department", paramLabel = "CODE", split = ",", description = "Only these departments.")
        List<String> departments;

        @Option(names = "--category", paramLabel = "CODE", split = ",", description = "Only these categories.")
        List<String> categories;

        @Option(names = "--classification", paramLabel = "LEVEL", split = ",", description = "Only these levels.")
        List<String> levels;

        @Option(names = "--personal-data", paramLabel = "yes|no|not-recorded", split = ",",
                description = "Only datasets with this personal-data answer.")
        List<String> personalData;

        @Option(names = "--open-data", paramLabel = "STATUS", split = ",",
                description = "Only these open-data statuses (not-planned, planned, published).")
        List<String> openData;

        @Option(names = "--lifecycle", paramLabel = "STATUS", split = ",",
                description = "Only these lifecycle statuses (draft, active, superseded, retired).")
        List<String> lifecycle;

        @Override
        public Integer call() throws Exception {
            DatasetExchange.Format f = format();
            CliContext ctx = datasets.root.context();
            Map<DatasetFacet, Set<String>> filters = new EnumMap<>(DatasetFacet.class);
            put(filters, DatasetFacet.DEPARTMENT, departments, false);
            put(filters, DatasetFacet.CATEGORY, categories, false);
            put(filters, DatasetFacet.CLASSIFICATION, levels, true);
            put(filters, DatasetFacet.PERSONAL_DATA, personalData, false);
            put(filters, DatasetFacet.OPEN_DATA_STATUS, openData, false);
            put(filters, DatasetFacet.LIFECYCLE_STATUS, lifecycle, false);
            DatasetQuery q = new DatasetQuery(query, filters, DatasetSort.CODE, false, Integer.MAX_VALUE, 0);
            try (WorkbenchSession session = datasets.root.open(Access.READ_ONLY, false)) {
                long n = session.datasetExchange().export(q, f, out, all, namespace, WorkProgress.NONE);
                ctx.err().println("Wrote " + n + " dataset" + (n == 1 ? "" : "s") + " to " + out);
                return ExitCode.OK;
            }
        }

        private static void put(Map<DatasetFacet, Set<String>> filters, DatasetFacet facet, List<String> values,
                                boolean upper) {
            if (values != null && !values.isEmpty()) {
                Set<String> set = new LinkedHashSet<>();
                values.forEach(v -> set.add(upper ? v.strip().toUpperCase(Locale.ROOT) : v.strip()));
                filters.put(facet, set);
            }
        }

        private DatasetExchange.Format format() {
            if (format != null) {
                try {
                    return DatasetExchange.Format.valueOf(format.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "Unknown format '" + format
                            + "': use csv, json or dcat.");
                }
            }
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonld")) {
                return DatasetExchange.Format.DCAT;
            }
            return name.endsWith(".json") ? DatasetExchange.Format.JSON : DatasetExchange.Format.CSV;
        }
    }

    /** Prints an import's report the same way for every import command. */
    static final class ImportPrinter {
        private ImportPrinter() {
        }

        static int print(CliContext ctx, DatasetImportReport report, Path errors, DatasetExchange exchange)
                throws java.io.IOException {
            return print(ctx, report, errors, exchange, report.summary());
        }

        /** As above, with the summary line in the register's own words ("recorded" for decisions). */
        static int print(CliContext ctx, DatasetImportReport report, Path errors, DatasetExchange exchange,
                         String summary) throws java.io.IOException {
            PrintWriter err = ctx.err();
            report.warnings().forEach(w -> err.println("warning: " + w.describe()));
            for (RowResult r : report.rows()) {
                if (r.outcome() == RowOutcome.REJECTED) {
                    r.problems().forEach(p -> err.println("rejected: " + p.describe()));
                }
            }
            if (errors != null) {
                exchange.writeRejected(report, errors);
                err.println("Rejected rows written to " + errors);
            }
            ctx.out().println(summary);
            return report.anyRejected() ? ExitCode.REJECTED : ExitCode.OK;
        }
    }
}
