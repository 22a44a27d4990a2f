package org.custodian.logic.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.inventory.Inventory;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.csv.SafeCsvWriter;
import org.custodian.logic.io.pdf.PdfDocumentWriter;
import org.custodian.logic.io.pdf.ReportFont;
import org.custodian.logic.sharing.SharingRegister;
import org.custodian.logic.workbench.ProductVersion;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportOptions;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.CoveredDataset;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.store.Database;

/**
 * The reports, one use case for the window and the command line: gather the records, mark the report with the
 * highest level of what it includes, lay it out as PDF, HTML or CSV, write it whole or not at all, and record its
 * fingerprint in the audit chain.
 */
public final class Reports {

    /** A printed register longer than this is refused: narrow it, or export the list as CSV. */
    public static final int MAX_REGISTER_ROWS = 10_000;

    private final Database database;
    private final Inventory inventory;
    private final Classification classification;
    private final SharingRegister sharing;
    private final Assessments assessments;
    private final Clock clock;

    public Reports(Database database, Inventory inventory, Classification classification, SharingRegister sharing,
                   Assessments assessments, Clock clock) {
        this.database = database;
        this.inventory = inventory;
        this.classification = classification;
        this.sharing = sharing;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** The scheme's levels, lowest first (for a marking picker). */
    public List<ClassificationLevel> levels() {
        return inventory.levels();
    }

    public ReportContent assessment(UUID key, ReportOptions options) {
        AssessmentRecord record = assessments.load(key)
                .orElseThrow(() -> new InputRejectedException("No assessment with that key."));
        AssessmentTemplate template = assessments.templateOf(record.assessment());
        // Linked by the dataset's id where the link was made here, so a dataset whose code changed still counts.
        Map<String, Dataset> linked = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, UUID> link : assessments.linkedDatasets(key)) {
            Optional<Dataset> d = link.getValue() != null ? inventory.find(link.getValue())
                    : inventory.findByCode(link.getKey());
            linked.put(link.getKey(), d.orElse(null));
            if (d.isEmpty()) {
                unknown.add(link.getKey());
            }
        }
        List<ClassificationLevel> levels = levels();
        if (!unknown.isEmpty() && options.marking() == null) {
            throw new MarkingNeededException(record.assessment().label() + " links datasets this inventory does not"
                    + " hold (" + String.join(", ", unknown) + "), so the level of its data is not known: give the"
                    + " report a marking (--marking LEVEL).");
        }
        ClassificationLevel marking = ReportMarking.resolve(levels,
                linked.values().stream().filter(java.util.Objects::nonNull).map(Dataset::classification).toList(),
                options.marking());
        ReportWords words = new ReportWords(options.language());
        return new AssessmentReport(record, template, assessments.score(record), assessments.contentIntact(record),
                linked, names(ReferenceList.ORGANISATION, words, true), code -> ReportMarking.find(levels, code), words,
                clock.getZone())
                .build(marking, options);
    }

    /**
     * @param filter how the user narrowed the list, in words, printed under the title ("" for everything)
     */
    public ReportContent inventory(DatasetQuery query, String filter, ReportOptions options) {
        long count = inventory.count(query);
        refuseLong(count, "datasets", "datasets export");
        List<Dataset> rows = new ArrayList<>((int) count);
        inventory.forEach(query, rows::add);
        ClassificationLevel marking = ReportMarking.resolve(levels(),
                rows.stream().map(Dataset::classification).toList(), options.marking());
        ReportWords words = new ReportWords(options.language());
        return new InventoryRegister(rows, levels(), names(ReferenceList.ORGANISATION, words, true),
                names(ReferenceList.CATEGORY, words, false), filter, words).build(marking, options);
    }

