package org.custodian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Catalogues kept elsewhere, such as the public sector portal's CKAN.",
        subcommands = CatalogCommand.Import.class)
final class CatalogCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: import.");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports a saved CKAN Action API response (package_search, package_show or an array of",
                    "packages). The package name is the dataset code, so importing the same file again updates",
                    "and never duplicates; classification, personal data and retention recorded here are kept."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "FILE.json", description = "The saved CKAN response.")
        Path file;

        @Option(names = "--dry-run", description = "Check and report; change nothing.")
        boolean dryRun;

        @Option(names = "--errors", paramLabel = "OUT.csv", description = "Write the rejected packages here.")
        Path errors;

        @Override
        public Integer call() throws Exception {
            try (WorkbenchSession session = catalog.root.open(dryRun ? Access.READ_ONLY : Access.READ_WRITE,
                    !dryRun)) {
                DatasetImportReport report = session.datasetExchange().importCkan(file, dryRun, WorkProgress.NONE);
                return DatasetsCommand.ImportPrinter.print(catalog.root.context(), report, errors,
                        session.datasetExchange());
            }
        }
    }
}
