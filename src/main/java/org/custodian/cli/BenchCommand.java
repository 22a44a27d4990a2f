package org.custodian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.logic.bench.StoreBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks on generated data, printed as key=value lines with ratios against raw SQLite",
                "measured in the same run. Uses a scratch folder; never touches the workbench file."},
        subcommands = {BenchCommand.Store.class, BenchCommand.InventoryBench.class, BenchCommand.ClassificationBench.class,
                BenchCommand.SharingBench.class,
                BenchCommand.AssessmentBench.class, BenchCommand.ReportBench.class, BenchCommand.DashboardBench.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    CustodianCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Name a benchmark: store, inventory, classification, sharing, assessment, report or dashboard.");
    }

    /** The folder a benchmark may fill: the one given, or a new temporary one. */
    Path scratch(Path dir) throws java.io.IOException {
        return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("custodian-bench");
    }

    /** Prints the results as key=value lines, in order. */
    int print(Map<String, String> results) {
        results.forEach((k, v) -> root.context().out().println(k + "=" + v));
        return ExitCode.OK;
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Audited writes, chain verification, opening and verified backup against raw SQLite.")
    static final class Store implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--events", paramLabel = "N", defaultValue = "100000",
                description = "How many audited records to write (default ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            if (events < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--events must be at least 1");
            }
            return bench.print(new StoreBenchmark(bench.scratch(dir), events).run());
        }
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true,
            description = {"The dataset inventory at size: CSV import against a raw batch insert, search latency",
                    "against the raw index query and a LIKE scan, the first page, the heap after loading."})
    static final class InventoryBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--datasets", paramLabel = "N", defaultValue = "100000",
                description = "How many datasets to generate (default ${DEFAULT-VALUE}).")
        int datasets;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            if (datasets < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--datasets must be at least 1");
            }
            return bench.print(new org.custodian.logic.bench.InventoryBenchmark(bench.scratch(dir), datasets).run());
        }
    }

    @Command(name = "classification", mixinStandardHelpOptions = true,
            description = {"The reviews-due queue over every classified dataset, reclassifying one dataset at a time",
                    "and the decisions export and re-import, against raw SQLite."})
    static final class ClassificationBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--datasets", paramLabel = "N", defaultValue = "100000",
                description = "How many generated datasets (default ${DEFAULT-VALUE}).")
        int datasets;

        @Option(names = "--decisions", paramLabel = "N", defaultValue = "300",
                description = "How many datasets to reclassify one by one (default ${DEFAULT-VALUE}).")
        int decisions;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            if (datasets < 10 || decisions < 1 || decisions * 2 > datasets) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--datasets must be at least 10 and at least twice --decisions (at least 1)");
            }
            return bench.print(new org.custodian.logic.bench.ClassificationBenchmark(bench.scratch(dir), datasets,
                    decisions).run());
        }
    }

    @Command(name = "sharing", mixinStandardHelpOptions = true,
            description = {"The agreements register: importing it, its page and search, the due list, a dataset's",
                    "agreements and the export and re-import, against raw SQLite."})
    static final class SharingBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--datasets", paramLabel = "N", defaultValue = "20000",
                description = "How many generated datasets (default ${DEFAULT-VALUE}).")
        int datasets;

        @Option(names = "--agreements", paramLabel = "N", defaultValue = "20000",
                description = "How many generated agreements (default ${DEFAULT-VALUE}).")
        int agreements;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            if (datasets < 10 || agreements < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--datasets must be at least 10 and --agreements at least 1");
            }
            return bench.print(new org.custodian.logic.bench.SharingBenchmark(bench.scratch(dir), datasets,
                    agreements).run());
        }
    }

    /** The generated long assessment both the answering and the report benchmarks work on. */
    static final class LongAssessment {
        @Option(names = "--questions", paramLabel = "N", defaultValue = "200",
                description = "How many questions the generated template has (default ${DEFAULT-VALUE}).")
        int questions;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        /** The number of questions, refused below five (the template needs one of each kind). */
        int questions(Object command) {
            if (questions < 5) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(command),
                        "--questions must be at least 5");
            }
            return questions;
        }
    }

    @Command(name = "assessment", mixinStandardHelpOptions = true,
            description = {"Answering a long assessment one answer at a time as autosave does, against plain upserts;",
                    "scoring it; its export and re-import."})
    static final class AssessmentBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @picocli.CommandLine.Mixin
        LongAssessment assessment;

        @Override
        public Integer call() throws Exception {
            int n = assessment.questions(this);
            return bench.print(new org.custodian.logic.bench.AssessmentBenchmark(bench.scratch(assessment.dir), n)
                    .run());
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"The assessment report of a long generated assessment as PDF: the first in the process and",
                    "warm ones, against PDFBox writing the same lines with the same font."})
    static final class ReportBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @picocli.CommandLine.Mixin
        LongAssessment assessment;

        @Override
        public Integer call() throws Exception {
            int n = assessment.questions(this);
            return bench.print(new org.custodian.logic.bench.ReportBenchmark(bench.scratch(assessment.dir), n).run());
        }
    }

    @Command(name = "dashboard", mixinStandardHelpOptions = true,
            description = {"The dashboard's figures on a generated workbench (datasets with their decisions and reviews,",
                    "and agreements): the first load and warm loads, against plain GROUP BY counts of the datasets."})
    static final class DashboardBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--datasets", paramLabel = "N", defaultValue = "100000",
                description = "How many generated datasets (default ${DEFAULT-VALUE}).")
        int datasets;

        @Option(names = "--agreements", paramLabel = "N", defaultValue = "5000",
                description = "How many generated agreements (default ${DEFAULT-VALUE}).")
        int agreements;

        @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a new temporary one).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            if (datasets < 10 || agreements < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--datasets must be at least 10 and --agreements at least 1");
            }
            return bench.print(new org.custodian.logic.bench.DashboardBenchmark(bench.scratch(dir), datasets,
                    agreements).run());
        }
    }
}
