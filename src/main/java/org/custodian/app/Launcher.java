package org.custodian.app;

import java.util.List;

/**
 * The jar's main class. With no arguments (or only {@code --db FILE}) it opens the window; with a command it
 * works headless. A plain class rather than the JavaFX {@code Application}, so {@code java -jar} works from the
 * classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        UserPaths paths = UserPaths.fromEnvironment();
        Logging.configure(paths);
        if (opensWindow(List.of(args))) {
            WorkbenchApp.launchWindow(args);
        } else {
            System.exit(CommandLineMain.run(paths, OsAccount.current(), args));
        }
    }

    static boolean opensWindow(List<String> args) {
        if (args.isEmpty()) {
            return true;
        }
        if (args.size() == 2 && args.get(0).equals("--db")) {
            return true;
        }
        return args.size() == 1 && args.get(0).startsWith("--db=");
    }
}
