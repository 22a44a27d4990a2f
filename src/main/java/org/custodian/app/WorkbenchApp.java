package org.custodian.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.custodian.ui.common.FxDialogService;
import org.custodian.ui.common.FxTaskRunner;
import org.custodian.ui.shell.MainWindow;
import org.custodian.ui.shell.MainWindowViewModel;
import org.custodian.ui.shell.ShellSettings;

/** The window face: wires the shell once with plain constructors and opens the last (or default) workbench. */
public final class WorkbenchApp extends Application {

    private MainWindowViewModel model;
    private Stage stage;

    static void launchWindow(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        HostServices host = getHostServices();
        SHOW_DOCUMENT.set(host::showDocument);
        UserPaths paths = UserPaths.fromEnvironment();
        this.stage = primaryStage;
        this.model = wire(primaryStage, paths, OsAccount.current());
        model.openAtStart(requestedFile(getParameters().getRaw()), paths.defaultWorkbench());
        // The PDF engine's first report loads fonts and many classes; do that while the user looks around.
        Thread warm = new Thread(org.custodian.logic.report.Reports::warmUp, "custodian-report-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** Builds the window on {@code stage}; tests call this with their own paths. */
    // How the window opens a document in the system's program: the running application's host services.
    private static final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<String>>
            SHOW_DOCUMENT = new java.util.concurrent.atomic.AtomicReference<>(uri -> { });

    static MainWindowViewModel wire(Stage stage, UserPaths paths, String actor) {
        return wire(stage, paths, actor, d -> d);
    }

    /**
     * As {@link #wire(Stage, UserPaths, String)}, with the dialog service wrapped: a test answers the native file
     * choosers (which a headless run cannot show) and keeps every other dialog real.
     */
    static MainWindowViewModel wire(Stage stage, UserPaths paths, String actor,
                                    java.util.function.UnaryOperator<org.custodian.ui.common.DialogService> dialogsFor) {
        ShellSettings settings = ShellSettings.load(paths.settings());
        StackPane overlay = new StackPane();
        MainWindowViewModel[] holder = new MainWindowViewModel[1];
        org.custodian.ui.common.DialogService dialogs = dialogsFor.apply(
                new FxDialogService(() -> stage, overlay, () -> holder[0].i18n(), uri -> SHOW_DOCUMENT.get().accept(uri)));
        MainWindowViewModel model = new MainWindowViewModel(new FxTaskRunner(), dialogs, settings, actor);
        holder[0] = model;
        MainWindow window = new MainWindow(stage, model, overlay);
        double[] bounds = settings.windowBounds();
        Scene scene = window.createScene(bounds == null ? 1280 : bounds[2], bounds == null ? 800 : bounds[3]);
        stage.setScene(scene);
        if (bounds != null && onSomeScreen(bounds)) {
            stage.setX(bounds[0]);
            stage.setY(bounds[1]);
        }
        stage.setMaximized(settings.maximized());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        var icon = WorkbenchApp.class.getResourceAsStream("/org/custodian/assets/custodian-icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setOnHidden(e -> {
            if (!stage.isMaximized()) {
                settings.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            settings.setMaximized(stage.isMaximized());
            model.shutdown();
        });
        stage.show();
        return model;
    }

    private static boolean onSomeScreen(double[] b) {
        return !javafx.stage.Screen.getScreensForRectangle(b[0], b[1], Math.min(b[2], 100), Math.min(b[3], 100))
                .isEmpty();
    }

    private static Path requestedFile(List<String> raw) {
        if (raw.size() == 2 && raw.get(0).equals("--db")) {
            return Path.of(raw.get(1));
        }
        if (raw.size() == 1 && raw.get(0).startsWith("--db=")) {
            return Path.of(raw.get(0).substring("--db=".length()));
        }
        return null;
    }

    @Override
    public void stop() {
        // the stage's onHidden already closed the workbench and saved the settings
    }
}
