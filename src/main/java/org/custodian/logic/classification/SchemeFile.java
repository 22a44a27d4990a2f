package org.custodian.logic.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.tree.LocatedTree;
import org.custodian.logic.io.tree.TreeChecker;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.ExchangeMechanism;
import org.custodian.model.classification.HandlingRules;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;

/**
 * Reads a classification scheme file (YAML or JSON; the bundled {@code hk-government.yaml} shows the format) and
 * checks all of it, so a department sees every problem at once, each with its line and field path.
 */
public final class SchemeFile {

    /** The schemes shipped in the jar, by id. */
    public static final List<String> BUNDLED = List.of("hk-government", "official");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> ROOT_KEYS = Set.of("scheme", "name", "levels");
    private static final Set<String> LEVEL_KEYS = Set.of("code", "label", "colour", "marking", "handling");
    private static final Set<String> HANDLING_KEYS = Set.of("encryption_at_rest", "open_data", "mechanisms",
            "classification_review", "access_review", "downgrade_approval");

    /** The scheme when the file has no problem, every problem otherwise. */
    public record Result(ClassificationScheme scheme, List<FileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private SchemeFile() {
    }

    /**
     * Reads and checks a scheme file.
     *
     * @throws InputRejectedException when it is not well-formed YAML or JSON
     */
    public static Result read(String source, InputStream in) {
        return check(LocatedTree.read(source, in));
    }

    /** Reads and checks a scheme file a person chose (see {@link LocatedTree#read(Path)}). */
    public static Result read(Path file) throws IOException {
        return check(LocatedTree.read(file));
    }

    /** One of {@link #BUNDLED}. */
    public static ClassificationScheme bundled(String id) {
        String resource = "/org/custodian/schemes/" + id + ".yaml";
        try (InputStream in = SchemeFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled scheme '" + id + "' (bundled: " + BUNDLED + ")");
            }
            Result r = read(id + ".yaml", in);
            if (!r.valid()) {
                throw new IllegalStateException("the bundled scheme " + id + " is broken: " + r.problems());
            }
            return r.scheme();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result check(LocatedTree tree) {
        Checker c = new Checker(tree);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            c.problem("", "the file must be a mapping with scheme, name and levels");
            return new Result(null, c.problems());
        }
        if (tree.duplicateKey() != null) {
            c.problem(tree.duplicateKey(), "this key is written twice; keep one");
        }
        c.unknownKeys(root, "", ROOT_KEYS);
        String id = c.text(root, "scheme");
        if (id != null && !ID.matcher(id).matches()) {
            c.problem("scheme", "'" + id + "' is not a scheme id (lower-case letters, digits and hyphens, up to 40)");
        }
        String[] name = c.labels(root, "name");
        JsonNode levels = root.get("levels");
        List<ClassificationLevel> parsed = new ArrayList<>();
        if (levels == null || levels.isNull()) {
            c.problem("levels", "missing: list the levels, lowest first");
        } else if (!levels.isArray() || levels.size() < 2) {
            c.problem("levels", "must be a list of at least two levels, lowest first");
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < levels.size(); i++) {
                ClassificationLevel level = c.level(levels.get(i), "levels[" + i + "]", i, codes);
                if (level != null) {
                    parsed.add(level);
                }
            }
        }
        if (!c.problems().isEmpty()) {
            return new Result(null, c.problems());
        }
        return new Result(new ClassificationScheme(id, name[0], name[1], parsed), List.of());
    }

    private static final class Checker extends TreeChecker {

        Checker(LocatedTree tree) {
            super(tree);
        }

