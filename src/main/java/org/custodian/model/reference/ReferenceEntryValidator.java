package org.custodian.model.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.custodian.model.validation.FieldText;
import org.custodian.model.validation.Problem;

/** The rules for a reference entry, shared by the importer and any form that edits one. */
public final class ReferenceEntryValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_NAME = 300;

    public List<Problem> validate(String code, String nameEn, String nameTc) {
        List<Problem> problems = new ArrayList<>();
        if (code == null || code.isBlank()) {
            problems.add(Problem.of("code", "validation.required", "code is required", "code"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(Problem.of("code", "validation.reference.code",
                    "code '" + FieldText.shown(code) + "' may hold only letters, digits, '.', '_' and '-' (at most 64)",
                    FieldText.shown(code)));
        }
        boolean noEn = nameEn == null || nameEn.isBlank();
        boolean noTc = nameTc == null || nameTc.isBlank();
        if (noEn && noTc) {
            problems.add(Problem.of("name_en", "validation.reference.name",
                    "a name in English or Traditional Chinese is required"));
        }
        if (nameEn != null && nameEn.length() > MAX_NAME) {
            problems.add(Problem.of("name_en", "validation.tooLong", "name_en is longer than " + MAX_NAME
                    + " characters", "name_en", MAX_NAME));
        }
        if (nameTc != null && nameTc.length() > MAX_NAME) {
            problems.add(Problem.of("name_tc", "validation.tooLong", "name_tc is longer than " + MAX_NAME
                    + " characters", "name_tc", MAX_NAME));
        }
        return problems;
    }
}
