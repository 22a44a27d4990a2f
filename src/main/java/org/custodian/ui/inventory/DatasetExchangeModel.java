package org.custodian.ui.inventory;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * Import and export from the window: pick a file, a dry run in the background (with progress and cancel), the
 * per-row report for review, then the import itself; exports write the datasets the page currently shows.
 */
final class DatasetExchangeModel {

    static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");

    /** Which kind of file an import reads. */
    enum Source { CSV_OR_JSON, CKAN }

    private final PageContext context;
    private final I18n i18n;
    private final Supplier<DatasetQuery> currentQuery;
    private Path lastFolder;

    DatasetExchangeModel(PageContext context, Supplier<DatasetQuery> currentQuery) {
        this.context = context;
        this.i18n = context.i18n();
        this.currentQuery = currentQuery;
    }

    private Path folder() {
        if (lastFolder != null) {
            return lastFolder;
        }
        WorkbenchSession s = context.sessionProperty().get();
        return s == null ? null : s.file().toAbsolutePath().getParent();
    }

    /** Asks for a file and starts its dry run. */
    void chooseAndImport(Source source) {
        if (context.sessionProperty().get() == null) {
            return;
        }
        Optional<Path> file = source == Source.CKAN
                ? context.dialogs().chooseFileToOpen(i18n.tr("datasets.import.ckan.choose"), folder(),
                        i18n.tr("datasets.import.ckan.filter"), "*.json")
                : context.dialogs().chooseFileToOpen(i18n.tr("datasets.import.choose"), folder(),
                        i18n.tr("datasets.import.filter"), "*.csv", "*.json");
        file.ifPresent(f -> {
            lastFolder = f.toAbsolutePath().getParent();
            dryRun(f, source, StandardCharsets.UTF_8);
        });
    }

