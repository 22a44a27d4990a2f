package org.custodian.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.Criterion;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Records a classification decision: the dataset's level changes only this way.",
                "A downgrade from a level that needs approval, or a level below a dataset it is derived from,",
                "needs --approved-by and --justification. Exit 1 with the reason when a rule refuses it."})
final class ClassifyCommand implements Callable<Integer> {

    @ParentCommand
    CustodianCommand root;

    @Parameters(index = "0", paramLabel = "CODE", description = "The dataset's code.")
    String code;

    @Parameters(index = "1", paramLabel = "LEVEL", description = "A level of the workbench's scheme, e.g."
            + " CONFIDENTIAL or \"TOP SECRET\".")
    String level;

    @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why this level.")
    String rationale;

    @Option(names = "--criterion", paramLabel = "NAME=NOTE", description = "A criterion considered, with its note"
            + " (repeatable): harm-if-disclosed, personal-data-volume, aggregation, commercial-sensitivity,"
            + " legal-privilege, other.")
    Map<String, String> criteria;

    @Option(names = "--decided-by", paramLabel = "NAME", description = "Who decided (default: you).")
    String decidedBy;

    @Option(names = "--proposed-by", paramLabel = "NAME", description = "Who proposed the level.")
    String proposedBy;

    @Option(names = "--approved-by", paramLabel = "NAME", description = "Who approved a downgrade.")
    String approvedBy;

    @Option(names = "--justification", paramLabel = "TEXT", description = "Why a downgrade is justified.")
    String justification;

    @Option(names = "--effective-from", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
    String effectiveFrom;

    @Option(names = "--review-due", paramLabel = "DATE",
            description = "YYYY-MM-DD (default: from the level's review interval).")
    String reviewDue;

    @Option(names = "--declassify-on", paramLabel = "DATE", description = "YYYY-MM-DD.")
    String declassifyOn;

    @Option(names = "--declassify-event", paramLabel = "TEXT", description = "The event that declassifies it.")
    String declassifyEvent;

    @Override
    public Integer call() {
        Map<Criterion, String> considered = new EnumMap<>(Criterion.class);
        if (criteria != null) {
            criteria.forEach((name, note) -> {
                Criterion c = CodedValue.parse(Criterion.class, name);
                if (c == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "Unknown criterion '" + name
                            + "': use " + CodedValue.codes(Criterion.class) + ".");
                }
                considered.put(c, note);
            });
        }
        CliContext ctx = root.context();
        try (WorkbenchSession session = root.open(Access.READ_WRITE, false)) {
            DecisionInput input = new DecisionInput(level, rationale, considered, proposedBy,
                    decidedBy != null ? decidedBy : ctx.actor(), approvedBy, justification, effectiveFrom, reviewDue,
                    declassifyOn, declassifyEvent, false);
            Outcome<ClassificationDecision> outcome = session.classification().classify(code, input);
            if (!outcome.isDone()) {
                ctx.err().println("Not recorded: " + code + " " + level + " — " + String.join("; ",
                        outcome.problems().stream().map(p -> (p.field().isEmpty() ? "" : p.field() + ": ")
                                + p.english()).toList()) + ".");
                return ExitCode.REJECTED;
            }
            ClassificationDecision d = outcome.record();
            ctx.out().println(d.datasetCode() + ": " + (d.previousLevel() == null ? "" : d.previousLevel() + " → ")
                    + d.level() + " from " + d.effectiveFrom() + (d.reviewDue() == null ? ""
                    : ", review due " + d.reviewDue()) + " (decision " + d.id() + ")");
            return ExitCode.OK;
        }
    }
}
