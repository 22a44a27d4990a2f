package org.custodian.ui.oversight;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.workbench.SafeFileName;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.RecordLink;

/**
 * The data-flow map page: the chosen agreement types and statuses, the map they give (read and laid out in the
 * background), the edge chosen in the list or on the map, the zoom, and the exports.
 */
final class DataFlowMapPageModel {

    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 3;

    // ---- what the page shows -------------------------------------------------------------------------------
    final ObservableSet<AgreementType> types = FXCollections.observableSet(EnumSet.allOf(AgreementType.class));
    final ObservableSet<AgreementStatus> statuses = FXCollections.observableSet(
            EnumSet.copyOf(FlowFilter.current().statuses()));
    final ObjectProperty<FlowMap> map = new SimpleObjectProperty<>();
    final ObservableList<FlowEdge> edges = FXCollections.observableArrayList();
    final ObjectProperty<FlowEdge> selected = new SimpleObjectProperty<>();
    /** Whether the register holds any agreement at all (else the empty state says how to get some). */
    final BooleanProperty registerEmpty = new SimpleBooleanProperty(false);
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final DoubleProperty zoom = new SimpleDoubleProperty(1);
    final StringBinding countText;
    final StringBinding typesText;
    final StringBinding statusesText;
    final BooleanBinding nothingToDraw;

    private final PageContext context;
    private final I18n i18n;
    private long request;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    DataFlowMapPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> map.get() == null ? "" : i18n.tr("flows.count",
                map.get().nodes().size(), map.get().agreementCount()), map);
        typesText = Bindings.createStringBinding(() -> types.size() == AgreementType.values().length
                ? i18n.tr("flows.types.all") : i18n.tr("flows.types.some", types.size(),
                AgreementType.values().length), types);
        statusesText = Bindings.createStringBinding(() -> statuses.size() == AgreementStatus.values().length
                ? i18n.tr("flows.statuses.all") : i18n.tr("flows.statuses.some", statuses.size(),
                AgreementStatus.values().length), statuses);
        nothingToDraw = Bindings.createBooleanBinding(() -> loaded.get() && (map.get() == null || map.get().isEmpty()),
                loaded, map);
        types.addListener((javafx.collections.SetChangeListener<AgreementType>) c -> reload());
        statuses.addListener((javafx.collections.SetChangeListener<AgreementStatus>) c -> reload());
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
    }

    FlowFilter filter() {
        return new FlowFilter(types.isEmpty() ? EnumSet.noneOf(AgreementType.class) : EnumSet.copyOf(types),
                statuses.isEmpty() ? EnumSet.noneOf(AgreementStatus.class) : EnumSet.copyOf(statuses));
    }

    /** Reads and lays out the map for the chosen filters in the background; a later request wins. */
    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            map.set(null);
            edges.clear();
            loaded.set(false);
            return;
        }
        long mine = ++request;
        FlowFilter filter = filter();
        context.runner().read(progress -> new Loaded(session.dataFlows().map(filter), session.sharing().total()),
                result -> {
                    if (mine != request) {
                        return;
                    }
                    FlowEdge keep = selected.get();
                    registerEmpty.set(result.agreements() == 0);
                    map.set(result.map());
                    edges.setAll(result.map().edges());
                    selected.set(keep == null ? null : edges.stream().filter(e -> same(e, keep)).findFirst()
                            .orElse(null));
                    loaded.set(true);
                }, failure -> context.dialogs().notify(i18n.tr("flows.loadFailed")));
    }

    /** What one background read brings back. */
    private record Loaded(FlowMap map, long agreements) {
    }

    private static boolean same(FlowEdge a, FlowEdge b) {
        return a.agreement().id().equals(b.agreement().id()) && a.from().equals(b.from()) && a.to().equals(b.to());
    }

    void toggle(AgreementType type, boolean on) {
        if (on) {
            types.add(type);
        } else {
            types.remove(type);
        }
    }

    void toggle(AgreementStatus status, boolean on) {
        if (on) {
            statuses.add(status);
        } else {
            statuses.remove(status);
        }
    }

    /** Shows the agreement on the register page. */
    void open(FlowEdge edge) {
        if (edge != null) {
            context.openRecord(new RecordLink(RecordLink.AGREEMENT, edge.agreement().id()));
        }
    }

    // ---- words ---------------------------------------------------------------------------------------------

    String name(String code) {
        FlowMap m = map.get();
        return m == null ? code : m.node(code).map(FlowNode::organisation).map(o -> o.name(i18n.chinese()))
                .orElse(code);
    }

    /** "Provider → recipient" (⇄ for joint controllers) in the window's language. */
    String flowText(FlowEdge e) {
        return name(e.from()) + (e.mutual() ? " ⇄ " : " → ") + name(e.to());
    }

    String levelText(FlowEdge e) {
        return e.level() == null ? i18n.tr("flows.level.none") : e.level().name(i18n.chinese());
    }

    /** What hovering an edge shows: reference, title, the flow, type, status, level and marks. */
    String tooltip(FlowEdge e) {
        return e.reference() + " — " + e.agreement().title() + "\n" + flowText(e) + "\n"
                + i18n.tr(e.agreement().type().labelKey()) + " · " + i18n.tr(e.agreement().status().labelKey()) + "\n"
                + i18n.tr("flows.tip.level", levelText(e)) + "\n"
                + i18n.tr(e.agreement().personalData() ? "flows.tip.personal.yes" : "flows.tip.personal.no") + "\n"
                + i18n.tr(e.agreement().crossBoundary() ? "flows.tip.crossBoundary.yes" : "flows.tip.crossBoundary.no");
    }

    // ---- zoom ----------------------------------------------------------------------------------------------

    void zoomBy(double factor) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    /** The zoom at which the whole map fits a viewport of this size (never above actual size). */
    void zoomToFit(double viewportWidth, double viewportHeight) {
        FlowMap m = map.get();
        if (m == null || viewportWidth <= 0 || viewportHeight <= 0) {
            return;
        }
        double fit = Math.min(viewportWidth / m.width(), viewportHeight / m.height());
        zoom.set(Math.max(MIN_ZOOM, Math.min(1, fit)));
    }

    // ---- exports -------------------------------------------------------------------------------------------

    /** The name a save dialog offers: the map and today's date. */
    String suggestedName(String extension) {
        return SafeFileName.of(i18n.tr("flows.title") + " " + LocalDate.now() + "." + extension,
                "data-flow-map." + extension);
    }

    /** Writes the map shown as SVG, in the window's language, in the background. */
    void exportSvg(Path target) {
        WorkbenchSession session = context.sessionProperty().get();
        FlowMap m = map.get();
        if (session == null || m == null) {
            return;
        }
        ReportLanguage language = i18n.chinese() ? ReportLanguage.ZH : ReportLanguage.EN;
        context.runner().run(i18n.tr("flows.exporting"), progress -> {
            session.dataFlows().writeSvg(m, language, target);
            return target;
        }, this::exported, failure -> exportFailed(target, failure));
    }

    /** Writes a picture the page took of the map (on the FX thread) as PNG, in the background. */
    void exportPng(MapPicture picture, Path target) {
        context.runner().run(i18n.tr("flows.exporting"), progress -> {
            picture.writePng(target);
            return target;
        }, this::exported, failure -> exportFailed(target, failure));
    }

    private void exported(Path target) {
        context.dialogs().notify(i18n.tr("flows.exported", target.getFileName().toString()));
    }

    private void exportFailed(Path target, Throwable failure) {
        context.dialogs().showError(i18n.tr("flows.title"), i18n.tr("flows.exportFailed",
                target.getFileName().toString()), failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
    }
}
