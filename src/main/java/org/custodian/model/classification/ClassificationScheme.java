package org.custodian.model.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodian.model.inventory.ClassificationLevel;

/** A named, ordered list of levels (lowest first): the Hong Kong scheme, OFFICIAL / SECRET / TOP SECRET, … */
public record ClassificationScheme(String id, String nameEn, String nameTc, List<ClassificationLevel> levels) {

    public ClassificationScheme {
        levels = levels.stream().sorted(Comparator.comparingInt(ClassificationLevel::rank)).toList();
    }

    /** The level with this code, ignoring case. */
    public Optional<ClassificationLevel> level(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return levels.stream().filter(l -> l.code().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public String codes() {
        return String.join(", ", levels.stream().map(ClassificationLevel::code).toList());
    }

    public ClassificationLevel highest() {
        return levels.get(levels.size() - 1);
    }
}