    /** Checks every row without changing anything, then shows the report. */
    void dryRun(Path file, Source source, Charset charset) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().runCancellable(i18n.tr("task.checkingImport", file.getFileName()),
                progress -> {
                    DatasetImportReport report = run(session, file, source, charset, true, progress);
                    // The report's table is built here too, so the FX thread only shows it.
                    return new Reviewed(report, reviewRows(report));
                },
                reviewed -> review(file, source, charset, reviewed),
                failure -> refused(file, source, charset, failure));
    }

    private static DatasetImportReport run(WorkbenchSession session, Path file, Source source, Charset charset,
                                           boolean dryRun, org.custodian.ui.common.Progress progress)
            throws java.io.IOException {
        return source == Source.CKAN ? session.datasetExchange().importCkan(file, dryRun, progress)
                : session.datasetExchange().importFile(file, charset, dryRun, progress);
    }

    private void refused(Path file, Source source, Charset charset, Throwable failure) {
        if (failure instanceof InputRejectedException && failure.getCause() instanceof CharacterCodingException
                && charset.equals(StandardCharsets.UTF_8)) {
            // Spreadsheets saved on a Hong Kong Windows desktop are often Big5-HKSCS.
            List<Charset> offered = List.of(BIG5_HKSCS, Charset.forName("GB18030"), StandardCharsets.UTF_16);
            Optional<Integer> choice = context.dialogs().choose(i18n.tr("datasets.import.encoding.title"),
                    i18n.tr("datasets.import.encoding", file.getFileName(), failure.getMessage()),
                    offered.stream().map(c -> i18n.tr("datasets.import.encoding.as", c.name())).toList());
            choice.ifPresent(i -> dryRun(file, source, offered.get(i)));
            return;
        }
        context.dialogs().showError(i18n.tr("datasets.import.failed.title"),
                i18n.tr("datasets.import.refused", file.getFileName()), failure.getMessage());
    }

    /** A dry run's report and its rows as the review table shows them. */
    record Reviewed(DatasetImportReport report, List<List<String>> rows) {
    }

    /** A checked file waiting for the officer's decision: import it, save its rejected rows, or cancel. */
    record PendingImport(Path file, Source source, Charset charset, Reviewed reviewed, String summary) {
        long accepted() {
            return reviewed.report().rows().size() - reviewed.report().count(RowOutcome.REJECTED);
        }

        boolean canImport() {
            DatasetImportReport r = reviewed.report();
            return r.count(RowOutcome.CREATED) + r.count(RowOutcome.UPDATED) > 0 || !r.addedReferences().isEmpty();
        }

        long rejected() {
            return reviewed.report().count(RowOutcome.REJECTED);
        }
    }

    /** The dry run the page shows for review, or null. */
    final javafx.beans.property.ObjectProperty<PendingImport> pending =
            new javafx.beans.property.SimpleObjectProperty<>();

    /** Puts the dry run's report up for review in the page (nothing is saved yet). */
    void review(Path file, Source source, Charset charset, Reviewed reviewed) {
        DatasetImportReport report = reviewed.report();
        String summary = i18n.tr("datasets.import.summary", file.getFileName(), report.count(RowOutcome.CREATED),
                report.count(RowOutcome.UPDATED), report.count(RowOutcome.UNCHANGED), report.count(RowOutcome.REJECTED),
                report.warnings().size());
        pending.set(new PendingImport(file, source, charset, reviewed, summary));
    }

    /** The officer accepts the reviewed file: import it for real. */
    void confirmImport() {
        PendingImport p = pending.get();
        if (p != null && p.canImport()) {
            pending.set(null);
            importNow(p.file(), p.source(), p.charset());
        }
    }

    /** The officer saves the rejected rows to fix them; the review stays open. */
    void saveRejectedRows() {
        PendingImport p = pending.get();
        if (p != null && p.rejected() > 0) {
            saveRejected(p.file(), p.reviewed().report(), () -> { });
        }
    }

    void cancelReview() {
        pending.set(null);
    }

    /** A problem or warning of a row in the user's language when the validator gave it, else as the reader said. */
    private String say(org.custodian.logic.io.RowProblem p) {
        String text = p.problem() != null ? i18n.problem(p.problem()) : p.message();
        return p.column() == null || p.column().isBlank() ? text : p.column() + ": " + text;
    }

    List<List<String>> reviewRows(DatasetImportReport report) {
        List<List<String>> rows = new ArrayList<>(report.rows().size() + report.warnings().size());
        for (RowResult r : report.rows()) {
            String details = String.join("; ", (r.outcome() == RowOutcome.REJECTED ? r.problems() : r.warnings())
                    .stream().map(this::say).toList());
            rows.add(List.of(Long.toString(r.line()), r.code() == null ? "" : r.code(),
                    i18n.tr("datasets.outcome." + r.outcome().code()), r.title() == null ? "" : r.title(), details));
        }
        return rows;
    }

    /** Imports for real, in the background with progress; cancelling rolls the whole import back. */
    void importNow(Path file, Source source, Charset charset) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().runCancellable(i18n.tr("task.importing", file.getFileName()),
                progress -> run(session, file, source, charset, false, progress),
                report -> {
                    context.dialogs().notify(i18n.tr("datasets.import.done", report.count(RowOutcome.CREATED),
                            report.count(RowOutcome.UPDATED), report.count(RowOutcome.UNCHANGED),
                            report.count(RowOutcome.REJECTED)));
                    context.dataChanged();
                },
                failure -> context.dialogs().showError(i18n.tr("datasets.import.failed.title"),
                        i18n.tr("datasets.import.failed", file.getFileName()), failure.getMessage()));
    }

    private void saveRejected(Path source, DatasetImportReport report, Runnable then) {
        String stem = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        context.dialogs().chooseFileToSave(i18n.tr("datasets.import.saveRejected.title"), folder(),
                stem + "-rejected.csv", i18n.tr("datasets.export.filter.csv"), "*.csv").ifPresent(target -> {
            WorkbenchSession session = context.sessionProperty().get();
            context.runner().run(i18n.tr("task.exporting"), progress -> {
                session.datasetExchange().writeRejected(report, target);
                return target;
            }, written -> {
                context.dialogs().notify(i18n.tr("datasets.import.rejectedSaved", written));
                then.run();
            }, failure -> context.dialogs().showError(i18n.tr("datasets.export.failed.title"),
                    i18n.tr("datasets.export.failed", target), failure.getMessage()));
        });
    }

    /** Asks for a file and exports the datasets the page shows (every page of them) in that format. */
    void chooseAndExport(DatasetExchange.Format format) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        String extension = switch (format) {
            case CSV -> "csv";
            case JSON -> "json";
            case DCAT -> "jsonld";
        };
        String stem = session.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        context.dialogs().chooseFileToSave(i18n.tr("datasets.export.choose." + extension), folder(),
                stem + "-datasets." + extension, i18n.tr("datasets.export.filter." + extension), "*." + extension)
                .ifPresent(target -> export(format, target));
    }

    void export(DatasetExchange.Format format, Path target) {
        WorkbenchSession session = context.sessionProperty().get();
        DatasetQuery all = currentQuery.get().withPage(Integer.MAX_VALUE, 0);
        lastFolder = target.toAbsolutePath().getParent();
        context.runner().runCancellable(i18n.tr("task.exportingTo", target.getFileName()),
                progress -> session.datasetExchange().export(all, format, target, false, null, progress),
                n -> context.dialogs().notify(i18n.tr(format == DatasetExchange.Format.DCAT
                        ? "datasets.export.doneDcat" : "datasets.export.done", n, target)),
                failure -> context.dialogs().showError(i18n.tr("datasets.export.failed.title"),
                        i18n.tr("datasets.export.failed", target), failure.getMessage()));
    }
}
