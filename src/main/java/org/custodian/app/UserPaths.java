package org.custodian.app;

import java.nio.file.Path;

/**
 * Where Custodian keeps a user's files: {@code $CUSTODIAN_HOME}, else {@code ~/.custodian} (the system property
 * {@code custodian.home} wins over both, for tests).
 */
public record UserPaths(Path home) {

    public static UserPaths fromEnvironment() {
        String property = System.getProperty("custodian.home");
        if (property != null && !property.isBlank()) {
            return new UserPaths(Path.of(property).toAbsolutePath());
        }
        String env = System.getenv("CUSTODIAN_HOME");
        if (env != null && !env.isBlank()) {
            return new UserPaths(Path.of(env).toAbsolutePath());
        }
        return new UserPaths(Path.of(System.getProperty("user.home"), ".custodian").toAbsolutePath());
    }

    public Path defaultWorkbench() {
        return home.resolve("workbench.db");
    }

    /** The department's own assessment templates. */
    public Path templates() {
        return home.resolve("templates");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path settings() {
        return home.resolve("settings.properties");
    }
}
