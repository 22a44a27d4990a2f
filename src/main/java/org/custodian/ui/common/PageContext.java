package org.custodian.ui.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.logic.workbench.WorkbenchSummary;

/** What every page's view model gets from the shell: the open workbench, the runner, dialogs and texts. */
public interface PageContext {

    ReadOnlyObjectProperty<WorkbenchSession> sessionProperty();

    ReadOnlyObjectProperty<WorkbenchSummary> summaryProperty();

    /** True while a workbench file is being opened or restored. */
    javafx.beans.property.ReadOnlyBooleanProperty openingProperty();

    /** Increases whenever records change, so pages know to reload. */
    ReadOnlyIntegerProperty dataVersionProperty();

    /** Pages call this after they change records. */
    void dataChanged();

    TaskRunner runner();

    /** A table's remembered layout (see {@link TableLayout}), or null. */
    String tableLayout(String tableId);

    /** Remembers a table's layout; written in the background. */
    void saveTableLayout(String tableId, String layout);

    DialogService dialogs();

    /** The font file the user chose for the reports' Chinese text, or null for the system's. */
    java.nio.file.Path reportFont();

    /** Remembers the reports' font file (null: the system's); written in the background. */
    void setReportFont(java.nio.file.Path font);

    /** Shows a record on the page that keeps records of its kind. */
    void openRecord(RecordLink link);

    /** The latest request to show a record, until the page it is for takes it (then null). */
    ReadOnlyObjectProperty<RecordLink> recordRequestProperty();

    /** The page took the request. */
    void recordRequestHandled();

    /** Shows a register's list filtered as the request says, on the page that keeps that register. */
    void openList(ListRequest request);

    /** The latest request to show a list filtered, until the page it is for takes it (then null). */
    ReadOnlyObjectProperty<ListRequest> listRequestProperty();

    /** The page took the list request. */
    void listRequestHandled();

    /** Shows the audit log filtered to one record (a record's "Open in the audit log"). */
    void openAuditLog(org.custodian.model.audit.AuditFilter filter);

    /** The latest request to show the audit log filtered, until the audit log page takes it (then null). */
    ReadOnlyObjectProperty<org.custodian.model.audit.AuditFilter> auditRequestProperty();

    /** The audit log page took the request. */
    void auditRequestHandled();

    I18n i18n();

    /** Loads the sample department into the open workbench, in the background. */
    void loadSampleDepartment();

    /** Lets the user pick another workbench file. */
    void chooseAndOpenWorkbench();

    /** Lets the user name a new workbench file. */
    void chooseAndCreateWorkbench();
}
