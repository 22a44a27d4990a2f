package org.custodian.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.report.ReportContent;
import org.custodian.logic.report.ReportOutcome;
import org.custodian.logic.report.Reports;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.report.PaperSize;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Printable reports: PDF (A4 or Letter), one self-contained HTML file, or the tables as CSV,",
                "chosen by the file name. Every page carries the marking of the highest level of the data included;",
                "the fingerprint (SHA-256 of the content) is printed in the footer, recorded in the audit chain and",
                "written on stdout."},
        subcommands = {ReportCommand.AssessmentReport.class, ReportCommand.InventoryReport.class,
                ReportCommand.AgreementsReport.class, ReportCommand.ReviewsReport.class, ReportCommand.Verify.class})
final class ReportCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "Name a subcommand: assessment, inventory, agreements, reviews or verify.");
    }

    /** The options every report takes. */
    static final class Layout {
        @Option(names = "--lang", paramLabel = "en|zh|both", defaultValue = "en",
                description = "The report's language: en, zh (Traditional Chinese) or both side by side"
                        + " (default ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--marking", paramLabel = "LEVEL", description = "Mark the report at this level; it may raise"
                + " the level of the data included, never lower it (refused, exit 1).")
        String marking;

        @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4",
                description = "Paper size (default ${DEFAULT-VALUE}).")
        String paper;

        @Option(names = "--font", paramLabel = "FILE", description = "A TrueType font (.ttf or .ttc) with Traditional"
                + " Chinese characters (default: the system's, e.g. WenQuanYi Micro Hei or Microsoft JhengHei).")
        Path font;

        ReportOptions options(Object command) {
            ReportLanguage lang = CodedValue.parse(ReportLanguage.class, language);
            if (lang == null) {
                throw new CommandLine.ParameterException(new CommandLine(command),
                        "Unknown language '" + language + "': use en, zh or both.");
            }
            PaperSize size = CodedValue.parse(PaperSize.class, paper);
            if (size == null) {
                throw new CommandLine.ParameterException(new CommandLine(command),
                        "Unknown paper '" + paper + "': use a4 or letter.");
            }
            if (font != null) {
                try {
                    org.custodian.logic.io.pdf.ReportFont.check(font);
                } catch (org.custodian.logic.io.pdf.ReportFontException e) {
                    throw new CommandLine.ParameterException(new CommandLine(command), e.getMessage());
                }
            }
            return new ReportOptions(lang, size, marking);
        }
    }

    static ReportFormat format(Object command, Path out, boolean csvAllowed) {
        ReportFormat f = ReportFormat.ofFileName(out.getFileName().toString());
        if (f == null || (!csvAllowed && f == ReportFormat.CSV)) {
            throw new CommandLine.ParameterException(new CommandLine(command), "Cannot tell the format from '"
                    + out.getFileName() + "': name the file .pdf, .html" + (csvAllowed ? " or .csv." : "."));
        }
        return f;
    }

    /** Writes the report and says what was written: the summary on stderr, the fingerprint on stdout. */
    static int write(CliContext ctx, WorkbenchSession session, ReportContent content, ReportFormat format, Path out,
                     Path font) throws java.io.IOException {
        ReportOutcome o = session.reports().write(content, format, out, font, WorkProgress.NONE);
        String pages = o.pages() > 0 ? o.pages() + " page" + (o.pages() == 1 ? "" : "s") + ", " : "";
        ctx.err().println("Wrote " + out + " (" + pages + "marked " + o.marking() + (o.auditSequence() < 0
                ? "; not recorded: the workbench is open read-only" : ", audit event #" + o.auditSequence()) + ").");
        if (!o.missingCharacters().isEmpty()) {
            ctx.err().println("Warning: the font lacks " + String.join(" ", o.missingCharacters())
                    + "; printed as ?. Choose another font with --font.");
        }
        ctx.out().println(o.fingerprint());
        return ExitCode.OK;
    }

    /** What a subcommand asks for: its content from the open workbench, or null when it said why it has none. */
    @FunctionalInterface
    interface Builder {
        ReportContent build(WorkbenchSession session, ReportOptions options);
    }

    /** Checks the file name and options, opens the workbench, builds the report and writes it. */
    int run(Object command, Path out, Layout layout, Builder builder) throws java.io.IOException {
        ReportFormat f = format(command, out, true);
        ReportOptions options = layout.options(command);
        try (WorkbenchSession session = root.open(Access.READ_WRITE, false)) {
            ReportContent content = builder.build(session, options);
            return content == null ? ExitCode.REJECTED : write(root.context(), session, content, f, out, layout.font);
        }
    }

    @Command(name = "assessment", mixinStandardHelpOptions = true,
            description = "The assessment report: cover, summary and charts, answers, risks, actions, workflow and"
                    + " a sign-off block.")
    static final class AssessmentReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Parameters(index = "0", paramLabel = "ID", description = "The assessment's reference (its latest revision)"
                + " or REFERENCE@REVISION.")
        String id;

        @Parameters(index = "1", paramLabel = "OUT", description = "OUT.pdf, OUT.html or OUT.csv (the answers).")
        Path out;

        @CommandLine.Mixin
        Layout layout;

        @Override
        public Integer call() throws Exception {
            return report.run(this, out, layout, (session, options) -> {
                Optional<Assessment> a = AssessmentsCommand.found(session, report.root.context(), id, null);
                return a.isEmpty() ? null : session.reports().assessment(a.get().key(), options);
            });
        }
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true,
            description = "The inventory register: the (filtered) datasets grouped by department, in landscape.")
    static final class InventoryReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Parameters(paramLabel = "OUT", description = "OUT.pdf, OUT.html or OUT.csv.")
        Path out;

        @CommandLine.Mixin
        DatasetFilters filters;

        @CommandLine.Mixin
        Layout layout;

        @Override
        public Integer call() throws Exception {
            return report.run(this, out, layout, (session, options) -> {
                filters.check(this, session);
                return session.reports().inventory(filters.query(org.custodian.model.inventory.DatasetSort.DEPARTMENT),
                        filters.describe(), options);
            });
        }
    }

    @Command(name = "agreements", mixinStandardHelpOptions = true,
            description = "The register of sharing agreements (filtered), with those expiring within 90 days marked.")
    static final class AgreementsReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Parameters(paramLabel = "OUT", description = "OUT.pdf, OUT.html or OUT.csv.")
        Path out;

        @CommandLine.Mixin
        AgreementsCommand.Filters filters;

        @CommandLine.Mixin
        Layout layout;

        @Override
        public Integer call() throws Exception {
            return report.run(this, out, layout, (session, options) -> session.reports().agreements(
                    filters.query(this, session.sharing().today()), filters.describe(), options));
        }
    }

    @Command(name = "reviews", mixinStandardHelpOptions = true,
            description = "The classification and access reviews due, overdue first, with a line to sign.")
    static final class ReviewsReport implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Parameters(paramLabel = "OUT", description = "OUT.pdf, OUT.html or OUT.csv.")
        Path out;

        @Option(names = "--within", paramLabel = "DAYS",
                description = "Reviews due within this many days (overdue ones always; default: every one).")
        Integer within;

        @CommandLine.Mixin
        Layout layout;

        @Override
        public Integer call() throws Exception {
            if (within != null && within < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--within takes 0 or more days.");
            }
            return report.run(this, out, layout, (session, options) -> session.reports().reviews(
                    org.custodian.model.classification.ReviewQuery.dueWithin(session.classification().today(), within),
                    options));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks a report against the audit chain: give the PDF or HTML file, or the fingerprint",
                    "read off a printed copy. Exit 0 when the workbench recorded it, 1 when it did not."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Parameters(paramLabel = "FILE|FINGERPRINT", description = "A report file, or its 64-character fingerprint.")
        String what;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = report.root.context();
            String compact = what.strip().toLowerCase(Locale.ROOT).replace(" ", "");
            boolean isFingerprint = compact.matches("[0-9a-f]{64}");
            if (!isFingerprint && !java.nio.file.Files.exists(Path.of(what))) {
                throw new CommandLine.ParameterException(new CommandLine(this), "'" + what + "' is neither a report"
                        + " file nor a 64-character fingerprint.");
            }
            try (WorkbenchSession session = report.root.open(Access.READ_ONLY, false)) {
                String name = session.file().getFileName().toString();
                if (isFingerprint) {
                    java.util.List<AuditEvent> events = session.reports().recorded(compact);
                    print(ctx, events);
                    if (events.isEmpty()) {
                        ctx.err().println("Fingerprint " + compact + " is not recorded in " + name
                                + ": this workbench did not produce that report.");
                        return ExitCode.REJECTED;
                    }
                    ctx.err().println("Fingerprint " + compact + " was recorded " + events.size() + " time"
                            + (events.size() == 1 ? "" : "s") + ".");
                    return ExitCode.OK;
                }
                Reports.Verification v = session.reports().verify(Path.of(what));
                print(ctx, v.events());
                if (v.events().isEmpty()) {
                    ctx.err().println(what + ": fingerprint " + v.fingerprint() + " is not recorded in " + name
                            + ": this workbench did not produce that report.");
                    return ExitCode.REJECTED;
                }
                if (!v.fileUnchanged()) {
                    ctx.err().println(what + ": fingerprint " + v.fingerprint() + " is recorded, but the file is not"
                            + " the one written: it was changed afterwards.");
                    return ExitCode.REJECTED;
                }
                ctx.err().println(what + " is the report recorded with fingerprint " + v.fingerprint() + ".");
                return ExitCode.OK;
            }
        }

        private static void print(CliContext ctx, java.util.List<AuditEvent> events) {
            for (AuditEvent e : events) {
                ctx.out().println("#" + e.sequence() + " " + e.occurredAt() + " " + e.actor() + " " + e.after());
            }
        }
    }
}
