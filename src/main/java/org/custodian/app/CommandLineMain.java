package org.custodian.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.custodian.cli.CliContext;
import org.custodian.cli.CustodianCli;

/** The headless face: runs one command against the user's paths and returns its exit code. */
final class CommandLineMain {

    private CommandLineMain() {
    }

    static int run(UserPaths paths, String actor, String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return CustodianCli.execute(new CliContext(paths.defaultWorkbench(), actor, out, err), args);
    }
}
