package org.custodian.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.custodian.logic.audit.AuditExport;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Checks and shows the hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Name a subcommand: verify, head or export.");
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

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the audit log as CSV (UTF-8 with BOM, formulas neutralised), oldest first: seq, time,",
                    "actor, entity_type, entity_id, record, action, reason, changes (one line per field: before → after),",
                    "prev_hash and hash. A first line names the chain head the events belong to, for 'audit verify",
                    "--expect'. The file is replaced whole, never half-written."})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Parameters(paramLabel = "OUT", description = "The CSV file to write.")
        Path out;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD",
                description = "Only events on or after this day (this computer's time zone).")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD",
                description = "Only events on or before this day (this computer's time zone).")
        String to;

        @Override
        public Integer call() throws Exception {
            ZoneId zone = ZoneId.systemDefault();
            LocalDate first = day(from, "--from");
            LocalDate last = day(to, "--to");
            if (first != null && last != null && last.isBefore(first)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--to " + last + " is before --from " + first + ".");
            }
            AuditFilter filter = AuditFilter.ALL.between(first == null ? null : first.atStartOfDay(zone).toInstant(),
                    last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
            String words = (first == null ? "" : "from " + first) + (first != null && last != null ? " " : "")
                    + (last == null ? "" : "to " + last);
            try (WorkbenchSession session = audit.root.open(Access.READ_ONLY, false)) {
                AuditExport.Written written = session.auditExport().csv(filter, words, out, WorkProgress.NONE);
                audit.root.context().err().println("Wrote " + written.events() + " audit event"
                        + (written.events() == 1 ? "" : "s") + " to " + out + " (chain head "
                        + written.head().asText() + ")");
                return ExitCode.OK;
            }
        }

        private LocalDate day(String text, String option) {
            return DayOption.parse(this, text, option);
        }
    }
}
