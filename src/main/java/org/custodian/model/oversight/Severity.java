package org.custodian.model.oversight;

/** How urgent a finding is: high ones gate a release (the {@code findings} command exits 1 while one is open). */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
        return "finding.severity." + name();
    }

    /** The severity a code names ({@code high}, {@code medium}, {@code low}; any case), or null. */
    public static Severity ofCode(String code) {
        for (Severity s : values()) {
            if (s.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return s;
            }
        }
        return null;
    }
}
