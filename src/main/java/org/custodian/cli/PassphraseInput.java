package org.custodian.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.custodian.logic.io.InputRejectedException;
import picocli.CommandLine.Option;

/**
 * Where an encrypted backup's passphrase comes from: the first line of {@code --passphrase-file}, else asked on the
 * terminal without echo. Never an option value, which would stay in the shell's history and the process list.
 */
final class PassphraseInput {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE instead of asking for it.")
    Path passphraseFile;

    /** The passphrase; when {@code confirm}, asked twice on a terminal (a typo would lock the backup for good). */
    char[] read(boolean confirm) {
        if (passphraseFile != null) {
            try {
                if (Files.size(passphraseFile) > 4096) {
                    throw new InputRejectedException(passphraseFile + " is too large for a passphrase file.");
                }
                String text = Files.readString(passphraseFile, StandardCharsets.UTF_8);
                // An editor's byte-order mark is not part of what the person typed.
                String first = text.replaceFirst("^\uFEFF", "").lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new InputRejectedException(passphraseFile + " has no passphrase on its first line.");
                }
                return first.toCharArray();
            } catch (java.nio.charset.MalformedInputException e) {
                throw new InputRejectedException(passphraseFile + " is not UTF-8 text.");
            } catch (IOException e) {
                throw new InputRejectedException("Cannot read the passphrase file " + passphraseFile + ": "
                        + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new InputRejectedException("No terminal to ask for the passphrase on; give --passphrase-file FILE.");
        }
        char[] first = console.readPassword("Passphrase: ");
        if (first == null || first.length == 0) {
            throw new InputRejectedException("No passphrase given; nothing was done.");
        }
        if (confirm) {
            char[] again = console.readPassword("The same passphrase again: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new InputRejectedException("The two passphrases differ; nothing was written.");
            }
        }
        return first;
    }
}
