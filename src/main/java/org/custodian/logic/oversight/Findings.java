package org.custodian.logic.oversight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.custodian.model.oversight.Severity;
import org.custodian.store.Database;

/** The findings of the cross-register rules (being built in this change; counts only so far). */
public final class Findings {

    private final Database database;

    public Findings(Database database) {
        this.database = database;
    }

    /** How many findings are open (not accepted) on {@code today}, per severity; every severity is present. */
    public Map<Severity, Integer> openBySeverity(LocalDate today) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        return counts;
    }
}
