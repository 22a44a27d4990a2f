package org.custodian.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every CSV import takes: a dry run, the file's character set, and where rejected rows go. */
final class CsvImportOptions {

    @Option(names = "--dry-run", description = "Check every row and report; change nothing.")
    boolean dryRun;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The file's character set (default ${DEFAULT-VALUE}; e.g. Big5-HKSCS).")
    String encoding;

    @Option(names = "--errors", paramLabel = "OUT.csv",
            description = "Write the rejected rows here, with status and details columns in front.")
    Path errors;

    /** The named character set, or a usage error naming it. */
    Charset charset(Object command) {
        try {
            return encoding.equalsIgnoreCase("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "Unknown encoding '" + encoding
                    + "' (try UTF-8 or Big5-HKSCS).");
        }
    }
}
