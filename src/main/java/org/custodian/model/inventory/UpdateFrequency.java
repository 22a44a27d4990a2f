package org.custodian.model.inventory;

/** How often a dataset is updated, with the matching term of the EU frequency vocabulary DCAT catalogues use. */
public enum UpdateFrequency implements CodedValue {
    REAL_TIME("UPDATE_CONT"),
    HOURLY("HOURLY"),
    DAILY("DAILY"),
    WEEKLY("WEEKLY"),
    FORTNIGHTLY("BIWEEKLY"),
    MONTHLY("MONTHLY"),
    QUARTERLY("QUARTERLY"),
    HALF_YEARLY("ANNUAL_2"),
    ANNUALLY("ANNUAL"),
    IRREGULAR("IRREG");

    private static final String VOCABULARY = "http://publications.europa.eu/resource/authority/frequency/";

    private final String euTerm;

    UpdateFrequency(String euTerm) {
        this.euTerm = euTerm;
    }

    @Override
    public String labelKey() {
        return "dataset.frequency." + name();
    }

    /** The frequency's URI in the EU vocabulary ({@code dct:accrualPeriodicity}). */
    public String euUri() {
        return VOCABULARY + euTerm;
    }

    /** Also reads the words portals use ("Daily", "Every 15 minutes", "Yearly", "Ad hoc"); null if none fits. */
    public static UpdateFrequency parseLenient(String text) {
        UpdateFrequency exact = CodedValue.parse(UpdateFrequency.class, text);
        if (exact != null || text == null) {
            return exact;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.contains("minute") || t.contains("real") || t.contains("continu")) {
            return REAL_TIME;
        }
        if (t.contains("hour")) {
            return HOURLY;
        }
        if (t.startsWith("day") || t.equals("everyday")) {
            return DAILY;
        }
        if (t.contains("fortnight") || t.contains("biweek") || t.contains("bi-week")) {
            return FORTNIGHTLY;
        }
        if (t.contains("week")) {
            return WEEKLY;
        }
        if (t.contains("month")) {
            return MONTHLY;
        }
        if (t.contains("quarter")) {
            return QUARTERLY;
        }
        if (t.contains("half") || t.contains("semi")) {
            return HALF_YEARLY;
        }
        if (t.contains("year") || t.contains("annual")) {
            return ANNUALLY;
        }
        if (t.contains("irregular") || t.contains("ad hoc") || t.contains("as needed") || t.contains("as required")) {
            return IRREGULAR;
        }
        return null;
    }
}
