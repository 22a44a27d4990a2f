package org.custodian.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.Tally;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "assessments", mixinStandardHelpOptions = true,
        description = "Ethical-AI and privacy assessments: list them, print a score, export or import one as JSON.",
        subcommands = {AssessmentsCommand.ListAssessments.class, AssessmentsCommand.Export.class,
                AssessmentsCommand.Import.class, AssessmentsCommand.Score.class})
final class AssessmentsCommand implements Runnable {

    static final List<String> COLUMNS = List.of("id", "revision", "title", "status", "template", "template_version",
            "subject", "department", "level", "risk_percent", "progress", "review_due", "updated_at");

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "Name a subcommand: list, export, import or score.");
    }

    /** The assessment ID names, or empty after saying on stderr that the workbench has none such. */
    static Optional<Assessment> found(WorkbenchSession s, CliContext ctx, String id, Integer revision) {
        Optional<Assessment> a = find(s, id, revision);
        if (a.isEmpty()) {
            ctx.err().println("No assessment " + id + (revision == null ? "" : " revision " + revision) + " in "
                    + s.file().getFileName() + ".");
        }
        return a;
    }

    /** ID is a reference (the latest revision) or REFERENCE@REVISION. */
    static Optional<Assessment> find(WorkbenchSession s, String id, Integer revision) {
        String reference = id;
        int rev = revision == null ? 0 : revision;
        int at = id.lastIndexOf('@');
        if (at > 0) {
            reference = id.substring(0, at);
            try {
                rev = Integer.parseInt(id.substring(at + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return s.assessments().find(reference, rev);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the assessments, every revision.")
    static final class ListAssessments implements Callable<Integer> {
        @ParentCommand
        AssessmentsCommand parent;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: draft, submitted,"
                + " changes-requested, approved, approved-with-conditions, rejected.")
        String status;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            AssessmentStatus wanted = null;
            if (status != null) {
                wanted = CodedValue.parse(AssessmentStatus.class, status);
                if (wanted == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "'" + status
                            + "' is not a status (" + CodedValue.codes(AssessmentStatus.class) + ")");
                }
            }
            try (WorkbenchSession s = parent.root.open(Access.READ_ONLY, false)) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (Assessment a : s.assessments().list(wanted)) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("id", a.reference());
                    m.put("revision", String.valueOf(a.revision()));
                    m.put("title", a.title());
                    m.put("status", a.status().code());
                    m.put("template", a.templateId());
                    m.put("template_version", a.templateVersion());
                    m.put("subject", a.subject().name());
                    m.put("department", a.subject().department());
                    m.put("level", a.riskLevel() == null ? "" : a.riskLevel());
                    m.put("risk_percent", String.valueOf(a.riskPercent()));
                    m.put("progress", String.valueOf(Math.round(a.progress() * 100)));
                    m.put("review_due", a.reviewDue() == null ? "" : a.reviewDue().toString());
                    m.put("updated_at", a.updatedAt().toString());
                    rows.add(m);
                }
                RecordOutput.print(parent.root.context().out(), f, COLUMNS, rows);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes one assessment revision as JSON: template (with its file), subject, answers with"
                    + " notes and evidence (files inside), risks, actions and workflow.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        AssessmentsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The reference (AS-2026-001), or REF@REVISION.")
        String id;

        @Parameters(index = "1", paramLabel = "OUT.json")
        Path out;

        @Option(names = "--revision", paramLabel = "N", description = "The revision (default: the latest).")
        Integer revision;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            try (WorkbenchSession s = parent.root.open(Access.READ_ONLY, false)) {
                Optional<Assessment> a = found(s, ctx, id, revision);
                if (a.isEmpty()) {
                    return ExitCode.REJECTED;
                }
                int files = s.assessmentExchange().export(a.get().key(), out);
                ctx.out().println("Exported " + a.get().label() + " to " + out + (files > 0 ? " with " + files
                        + " evidence file(s)" : "") + ".");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports an assessment exported as JSON. Importing an export again changes nothing.",
                    "Made with a template version not installed here (or with --latest), the answers are mapped by",
                    "question id onto the newest version as a new draft, and what could not be mapped is listed."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        AssessmentsCommand parent;

        @Parameters(paramLabel = "FILE.json")
        Path file;

        @Option(names = "--latest", description = "Map the answers onto the newest installed template version.")
        boolean latest;

        @Option(names = "--as-new", description = "Import under a new reference when the file's is taken.")
        boolean asNew;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            try (WorkbenchSession s = parent.root.open(Access.READ_WRITE, false)) {
                AssessmentExchange.Imported r = s.assessmentExchange().importFile(file, latest, asNew);
                Assessment a = r.assessment();
                switch (r.kind()) {
                    case UNCHANGED -> ctx.out().println(a.label() + " is already in the workbench exactly as in "
                            + file.getFileName() + "; nothing changed.");
                    case CREATED -> ctx.out().println("Imported " + a.label() + " (" + a.status().code() + ") from "
                            + file.getFileName() + ".");
                    case MAPPED -> ctx.out().println("Imported " + a.label() + " as a draft on " + a.templateId() + " "
                            + a.templateVersion() + ", answers mapped by question id.");
                    case COPIED -> ctx.out().println("Imported a copy as " + a.label() + " (a draft; " + file.getFileName()
                            + " names an assessment this workbench holds with other content).");
                }
                for (Assessments.Unmapped u : r.unmapped()) {
                    ctx.out().println("  not mapped: " + u.questionId() + (u.value().isEmpty() ? "" : " = "
                            + u.value().replace('\n', ';')) + " — " + u.reason());
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Prints an assessment's section, principle and overall scores and its level: the"
                    + " workbench's own estimate, from showing answered questions only.")
    static final class Score implements Callable<Integer> {
        @ParentCommand
        AssessmentsCommand parent;

        @Parameters(paramLabel = "ID", description = "The reference (AS-2026-001), or REF@REVISION.")
        String id;

        @Option(names = "--revision", paramLabel = "N")
        Integer revision;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            try (WorkbenchSession s = parent.root.open(Access.READ_ONLY, false)) {
                Optional<Assessment> a = found(s, ctx, id, revision);
                if (a.isEmpty()) {
                    return ExitCode.REJECTED;
                }
                AssessmentRecord r = s.assessments().load(a.get().key()).orElseThrow();
                AssessmentTemplate t = s.assessments().templateOf(a.get());
                ScoreCard card = s.assessments().score(r);
                var out = ctx.out();
                out.println(a.get().label() + " — " + a.get().title());
                out.println("Template: " + t.title().en() + " " + t.version() + " (" + t.method().code()
                        + " scoring). The workbench's own estimate; the frameworks prescribe no score.");
                out.println();
                out.println("Sections:");
                for (Tally x : card.sections()) {
                    out.println(line(x));
                }
                if (!card.principles().isEmpty()) {
                    out.println("Principles:");
                    for (Tally x : card.principles()) {
                        out.println(line(x));
                    }
                }
                out.println("Overall:");
                out.println(line(card.overall()));
                out.println();
                if (!card.hasResult()) {
                    out.println("Level: none yet (no scored question answered).");
                } else {
                    out.println("Level: " + card.level().title().en() + " (risk " + card.riskPercent() + "%"
                            + (card.knockOuts().isEmpty() ? "" : "; forced by knock-out answers to "
                            + String.join(", ", card.knockOuts())) + ")");
                    if (!card.level().recommendation().isEmpty()) {
                        out.println("Recommendation: " + card.level().recommendation().en());
                    }
                }
                if (card.needsThirdLine()) {
                    out.println("Approval needs the third line of defence (IT board or CIO).");
                }
                if (card.hiddenAnswers() > 0) {
                    out.println(card.hiddenAnswers() + " answer(s) to hidden questions are kept and not counted.");
                }
                return ExitCode.OK;
            }
        }

        private static String line(Tally x) {
            String pct = x.percent() < 0 ? "  —" : String.format(Locale.ROOT, "%3d%%", x.percent());
            return String.format(Locale.ROOT, "  %-48s %s  %d/%d points, %d of %d answered", x.title().en(), pct,
                    x.points(), x.max(), x.answered(), x.showing());
        }
    }
}
