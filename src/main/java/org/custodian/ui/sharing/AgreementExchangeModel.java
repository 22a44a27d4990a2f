package org.custodian.ui.sharing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.custodian.logic.inventory.DatasetImportReport;
import org.custodian.logic.inventory.RowOutcome;
import org.custodian.logic.inventory.RowResult;
import org.custodian.logic.io.CancelledException;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.RowProblem;
import org.custodian.logic.sharing.AgreementExchange;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The register's import and export in the window: an import is checked first (a dry run, cancellable), its
 * outcome shown with every rejected row, and only then taken; an export writes the filtered register as CSV or
 * JSON. Both run off the FX thread with progress.
 */
final class AgreementExchangeModel {

    private static final int SHOWN_PROBLEMS = 12;

    private final PageContext context;
    private final I18n i18n;
    private final Supplier<AgreementQuery> currentQuery;

    AgreementExchangeModel(PageContext context, Supplier<AgreementQuery> currentQuery) {
        this.context = context;
        this.i18n = context.i18n();
        this.currentQuery = currentQuery;
    }

    void importFile() {
        WorkbenchSession s = context.sessionProperty().get();
        if (s == null) {
            return;
        }
        context.dialogs().chooseFileToOpen(i18n.tr("agreements.import.choose"), null, i18n.tr("agreements.files"),
                "*.csv", "*.json").ifPresent(file -> check(s, file));
    }

    private void check(WorkbenchSession s, Path file) {
        context.runner().runCancellable(i18n.tr("agreements.import.checking", file.getFileName().toString()),
                progress -> s.agreementExchange().importFile(file, java.nio.charset.StandardCharsets.UTF_8, true,
                        progress), report -> review(s, file, report), failure -> refused(file, failure));
    }

    private void review(WorkbenchSession s, Path file, DatasetImportReport dry) {
        long taken = dry.count(RowOutcome.CREATED) + dry.count(RowOutcome.UPDATED);
        String summary = i18n.tr("agreements.import.summary", dry.count(RowOutcome.CREATED), dry.count(RowOutcome.UPDATED),
                dry.count(RowOutcome.UNCHANGED), dry.count(RowOutcome.REJECTED));
        String details = problems(dry);
        if (taken == 0) {
            if (dry.anyRejected()) {
                context.dialogs().showError(i18n.tr("agreements.import.title"), summary + "\n"
                        + i18n.tr("agreements.import.nothing"), details);
            } else {
                context.dialogs().showInformation(i18n.tr("agreements.import.title"), summary + "\n"
                        + i18n.tr("agreements.import.nothingNew"));
            }
            return;
        }
        String message = summary + (details.isEmpty() ? "" : "\n\n" + details);
        if (dry.anyRejected()) {
            // The rejected rows can be written out as the file spelt them, to fix and import again.
            var choice = context.dialogs().choose(i18n.tr("agreements.import.title"), message, List.of(
                    i18n.tr("agreements.import.confirm", taken), i18n.tr("agreements.import.saveRejected")));
            if (choice.isEmpty()) {
                return;
            }
            if (choice.get() == 1) {
                saveRejected(s, dry);
                return;
            }
        } else if (!context.dialogs().confirm(i18n.tr("agreements.import.title"), message,
                i18n.tr("agreements.import.confirm", taken))) {
            return;
        }
        context.runner().run(i18n.tr("agreements.import.running", file.getFileName().toString()),
                progress -> s.agreementExchange().importFile(file, java.nio.charset.StandardCharsets.UTF_8, false,
                        progress), report -> {
                    context.dataChanged();
                    context.dialogs().notify(i18n.tr("agreements.import.done", report.count(RowOutcome.CREATED),
                            report.count(RowOutcome.UPDATED), report.count(RowOutcome.REJECTED)));
                }, failure -> refused(file, failure));
    }

    private void saveRejected(WorkbenchSession s, DatasetImportReport dry) {
        context.dialogs().chooseFileToSave(i18n.tr("agreements.import.saveRejected"), null, "rejected-agreements.csv",
                i18n.tr("agreements.files"), "*.csv").ifPresent(target -> context.runner().run(
                i18n.tr("agreements.import.savingRejected"), progress -> {
                    s.datasetExchange().writeRejected(dry, target);
                    return target;
                }, written -> context.dialogs().notify(i18n.tr("agreements.import.rejectedSaved",
                        dry.count(RowOutcome.REJECTED), written.getFileName().toString())),
                failure -> context.dialogs().showError(i18n.tr("agreements.import.title"),
                        i18n.tr("agreements.export.failed", target.getFileName().toString()), String.valueOf(failure))));
    }

    /** The rejected rows and warnings as lines naming the file, line and column. */
    private String problems(DatasetImportReport report) {
        List<String> lines = new ArrayList<>();
        for (RowResult r : report.rows()) {
            if (r.outcome() == RowOutcome.REJECTED) {
                for (RowProblem p : r.problems()) {
                    lines.add(i18n.tr("agreements.import.rejected", p.line(), p.column() == null ? "—" : p.column(),
                            p.problem() != null ? i18n.problem(p.problem()) : p.message()));
                }
            }
        }
        for (RowProblem w : report.warnings()) {
            lines.add(i18n.tr("agreements.import.warning", w.line(), w.column() == null ? "—" : w.column(),
                    w.problem() != null ? i18n.problem(w.problem()) : w.message()));
        }
        if (lines.size() > SHOWN_PROBLEMS) {
            int more = lines.size() - SHOWN_PROBLEMS;
            lines = new ArrayList<>(lines.subList(0, SHOWN_PROBLEMS));
            lines.add(i18n.tr("agreements.import.more", more));
        }
        return String.join("\n", lines);
    }

    private void refused(Path file, Throwable failure) {
        if (failure instanceof CancelledException) {
            return;
        }
        String message = failure instanceof InputRejectedException ? failure.getMessage()
                : i18n.tr("agreements.import.failed", file.getFileName().toString());
        context.dialogs().showError(i18n.tr("agreements.import.title"), message, String.valueOf(failure));
    }

    void export() {
        WorkbenchSession s = context.sessionProperty().get();
        if (s == null) {
            return;
        }
        AgreementQuery query = currentQuery.get().page(Integer.MAX_VALUE, 0);
        context.dialogs().chooseFileToSave(i18n.tr("agreements.export.choose"), null, "agreements.csv",
                i18n.tr("agreements.files"), "*.csv", "*.json").ifPresent(target -> {
                    AgreementExchange.Format format = target.getFileName().toString().toLowerCase(Locale.ROOT)
                            .endsWith(".json") ? AgreementExchange.Format.JSON : AgreementExchange.Format.CSV;
                    context.runner().runCancellable(i18n.tr("agreements.export.running"),
                            progress -> s.agreementExchange().export(query, format, target, progress),
                            n -> context.dialogs().notify(i18n.tr("agreements.export.done", n,
                                    target.getFileName().toString())),
                            failure -> context.dialogs().showError(i18n.tr("agreements.export.title"),
                                    i18n.tr("agreements.export.failed", target.getFileName().toString()),
                                    String.valueOf(failure)));
                });
    }
}
