package org.custodian.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.assessment.TemplateFile;
import org.custodian.logic.io.FileProblem;
import org.custodian.model.assessment.AssessmentTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Assessment templates: list the bundled and department templates, or check a template file.",
        subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Validate.class})
final class TemplatesCommand implements Runnable {

    static final List<String> COLUMNS = List.of("id", "version", "title", "title_zh", "origin", "questions", "file",
            "problems");

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: list or validate.");
    }

    /** The department's templates sit beside the default workbench, in {@code templates/}. */
    static TemplateCatalog catalog(CliContext ctx) {
        return new TemplateCatalog(ctx.defaultWorkbench().toAbsolutePath().getParent().resolve("templates"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the bundled templates and those in the department folder (~/.custodian/templates/),"
                    + " with each one's id, version and title; a broken department file is listed with its problems.")
    static final class ListTemplates implements Callable<Integer> {
        @ParentCommand
        TemplatesCommand templates;

        @CommandLine.Mixin
        ListFormat listFormat;

        @Override
        public Integer call() throws Exception {
            RecordOutput.Format f = listFormat.of(this);
            CliContext ctx = templates.root.context();
            List<Map<String, String>> rows = new ArrayList<>();
            for (TemplateCatalog.Entry e : catalog(ctx).entries()) {
                Map<String, String> m = new LinkedHashMap<>();
                AssessmentTemplate t = e.template();
                m.put("id", t == null ? "" : t.id());
                m.put("version", t == null ? "" : t.version());
                m.put("title", t == null ? "" : t.title().en());
                m.put("title_zh", t == null ? "" : t.title().zh());
                m.put("origin", e.origin().name().toLowerCase(java.util.Locale.ROOT));
                m.put("questions", t == null ? "" : String.valueOf(t.questions().size()));
                m.put("file", e.file());
                m.put("problems", String.join(" | ", e.problems().stream().map(FileProblem::describe).toList()));
                rows.add(m);
            }
            RecordOutput.print(ctx.out(), f, COLUMNS, rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks a template file and prints every problem with its YAML line and field path; exit 1"
                    + " when there is one.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        TemplatesCommand templates;

        @Parameters(paramLabel = "FILE", description = "The template file (.yaml or .yml).")
        Path file;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = templates.root.context();
            TemplateFile.Result result = TemplateFile.read(file);
            for (FileProblem p : result.problems()) {
                ctx.err().println(p.describe());
            }
            if (!result.valid()) {
                ctx.err().println(result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems")
                        + "; the template cannot be used until they are fixed.");
                return ExitCode.REJECTED;
            }
            AssessmentTemplate t = result.template();
            ctx.out().println(file.getFileName() + ": a valid template, " + t.id() + " version " + t.version() + ", with "
                    + t.sections().size() + " sections and " + t.questions().size() + " questions (SHA-256 "
                    + t.hash().substring(0, 12) + "…).");
            return ExitCode.OK;
        }
    }
}
