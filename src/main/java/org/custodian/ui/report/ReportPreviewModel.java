package org.custodian.ui.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.custodian.logic.io.pdf.PdfPages;
import org.custodian.logic.io.pdf.ReportFont;
import org.custodian.logic.report.RenderedReport;
import org.custodian.logic.report.ReportContent;
import org.custodian.logic.report.ReportOutcome;
import org.custodian.logic.report.Reports;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.PaperSize;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.report.ReportOptions;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The report preview: the options (language, paper, marking, font), the laid-out pages, and saving or printing
 * them. Every layout runs in the background; the pages shown are always those of the last completed layout.
 */
public final class ReportPreviewModel {

    /** Builds the report's content with the chosen options; called on a background thread. */
    @FunctionalInterface
    public interface Source {
        ReportContent build(Reports reports, ReportOptions options);
    }

    /** Screen resolution of the preview's page images. */
    static final float PREVIEW_DPI = 96f;
    /** Pages shown in the preview (3.5 MB of pixels each); printing and saving take them all. */
    static final int PREVIEW_PAGES = 40;

    // properties
    final ObjectProperty<ReportLanguage> language = new SimpleObjectProperty<>();
    final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(PaperSize.A4);
    /** The marking chosen; the first choice is the data's own level. */
    final ObjectProperty<ClassificationLevel> marking = new SimpleObjectProperty<>();
    final ObservableList<ClassificationLevel> markings = FXCollections.observableArrayList();
    final ObservableList<Image> pages = FXCollections.observableArrayList();
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty fontText = new SimpleStringProperty("");
    final StringProperty fontFile = new SimpleStringProperty("");
    final BooleanProperty fontMissing = new SimpleBooleanProperty();
    final BooleanProperty busy = new SimpleBooleanProperty();
    final ObjectProperty<RenderedReport> rendered = new SimpleObjectProperty<>();

    private final PageContext context;
    private final I18n i18n;
    private final Source source;
    private final String suggestedName;
    private ClassificationLevel dataLevel;
    private boolean applying;
    private boolean markingRequired;
    private long latest;

    public ReportPreviewModel(PageContext context, Source source, String suggestedName) {
        this.context = context;
        this.i18n = context.i18n();
        this.source = source;
        this.suggestedName = suggestedName;
        language.set(i18n.chinese() ? ReportLanguage.ZH : ReportLanguage.EN);
        language.addListener((o, a, b) -> refresh());
        paper.addListener((o, a, b) -> refresh());
        marking.addListener((o, a, b) -> {
            if (!applying) {
                refresh();
            }
        });
    }

    /** The file name offered: the report's name and its marking, so the level shows even on a CSV file. */
    String suggestedName() {
        RenderedReport r = rendered.get();
        return r == null ? suggestedName : suggestedName + "-" + r.content().marking().code();
    }

    private Reports reports() {
        WorkbenchSession s = context.sessionProperty().get();
        if (s == null) {
            throw new IllegalStateException("No workbench is open");
        }
        return s.reports();
    }

    ReportOptions options() {
        ClassificationLevel chosen = marking.get();
        boolean asked = chosen != null && (markingRequired || (dataLevel != null && chosen.rank() > dataLevel.rank()));
        return new ReportOptions(language.get(), paper.get(), asked ? chosen.code() : null);
    }

    /**
     * Lays the report out again with the current options and shows its pages. Each layout has a number; a newer
     * request (another option chosen) or closing the window makes an older one stop at its next step, and only the
     * newest one's pages are shown, so what is saved or printed always matches the options on screen.
     */
    void refresh() {
        if (markingRequired && marking.get() == null) {
            return;
        }
        Reports reports = reports();
        ReportOptions options = options();
        Path font = context.reportFont();
        long mine = ++latest;
        busy.set(true);
        rendered.set(null);
        status.set(i18n.tr("reportPreview.laying"));
        context.runner().runCancellable(i18n.tr("reportPreview.laying"), progress -> {
            ReportContent content = source.build(reports, options);
            stopIfStale(mine, progress);
            RenderedReport r = reports.render(content, ReportFormat.PDF, font, progress);
            List<Image> images = new ArrayList<>();
            try (PdfPages pdf = new PdfPages(r.bytes())) {
                int shown = Math.min(pdf.count(), PREVIEW_PAGES);
                for (int i = 0; i < shown; i++) {
                    stopIfStale(mine, progress);
                    images.add(image(pdf.render(i, PREVIEW_DPI)));
                    progress.update(i + 1, shown);
                }
            }
            return new Laid(mine, r, images, reports.levels());
        }, laid -> {
            if (laid.request() == latest) {
                show(laid);
            }
        }, failure -> {
            if (mine != latest) {
                return;
            }
            busy.set(false);
            if (failure instanceof org.custodian.logic.report.MarkingNeededException needed) {
                // The scheme's levels are read in the background, like everything else from the store.
                context.runner().read(p -> reports.levels(), levels -> askForMarking(needed.getMessage(), levels),
                        e -> status.set(""));
            } else if (failure instanceof java.util.concurrent.CancellationException
                    || failure instanceof org.custodian.logic.io.CancelledException) {
                status.set("");
            } else {
                status.set("");
                context.dialogs().showError(i18n.tr("reportPreview.failed.title"), i18n.tr("reportPreview.failed"),
                        failure.getMessage());
            }
        });
    }

