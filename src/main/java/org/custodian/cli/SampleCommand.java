package org.custodian.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "The sample department bundled with Custodian.",
        subcommands = SampleCommand.Load.class)
final class SampleCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Name a subcommand: load.");
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Loads the sample department into the workbench file (created if missing).",
                    "Loading again changes nothing that is already there."})
    static final class Load implements Callable<Integer> {

        @ParentCommand
        SampleCommand sample;

        @Override
        public Integer call() {
            CliContext ctx = sample.root.context();
            try (WorkbenchSession session = sample.root.open(Access.READ_WRITE, true)) {
                List<ImportReport> reports = session.sample().load();
                boolean rejected = false;
                for (ImportReport r : reports) {
                    ctx.out().println(r.summary());
                    r.problems().forEach(p -> ctx.err().println(p.describe()));
                    rejected |= r.anyRejected();
                }
                return rejected ? ExitCode.REJECTED : ExitCode.OK;
            }
        }
    }
}
