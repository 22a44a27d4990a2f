package org.custodian.model.assessment;

import java.util.List;
import org.custodian.model.inventory.CodedValue;

/** The four answers of a yes/no question. */
public enum YesNo implements CodedValue {
    YES, NO, PARTIAL, NA;

    public static final List<String> VALUES = List.of("yes", "no", "partial", "na");

    @Override
    public String labelKey() {
        return "assessment.yesNo." + code();
    }
}
