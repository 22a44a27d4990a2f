package org.custodian.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** A day given on the command line (YYYY-MM-DD): a usage error naming the option when it is not one. */
final class DayOption {

    private DayOption() {
    }

    /** The day {@code text} names, or null when it is null. */
    static LocalDate parse(Object command, String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(new CommandLine(command),
                    option + ": '" + text + "' is not a date; write it as YYYY-MM-DD.");
        }
    }
}
