package org.custodian.ui.report;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.custodian.logic.io.pdf.PdfPages;
import org.custodian.logic.report.RenderedReport;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.report.PaperSize;
import org.custodian.model.report.ReportFormat;
import org.custodian.model.report.ReportLanguage;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.Progress;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The report preview window: options on top, the laid-out pages below, and Print, Save as PDF, HTML or CSV.
 * What is printed or saved is exactly what is shown, and each copy is recorded with its fingerprint.
 */
public final class ReportPreview {

    /** Printing resolution of the page images sent to the printer. */
    private static final float PRINT_DPI = 200f;

    private final ReportPreviewModel model;
    private final I18n i18n;
    private final Stage stage = new Stage();

    private ReportPreview(ReportPreviewModel model, Window owner, String title) {
        this.model = model;
        this.i18n = model.i18n();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        BorderPane root = new BorderPane();
        root.setId("report-preview");
        root.setTop(toolbar());
        root.setCenter(pages());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1100, 780);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot() != null) {
                root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            }
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::print);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> save(ReportFormat.PDF));
        stage.setScene(scene);
        stage.setOnHidden(e -> model.closed());
    }

    /**
     * Opens the preview of a report over the window that holds {@code from}, and lays it out.
     *
     * @param suggestedName the file name offered when saving, without extension
     */
    public static void open(PageContext context, Node from, String title, String suggestedName,
                            ReportPreviewModel.Source source) {
        ReportPreviewModel model = new ReportPreviewModel(context, source, suggestedName);
        Window owner = from == null || from.getScene() == null ? null : from.getScene().getWindow();
        ReportPreview preview = new ReportPreview(model, owner, title);
        preview.stage.show();
        model.describeFont();
        model.refresh();
    }

    private ToolBar toolbar() {
        ComboBox<ReportLanguage> language = new ComboBox<>();
        language.getItems().setAll(ReportLanguage.values());
        language.setConverter(ChoiceText.of(l -> i18n.tr(l.labelKey())));
        language.valueProperty().bindBidirectional(model.language);
        language.setId("report-language");
        language.setPrefWidth(190);
        ComboBox<PaperSize> paper = new ComboBox<>();
        paper.getItems().setAll(PaperSize.values());
        paper.setConverter(ChoiceText.of(p -> i18n.tr(p.labelKey())));
        paper.valueProperty().bindBidirectional(model.paper);
        paper.setId("report-paper");
        paper.setPrefWidth(120);
        ComboBox<ClassificationLevel> marking = new ComboBox<>(model.markings);
        marking.setConverter(ChoiceText.of(l -> l == null ? "" : (i18n.chinese() ? l.nameTc() : l.nameEn())));
        marking.valueProperty().bindBidirectional(model.marking);
        marking.setId("report-marking");
        marking.setPrefWidth(150);
        marking.setTooltip(new Tooltip(i18n.tr("reportPreview.markingHelp")));
        Button print = action("reportPreview.print", Material2OutlinedMZ.PRINT, "report-print", this::print);
        Button pdf = action("reportPreview.savePdf", Material2OutlinedMZ.PICTURE_AS_PDF, "report-save-pdf",
                () -> save(ReportFormat.PDF));
        Button html = action("reportPreview.saveHtml", Material2OutlinedAL.CODE, "report-save-html",
                () -> save(ReportFormat.HTML));
        Button csv = action("reportPreview.saveCsv", Material2OutlinedMZ.TABLE_CHART, "report-save-csv",
                () -> save(ReportFormat.CSV));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label saveAs = new Label(i18n.tr("reportPreview.saveAs"));
        saveAs.setMinWidth(Region.USE_PREF_SIZE);
        actions = new HBox(8, print, new Separator(javafx.geometry.Orientation.VERTICAL), saveAs, pdf, html, csv);
        actions.setAlignment(Pos.CENTER_RIGHT);
        return new ToolBar(labelled("reportPreview.language", language), labelled("reportPreview.paper", paper),
                labelled("reportPreview.marking", marking), grow, fontBox());
    }

    private HBox actions;

    private HBox labelled(String key, ComboBox<?> box) {
        Label label = new Label(i18n.tr(key));
        label.setLabelFor(box);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(6, label, box);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Button action(String key, org.kordamp.ikonli.Ikon icon, String id, Runnable run) {
        Button b = new Button(i18n.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> run.run());
        b.disableProperty().bind(model.rendered.isNull().or(model.busy));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private ScrollPane pages() {
        ScrollPane scroll = new ScrollPane();
        VBox column = new VBox(18);
        column.setId("report-pages");
        column.setAlignment(Pos.TOP_CENTER);
        column.setPadding(new Insets(18));
        column.getStyleClass().add("report-pages");
        model.pages.addListener((javafx.collections.ListChangeListener<javafx.scene.image.Image>) c -> {
            column.getChildren().clear();
            for (javafx.scene.image.Image image : model.pages) {
                ImageView view = new ImageView(image);
                view.setPreserveRatio(true);
                // A landscape register fits the window's width rather than scrolling sideways.
                view.fitWidthProperty().bind(Bindings.min(image.getWidth(),
                        scroll.widthProperty().subtract(56)));
                view.setSmooth(true);
                view.getStyleClass().add("report-page");
                column.getChildren().add(view);
            }
        });
        scroll.setContent(column);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private HBox fontBox() {
        Label font = new Label();
        font.setId("report-font");
        font.textProperty().bind(model.fontText);
        Tooltip fontTip = new Tooltip();
        fontTip.textProperty().bind(model.fontFile);
        font.setTooltip(fontTip);
        font.setMinWidth(0);
        font.setGraphic(new FontIcon(Material2OutlinedMZ.TEXT_FIELDS));
        font.styleProperty().bind(Bindings.when(model.fontMissing).then("-fx-text-fill: -color-danger-fg;")
                .otherwise(""));
        Button choose = new Button(i18n.tr("reportPreview.chooseFont"));
        choose.setId("report-choose-font");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> model.context().dialogs().chooseFileToOpen(i18n.tr("reportPreview.chooseFont"), null,
                i18n.tr("reportPreview.fontFiles"), "*.ttf", "*.ttc").ifPresent(model::useFont));
        HBox box = new HBox(8, font, choose);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("report-status");
        status.textProperty().bind(model.status);
        status.setMinWidth(0);
        ProgressBar bar = new ProgressBar();
        bar.visibleProperty().bind(model.busy);
        bar.progressProperty().bind(model.context().runner().progressProperty());
        bar.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(10, status, bar, grow, actions);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }

    private void save(ReportFormat format) {
        if (model.rendered.get() == null || model.busy.get()) {
            return;
        }
        String ext = format.extension();
        model.context().dialogs().chooseFileToSave(i18n.tr("reportPreview.saveTitle"), null,
                model.suggestedName() + "." + ext, i18n.tr(format.labelKey()), "*." + ext)
                .ifPresent(out -> model.save(format, out));
    }

    /** The system print dialog, then the pages at print resolution, fitted to the printable area. */
    private void print() {
        RenderedReport shown = model.rendered.get();
        if (shown == null || model.busy.get()) {
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.context().dialogs().showError(i18n.tr("reportPreview.noPrinter.title"),
                    i18n.tr("reportPreview.noPrinter"), null);
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        String printer = job.getPrinter().getName();
        // The paper the user chose in the dialog, turned the way the report's pages are (registers are landscape).
        PageLayout chosen = job.getJobSettings().getPageLayout();
        model.context().runner().runCancellable(i18n.tr("reportPreview.print"), (Progress progress) -> {
            try (PdfPages pdf = new PdfPages(shown.bytes())) {
                var size = pdf.size(0);
                PageLayout layout = job.getPrinter().createPageLayout(chosen.getPaper(),
                        size.getWidth() > size.getHeight() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
                        Printer.MarginType.HARDWARE_MINIMUM);
                for (int i = 0; i < pdf.count(); i++) {
                    if (progress.isCancelled()) {
                        job.cancelJob();
                        throw new org.custodian.logic.io.CancelledException();
                    }
                    ImageView page = new ImageView(ReportPreviewModel.image(pdf.render(i, PRINT_DPI)));
                    page.setPreserveRatio(true);
                    page.setFitWidth(layout.getPrintableWidth());
                    page.setFitHeight(layout.getPrintableHeight());
                    if (!job.printPage(layout, page)) {
                        throw new java.io.IOException(String.valueOf(job.getJobStatus()));
                    }
                    progress.update(i + 1, pdf.count());
                }
            }
            if (!job.endJob()) {
                throw new java.io.IOException(String.valueOf(job.getJobStatus()));
            }
            return true;
        }, ok -> model.printed(printer), failure -> model.context().dialogs().showError(
                i18n.tr("reportPreview.failed.title"), i18n.tr("reportPreview.printFailed", printer),
                failure.getMessage()));
    }
}
