package org.custodian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.RestoreOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replaces the workbench with the backup FROM, after checking FROM.",
                "The replaced file is kept in the backups folder beside the workbench."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    CustodianCommand root;

    @Parameters(paramLabel = "FROM", description = "The backup file to restore.")
    Path from;

    @Override
    public Integer call() {
        RestoreOutcome result = Backups.restore(from, root.workbenchFile(), root.context().actor());
        root.context().out().println(root.workbenchFile().toAbsolutePath());
        root.context().err().println("Restored " + root.workbenchFile().toAbsolutePath() + " from " + result.restoredFrom()
                + (result.keptAs() == null ? "." : "; the replaced file was kept as " + result.keptAs()));
        return ExitCode.OK;
    }
}
