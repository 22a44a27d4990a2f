package org.custodian.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the command line, with what it printed; the default workbench lives under {@code dir}. */
record CliRun(int exit, String out, String err) {

    static CliRun of(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
