package org.custodian.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "scheme", mixinStandardHelpOptions = true,
        description = "The classification scheme: its levels and handling rules; check or load a scheme file.",
        subcommands = {SchemeCommand.Show.class, SchemeCommand.Validate.class, SchemeCommand.Load.class})
final class SchemeCommand implements Runnable {

    static final List<String> COLUMNS = List.of("rank", "code", "label_en", "label_zh", "colour", "marking",
            "encryption_at_rest", "open_data", "mechanisms", "classification_review", "access_review",
            "downgrade_approval");

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: show, validate or load.");
    }

    static List<Map<String, String>> rows(ClassificationScheme scheme) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ClassificationLevel l : scheme.levels()) {
            HandlingRules r = l.rules();
            Map<String, String> m = new LinkedHashMap<>();
            m.put("rank", String.valueOf(l.rank()));
            m.put("code", l.code());
            m.put("label_en", l.nameEn());
            m.put("label_zh", l.nameTc());
            m.put("colour", l.colour());
            m.put("marking", l.marking());
            m.put("encryption_at_rest", r.encryptionAtRest() ? "yes" : "no");
            m.put("open_data", r.openDataAllowed() ? "yes" : "no");
            m.put("mechanisms", String.join(";", r.mechanisms().stream().map(ExchangeMechanism::code).toList()));
            m.put("classification_review", r.classificationReview() == null ? "none" : r.classificationReview().toString());
            m.put("access_review", r.accessReview() == null ? "none" : r.accessReview().toString());
            m.put("downgrade_approval", r.downgradeNeedsApproval() ? "yes" : "no");
            rows.add(m);
        }
        return rows;
    }

    /** Reads a file or a bundled scheme; prints every problem and returns null when there is one. */
    static ClassificationScheme read(CliContext ctx, Path file, String bundled) throws java.io.IOException {
        if (bundled != null) {
            if (!SchemeFile.BUNDLED.contains(bundled)) {
                ctx.err().println("No bundled scheme '" + bundled + "'; bundled: " + String.join(", ", SchemeFile.BUNDLED)
                        + ".");
                return null;
            }
            return SchemeFile.bundled(bundled);
        }
        SchemeFile.Result result = SchemeFile.read(file);
        for (FileProblem p : result.problems()) {
            ctx.err().println(p.describe());
        }
        return result.scheme();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the workbench's scheme.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        SchemeCommand scheme;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            try (WorkbenchSession session = scheme.root.open(Access.READ_ONLY, false)) {
                ClassificationScheme s = session.classification().scheme();
                if (f == RecordOutput.Format.TEXT) {
                    scheme.root.context().out().println(s.nameEn() + " / " + s.nameTc() + " (" + s.id() + ")");
                }
                RecordOutput.print(scheme.root.context().out(), f, COLUMNS, rows(s));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks a scheme file (YAML or JSON) and prints every problem with its line and field; exit 1"
                    + " when there is one.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        SchemeCommand scheme;

        @Parameters(paramLabel = "FILE", description = "The scheme file (.yaml, .yml or .json).")
        Path file;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = scheme.root.context();
            ClassificationScheme s = read(ctx, file, null);
            if (s == null) {
                return ExitCode.REJECTED;
            }
            ctx.out().println(file.getFileName() + ": a valid scheme, " + s.id() + ", with " + s.levels().size()
                    + " levels (" + s.codes() + ").");
            return ExitCode.OK;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Makes a scheme file (or a bundled scheme) the workbench's scheme. Refused when it leaves",
                    "out a level that datasets or decisions use."})
    static final class Load implements Callable<Integer> {
        @ParentCommand
        SchemeCommand scheme;

        static final class Source {
            @Parameters(paramLabel = "FILE", description = "The scheme file (.yaml, .yml or .json).")
            Path file;

            @Option(names = "--bundled", paramLabel = "ID", description = "A bundled scheme: hk-government or official.")
            String bundled;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = scheme.root.context();
            ClassificationScheme s = read(ctx, source.file, source.bundled);
            if (s == null) {
                return ExitCode.REJECTED;
            }
            String from = source.bundled != null ? "bundled " + source.bundled : source.file.getFileName().toString();
            try (WorkbenchSession session = scheme.root.open(Access.READ_WRITE, false)) {
                Outcome<ClassificationScheme> outcome = session.classification().loadScheme(s, from);
                if (!outcome.isDone()) {
                    ctx.err().println("Not loaded: " + outcome.describe());
                    return ExitCode.REJECTED;
                }
                ctx.out().println("Loaded " + s.nameEn() + " (" + s.codes() + ") from " + from + ".");
                return ExitCode.OK;
            }
        }
    }
}
