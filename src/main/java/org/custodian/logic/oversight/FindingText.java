package org.custodian.logic.oversight;

import java.util.List;
import org.custodian.logic.report.ReportWords;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.LevelName;
import org.custodian.model.report.ReportLanguage;

/** A finding's title, message and fix in English or Chinese, from the window's bundles (for files and the CLI). */
public final class FindingText {

    private final ReportWords words;

    public FindingText(ReportLanguage language) {
        this.words = new ReportWords(language);
    }

    public String title(Finding f) {
        return words.t(f.rule().titleKey());
    }

    public String message(Finding f) {
        return words.t(f.rule().messageKey(), args(f.args()));
    }

    public String fix(Finding f) {
        return words.t(f.rule().fixKey());
    }


    private Object[] args(List<Object> args) {
        return args.stream().map(a -> a instanceof CodedValue v ? words.label(v)
                : a instanceof LevelName l ? words.pick(l.nameEn(), l.nameTc()) : a == null ? "" : a).toArray();
    }
}
