package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** What the commands need from the application: the default workbench file, the OS account, and the streams. */
public record CliContext(Path defaultWorkbench, String actor, PrintWriter out, PrintWriter err) {
}
