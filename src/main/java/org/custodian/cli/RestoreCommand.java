package org.custodian.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.RestoreOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replaces the workbench with the backup FROM, after checking FROM.",
                "FROM may be a plain backup or an encrypted one (its passphrase is asked for, or read from",
                "--passphrase-file); a wrong passphrase changes nothing.",
                "The replaced file is kept in the backups folder beside the workbench."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    CustodianCommand root;

    @Parameters(paramLabel = "FROM", description = "The backup file to restore.")
    Path from;

    @Mixin
    PassphraseInput passphrase;

    @Override
    public Integer call() {
        RestoreOutcome result = Backups.restore(from, root.workbenchFile(), root.context().actor(),
                backup -> Optional.of(passphrase.read(false)));
        root.context().out().println(root.workbenchFile().toAbsolutePath());
        root.context().err().println("Restored " + root.workbenchFile().toAbsolutePath() + " from " + result.restoredFrom()
                + (result.keptAs() == null ? "." : "; the replaced file was kept as " + result.keptAs() + ".")
                + (result.attachmentsRestored() > 0 ? " " + result.attachmentsRestored() + " attachment files were put"
                        + " back." : ""));
        return ExitCode.OK;
    }
}
