package org.custodian.ui.classification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.custodian.model.classification.Criterion;
import org.custodian.model.classification.DecisionCheck;
import org.custodian.model.classification.DecisionContext;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.DecisionValidator;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.I18n;

/**
 * What the reclassify dialog holds: every field of a decision as text, checked by the same
 * {@link DecisionValidator} as {@code classify} and the importers. It says, as the level changes, whether an
 * approver is needed and what the review date defaults to. A refused save keeps everything typed.
 */
final class ReclassifyForm {

    final StringProperty level = new SimpleStringProperty("");
    final StringProperty rationale = new SimpleStringProperty("");
    final StringProperty proposedBy = new SimpleStringProperty("");
    final StringProperty decidedBy = new SimpleStringProperty("");
    final BooleanProperty proposal = new SimpleBooleanProperty(false);
    final StringProperty approvedBy = new SimpleStringProperty("");
    final StringProperty justification = new SimpleStringProperty("");
    final StringProperty effectiveFrom = new SimpleStringProperty("");
    final StringProperty reviewDue = new SimpleStringProperty("");
    final StringProperty declassifyOn = new SimpleStringProperty("");
    final StringProperty declassifyEvent = new SimpleStringProperty("");
    final Map<Criterion, BooleanProperty> ticked = new EnumMap<>(Criterion.class);
    final Map<Criterion, StringProperty> notes = new EnumMap<>(Criterion.class);
    /** Messages by field name (the CSV column names), empty when the field is fine. */
    final Map<String, StringProperty> errors = new HashMap<>();
    /** Whether the chosen level needs an approver and a justification, and why (shown above those fields). */
    final BooleanProperty approvalNeeded = new SimpleBooleanProperty(false);
    final StringProperty approvalReason = new SimpleStringProperty("");
    /** The review date the decision gets when the field is left empty. */
    final StringProperty defaultReviewDue = new SimpleStringProperty("");

    final DecisionContext context;
    private final I18n i18n;
    private final DecisionValidator validator = new DecisionValidator();

    ReclassifyForm(DecisionContext context, String actor, I18n i18n) {
        this.context = context;
        this.i18n = i18n;
        for (Criterion c : Criterion.values()) {
            ticked.put(c, new SimpleBooleanProperty(false));
            notes.put(c, new SimpleStringProperty(""));
            errors.put(c.header(), new SimpleStringProperty(""));
        }
        for (String f : List.of(DecisionInput.LEVEL, DecisionInput.RATIONALE, DecisionInput.PROPOSED_BY,
                DecisionInput.DECIDED_BY, DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION,
                DecisionInput.EFFECTIVE_FROM, DecisionInput.REVIEW_DUE, DecisionInput.DECLASSIFY_ON,
                DecisionInput.DECLASSIFY_EVENT)) {
            errors.put(f, new SimpleStringProperty(""));
        }
        decidedBy.set(actor == null ? "" : actor);
        effectiveFrom.set(context.today().toString());
        level.addListener((o, a, b) -> levelChanged());
        effectiveFrom.addListener((o, a, b) -> levelChanged());
        levelChanged();
    }

    /** Confirming a proposal: its content, to be decided (and approved where the rules ask) by this user. */
    void fromProposal(org.custodian.model.classification.ClassificationDecision p) {
        level.set(p.level());
        rationale.set(p.rationale());
        p.criteria().forEach((c, note) -> {
            ticked.get(c).set(true);
            notes.get(c).set(note);
        });
        proposedBy.set(p.proposedBy() == null ? "" : p.proposedBy());
        approvedBy.set(p.approvedBy() == null ? "" : p.approvedBy());
        justification.set(p.justification() == null ? "" : p.justification());
        declassifyOn.set(p.declassifyOn() == null ? "" : p.declassifyOn().toString());
        declassifyEvent.set(p.declassifyEvent() == null ? "" : p.declassifyEvent());
    }

    /** A review of the current level: the same level, a rationale to write. */
    void asReview() {
        if (context.current() != null) {
            level.set(context.current().code());
        }
    }

    ClassificationLevel chosen() {
        return context.scheme().level(level.get()).orElse(null);
    }

    private void levelChanged() {
        ClassificationLevel chosen = chosen();
        DecisionValidator.ApprovalReason reason = DecisionValidator.approvalReason(context.current(), chosen,
                context.highestSource());
        approvalNeeded.set(reason != DecisionValidator.ApprovalReason.NONE);
        approvalReason.set(switch (reason) {
            case NONE -> "";
            case DOWNGRADE -> i18n.tr("classify.approval.downgrade", name(context.current()), name(chosen));
            case BELOW_SOURCE -> i18n.tr("classify.approval.belowSource", String.join(", ", context.sourceCodes()),
                    name(context.highestSource()));
        });
        LocalDate from;
        try {
            from = effectiveFrom.get() == null || effectiveFrom.get().isBlank() ? context.today()
                    : LocalDate.parse(effectiveFrom.get().strip());
        } catch (DateTimeParseException e) {
            from = context.today();
        }
        defaultReviewDue.set(chosen == null || chosen.rules().classificationReview() == null ? ""
                : from.plus(chosen.rules().classificationReview()).toString());
    }

    private String name(ClassificationLevel l) {
        return i18n.chinese() ? l.nameTc() : l.nameEn();
    }

    DecisionInput input() {
        Map<Criterion, String> criteria = new EnumMap<>(Criterion.class);
        ticked.forEach((c, on) -> {
            if (on.get()) {
                criteria.put(c, notes.get(c).get() == null ? "" : notes.get(c).get());
            }
        });
        return new DecisionInput(level.get(), rationale.get(), criteria, proposedBy.get(), decidedBy.get(),
                approvedBy.get(), justification.get(), effectiveFrom.get(), reviewDue.get(), declassifyOn.get(),
                declassifyEvent.get(), proposal.get());
    }

    /**
     * Checks every field and shows each message; true when the decision can be recorded. A backdated decision
     * is judged on approval by the store, against the level in force on its date (this form knows today's).
     */
    boolean check() {
        DecisionCheck check = validator.check(input(), context);
        List<Problem> problems = check.problems();
        if (backdated()) {
            problems = problems.stream().filter(p -> !p.key().startsWith("validation.decision.approval.")
                    && !p.key().startsWith("validation.decision.justification.")).toList();
        }
        show(problems);
        return problems.isEmpty();
    }

    private boolean backdated() {
        try {
            String t = effectiveFrom.get();
            return t != null && !t.isBlank() && LocalDate.parse(t.strip()).isBefore(context.today());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Shows problems (from the check here, or from the store refusing it later). */
    void show(List<Problem> problems) {
        errors.values().forEach(e -> e.set(""));
        for (Problem p : problems) {
            StringProperty e = errors.get(p.field());
            if (e == null) {
                e = errors.get(DecisionInput.LEVEL);
            }
            if (e.get().isEmpty()) {
                e.set(i18n.problem(p));
            }
        }
    }
}
