package org.custodian.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ("development build" when run from classes). */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Custodian " + version()};
    }
}
