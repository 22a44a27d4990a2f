package org.custodian.logic.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.io.ImportFile;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.model.assessment.AssessmentTemplate;

/**
 * The templates a user can start an assessment from: those bundled in the jar and the department's own files in
 * its templates folder. A broken department file is listed with its problems rather than hidden.
 */
public final class TemplateCatalog {

    /** The templates shipped in the jar, by id. */
    public static final List<String> BUNDLED = List.of("ethical-ai", "pcpd-ai-ethics", "privacy-impact",
            "cross-boundary-transfer");

    /** Where a template came from. */
    public enum Origin { BUNDLED, DEPARTMENT }

    /** One template file: the template when it reads, else its problems. */
    public record Entry(Origin origin, String file, AssessmentTemplate template, byte[] source,
            List<FileProblem> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return template != null;
        }
    }

    private final Path departmentFolder;

    public TemplateCatalog(Path departmentFolder) {
        this.departmentFolder = departmentFolder;
    }

    public Path departmentFolder() {
        return departmentFolder;
    }

    /** Every template, bundled first, each group by id and version. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (String id : BUNDLED) {
            out.add(bundled(id));
        }
        out.addAll(department());
        return out;
    }

    /** The readable templates, newest version of each id first within its id. */
    public List<Entry> usable() {
        return entries().stream().filter(Entry::valid)
                .sorted(Comparator.comparing((Entry e) -> e.template().id())
                        .thenComparing((Entry e) -> e.template().version(),
                                (a, b) -> compareVersions(b, a)))
                .toList();
    }

    /** The template with this id and version, if installed. */
    public Optional<Entry> find(String id, String version) {
        return entries().stream().filter(Entry::valid)
                .filter(e -> e.template().id().equals(id) && e.template().version().equals(version)).findFirst();
    }

    /** The newest installed version of a template id. */
    public Optional<Entry> latest(String id) {
        return entries().stream().filter(Entry::valid).filter(e -> e.template().id().equals(id))
                .max(Comparator.comparing(e -> e.template().version(), TemplateCatalog::compareVersions));
    }

    private static final java.util.Map<String, Entry> BUNDLED_ENTRIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A bundled template, read once: the jar's files do not change while it runs. */
    public static Entry bundled(String id) {
        return BUNDLED_ENTRIES.computeIfAbsent(id, TemplateCatalog::readBundled);
    }

    private static Entry readBundled(String id) {
        String resource = "/org/custodian/templates/" + id + ".yaml";
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled template '" + id + "' (bundled: " + BUNDLED + ")");
            }
            byte[] bytes = in.readAllBytes();
            TemplateFile.Result r = TemplateFile.read(id + ".yaml", bytes);
            if (!r.valid()) {
                throw new IllegalStateException("the bundled template " + id + " is broken: " + r.problems());
            }
            return new Entry(Origin.BUNDLED, id + ".yaml", r.template(), bytes, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Entry> department() {
        if (departmentFolder == null || !Files.isDirectory(departmentFolder)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(departmentFolder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(f) || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
                    continue;
                }
                out.add(readDepartmentFile(f, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Entry readDepartmentFile(Path f, String name) {
        try {
            byte[] bytes = ImportFile.check(f, ImportFile.Limit.DEFINITION).readAll();
            TemplateFile.Result r = TemplateFile.read(name, bytes);
            return new Entry(Origin.DEPARTMENT, name, r.template(), bytes, r.problems());
        } catch (InputRejectedException e) {
            // The message reads "name, line N: why" (or "name is …"); keep the line as data and the file name once.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(name)
                    + "(?:, line (\\d+))?:? (.*)$", java.util.regex.Pattern.DOTALL).matcher(e.getMessage());
            int line = m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
            String why = m.matches() ? m.group(2) : e.getMessage();
            return new Entry(Origin.DEPARTMENT, name, null, null, List.of(new FileProblem(name, line, "", why)));
        } catch (IOException e) {
            return new Entry(Origin.DEPARTMENT, name, null, null,
                    List.of(new FileProblem(name, 0, "", "cannot be read (" + e.getMessage() + ")")));
        }
    }

    /** Compares versions numerically part by part ("1.10" is after "1.9"). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
