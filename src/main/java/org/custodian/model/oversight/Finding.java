package org.custodian.model.oversight;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing a rule found wrong: the records involved (the first is the one to fix), the department it belongs to
 * (for filtering; null when none is recorded) and the values its message names. A value that is a
 * {@link org.custodian.model.inventory.CodedValue} is shown in the reader's language.
 */
public record Finding(FindingRule rule, List<RecordRef> records, String department, List<Object> args,
                      Severity severity) {

    public Finding {
        records = List.copyOf(records);
        args = List.copyOf(args);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a finding names at least one record");
        }
    }

    /** A finding at its rule's severity. */
    public Finding(FindingRule rule, List<RecordRef> records, String department, List<Object> args) {
        this(rule, records, department, args, rule.severity());
    }

    /**
     * What an acceptance refers to: the rule, the records' ids and the facts the message states (a level, a due
     * date, an expiry; not the days left or a status on the way). The same problem on the same records stays
     * accepted while they change in other ways; a new record, or a new fact (the next review falling overdue, the
     * dataset raised again), is a new finding.
     */
    public String key() {
        StringBuilder key = new StringBuilder(rule.id()).append(':').append(records.stream()
                .map(r -> r.id().toString()).sorted().collect(Collectors.joining("+")));
        for (int i = 0; i < args.size(); i++) {
            if (!rule.passing(i)) {
                Object a = args.get(i);
                key.append('|').append(a instanceof org.custodian.model.inventory.CodedValue v ? v.code()
                        : a instanceof LevelName l ? l.code() : String.valueOf(a));
            }
        }
        return key.toString();
    }

    /** The records' codes or references, as the command line and the accepted list print them. */
    public String recordLabels() {
        return records.stream().map(RecordRef::label).collect(Collectors.joining(", "));
    }
}
