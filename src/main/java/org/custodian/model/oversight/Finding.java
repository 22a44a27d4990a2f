package org.custodian.model.oversight;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing a rule found wrong: the records involved (the first is the one to fix), the department it belongs to
 * (for filtering; null when none is recorded) and the values its message names. A value that is a
 * {@link org.custodian.model.inventory.CodedValue} is shown in the reader's language.
 */
public record Finding(FindingRule rule, List<RecordRef> records, String department, List<Object> args) {

    public Finding {
        records = List.copyOf(records);
        args = List.copyOf(args);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a finding names at least one record");
        }
    }

    public Severity severity() {
        return rule.severity();
    }

    /**
     * What an acceptance refers to: the rule and the records' ids, so the same problem on the same records stays
     * accepted while those records change in other ways, and a new record with the same problem does not.
     */
    public String key() {
        return rule.id() + ":" + records.stream().map(r -> r.id().toString()).sorted()
                .collect(Collectors.joining("+"));
    }

    /** The records' codes or references, as the command line and the accepted list print them. */
    public String recordLabels() {
        return records.stream().map(RecordRef::label).collect(Collectors.joining(", "));
    }
}
