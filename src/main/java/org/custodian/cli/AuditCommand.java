package org.custodian.cli;

import java.util.concurrent.Callable;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Checks and shows the hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class})
final class AuditCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Name a subcommand: verify or head.");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walks the audit chain and reports the first broken link.",
                    "Exit 0 when intact, 1 when broken."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Option(names = "--expect", paramLabel = "SEQ:HASH",
                description = "A head written down earlier (from 'audit head'); also fails if the chain no longer reaches it.")
        String expect;

        @Override
        public Integer call() {
            AuditHead expected = null;
            if (expect != null) {
                try {
                    expected = AuditHead.parse(expect);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "--expect: " + e.getMessage());
                }
            }
            CliContext ctx = audit.root.context();
            try (WorkbenchSession session = audit.root.open(Access.READ_ONLY, false)) {
                ChainVerdict verdict = session.audit().verify(expected, null);
                ctx.out().println(verdict.describe());
                if (verdict.isIntact()) {
                    return ExitCode.OK;
                }
                ctx.err().println(session.file() + (verdict.firstBadSequence().isPresent()
                        ? ": the audit chain is broken at sequence " + verdict.firstBadSequence().getAsLong() + " ("
                        + verdict.eventsChecked() + " events before it are intact)."
                        : ": " + verdict.guardProblem() + "."));
                return ExitCode.REJECTED;
            }
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Prints the newest audit event as SEQ:HASH, to write down outside the file.")
    static final class Head implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            try (WorkbenchSession session = audit.root.open(Access.READ_ONLY, false)) {
                audit.root.context().out().println(session.audit().head().asText());
                return ExitCode.OK;
            }
        }
    }
}
