package org.custodian.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodian.logic.classification.DecisionExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = "The classification decisions register: import and export (CSV).",
        subcommands = {DecisionsCommand.Import.class, DecisionsCommand.Export.class})
final class DecisionsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: import or export.");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Appends classification decisions from a CSV file (dataset_code, level and rationale",
                    "required; see sample-data/README.md). Each row is checked like the reclassify dialog, against",
                    "the dataset as earlier rows left it; a row whose id is already recorded is skipped.",
                    "Prints a line per rejected row and a summary; exit 1 when any row was rejected."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        DecisionsCommand decisions;

        @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
        Path file;

        @CommandLine.Mixin
        CsvImportOptions options;

        @Override
        public Integer call() throws Exception {
            Charset charset = options.charset(this);
            CliContext ctx = decisions.root.context();
            Access access = options.dryRun ? Access.READ_ONLY : Access.READ_WRITE;
            try (WorkbenchSession session = decisions.root.open(access, false)) {
                DatasetImportReport report = session.decisionExchange().importFile(file, charset, options.dryRun,
                        WorkProgress.NONE);
                return DatasetsCommand.ImportPrinter.print(ctx, report, options.errors, session.datasetExchange(),
                        DecisionExchange.summary(report));
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Exports every decision, in recording order, to CSV (UTF-8 with BOM, formulas neutralised).")
    static final class Export implements Callable<Integer> {

        @ParentCommand
        DecisionsCommand decisions;

        @Parameters(paramLabel = "OUT.csv", description = "The file to write (replaced whole, never half-written).")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (WorkbenchSession session = decisions.root.open(Access.READ_ONLY, false)) {
                long n = session.decisionExchange().export(out, WorkProgress.NONE);
                decisions.root.context().err().println("Wrote " + n + " decision" + (n == 1 ? "" : "s") + " to "
                        + out);
                return ExitCode.OK;
            }
        }
    }
}
