package org.custodian.ui.inventory;

import java.nio.file.Path;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.InlineTaskRunner;
import org.custodian.ui.common.RecordingDialogs;
import org.custodian.ui.shell.MainWindowViewModel;
import org.custodian.ui.shell.ShellSettings;

/** A shell on the inline runner with the sample department loaded: the context the inventory view models get. */
final class InventoryViewModels implements AutoCloseable {

    final RecordingDialogs dialogs = new RecordingDialogs();
    final MainWindowViewModel shell;

    InventoryViewModels(Path dir, boolean withSample) {
        shell = new MainWindowViewModel(new InlineTaskRunner(), dialogs,
                ShellSettings.load(dir.resolve("settings.properties")), "vm-officer");
        shell.open(dir.resolve("w.db"), true, Access.READ_WRITE);
        if (withSample) {
            shell.loadSampleDepartment();
        }
    }

    long auditEvents() {
        return shell.sessionProperty().get().audit().eventCount();
    }

    @Override
    public void close() {
        shell.shutdown();
    }
}
