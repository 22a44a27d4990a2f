package org.custodian.cli;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reviews", mixinStandardHelpOptions = true,
        description = "Classification and access-rights reviews.",
        subcommands = {ReviewsCommand.Due.class})
final class ReviewsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: due.");
    }

    @Command(name = "due", mixinStandardHelpOptions = true,
            description = {"Lists the classification and access reviews due, overdue first.",
                    "Columns: kind, dataset_code, title, department, level, due_on, days_overdue, last_done_on."})
    static final class Due implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("kind", "dataset_code", "title", "department", "level", "due_on",
                "days_overdue", "last_done_on");

        @ParentCommand
        ReviewsCommand reviews;

        @Option(names = "--within", paramLabel = "DAYS",
                description = "Only reviews due within this many days (overdue ones always; default: every one).")
        Integer within;

        @Option(names = "--kind", paramLabel = "KIND", description = "classification or access (default: both).")
        String kind;

        @Option(names = "--department", paramLabel = "CODE", description = "Only this department.")
        String department;

        @Option(names = "--level", paramLabel = "LEVEL", description = "Only datasets at this level.")
        String level;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            if (within != null && within < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--within takes 0 or more days.");
            }
            ReviewKind k = kind == null ? null : CodedValue.parse(ReviewKind.class, kind);
            if (kind != null && k == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Unknown kind '" + kind
                        + "': use classification or access.");
            }
            try (WorkbenchSession session = reviews.root.open(Access.READ_ONLY, false)) {
                var classification = session.classification();
                String levelCode = null;
                if (level != null) {
                    levelCode = classification.scheme().level(level).map(l -> l.code()).orElseThrow(() ->
                            new CommandLine.ParameterException(new CommandLine(this), "'" + level + "' is not a"
                                    + " level of the scheme (" + classification.scheme().codes() + ")."));
                }
                if (department != null && session.inventory().referenceEntries(
                        org.custodian.model.reference.ReferenceList.ORGANISATION).stream()
                        .noneMatch(e -> e.code().equalsIgnoreCase(department.strip()))) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "'" + department + "' is not"
                            + " a department code of this workbench (see the organisation list).");
                }
                var today = classification.today();
                List<DueReview> due = classification.due(new ReviewQuery(today, within, k, department, levelCode));
                List<Map<String, String>> rows = new ArrayList<>();
                for (DueReview r : due) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("kind", r.kind().code());
                    m.put("dataset_code", r.datasetCode());
                    m.put("title", r.title());
                    m.put("department", r.department());
                    m.put("level", r.level());
                    m.put("due_on", r.dueOn().toString());
                    m.put("days_overdue", String.valueOf(Math.max(0, ChronoUnit.DAYS.between(r.dueOn(), today))));
                    m.put("last_done_on", r.lastDoneOn() == null ? "" : r.lastDoneOn().toString());
                    rows.add(m);
                }
                RecordOutput.print(reviews.root.context().out(), f, COLUMNS, rows);
                if (f == RecordOutput.Format.TEXT) {
                    long overdue = due.stream().filter(r -> r.overdue(today)).count();
                    reviews.root.context().err().println(due.size() + " review" + (due.size() == 1 ? "" : "s")
                            + " due, " + overdue + " overdue (today " + today + ").");
                }
                return ExitCode.OK;
            }
        }
    }
}
