package org.custodian.ui.home;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.custodian.logic.workbench.WorkbenchSummary;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/** The workbench page: facts about the open file and, while it is empty, the offer of the sample department. */
final class WorkbenchPageModel {

    private final PageContext context;
    private final Runnable openReferenceLists;

    // --- properties ---
    final BooleanBinding opening;
    final BooleanBinding closed;
    final BooleanBinding empty;
    final StringBinding file;
    final StringBinding schema;
    final StringBinding access;
    final StringBinding actor;
    final StringBinding auditHead;
    final StringBinding auditEvents;
    final StringBinding organisations;
    final StringBinding categories;
    final StringBinding formats;

    WorkbenchPageModel(PageContext context, Runnable openReferenceLists) {
        this.context = context;
        this.openReferenceLists = openReferenceLists;
        var summary = context.summaryProperty();
        I18n i18n = context.i18n();
        opening = Bindings.createBooleanBinding(() -> context.openingProperty().get()
                || (context.sessionProperty().get() != null && summary.get() == null),
                context.openingProperty(), context.sessionProperty(), summary);
        closed = Bindings.createBooleanBinding(() -> !context.openingProperty().get()
                && context.sessionProperty().get() == null, context.openingProperty(), context.sessionProperty());
        empty = Bindings.createBooleanBinding(() -> summary.get() != null && summary.get().isEmpty(), summary);
        file = text(s -> s.file().toString());
        schema = text(s -> s.schemaVersion());
        access = text(s -> i18n.tr(s.access() == Access.READ_WRITE ? "workbench.access.readWrite"
                : "workbench.access.readOnly"));
        actor = text(WorkbenchSummary::actor);
        auditHead = text(s -> s.auditHead().sequence() == 0 ? i18n.tr("workbench.audit.none")
                : s.auditHead().asText());
        auditEvents = text(s -> i18n.tr("workbench.audit.events", s.auditEvents()));
        organisations = text(s -> Integer.toString(s.count(ReferenceList.ORGANISATION)));
        categories = text(s -> Integer.toString(s.count(ReferenceList.CATEGORY)));
        formats = text(s -> Integer.toString(s.count(ReferenceList.FORMAT)));
    }

    private StringBinding text(java.util.function.Function<WorkbenchSummary, String> f) {
        var summary = context.summaryProperty();
        return Bindings.createStringBinding(() -> summary.get() == null ? "" : f.apply(summary.get()), summary);
    }

    // --- commands ---
    void loadSample() {
        context.loadSampleDepartment();
    }

    void createNew() {
        context.chooseAndCreateWorkbench();
    }

    void openAnother() {
        context.chooseAndOpenWorkbench();
    }

    void openReferenceLists() {
        openReferenceLists.run();
    }
}
