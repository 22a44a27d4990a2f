package org.custodian.logic.workbench;

/** This build's version, from the jar's manifest ("development build" when run from classes). */
public final class ProductVersion {

    private ProductVersion() {
    }

    public static String current() {
        String v = ProductVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
