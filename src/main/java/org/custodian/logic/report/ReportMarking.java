package org.custodian.logic.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.model.inventory.ClassificationLevel;

/**
 * The marking a report carries: the highest level of any data it includes, or a higher one the user asks for.
 * A lower one is refused: a report must never say its data is less sensitive than it is.
 */
final class ReportMarking {

    private ReportMarking() {
    }

    /**
     * @param levels    the scheme's levels
     * @param dataLevel the level codes of the data included (unknown codes and nulls are skipped)
     * @param requested the level the user asked for, or null
     */
    static ClassificationLevel resolve(List<ClassificationLevel> levels, Collection<String> dataLevel,
                                       String requested) {
        ClassificationLevel lowest = levels.stream().min(Comparator.comparingInt(ClassificationLevel::rank))
                .orElseThrow(() -> new IllegalStateException("The workbench has no classification scheme"));
        ClassificationLevel data = dataLevel.stream().filter(Objects::nonNull).map(code -> find(levels, code))
                .filter(Objects::nonNull).max(Comparator.comparingInt(ClassificationLevel::rank)).orElse(lowest);
        if (requested == null) {
            return data;
        }
        ClassificationLevel asked = find(levels, requested);
        if (asked == null) {
            throw new InputRejectedException("Unknown marking '" + requested + "': the scheme's levels are "
                    + String.join(", ", levels.stream().map(ClassificationLevel::code).toList()) + ".");
        }
        if (asked.rank() < data.rank()) {
            throw new InputRejectedException("The report includes " + data.code() + " data, so it cannot be marked "
                    + asked.code() + ": a marking may raise the report's level, never lower it.");
        }
        return asked;
    }

    static ClassificationLevel find(List<ClassificationLevel> levels, String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.strip();
        return levels.stream().filter(l -> l.code().equalsIgnoreCase(wanted)
                || l.code().replace('_', ' ').equalsIgnoreCase(wanted.replace('_', ' ').replace('-', ' ')))
                .findFirst().orElse(null);
    }
}
