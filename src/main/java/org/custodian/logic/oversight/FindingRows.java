package org.custodian.logic.oversight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.report.ReportLanguage;

/**
 * Findings as rows with the same columns wherever they leave the workbench (the {@code findings} command's CSV and
 * JSON, the window's CSV export): the rule and severity, the records' codes, the department, open or accepted, and
 * the message and fix in English and Chinese.
 */
public final class FindingRows {

    public static final List<String> COLUMNS = List.of("severity", "rule", "records", "department", "status",
            "accepted_until", "accepted_by", "acceptance_reason", "message", "message_zh", "fix", "fix_zh");

    private final FindingText english = new FindingText(ReportLanguage.EN);
    private final FindingText chinese = new FindingText(ReportLanguage.ZH);

    /** One finding's row; {@code records} is a list (JSON keeps it an array, CSV joins it). */
    public Map<String, Object> row(FindingState state) {
        Finding f = state.finding();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().code());
        m.put("rule", f.rule().id());
        m.put("records", f.records().stream().map(RecordRef::label).toList());
        m.put("department", f.department() == null ? "" : f.department());
        m.put("status", state.open() ? "open" : "accepted");
        m.put("accepted_until", state.open() ? "" : state.acceptance().expiresOn().toString());
        m.put("accepted_by", state.open() ? "" : state.acceptance().acceptedBy());
        m.put("acceptance_reason", state.open() ? "" : state.acceptance().reason());
        m.put("message", english.message(f));
        m.put("message_zh", chinese.message(f));
        m.put("fix", english.fix(f));
        m.put("fix_zh", chinese.fix(f));
        return m;
    }

    /** Writes the findings as CSV (UTF-8 with a byte order mark, formulas neutralised), whole or not at all. */
    public void writeCsv(List<FindingState> findings, Path target) throws IOException {
        AtomicOutput.write(target, out -> {
            try (SafeCsvWriter csv = new SafeCsvWriter(out, COLUMNS, true)) {
                for (FindingState s : findings) {
                    Map<String, Object> row = row(s);
                    List<String> cells = new ArrayList<>();
                    for (String c : COLUMNS) {
                        Object v = row.get(c);
                        cells.add(v instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf)
                                .toList()) : String.valueOf(v));
                    }
                    csv.row(cells);
                }
            }
        });
    }
}
