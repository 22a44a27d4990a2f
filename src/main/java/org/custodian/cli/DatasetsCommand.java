package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetQuery;
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

        @CommandLine.Mixin
        DatasetFilters filters;

        @Override
        public Integer call() throws Exception {
            DatasetExchange.Format f = format();
            CliContext ctx = datasets.root.context();
            DatasetQuery q = filters.query();
            try (WorkbenchSession session = datasets.root.open(Access.READ_ONLY, false)) {
                filters.check(this, session);
                long n = session.datasetExchange().export(q, f, out, all, namespace, WorkProgress.NONE);
                ctx.err().println("Wrote " + n + " dataset" + (n == 1 ? "" : "s") + " to " + out);
                return ExitCode.OK;
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
