package org.custodian.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.oversight.FindingRows;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingList;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.Severity;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"What the cross-register rules find wrong: open findings, highest severity first.",
                "Exits 1 while any high-severity finding is open (not accepted), whatever is printed, so a script"
                        + " can gate on it."})
final class FindingsCommand implements Callable<Integer> {

    private static final List<String> TEXT_COLUMNS = List.of("severity", "rule", "records", "message");

    @ParentCommand
    CustodianCommand root;

    @CommandLine.Mixin
    ListFormat listFormat;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only high, medium or low.")
    String severity;

    @Option(names = "--rule", paramLabel = "RULE", description = "Only this rule's findings (its id, e.g."
            + " open-data-level).")
    String rule;

    @Option(names = "--department", paramLabel = "CODE", description = "Only findings of this department.")
    String department;

    @Option(names = "--accepted", description = "Print the accepted findings instead of the open ones.")
    boolean accepted;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "Check as on this day (default: today).")
    String on;

    @Override
    public Integer call() throws java.io.IOException {
        RecordOutput.Format f = listFormat.of(this);
        Severity wantedSeverity = severity == null ? null : Severity.ofCode(severity);
        if (severity != null && wantedSeverity == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "Unknown severity '" + severity
                    + "': use high, medium or low.");
        }
        FindingRule wantedRule = rule == null ? null : FindingRule.ofId(rule);
        if (rule != null && wantedRule == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "Unknown rule '" + rule + "': use one of "
                    + String.join(", ", java.util.Arrays.stream(FindingRule.values()).map(FindingRule::id).toList())
                    + ".");
        }
        try (WorkbenchSession session = root.open(Access.READ_ONLY, false)) {
            LocalDate day = on == null ? session.findings().today() : DayOption.parse(this, on, "--on");
            FindingList list = session.findings().evaluate(day);
            FindingRows findingRows = new FindingRows();
            List<Map<String, Object>> rows = new ArrayList<>();
            List<FindingState> shown = new ArrayList<>(accepted ? list.accepted() : list.open());
            shown.sort(java.util.Comparator.comparing((FindingState s) -> s.finding().severity()));
            for (FindingState s : shown) {
                Finding finding = s.finding();
                if ((wantedSeverity != null && finding.severity() != wantedSeverity)
                        || (wantedRule != null && finding.rule() != wantedRule)
                        || (department != null && !department.strip().equalsIgnoreCase(finding.department()))) {
                    continue;
                }
                rows.add(findingRows.row(s));
            }
            RecordOutput.print(root.context().out(), f, f == RecordOutput.Format.TEXT ? TEXT_COLUMNS
                    : FindingRows.COLUMNS, rows);
            return list.highOpen() ? ExitCode.REJECTED : ExitCode.OK;
        }
    }
}
