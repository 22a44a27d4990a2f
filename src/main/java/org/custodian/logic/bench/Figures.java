package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;

/** How the benchmarks time work and print figures, the same way in each. */
final class Figures {

    /** A piece of work to time. */
    interface Timed {
        void run() throws Exception;
    }

    private Figures() {
    }

    static long time(Timed t) {
        long start = System.nanoTime();
        try {
            t.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark step failed: " + e.getMessage(), e);
        }
        return System.nanoTime() - start;
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String perSecond(long n, long ns) {
        return String.format(Locale.ROOT, "%.0f", n / (ns / 1e9));
    }

    static String millis(long ns) {
        return String.format(Locale.ROOT, "%.2f", ns / 1e6);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
    }

    /** A new, migrated workbench at {@code file} with the reference lists the generated datasets point at. */
    static void freshWorkbench(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        try (WorkbenchSession s = WorkbenchSession.open(file, Access.READ_WRITE, "bench", true)) {
            s.sample().loadReferenceLists();
        }
    }
}