    private void stopIfStale(long request, org.custodian.ui.common.Progress progress) {
        if (request != latest || progress.isCancelled()) {
            throw new org.custodian.logic.io.CancelledException();
        }
    }

    /** The window closed: any layout still running stops at its next step. */
    void closed() {
        latest++;
    }

    /** The data's level is unknown: every level is offered and none is chosen until the user picks one. */
    private void askForMarking(String why, List<ClassificationLevel> levels) {
        markingRequired = true;
        applying = true;
        markings.setAll(levels.stream()
                .sorted(java.util.Comparator.comparingInt(ClassificationLevel::rank).reversed()).toList());
        marking.set(null);
        applying = false;
        pages.clear();
        status.set(i18n.tr("reportPreview.chooseMarking"));
        context.dialogs().showInformation(i18n.tr("reportPreview.chooseMarking.title"), why);
    }

    private record Laid(long request, RenderedReport report, List<Image> images, List<ClassificationLevel> levels) {
    }

    private void show(Laid laid) {
        RenderedReport r = laid.report();
        if (dataLevel == null && !markingRequired) {
            dataLevel = r.content().marking();
            applying = true;
            markings.setAll(laid.levels().stream().filter(l -> l.rank() >= dataLevel.rank()).toList());
            marking.set(dataLevel);
            applying = false;
        }
        rendered.set(r);
        pages.setAll(laid.images());
        busy.set(false);
        String fp = r.content().fingerprint();
        String text = i18n.tr("reportPreview.status", r.pages(), r.content().marking().code(), fp.substring(0, 16));
        if (r.pages() > laid.images().size()) {
            text += " · " + i18n.tr("reportPreview.firstPages", laid.images().size());
        }
        if (!r.missingCharacters().isEmpty()) {
            text += " · " + i18n.tr("reportPreview.missing", String.join(" ", r.missingCharacters()));
        }
        status.set(text);
    }

    static Image image(PdfPages.Page page) {
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                page.argb(), 0, page.width());
        return image;
    }

    /** Describes the font the reports will use, or that there is none. */
    void describeFont() {
        Path chosen = context.reportFont();
        context.runner().read(p -> ReportFont.locate(chosen), found -> {
            fontMissing.set(found.isEmpty());
            fontText.set(found.map(f -> i18n.tr("reportPreview.font", f.name()))
                    .orElse(i18n.tr("reportPreview.noFont")));
            fontFile.set(found.map(f -> f.file().toString()).orElse(""));
        }, failure -> {
            fontMissing.set(true);
            fontText.set(failure.getMessage());
        });
    }

    /** Checks a font file the user picked, keeps it in the settings and lays the report out with it. */
    void useFont(Path file) {
        context.runner().read(p -> ReportFont.check(file), font -> {
            context.setReportFont(file);
            describeFont();
            refresh();
        }, failure -> context.dialogs().showError(i18n.tr("reportPreview.fontRefused.title"), failure.getMessage(),
                null));
    }

    /** Writes the report in {@code format} to {@code out} and records it (the PDF shown is written as it is). */
    void save(ReportFormat format, Path out) {
        RenderedReport shown = rendered.get();
        if (shown == null) {
            return;
        }
        Reports reports = reports();
        Path font = context.reportFont();
        context.runner().run(i18n.tr("reportPreview.saving"), progress -> {
            RenderedReport r = format == ReportFormat.PDF ? shown
                    : reports.render(shown.content(), format, font, progress);
            return reports.save(r, out);
        }, (ReportOutcome o) -> {
            context.dialogs().notify(i18n.tr(o.auditSequence() < 0 ? "reportPreview.savedUnrecorded"
                    : "reportPreview.saved", o.file().getFileName(), o.marking()));
            context.dataChanged();
        }, failure -> context.dialogs().showError(i18n.tr("reportPreview.failed.title"),
                i18n.tr("reportPreview.saveFailed", out.getFileName()), failure.getMessage()));
    }

    /** Records that the pages shown went to {@code printer}. */
    void printed(String printer) {
        RenderedReport shown = rendered.get();
        if (shown != null) {
            Reports reports = reports();
            context.runner().run(i18n.tr("reportPreview.print"),
                    p -> java.util.Optional.ofNullable(reports.recordPrinted(shown, printer)),
                    event -> {
                        context.dialogs().notify(i18n.tr(event.isPresent() ? "reportPreview.printed"
                                : "reportPreview.printedUnrecorded", printer));
                        context.dataChanged();
                    }, failure -> context.dialogs().showError(i18n.tr("reportPreview.failed.title"),
                            i18n.tr("reportPreview.failed"), failure.getMessage()));
        }
    }

    I18n i18n() {
        return i18n;
    }

    PageContext context() {
        return context;
    }
}
