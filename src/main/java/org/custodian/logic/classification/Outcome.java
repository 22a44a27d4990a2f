package org.custodian.logic.classification;

import java.util.List;
import org.custodian.model.validation.Problem;

/** What a classification action did: the record it wrote, or the problems that refused it (nothing written). */
public record Outcome<T>(T record, List<Problem> problems) {

    public Outcome {
        problems = List.copyOf(problems);
    }

    public static <T> Outcome<T> done(T record) {
        return new Outcome<>(record, List.of());
    }

    public static <T> Outcome<T> refused(List<Problem> problems) {
        return new Outcome<>(null, problems);
    }

    public static <T> Outcome<T> refused(Problem problem) {
        return new Outcome<>(null, List.of(problem));
    }

    public boolean isDone() {
        return problems.isEmpty();
    }

    /** The problems in English, one per line, for the command line and logs. */
    public String describe() {
        return String.join("\n", problems.stream().map(p -> (p.field() == null || p.field().isEmpty() ? ""
                : p.field() + ": ") + p.english()).toList());
    }
}
