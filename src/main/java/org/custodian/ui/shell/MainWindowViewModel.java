package org.custodian.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.workbench.Backups;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.logic.workbench.WorkbenchSummary;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.custodian.ui.common.DialogService;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.TaskRunner;

/**
 * The shell's state and commands: which workbench is open, which page shows, theme and language, and the
 * file-level actions of the File menu. All disk work goes through the {@link TaskRunner}.
 */
public final class MainWindowViewModel implements PageContext {

    // --- properties ---
    private final ReadOnlyObjectWrapper<WorkbenchSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WorkbenchSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper dataVersion = new ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper opening = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.WORKBENCH);
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.custodian.ui.common.RecordLink> recordRequest =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<org.custodian.ui.common.ListRequest> listRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<org.custodian.model.audit.AuditFilter> auditRequest =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<I18n> i18n;
    private final BooleanProperty dark;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ShellSettings settings;
    private final String actor;

    public MainWindowViewModel(TaskRunner runner, DialogService dialogs, ShellSettings settings, String actor) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.actor = actor;
        this.i18n = new ReadOnlyObjectWrapper<>(I18n.forTag(settings.language()));
        this.dark = new SimpleBooleanProperty(settings.darkTheme());
        dark.addListener((o, was, now) -> {
            settings.setDarkTheme(now);
            settings.saveInBackground();
        });
        recentFiles.setAll(settings.recentFiles());
    }

    // --- PageContext ---
    @Override
    public ReadOnlyObjectProperty<WorkbenchSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<WorkbenchSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyIntegerProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    @Override
    public void dataChanged() {
        dataVersion.set(dataVersion.get() + 1);
        refreshSummary();
    }

    @Override
    public String tableLayout(String tableId) {
        return settings.tableLayout(tableId);
    }

    @Override
    public void saveTableLayout(String tableId, String layout) {
        settings.setTableLayout(tableId, layout);
        settings.saveInBackground();
    }

    @Override
    public java.nio.file.Path reportFont() {
        return settings.reportFont();
    }

    @Override
    public void setReportFont(java.nio.file.Path font) {
        settings.setReportFont(font);
        settings.saveInBackground();
    }

    @Override
    public TaskRunner runner() {
        return runner;
    }

    @Override
    public DialogService dialogs() {
        return dialogs;
    }

    @Override
    public void openRecord(org.custodian.ui.common.RecordLink link) {
        recordRequest.set(link);
        page.set(switch (link.entityType()) {
            case org.custodian.ui.common.RecordLink.AGREEMENT -> Page.AGREEMENTS;
            case org.custodian.ui.common.RecordLink.ASSESSMENT -> Page.ASSESSMENTS;
            default -> Page.DATASETS;
        });
    }

    @Override
    public ReadOnlyObjectProperty<org.custodian.ui.common.RecordLink> recordRequestProperty() {
        return recordRequest.getReadOnlyProperty();
    }

    @Override
    public void recordRequestHandled() {
        recordRequest.set(null);
    }

    @Override
    public void openList(org.custodian.ui.common.ListRequest request) {
        Page target = request instanceof org.custodian.ui.common.ListRequest.Datasets ? Page.DATASETS
                : request instanceof org.custodian.ui.common.ListRequest.Agreements ? Page.AGREEMENTS
                : request instanceof org.custodian.ui.common.ListRequest.Reviews ? Page.REVIEWS
                : request instanceof org.custodian.ui.common.ListRequest.Assessments ? Page.ASSESSMENTS
                : Page.FINDINGS;
        listRequest.set(request);
        page.set(target);
    }

    @Override
    public ReadOnlyObjectProperty<org.custodian.ui.common.ListRequest> listRequestProperty() {
        return listRequest.getReadOnlyProperty();
    }

    @Override
    public void listRequestHandled() {
        listRequest.set(null);
    }

    @Override
    public void openAuditLog(org.custodian.model.audit.AuditFilter filter) {
        auditRequest.set(filter);
        page.set(Page.AUDIT);
    }

    @Override
    public ReadOnlyObjectProperty<org.custodian.model.audit.AuditFilter> auditRequestProperty() {
        return auditRequest.getReadOnlyProperty();
    }

    @Override
    public void auditRequestHandled() {
        auditRequest.set(null);
    }

    @Override
    public I18n i18n() {
        return i18n.get();
    }

    public ReadOnlyObjectProperty<I18n> i18nProperty() {
        return i18n.getReadOnlyProperty();
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ShellSettings settings() {
        return settings;
    }

    // --- commands: language ---
    public void setLanguage(String tag) {
        settings.setLanguage(tag);
        settings.saveInBackground();
        i18n.set(I18n.forTag(tag));
    }

    // --- commands: files ---

    /** How an open treats a missing or existing file. */
    private enum Creation {
        /** The file must exist. */
        EXISTING,
        /** A missing file becomes a new, empty workbench. */
        IF_MISSING,
        /** New workbench: an existing file is refused, never replaced. */
        NEW_ONLY
    }

    /** Opens the file to start with: the one asked for, the last one, else the default workbench. */
    public void openAtStart(Path requested, Path defaultWorkbench) {
        if (requested != null) {
            startOpening(requested, () -> openNow(requested, Access.READ_WRITE, Creation.IF_MISSING));
            return;
        }
        Path last = settings.lastFile();
        startOpening(last != null ? last : defaultWorkbench, () -> {
            // Whether the last file is still there is asked off the FX thread, like every disk question.
            boolean lastIsThere = last != null && Files.exists(last);
            return lastIsThere ? openNow(last, Access.READ_WRITE, Creation.EXISTING)
                    : openNow(defaultWorkbench, Access.READ_WRITE, Creation.IF_MISSING);
        });
    }

    /** Closes the open workbench (if any) and opens {@code file} in the background. */
    public void open(Path file, boolean createIfMissing, Access access) {
        startOpening(file, () -> openNow(file, access, createIfMissing ? Creation.IF_MISSING : Creation.EXISTING));
    }

    /** Makes a new, empty workbench; never replaces an existing file. */
    public void createWorkbench(Path file) {
        startOpening(file, () -> openNow(file, Access.READ_WRITE, Creation.NEW_ONLY));
    }

    private void startOpening(Path file, java.util.function.Supplier<OpenOutcome> how) {
        if (opening.get()) {
            return; // one open at a time; the File menu is disabled meanwhile
        }
        WorkbenchSession previous = session.get();
        session.set(null);
        summary.set(null);
        opening.set(true);
        runner.run(tr("task.opening", file.getFileName()), progress -> {
            if (previous != null) {
                previous.close();
            }
            return how.get();
        }, this::opened, failure -> {
            opening.set(false);
            dialogs.showError(tr("open.failed.title"), tr("open.failed.unexpected", file), failure.getMessage());
        });
    }

    /** Runs on the worker thread: opens, or explains why not and finds a backup that may help. */
    private OpenOutcome openNow(Path file, Access access, Creation creation) {
        try {
            if (creation == Creation.NEW_ONLY && Files.exists(file)) {
                throw new WorkbenchAccessException(Reason.EXISTS, file, file + " already exists.", null);
            }
            WorkbenchSession opened = WorkbenchSession.open(file, access, actor, creation != Creation.EXISTING,
                    settings.templatesFolder());
            try {
                if (access == Access.READ_ONLY && !opened.isCurrentSchema()) {
                    opened.close();
                    throw new WorkbenchAccessException(Reason.OLDER_SCHEMA, file, file
                            + " uses an older schema; it is upgraded only when opened for writing.", null);
                }
                WorkbenchSummary first = opened.summary();
                boolean anyRecords = first.datasets() > 0 || first.agreements() > 0
                        || opened.assessments().total() > 0;
                return new OpenOutcome.Opened(opened, first, anyRecords);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        } catch (WorkbenchAccessException e) {
            Optional<Path> backup = e.restoreMayHelp() ? Backups.newestVerified(file) : Optional.empty();
            return new OpenOutcome.Refused(file, e, backup);
        }
    }

    private void opened(OpenOutcome outcome) {
        opening.set(false);
        if (outcome instanceof OpenOutcome.Opened o) {
            session.set(o.session());
            summary.set(o.summary());
            settings.rememberOpened(o.session().file());
            settings.saveInBackground();
            recentFiles.setAll(settings.recentFiles());
            dataVersion.set(dataVersion.get() + 1);
            // A workbench with records opens on where it stands; an empty one on the page that fills it.
            page.set(o.anyRecords() ? Page.DASHBOARD : Page.WORKBENCH);
            if (o.session().preMigrationBackup() != null) {
                dialogs.notify(tr("open.migrated", o.session().preMigrationBackup().getFileName()));
            }
            if (o.session().access() == Access.READ_ONLY) {
                dialogs.notify(tr("open.readOnly"));
            }
            takeRoutineBackup(o.session(), false);
        } else if (outcome instanceof OpenOutcome.Refused r) {
            offerWayOut(r);
        }
    }

    /** Tells why a file was refused and offers what may help: a sound backup, read-only, another file. */
    private void offerWayOut(OpenOutcome.Refused refused) {
        WorkbenchAccessException e = refused.reason();
        String message = tr("open.reason." + e.reason().name(), refused.file(),
                e.holder() == null ? "" : e.holder().describe());
        List<String> choices = new ArrayList<>();
        List<Runnable> commands = new ArrayList<>();
        refused.newestVerifiedBackup().ifPresent(backup -> {
            choices.add(tr("open.choice.restore", backup.getFileName()));
            commands.add(() -> restore(backup, refused.file()));
        });
        if (e.reason() == Reason.OLDER_SCHEMA) {
            choices.add(tr("open.choice.readWrite"));
            commands.add(() -> open(refused.file(), false, Access.READ_WRITE));
        }
        if (e.reason() == Reason.LOCKED || e.reason() == Reason.NOT_WRITABLE) {
            choices.add(tr("open.choice.readOnly"));
            commands.add(() -> open(refused.file(), false, Access.READ_ONLY));
        }
        choices.add(tr("open.choice.another"));
        commands.add(this::chooseAndOpenWorkbench);
        choices.add(tr("open.choice.new"));
        commands.add(this::chooseAndCreateWorkbench);
        String backupNote = refused.newestVerifiedBackup().map(b -> "\n\n" + tr("open.backupAvailable", b))
                .orElse("");
        dialogs.choose(tr("open.failed.title"), message + backupNote + "\n\n" + tr("open.nothingChanged"), choices)
                .ifPresent(i -> commands.get(i).run());
    }

    @Override
    public void chooseAndOpenWorkbench() {
        Path folder = session.get() != null ? session.get().file().getParent() : null;
        dialogs.chooseFileToOpen(tr("action.openWorkbench"), folder, tr("file.filter.workbench"), "*.db", "*.sqlite")
                .ifPresent(p -> open(p, false, Access.READ_WRITE));
    }

    @Override
    public void chooseAndCreateWorkbench() {
        Path folder = session.get() != null ? session.get().file().getParent() : null;
        dialogs.chooseFileToSave(tr("action.newWorkbench"), folder, "workbench.db", tr("file.filter.workbench"),
                "*.db").ifPresent(this::createWorkbench);
    }

    public void chooseAndBackUp() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        String name = stem(current.file()) + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmm")) + ".db";
        // The chooser starts in backups/ when it exists (it checks; the native dialog reads the disk anyway).
        dialogs.chooseFileToSave(tr("action.backupNow"), current.file().getParent().resolve("backups"),
                name, tr("file.filter.workbench"), "*.db").ifPresent(this::backUpTo);
    }

    public void backUpTo(Path target) {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        runner.run(tr("task.backingUp"), progress -> current.backups().backupTo(target, true),
                written -> dialogs.notify(tr("backup.done", written)),
                failure -> dialogs.showError(tr("backup.failed.title"), tr("backup.failed", target),
                        failure.getMessage()));
    }

    /** File › Back up encrypted…: asks for a passphrase twice, then where to write the sealed backup. */
    public void chooseAndBackUpEncrypted() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        PassphraseForm form = new PassphraseForm(i18n(), tr("backup.encrypted.message"), true);
        if (!dialogs.showForm(tr("action.backupEncrypted").replace("…", ""), form, tr("backup.encrypted.next"),
                form::acceptable)) {
            PassphraseForm.wipe(form.take());
            return;
        }
        char[] secret = form.take();
        String name = stem(current.file()) + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmm")) + ".cbk";
        Optional<Path> target = dialogs.chooseFileToSave(tr("action.backupEncrypted"),
                current.file().getParent().resolve("backups"), name, tr("file.filter.encryptedBackup"), "*.cbk");
        if (target.isEmpty()) {
            PassphraseForm.wipe(secret);
            return;
        }
        runner.runCancellable(tr("task.backingUpEncrypted"),
                progress -> current.backups().backupEncrypted(target.get(), true, secret, progress),
                manifest -> dialogs.notify(tr("backup.encrypted.done", target.get())),
                failure -> dialogs.showError(tr("backup.failed.title"), tr("backup.failed", target.get()),
                        failure.getMessage()));
    }

    /**
     * File › Restore: lists the backups with their manifests (read in the background), lets the person pick one or
     * another file, and restores it after a confirmation.
     */
    public void chooseAndRestore() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        runner.read(progress -> new BackupChoices(current.backups().folder(), current.backups().list(),
                        current.backups().rotation()),
                choices -> showBackups(current, choices),
                failure -> dialogs.showError(tr("restore.failed.title"), tr("backups.unreadable"),
                        failure.getMessage()));
    }

    private record BackupChoices(Path folder, List<org.custodian.model.workbench.BackupEntry> entries,
                                 org.custodian.model.workbench.BackupRotation rotation) {
    }

    private void showBackups(WorkbenchSession current, BackupChoices choices) {
        BackupsView view = new BackupsView(i18n(), choices.folder(), choices.entries(), choices.rotation(),
                () -> dialogs.chooseFileToOpen(tr("backups.otherFile"), choices.folder(),
                        tr("file.filter.anyBackup"), "*.db", "*.cbk"),
                (keepLast, keepWeeks, shown) -> {
                    if (!dialogs.confirm(tr("backups.rotation.confirm.title"), tr("backups.rotation.confirm",
                            keepLast, keepWeeks), tr("backups.rotation.apply"))) {
                        return;
                    }
                    runner.run(tr("task.savingRotation"), progress -> current.backups()
                                    .setRotation(new org.custodian.model.workbench.BackupRotation(keepLast, keepWeeks)),
                            deleted -> {
                                shown.accept(deleted);
                                dialogs.notify(tr("backups.rotation.saved", deleted.size()));
                            },
                            failure -> dialogs.showError(tr("backups.title"), tr("backups.rotation.failed"),
                                    failure.getMessage()));
                });
        if (!dialogs.showForm(tr("backups.title"), view, tr("backups.restore"), () -> view.chosen() != null)) {
            return;
        }
        Path from = view.chosen();
        if (dialogs.confirm(tr("restore.confirm.title"), tr("restore.confirm", current.file(), from),
                tr("restore.confirm.button"))) {
            runner.read(progress -> Backups.isEncrypted(from), encrypted -> {
                if (!encrypted) {
                    restore(from, current.file());
                    return;
                }
                PassphraseForm form = new PassphraseForm(i18n(), tr("restore.passphrase", from.getFileName()), false);
                if (dialogs.showForm(tr("action.restoreBackup").replace("…", ""), form, tr("restore.confirm.button"),
                        form::acceptable)) {
                    restore(from, current.file(), form.take());
                } else {
                    PassphraseForm.wipe(form.take());
                }
            }, failure -> dialogs.showError(tr("restore.failed.title"), tr("restore.failed", from),
                    failure.getMessage()));
        }
    }

    /** Closes the workbench, restores {@code from} over {@code target} and opens the result. */
    public void restore(Path from, Path target) {
        restore(from, target, null);
    }

    /** As {@link #restore(Path, Path)}, with the passphrase of an encrypted backup (wiped when done). */
    private void restore(Path from, Path target, char[] passphrase) {
        WorkbenchSession previous = session.get();
        session.set(null);
        summary.set(null);
        opening.set(true);
        runner.run(tr("task.restoring"), progress -> {
            try {
                if (previous != null) {
                    previous.close();
                }
                return Backups.restore(from, target, actor, backup -> passphrase == null ? Optional.empty()
                        : Optional.of(passphrase.clone()));
            } finally {
                PassphraseForm.wipe(passphrase);
            }
        }, result -> {
            opening.set(false);
            dialogs.notify(result.keptAs() == null ? tr("restore.done", from)
                    : tr("restore.doneKept", from, result.keptAs()));
            open(target, false, Access.READ_WRITE);
        }, failure -> {
            opening.set(false);
            dialogs.showError(tr("restore.failed.title"), tr("restore.failed", from), failure.getMessage());
            open(target, false, Access.READ_WRITE);
        });
    }

    /**
     * The routine backups of a workbench open for writing: one when it opens, then one a day while it stays open.
     * Both run in the background and are skipped when the newest backup already holds the file's state.
     */
    private void takeRoutineBackup(WorkbenchSession current, boolean daily) {
        if (current == null || current.access() != Access.READ_WRITE) {
            return;
        }
        runner.run(tr(daily ? "task.dailyBackup" : "task.openingBackup"), progress -> daily
                        ? current.backups().dailyIfDue(java.time.Instant.now())
                        : current.backups().routine("opening"),
                taken -> routineBackupFailed = false,
                failure -> {
                    // Said in full once; a lasting fault (a full disk) must not stack a dialog every hour.
                    if (routineBackupFailed) {
                        dialogs.notify(tr("backup.routineFailedAgain"));
                    } else {
                        routineBackupFailed = true;
                        dialogs.showError(tr("backup.failed.title"), tr("backup.routineFailed"),
                                failure.getMessage());
                    }
                });
    }

    private boolean routineBackupFailed;

    /** Called by the window about once an hour: takes the daily backup when the newest is a day old. */
    public void dailyBackupCheck() {
        WorkbenchSession current = session.get();
        if (current != null && !opening.get()) {
            takeRoutineBackup(current, true);
        }
    }

    @Override
    public void loadSampleDepartment() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        runner.run(tr("task.loadingSample"), progress -> current.sample().load(), reports -> {
            int created = reports.stream().mapToInt(ImportReport::created).sum();
            dialogs.notify(tr("sample.loaded", created));
            dataChanged();
            // Loaded from the workbench page (the empty workbench's first screen): show where the sample stands.
            if (page.get() == Page.WORKBENCH) {
                page.set(Page.DASHBOARD);
            }
        }, failure -> dialogs.showError(tr("sample.failed.title"), tr("sample.failed"), failure.getMessage()));
    }

    public void verifyAuditChain() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        runner.runCancellable(tr("task.verifyingAudit"), progress -> {
            long total = current.audit().eventCount();
            return current.audit().verify(null, checked -> {
                if (progress.isCancelled()) {
                    throw new java.util.concurrent.CancellationException("verification cancelled");
                }
                progress.update(checked, total);
            });
        }, this::showVerdict,
                failure -> dialogs.showError(tr("audit.verify.title"), tr("audit.verify.failed"),
                        failure.getMessage()));
    }

    /** Says plainly what the walk found: intact with how many events and the head, or where it breaks and why. */
    void showVerdict(ChainVerdict verdict) {
        if (verdict.isIntact()) {
            dialogs.showInformation(tr("audit.verify.title"), tr("audit.verify.intact",
                    String.format(i18n.get().locale(), "%,d", verdict.eventsChecked()), verdict.head().asText()));
        } else if (verdict.firstBadSequence().isPresent()) {
            dialogs.showError(tr("audit.verify.title"), tr("audit.verify.broken",
                    Long.toString(verdict.firstBadSequence().getAsLong()),
                    String.format(i18n.get().locale(), "%,d", verdict.eventsChecked()), verdict.problem()),
                    verdict.describe());
        } else {
            dialogs.showError(tr("audit.verify.title"), tr("audit.verify.guards"), verdict.guardProblem());
        }
    }

    public void refreshSummary() {
        WorkbenchSession current = session.get();
        if (current == null) {
            return;
        }
        runner.run(tr("task.refreshing"), progress -> current.summary(), s -> {
            if (session.get() == current) {
                summary.set(s);
            }
        }, failure -> dialogs.notify(tr("status.refreshFailed")));
    }

    /** Closes the workbench on exit; the window is going away, so this may wait for the disk. */
    public void shutdown() {
        runner.shutdown();
        WorkbenchSession current = session.get();
        if (current != null) {
            current.close();
        }
        settings.saveNow();
    }

    String tr(String key, Object... args) {
        return i18n.get().tr(key, args);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** For tests and the About box: the session's summary text pieces. */
    public Optional<WorkbenchSummary> currentSummary() {
        return Optional.ofNullable(summary.get());
    }
}
