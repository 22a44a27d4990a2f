package org.custodian.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.workbench.Access;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "flows", mixinStandardHelpOptions = true,
        description = "The data-flow map: organisations and the agreements between them.",
        subcommands = {FlowsCommand.Export.class})
final class FlowsCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a subcommand: export.");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the data-flow map as an SVG drawing: an arrow from each provider to each recipient",
                    "of an agreement, coloured by the highest level shared, dashed for personal data, a diamond on",
                    "cross-boundary flows, with a legend. Without filters: every type, agreements drafted, under",
                    "negotiation, active or suspended. The file is replaced whole, never half-written."})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        FlowsCommand flows;

        @Parameters(paramLabel = "OUT.svg", description = "The SVG file to write.")
        Path out;

        @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only these types (repeat or"
                + " separate with commas): inter-departmental-api, consented-exchange, commercial-interchange,"
                + " cross-boundary-transfer, contractor-processor, open-data-release, other.")
        List<String> types;

        @Option(names = "--status", paramLabel = "STATUS", split = ",", description = "Only these statuses: draft,"
                + " under-negotiation, active, suspended, expired, terminated.")
        List<String> statuses;

        @Option(names = "--language", paramLabel = "en|zh", description = "The language of the names and the"
                + " legend (default: en).")
        String language;

        @Override
        public Integer call() throws Exception {
            FlowFilter defaults = FlowFilter.current();
            FlowFilter filter = new FlowFilter(
                    types == null ? defaults.types() : parse(types, AgreementType.class, "type"),
                    statuses == null ? defaults.statuses() : parse(statuses, AgreementStatus.class, "status"));
            ReportLanguage lang = language();
            try (WorkbenchSession session = flows.root.open(Access.READ_ONLY, false)) {
                FlowMap map = session.dataFlows().map(filter);
                session.dataFlows().writeSvg(map, lang, out);
                flows.root.context().err().println("Wrote the data-flow map to " + out + ": "
                        + map.nodes().size() + " organisation" + (map.nodes().size() == 1 ? "" : "s") + ", "
                        + map.agreementCount() + " agreement" + (map.agreementCount() == 1 ? "" : "s") + ".");
                return ExitCode.OK;
            }
        }

        private ReportLanguage language() {
            if (language == null) {
                return ReportLanguage.EN;
            }
            return switch (language.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "en" -> ReportLanguage.EN;
                case "zh", "zh-tw", "zh-hk" -> ReportLanguage.ZH;
                default -> throw new CommandLine.ParameterException(new CommandLine(this),
                        "--language takes en or zh, not '" + language + "'.");
            };
        }

        private <E extends Enum<E> & CodedValue> Set<E> parse(List<String> values, Class<E> type, String what) {
            Set<E> set = EnumSet.noneOf(type);
            for (String v : values) {
                E e = CodedValue.parse(type, v);
                if (e == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "Unknown " + what + " '" + v
                            + "': use " + CodedValue.codes(type) + ".");
                }
                set.add(e);
            }
            return set;
        }
    }
}
