package org.custodian.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one command line: builds the picocli tree, maps failures to the exit codes of the contract and prints a
 * one- or two-line refusal to stderr; stack traces go to the log only.
 */
public final class CustodianCli {

    private static final Logger LOG = LoggerFactory.getLogger(CustodianCli.class);

    private CustodianCli() {
    }

    public static int execute(CliContext context, String... args) {
        CustodianCommand root = new CustodianCommand(context);
        CommandLine cl = new CommandLine(root)
                .addSubcommand(new BackupCommand())
                .addSubcommand(new RestoreCommand())
                .addSubcommand(new BackupsCommand())
                .addSubcommand(new TrashCommand())
                .addSubcommand(new FindingsCommand())
                .addSubcommand(new AuditCommand())
                .addSubcommand(new FlowsCommand())
                .addSubcommand(new SampleCommand())
                .addSubcommand(new DatasetsCommand())
                .addSubcommand(new CatalogCommand())
                .addSubcommand(new ClassifyCommand())
                .addSubcommand(new ReviewsCommand())
                .addSubcommand(new DecisionsCommand())
                .addSubcommand(new SchemeCommand())
                .addSubcommand(new AgreementsCommand())
                .addSubcommand(new TemplatesCommand())
                .addSubcommand(new AssessmentsCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new BenchCommand());
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        cl.setParameterExceptionHandler((ex, argv) -> {
            context.err().println(ex.getMessage());
            context.err().println("See 'custodian --help'.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.error("Command {} failed", String.join(" ", args), ex);
            return report(root, context, ex);
        });
        try {
            return cl.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static int report(CustodianCommand root, CliContext context, Exception ex) {
        if (ex instanceof WorkbenchAccessException access) {
            context.err().println(access.getMessage());
            if (access.restoreMayHelp()) {
                root.restoreHint().ifPresent(context.err()::println);
            }
            return ExitCode.FAILURE;
        }
        if (ex instanceof InputRejectedException rejected) {
            context.err().println(rejected.getMessage());
            return ExitCode.REJECTED;
        }
        if (ex instanceof org.custodian.logic.io.pdf.ReportFontException font) {
            context.err().println(font.getMessage());
            return ExitCode.FAILURE;
        }
        if (ex instanceof FileAlreadyExistsException exists) {
            context.err().println(exists.getFile() + " already exists; choose another name or add --overwrite.");
            return ExitCode.FAILURE;
        }
        if (ex instanceof NoSuchFileException missing) {
            context.err().println(missing.getFile() + ": no such file or folder.");
            return ExitCode.FAILURE;
        }
        context.err().println("Failed: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        context.err().println("Details are in the log.");
        return ExitCode.FAILURE;
    }
}