    public ReportContent agreements(AgreementQuery query, String filter, ReportOptions options) {
        long count = sharing.count(query);
        refuseLong(count, "agreements", "agreements export");
        List<SharingAgreement> rows = new ArrayList<>((int) count);
        sharing.forEach(query.page(Integer.MAX_VALUE, 0), rows::add);
        List<String> dataLevels = new ArrayList<>();
        Map<String, String> datasetLevels = new HashMap<>();
        for (SharingAgreement a : rows) {
            dataLevels.add(a.classificationCeiling());
            for (CoveredDataset c : a.datasets()) {
                dataLevels.add(datasetLevels.computeIfAbsent(c.datasetCode(),
                        code -> inventory.findByCode(code).map(Dataset::classification).orElse(null)));
            }
        }
        ClassificationLevel marking = ReportMarking.resolve(levels(), dataLevels, options.marking());
        ReportWords words = new ReportWords(options.language());
        return new AgreementsRegister(rows, levels(), names(ReferenceList.ORGANISATION, words, true), filter,
                sharing.today(), words)
                .build(marking, options);
    }

    /** The reviews the query selects (its {@code withinDays} null for every scheduled review). */
    public ReportContent reviews(ReviewQuery query, ReportOptions options) {
        LocalDate today = query.today();
        Integer within = query.withinDays();
        List<DueReview> due = classification.due(query);
        refuseLong(due.size(), "reviews", "reviews due --format csv");
        ClassificationLevel marking = ReportMarking.resolve(levels(), due.stream().map(DueReview::level).toList(),
                options.marking());
        ReportWords words = new ReportWords(options.language());
        return new ReviewsDueReport(due, levels(), names(ReferenceList.ORGANISATION, words, true), today, within, words)
                .build(marking, options);
    }

