package org.custodian.cli;

import org.custodian.logic.workbench.ProductVersion;
import picocli.CommandLine.IVersionProvider;

/** Gives picocli the product version for --version. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Custodian " + ProductVersion.current()};
    }
}
