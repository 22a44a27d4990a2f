package org.custodian.model.oversight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every finding of the rules on a day, each open or accepted, in rule order. */
public record FindingList(LocalDate day, List<FindingState> findings) {

    public FindingList {
        findings = List.copyOf(findings);
    }

    public List<FindingState> open() {
        return findings.stream().filter(FindingState::open).toList();
    }

    public List<FindingState> accepted() {
        return findings.stream().filter(f -> !f.open()).toList();
    }

    /** Open findings per severity; every severity is present. */
    public Map<Severity, Integer> openBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (FindingState f : findings) {
            if (f.open()) {
                counts.merge(f.finding().severity(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Whether a high-severity finding is open: the {@code findings} command then exits 1. */
    public boolean highOpen() {
        return openBySeverity().get(Severity.HIGH) > 0;
    }
}