        /** A period in whole months (P1Y, P6M, P1Y6M), or null for "none". */
        Period interval(JsonNode parent, String path, String key, boolean[] ok) {
            JsonNode n = parent.get(key);
            String at = path(path, key);
            if (n == null) {
                problem(at, "missing: write a period such as P1Y or P6M, or none");
                ok[0] = false;
                return null;
            }
            if (n.isNull() || "none".equalsIgnoreCase(n.asText().strip())) {
                return null;
            }
            String s = n.asText().strip().toUpperCase(Locale.ROOT);
            try {
                Period p = Period.parse(s);
                if (p.getDays() != 0 || p.toTotalMonths() <= 0 || p.toTotalMonths() > 120) {
                    throw new DateTimeParseException("not whole months", s, 0);
                }
                return p.normalized();
            } catch (DateTimeParseException e) {
                problem(at, "'" + n.asText() + "' is not a period of whole months between P1M and P10Y (write P1Y,"
                        + " P6M or P18M), or none");
                ok[0] = false;
                return null;
            }
        }

        ClassificationLevel level(JsonNode n, String at, int rank, Set<String> codes) {
            if (!n.isObject()) {
                problem(at, "each level must be a mapping with code, label, colour, marking and handling");
                return null;
            }
            int before = problems.size();
            unknownKeys(n, at, LEVEL_KEYS);
            String code = text(n, at, "code");
            if (code != null) {
                code = code.toUpperCase(Locale.ROOT);
                if (code.length() > 40 || !code.matches("[A-Z0-9][A-Z0-9 _-]*")) {
                    problem(path(at, "code"), "'" + code + "' is not a level code (letters, digits, spaces,"
                            + " hyphens; up to 40)");
                } else if (!codes.add(code.replaceAll("[\\s_-]+", " "))) {
                    // TOP_SECRET and TOP SECRET are one level to every lookup: they may not be two.
                    problem(path(at, "code"), "level " + code + " appears twice (spaces, hyphens and underscores"
                            + " count as one)");
                }
            }
            String[] label = labels(n, at, "label");
            String colour = text(n, at, "colour");
            if (colour != null && !COLOUR.matcher(colour).matches()) {
                problem(path(at, "colour"), "'" + colour + "' is not a colour (write it as #rrggbb)");
            }
            String marking = text(n, at, "marking");
            JsonNode h = n.get("handling");
            String hp = path(at, "handling");
            HandlingRules rules = null;
            if (h == null || !h.isObject()) {
                problem(hp, "missing: the level's handling rules (" + String.join(", ",
                        HANDLING_KEYS.stream().sorted().toList()) + ")");
            } else {
                unknownKeys(h, hp, HANDLING_KEYS);
                Boolean encryption = flag(h, hp, "encryption_at_rest");
                Boolean openData = flag(h, hp, "open_data");
                Boolean approval = flag(h, hp, "downgrade_approval");
                Set<ExchangeMechanism> mechanisms = EnumSet.noneOf(ExchangeMechanism.class);
                JsonNode m = h.get("mechanisms");
                if (m == null || !m.isArray()) {
                    problem(path(hp, "mechanisms"), "must list the exchange mechanisms allowed (from "
                            + CodedValue.codes(ExchangeMechanism.class) + "), [] for none");
                } else {
                    for (int i = 0; i < m.size(); i++) {
                        ExchangeMechanism em = CodedValue.parse(ExchangeMechanism.class, m.get(i).asText());
                        if (em == null) {
                            problem(path(hp, "mechanisms") + "[" + i + "]", "'" + m.get(i).asText()
                                    + "' is not a mechanism (expected one of "
                                    + CodedValue.codes(ExchangeMechanism.class) + ")");
                        } else {
                            mechanisms.add(em);
                        }
                    }
                }
                boolean[] ok = {true};
                Period classificationReview = interval(h, hp, "classification_review", ok);
                Period accessReview = interval(h, hp, "access_review", ok);
                if (encryption != null && openData != null && approval != null && ok[0]) {
                    rules = new HandlingRules(encryption, openData, mechanisms, classificationReview, accessReview,
                            approval);
                }
            }
            if (problems.size() > before || rules == null) {
                return null;
            }
            return new ClassificationLevel(code, rank, label[0], label[1], colour.toLowerCase(Locale.ROOT), marking,
                    rules);
        }
    }
}
