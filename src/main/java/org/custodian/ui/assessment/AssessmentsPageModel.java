package org.custodian.ui.assessment;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.assessment.AssessmentExchange;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/** The assessments list: every revision, filtered by status, read in the background; starting, importing, exporting. */
final class AssessmentsPageModel {

    final ObservableList<Assessment> rows = FXCollections.observableArrayList();
    final ObjectProperty<AssessmentStatus> status = new SimpleObjectProperty<>();
    /** The risk level's id to show (null: every level; "" those not rated yet). */
    final ObjectProperty<String> riskLevel = new SimpleObjectProperty<>();
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding countText;
    private final PageContext context;
    private final I18n i18n;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);
    private long request;

    AssessmentsPageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        countText = Bindings.createStringBinding(() -> i18n.tr("assessments.count", rows.size()), rows);
        context.sessionProperty().addListener(weakReload);
        context.dataVersionProperty().addListener(weakReload);
        status.addListener(weakReload);
        riskLevel.addListener(weakReload);
    }

    void dispose() {
        context.sessionProperty().removeListener(weakReload);
        context.dataVersionProperty().removeListener(weakReload);
    }

    /**
     * Takes the revisions another page asked for (a dashboard tile): its status and risk level, nothing else.
     * False when the pending request is for another page.
     */
    boolean takeListRequest() {
        if (!(context.listRequestProperty().get() instanceof org.custodian.ui.common.ListRequest.Assessments r)) {
            return false;
        }
        context.listRequestHandled();
        status.set(r.status());
        riskLevel.set(r.riskLevel());
        return true;
    }

    WorkbenchSession session() {
        return context.sessionProperty().get();
    }

    void reload() {
        WorkbenchSession s = session();
        long mine = ++request;
        if (s == null) {
            rows.clear();
            writable.set(false);
            return;
        }
        writable.set(s.access() == Access.READ_WRITE);
        AssessmentStatus wanted = status.get();
        String risk = riskLevel.get();
        context.runner().read(p -> s.assessments().list(wanted, risk), list -> {
            if (mine == request) {
                rows.setAll(list);
            }
        }, this::failed);
    }

    List<TemplateCatalog.Entry> templates() {
        return session().assessments().catalog().usable();
    }

    void create(TemplateCatalog.Entry template, String title, AssessmentSubject subject,
            Consumer<Outcome<Assessment>> done) {
        WorkbenchSession s = session();
        context.runner().run(i18n.tr("assessments.new"), p -> s.assessments().create(template, title, subject), o -> {
            if (o.isDone()) {
                context.dataChanged();
            }
            done.accept(o);
        }, this::failed);
    }

    void importFile(Path file, boolean toLatest, boolean asNew, Consumer<AssessmentExchange.Imported> done) {
        WorkbenchSession s = session();
        context.runner().run(i18n.tr("assessments.import"), p -> s.assessmentExchange().importFile(file, toLatest,
                        asNew),
                r -> {
                    context.dataChanged();
                    done.accept(r);
                }, failure -> context.dialogs().showError(i18n.tr("assessments.import.failed"),
                        failure.getMessage(), failure.getMessage()));
    }

    void export(UUID key, Path out) {
        WorkbenchSession s = session();
        context.runner().run(i18n.tr("assessments.export"), p -> s.assessmentExchange().export(key, out),
                files -> context.dialogs().notify(i18n.tr("assessments.exported", out.getFileName(), files)),
                this::failed);
    }

    void failed(Throwable failure) {
        context.dialogs().showError(i18n.tr("assessment.failed.title"), i18n.tr("assessment.failed"),
                failure.getMessage());
    }
}
