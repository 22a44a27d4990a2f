package org.custodian.ui.classification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.model.classification.AccessReviewValidator;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.I18n;

/** What the access-review dialog holds, checked by the same {@link AccessReviewValidator} as any importer. */
final class AccessReviewForm {

    final StringProperty reviewer = new SimpleStringProperty("");
    final StringProperty reviewedOn = new SimpleStringProperty("");
    final StringProperty scope = new SimpleStringProperty("");
    final StringProperty findings = new SimpleStringProperty("");
    final StringProperty actions = new SimpleStringProperty("");
    final StringProperty nextDue = new SimpleStringProperty("");
    final StringProperty defaultNextDue = new SimpleStringProperty("");
    final Map<String, StringProperty> errors = new HashMap<>();

    final ClassificationLevel level;
    private final UUID datasetId;
    private final String datasetCode;
    private final LocalDate today;
    private final I18n i18n;

    AccessReviewForm(UUID datasetId, String datasetCode, ClassificationLevel level, LocalDate today, String actor,
                     I18n i18n) {
        this.datasetId = datasetId;
        this.datasetCode = datasetCode;
        this.level = level;
        this.today = today;
        this.i18n = i18n;
        for (String f : List.of(AccessReviewInput.REVIEWER, AccessReviewInput.REVIEWED_ON, AccessReviewInput.SCOPE,
                AccessReviewInput.FINDINGS, AccessReviewInput.ACTIONS, AccessReviewInput.NEXT_DUE)) {
            errors.put(f, new SimpleStringProperty(""));
        }
        reviewer.set(actor == null ? "" : actor);
        reviewedOn.set(today.toString());
        reviewedOn.addListener((o, a, b) -> defaults());
        defaults();
    }

    private void defaults() {
        LocalDate on;
        try {
            on = LocalDate.parse(reviewedOn.get().strip());
        } catch (DateTimeParseException e) {
            on = today;
        }
        defaultNextDue.set(level == null || level.rules().accessReview() == null ? ""
                : on.plus(level.rules().accessReview()).toString());
    }

    AccessReviewInput input() {
        return new AccessReviewInput(reviewer.get(), reviewedOn.get(), scope.get(), findings.get(), actions.get(),
                nextDue.get());
    }

    boolean check() {
        AccessReviewValidator.Check check = new AccessReviewValidator().check(input(), datasetId, datasetCode, level,
                today);
        show(check.problems());
        return check.valid();
    }

    void show(List<Problem> problems) {
        errors.values().forEach(e -> e.set(""));
        for (Problem p : problems) {
            StringProperty e = errors.getOrDefault(p.field(), errors.get(AccessReviewInput.FINDINGS));
            if (e.get().isEmpty()) {
                e.set(i18n.problem(p));
            }
        }
    }
}
