package org.custodian.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|csv|json} option every command that prints a list takes. */
final class ListFormat {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, csv or json (default ${DEFAULT-VALUE}).")
    String format;

    /** The chosen format, or a usage error naming it. */
    RecordOutput.Format of(Object command) {
        return RecordOutput.format(format, command);
    }
}
