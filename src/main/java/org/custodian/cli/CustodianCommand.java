package org.custodian.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: global options, and opening the workbench file for the subcommands. */
@Command(name = "custodian",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Custodian, the data governance workbench.",
                "Without a command it opens the window; with one it works headless."},
        footer = {"", "Exit codes: 0 done; 1 done but some input was rejected; 2 usage error; 3 I/O or database failure."})
public final class CustodianCommand implements Runnable {

    @Option(names = "--db", paramLabel = "FILE",
            description = "The workbench file (default: $CUSTODIAN_HOME/workbench.db, else ~/.custodian/workbench.db).")
    Path db;

    private final CliContext context;

    public CustodianCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    Path workbenchFile() {
        return db != null ? db : context.defaultWorkbench();
    }

    WorkbenchSession open(Access access, boolean createIfMissing) {
        return WorkbenchSession.open(workbenchFile(), access, context.actor(), createIfMissing,
                TemplatesCommand.catalog(context).departmentFolder());
    }

    /** A hint to restore, when the newest verified backup of the file might help. */
    Optional<String> restoreHint() {
        return Backups.newestVerified(workbenchFile().toAbsolutePath())
                .map(b -> "A verified backup exists; restore it with: custodian --db " + workbenchFile()
                        + " restore " + b);
    }

    @Override
    public void run() {
        // Reached only with no subcommand after other global options; the launcher opens the window otherwise.
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Name a command; see --help.");
    }
}
