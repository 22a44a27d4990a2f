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

    /**
     * The level with this code, ignoring case; failing that, the one whose code matches when spaces, hyphens and
     * underscores count as one ({@code top_secret}, {@code Top-Secret}).
     */
    public Optional<ClassificationLevel> level(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        Optional<ClassificationLevel> exact = levels.stream()
                .filter(l -> l.code().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String loose = loose(wanted);
        return levels.stream().filter(l -> loose(l.code()).equals(loose)).findFirst();
    }

    /** The level with this code or name, in either language (a file may spell a level either way). */
    public Optional<ClassificationLevel> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<ClassificationLevel> byCode = level(text);
        if (byCode.isPresent()) {
            return byCode;
        }
        String loose = loose(text.strip());
        return levels.stream().filter(l -> loose(l.nameEn()).equals(loose) || l.nameTc().equals(text.strip()))
                .findFirst();
    }

    private static String loose(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }

    public String codes() {
        return String.join(", ", levels.stream().map(ClassificationLevel::code).toList());
    }

    public ClassificationLevel highest() {
        return levels.get(levels.size() - 1);
    }
}
