package org.custodian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes an online backup of the workbench to OUT and checks the copy's integrity.",
                "Works while the window has the file open."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    CustodianCommand root;

    @Parameters(paramLabel = "OUT", description = "The backup file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace OUT if it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        try (WorkbenchSession session = root.open(Access.READ_ONLY, false)) {
            Path written = session.backups().backupTo(out, overwrite);
            root.context().out().println(written);
            root.context().err().println("Backup written and verified: " + written);
            return ExitCode.OK;
        }
    }
}