    /**
     * The audit log the filter selects, oldest first, with the chain head the events belong to. Marked with the
     * highest level the events show (a level they record, the level of a dataset they are about).
     *
     * @param filter how the user narrowed the log, in words ("" for the whole log)
     */
    public ReportContent auditLog(org.custodian.model.audit.AuditFilter query, String filter, ReportOptions options) {
        org.custodian.logic.audit.AuditTrail trail = new org.custodian.logic.audit.AuditTrail(database);
        refuseLong(trail.count(query), "audit events", "audit export");
        List<org.custodian.model.audit.AuditEntry> entries = new ArrayList<>();
        AuditHead[] head = {AuditHead.EMPTY};
        trail.forEach(query, h -> head[0] = h, entries::add);
        // Checked again on what was read: events may have been added between the count and the read.
        refuseLong(entries.size(), "audit events", "audit export");
        List<String> dataLevels = new ArrayList<>();
        Map<String, String> datasetLevels = new HashMap<>();
        for (org.custodian.model.audit.AuditEntry entry : entries) {
            AuditEvent e = entry.event();
            recordedLevels(e.before(), dataLevels);
            recordedLevels(e.after(), dataLevels);
            if ("dataset".equals(e.entityType())) {
                dataLevels.add(datasetLevels.computeIfAbsent(e.entityId(), id -> {
                    try {
                        return inventory.find(UUID.fromString(id)).map(Dataset::classification).orElse(null);
                    } catch (IllegalArgumentException notAnId) {
                        return null;
                    }
                }));
            }
        }
        ClassificationLevel marking = ReportMarking.resolve(levels(), dataLevels, options.marking());
        return new AuditLogReport(entries, head[0], filter, clock.getZone(), new ReportWords(options.language()))
                .build(marking, options);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The levels an event's state names (a dataset's classification, an agreement's ceiling). */
    private static void recordedLevels(String state, List<String> into) {
        if (state == null) {
            return;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(state);
            for (String field : new String[] {"classification", "classification_ceiling"}) {
                if (node.path(field).isTextual()) {
                    into.add(node.path(field).asText());
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            // an edited event names no level we can trust; the user may raise the marking
        }
    }

    private static void refuseLong(long count, String what, String command) {
        if (count > MAX_REGISTER_ROWS) {
            throw new InputRejectedException("The register would list " + String.format("%,d", count) + " " + what
                    + "; a printed register holds at most " + String.format("%,d", MAX_REGISTER_ROWS)
                    + ". Narrow it with a search or filters, or write it as CSV (" + command + ").");
        }
    }

    /**
     * A reference list's code → its name in the report's language (with the code after it when
     * {@code withCode}), the code itself when the list lacks it.
     */
    private Function<String, String> names(ReferenceList list, ReportWords words, boolean withCode) {
        Map<String, ReferenceEntry> byCode = new LinkedHashMap<>();
        for (ReferenceEntry e : inventory.referenceEntries(list)) {
            byCode.put(e.code().toUpperCase(java.util.Locale.ROOT), e);
        }
        return code -> {
            if (code == null || code.isBlank()) {
                return "";
            }
            ReferenceEntry e = byCode.get(code.toUpperCase(java.util.Locale.ROOT));
            String name = e == null ? "" : words.pick(e.nameEn(), e.nameTc());
            return name.isBlank() ? code : withCode ? name + " (" + code + ")" : name;
        };
    }

    /**
     * Lays the report out in {@code format}; nothing is written or recorded.
     *
     * @param font the user's chosen font file, or null to look in the system's usual places
     */
    public RenderedReport render(ReportContent content, ReportFormat format, Path font, WorkProgress progress)
            throws IOException {
        progress.update(1, 3);
        cancelIf(progress);
        AuditHead head = database.auditHead();
        ZonedDateTime now = ZonedDateTime.now(clock);
        ReportWords words = new ReportWords(content.options().language());
        byte[] bytes;
        int pages = 0;
        Set<String> missing = Set.of();
        switch (format) {
            case PDF -> {
                String xhtml = ReportLayout.document(content, words, now, head, ProductVersion.current(), true);
                PdfDocumentWriter.Rendered r = new PdfDocumentWriter(ReportFont.locate(font)).render(xhtml,
                        new PdfDocumentWriter.Metadata(content.title(), content.subject(), database.actor(),
                                ReportLayout.marking(content.marking()), "Custodian " + ProductVersion.current(),
                                content.fingerprint()));
                bytes = r.bytes();
                pages = r.pages();
                missing = r.missing();
            }
            case HTML -> bytes = ReportLayout.document(content, words, now, head, ProductVersion.current(), false)
                    .getBytes(StandardCharsets.UTF_8);
            case CSV -> bytes = csv(content);
            default -> throw new IllegalArgumentException(format.name());
        }
        progress.update(2, 3);
        cancelIf(progress);
        return new RenderedReport(content, format, bytes, pages, missing);
    }

    /**
     * Writes a rendered report to {@code out} (whole or not at all) and records it in the audit chain; a workbench
     * opened read-only cannot record, and the outcome says so ({@code auditSequence} -1).
     */
    public ReportOutcome save(RenderedReport rendered, Path out) throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(folder.toString());
        }
        AtomicOutput.write(out, stream -> stream.write(rendered.bytes()));
        AuditEvent event = record(rendered, out.getFileName().toString(), sha256(rendered.bytes()));
        return new ReportOutcome(out, rendered.format(), rendered.pages(), rendered.content().fingerprint(),
                rendered.content().marking().code(), event == null ? -1 : event.sequence(),
                rendered.missingCharacters());
    }

    /** Records that a rendered report left the workbench another way (sent to a printer); null when read-only. */
    public AuditEvent recordPrinted(RenderedReport rendered, String printer) {
        return record(rendered, "printer: " + printer, null);
    }

    public ReportOutcome write(ReportContent content, ReportFormat format, Path out, Path font,
                               WorkProgress progress) throws IOException {
        RenderedReport rendered = render(content, format, font, progress);
        ReportOutcome outcome = save(rendered, out);
        progress.update(3, 3);
        return outcome;
    }

    /** What the audit chain says about a report file. */
    public record Verification(String fingerprint, List<AuditEvent> events, boolean fileUnchanged) {
        /** Recorded, and the file's bytes are those a recorded save wrote. */
        public boolean verified() {
            return !events.isEmpty() && fileUnchanged;
        }
    }

    /**
     * Checks a report file against the record: its fingerprint must have been recorded and its bytes must be
     * those a recorded save wrote (so a file edited after it was written is not taken for the record).
     */
    public Verification verify(Path file) throws IOException {
        String fingerprint = fingerprintOf(file);
        List<AuditEvent> events = recorded(fingerprint);
        String actual = sha256(java.nio.file.Files.readAllBytes(file));
        boolean unchanged = events.stream().anyMatch(e -> actual.equals(fileSha256(e)));
        return new Verification(fingerprint, events, unchanged);
    }

    private static String fileSha256(AuditEvent e) {
        try {
            com.fasterxml.jackson.databind.JsonNode after = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(e.after() == null ? "{}" : e.after());
            return after.path("file_sha256").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return "";
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The audit events of reports printed with this fingerprint (empty when none was). */
    public List<AuditEvent> recorded(String fingerprint) {
        return database.auditHistory("report", fingerprint.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The fingerprint written into a report file: the PDF's document information, or the HTML file's
     * {@code custodian-fingerprint} meta element. Refused when the file holds none.
     */
    public static String fingerprintOf(Path file) throws IOException {
        byte[] head = new byte[5];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 5 && new String(head, StandardCharsets.US_ASCII).equals("%PDF-")) {
                try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                    String f = doc.getDocumentInformation().getCustomMetadataValue("CustodianFingerprint");
                    if (f != null && f.matches("[0-9a-f]{64}")) {
                        return f;
                    }
                }
                throw new InputRejectedException(file + ": this PDF holds no Custodian fingerprint.");
            }
        }
        if (java.nio.file.Files.size(file) < 64L * 1024 * 1024) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("name=\"custodian-fingerprint\" content=\"([0-9a-f]{64})\"")
                    .matcher(java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new InputRejectedException(file + ": not a Custodian report (no fingerprint found).");
    }

    private AuditEvent record(RenderedReport rendered, String destination, String fileSha256) {
        if (database.access() != org.custodian.model.workbench.Access.READ_WRITE) {
            return null;
        }
        ReportContent c = rendered.content();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", c.kind().code());
        after.put("subject", c.subject());
        after.put("title", c.title());
        after.put("marking", c.marking().code());
        after.put("language", c.options().language().code());
        after.put("paper", c.options().paper().code());
        after.put("format", rendered.format().code());
        after.put("pages", rendered.pages());
        after.put("records", c.records());
        after.put("destination", destination);
        if (fileSha256 != null) {
            after.put("file_sha256", fileSha256);
        }
        return database.recordEvent("report", c.fingerprint(), "generate", after, null);
    }

    private static byte[] csv(ReportContent content) throws IOException {
        ReportTable table = content.tables().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsvWriter writer = new SafeCsvWriter(out, table.header())) {
            for (List<String> row : table.rows()) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    private static void cancelIf(WorkProgress progress) {
        if (progress.isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * Lays out a two-line page in memory and throws it away, so the first real report does not pay for loading
     * the PDF engine and the Chinese font. Failures are only logged: the real report will say what is wrong.
     */
    public static void warmUp() {
        try {
            Optional<ReportFont> font = ReportFont.locate(null);
            String text = font.isPresent() ? "Custodian 報告" : "Custodian";
            new PdfDocumentWriter(font).render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body {"
                    + " font-family: Helvetica, \"" + PdfDocumentWriter.CHINESE_FAMILY + "\"; }</style></head><body><p>"
                    + text + "</p></body></html>", new PdfDocumentWriter.Metadata("", "", "", "", "", ""));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Reports.class).info("Report warm-up failed", e);
        }
    }

    /** The font the reports would use, for the settings and the report dialog; empty when there is none. */
    public static Optional<ReportFont> font(Path chosen) {
        return ReportFont.locate(chosen);
    }
}
