package org.custodian.ui.classification;

import java.nio.file.Path;
import java.util.Optional;
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
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.logic.io.FileProblem;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The classification scheme page: the levels and their handling rules, and loading a department's scheme file
 * (checked first, every problem shown with its line) or a bundled scheme.
 */
final class SchemePageModel {

    final ObjectProperty<ClassificationScheme> scheme = new SimpleObjectProperty<>();
    final ObservableList<ClassificationLevel> levels = FXCollections.observableArrayList();
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringBinding title;

    private final PageContext context;
    private final I18n i18n;
    private final ChangeListener<Object> reloadOnChange = (o, a, b) -> reload();
    private final WeakChangeListener<Object> weakReload = new WeakChangeListener<>(reloadOnChange);

    SchemePageModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        title = Bindings.createStringBinding(() -> scheme.get() == null ? "" : i18n.tr("scheme.subtitle",
                i18n.chinese() ? scheme.get().nameTc() : scheme.get().nameEn(), String.valueOf(levels.size())),
                scheme, levels);
        context.dataVersionProperty().addListener(weakReload);
        context.sessionProperty().addListener(weakReload);
    }

    /** Shows the scheme's loads in the audit log. */
    void openInAuditLog() {
        ClassificationScheme s = scheme.get();
        if (s != null) {
            context.openAuditLog(org.custodian.model.audit.AuditFilter.forRecord("classification_scheme", s.id()));
        }
    }

    void dispose() {
        context.dataVersionProperty().removeListener(weakReload);
        context.sessionProperty().removeListener(weakReload);
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        writable.set(session != null && session.access() == Access.READ_WRITE);
        if (session == null) {
            scheme.set(null);
            levels.clear();
            return;
        }
        context.runner().read(progress -> session.classification().scheme(), s -> {
            scheme.set(s);
            levels.setAll(s.levels());
        }, failure -> context.dialogs().notify(i18n.tr("scheme.loadFailed")));
    }

    /** Picks a scheme file, checks it in the background and, when it is sound and confirmed, loads it. */
    void loadFile() {
        Optional<Path> file = context.dialogs().chooseFileToOpen(i18n.tr("scheme.choose"), null,
                i18n.tr("scheme.files"), "*.yaml", "*.yml", "*.json");
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        context.runner().read(progress -> SchemeFile.read(path), result -> {
            if (!result.valid()) {
                context.dialogs().showError(i18n.tr("scheme.invalid.title"), i18n.tr("scheme.invalid",
                        path.getFileName().toString(), String.valueOf(result.problems().size())),
                        String.join("\n", result.problems().stream().map(FileProblem::describe).toList()));
                return;
            }
            confirmAndLoad(result.scheme(), path.getFileName().toString());
        }, failure -> context.dialogs().showError(i18n.tr("scheme.invalid.title"),
                i18n.tr("scheme.unreadable", path.getFileName().toString()), failure.getMessage()));
    }

    /** Loads one of the bundled schemes. */
    void loadBundled(String id) {
        context.runner().read(progress -> SchemeFile.bundled(id), s -> confirmAndLoad(s, "bundled " + id),
                failure -> context.dialogs().showError(i18n.tr("scheme.invalid.title"),
                        i18n.tr("scheme.unreadable", id), failure.getMessage()));
    }

    private void confirmAndLoad(ClassificationScheme s, String from) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null || !context.dialogs().confirm(i18n.tr("scheme.confirm.title"), i18n.tr("scheme.confirm",
                i18n.chinese() ? s.nameTc() : s.nameEn(), s.codes()), i18n.tr("scheme.confirm.action"))) {
            return;
        }
        context.runner().run(i18n.tr("task.loadingScheme"), progress -> session.classification().loadScheme(s, from),
                (Outcome<ClassificationScheme> outcome) -> {
                    if (outcome.isDone()) {
                        context.dialogs().notify(i18n.tr("scheme.loaded", i18n.chinese() ? s.nameTc() : s.nameEn()));
                        context.dataChanged();
                    } else {
                        context.dialogs().showError(i18n.tr("scheme.refused.title"), String.join("\n",
                                outcome.problems().stream().map(i18n::problem).toList()), null);
                    }
                },
                failure -> context.dialogs().showError(i18n.tr("scheme.refused.title"), i18n.tr("scheme.failed"),
                        failure.getMessage()));
    }
}
