package org.custodian.logic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.custodian.store.Database;
import org.custodian.store.RawBaseline;
import org.custodian.store.ReferenceRepository;

/**
 * Measures the foundation's costs against raw SQLite in the same run: audited writes against a plain batch
 * insert, the chain walk against a plain scan, the verified backup against a byte copy, and opening a file
 * (integrity quick check, schema check) against a plain connection, and the encrypted backup against both
 * copies. Prints ratios; seconds on a shared machine are noise.
 */
public final class StoreBenchmark {

    private final Path folder;
    private final int events;

    public StoreBenchmark(Path folder, int events) {
        this.folder = folder;
        this.events = events;
    }

    public Map<String, String> run() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String[]> rows = rows(events);
        out.put("events", Integer.toString(events));

        // Three alternating rounds on fresh files; the best of each side counts, so neither side of the ratio
        // pays alone for the JIT's warm-up or for a neighbour's burst on this shared machine.
        Path raw = folder.resolve("raw.db");
        Path app = folder.resolve("bench-workbench.db");
        long rawNs = Long.MAX_VALUE;
        long auditedNs = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            deleteWithSidecars(raw);
            rawNs = Math.min(rawNs, RawBaseline.insertOrganisations(raw, rows));
            deleteWithSidecars(app);
            auditedNs = Math.min(auditedNs, auditedInsert(app, rows));
        }
        out.put("raw_insert_rows_per_s", Figures.perSecond(events, rawNs));
        out.put("audited_insert_rows_per_s", Figures.perSecond(events, auditedNs));
        out.put("audited_vs_raw_insert", Figures.ratio((double) rawNs / auditedNs));

        long verifyNs;
        try (Database db = Database.open(app, Access.READ_ONLY, "bench", false)) {
            long start = System.nanoTime();
            ChainVerdict verdict = db.verifyAuditChain(null, null);
            verifyNs = System.nanoTime() - start;
            if (!verdict.isIntact()) {
                throw new IllegalStateException("the benchmark's own chain is broken: " + verdict.problem());
            }
        }
        long scanNs = RawBaseline.scanAuditTable(app);
        out.put("verify_events_per_s", Figures.perSecond(events, verifyNs));
        out.put("raw_scan_events_per_s", Figures.perSecond(events, scanNs));
        out.put("verify_vs_raw_scan", Figures.ratio((double) verifyNs / scanNs));

        searchFigures(app, out);

        long openNs = best(3, () -> {
            long start = System.nanoTime();
            try (Database db = Database.open(app, Access.READ_WRITE, "bench", false)) {
                db.auditEventCount();
            }
            return System.nanoTime() - start;
        });
        long rawOpenNs = best(3, () -> RawBaseline.openAndQuery(app));
        out.put("open_ms", Figures.millis(openNs));
        out.put("raw_open_ms", Figures.millis(rawOpenNs));
        out.put("open_vs_raw_open", Figures.ratio((double) openNs / rawOpenNs));

        Path backup = folder.resolve("bench-backup.db");
        Path copy = folder.resolve("bench-copy.db");
        deleteWithSidecars(backup);
        long backupNs;
        try (Database db = Database.open(app, Access.READ_ONLY, "bench", false)) {
            long start = System.nanoTime();
            db.backupTo(backup, false);
            backupNs = System.nanoTime() - start;
        }
        long copyNs = RawBaseline.copyFile(app, copy);
        out.put("file_mb", String.format(java.util.Locale.ROOT, "%.1f", Files.size(app) / 1e6));
        out.put("verified_backup_ms", Figures.millis(backupNs));
        out.put("raw_copy_ms", Figures.millis(copyNs));
        out.put("backup_vs_raw_copy", Figures.ratio((double) backupNs / copyNs));

        // The encrypted backup: the same verified copy, zipped and sealed (AES-256-GCM), then read back in full;
        // two key derivations (PBKDF2, 600,000 rounds) are a fixed cost on top.
        Path sealed = folder.resolve("bench-backup.cbk");
        Files.deleteIfExists(sealed);
        long sealedNs;
        try (org.custodian.logic.workbench.WorkbenchSession s = org.custodian.logic.workbench.WorkbenchSession.open(
                app, Access.READ_ONLY, "bench", false)) {
            long start = System.nanoTime();
            s.backups().backupEncrypted(sealed, true, "a passphrase for the benchmark".toCharArray(),
                    org.custodian.logic.io.WorkProgress.NONE);
            sealedNs = System.nanoTime() - start;
        }
        out.put("encrypted_backup_ms", Figures.millis(sealedNs));
        out.put("encrypted_vs_verified_backup", Figures.ratio((double) sealedNs / backupNs));
        out.put("encrypted_vs_raw_copy", Figures.ratio((double) sealedNs / copyNs));
        Files.deleteIfExists(sealed);
        Files.deleteIfExists(org.custodian.store.BackupManifests.besideOf(backup));
        Files.deleteIfExists(folder.resolve("backups")); // made empty for the sealed backup's plain copy
        for (Path p : List.of(raw, app, backup, copy)) {
            deleteWithSidecars(p);
        }
        return out;
    }

    /**
     * The audit log screen's reads on the whole log: the first page, a page deep in it, one record's history, a
     * word in the states, a day's events, their counts and the filters' choices (best of three, in ms).
     */
    private void searchFigures(Path app, Map<String, String> out) throws IOException {
        try (Database db = Database.open(app, Access.READ_ONLY, "bench", false)) {
            String code = "bench-" + (events / 2);
            java.time.Instant now = java.time.Instant.now();
            AuditFilter record = AuditFilter.forRecord(null, code);
            AuditFilter text = new AuditFilter(null, null, null, null, null, null, "Housing " + (events / 3));
            AuditFilter lastHour = AuditFilter.ALL.between(now.minusSeconds(3600), now);
            AuditFilter nothing = new AuditFilter(null, null, null, null, null, null, "no-such-word");
            out.put("audit_first_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(AuditFilter.ALL,
                    100, 0)))));
            out.put("audit_deep_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(AuditFilter.ALL,
                    100, events / 2)))));
            out.put("audit_count_ms", Figures.millis(best(3, () -> timed(() -> db.auditCount(AuditFilter.ALL)))));
            out.put("audit_record_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(record, 100, 0)))));
            out.put("audit_record_count_ms", Figures.millis(best(3, () -> timed(() -> db.auditCount(record)))));
            out.put("audit_text_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(text, 100, 0)))));
            out.put("audit_text_count_ms", Figures.millis(best(3, () -> timed(() -> db.auditCount(text)))));
            out.put("audit_no_match_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(nothing, 100,
                    0)))));
            out.put("audit_range_page_ms", Figures.millis(best(3, () -> timed(() -> db.auditPage(lastHour, 100,
                    0)))));
            out.put("audit_range_count_ms", Figures.millis(best(3, () -> timed(() -> db.auditCount(lastHour)))));
            out.put("audit_choices_ms", Figures.millis(best(3, () -> timed(db::auditChoices))));
            if (db.auditPage(record, 100, 0).isEmpty()) {
                throw new IllegalStateException("the benchmark's record " + code + " has no history");
            }
        }
    }

    private static long timed(Runnable read) {
        long start = System.nanoTime();
        read.run();
        return System.nanoTime() - start;
    }

    private static void deleteWithSidecars(Path p) throws IOException {
        Files.deleteIfExists(p);
        for (String suffix : new String[] {"-wal", "-shm", ".lock"}) {
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
        }
    }

    /** Inserts the rows as the app does: one transaction, one audit event per record; returns ns. */
    private static long auditedInsert(Path file, List<String[]> rows) {
        try (Database db = Database.open(file, Access.READ_WRITE, "bench", true)) {
            ReferenceRepository repo = new ReferenceRepository(db);
            long start = System.nanoTime();
            db.inTransaction(tx -> {
                for (String[] r : rows) {
                    repo.insert(tx, ReferenceList.ORGANISATION, r[0], r[1], r[2]);
                }
                return null;
            });
            return System.nanoTime() - start;
        }
    }

    /** Realistic bilingual organisation names, deterministic. */
    static List<String[]> rows(int n) {
        String[] en = {"Department", "Bureau", "Office", "Authority", "Council", "Commission", "Agency"};
        String[] topic = {"Transport", "Health", "Housing", "Environment", "Lands", "Water Supplies", "Education"};
        String[] tc = {"運輸", "衞生", "房屋", "環境", "地政", "水務", "教育"};
        String[] kind = {"署", "局", "辦公室", "管理局", "委員會", "事務委員會", "處"};
        Random random = new Random(42);
        List<String[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int t = random.nextInt(topic.length);
            int k = random.nextInt(en.length);
            rows.add(new String[] {"bench-" + i, topic[t] + " " + en[k] + " " + i, tc[t] + kind[k] + i});
        }
        return rows;
    }

    private interface Timed {
        long ns() throws IOException;
    }

    private static long best(int runs, Timed timed) throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, timed.ns());
        }
        return best;
    }
}
