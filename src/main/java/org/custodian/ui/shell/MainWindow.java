package org.custodian.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.custodian.logic.workbench.ProductVersion;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageView;
import org.custodian.ui.home.WorkbenchPage;
import org.custodian.ui.reference.ReferenceListsPage;

/**
 * The window: menu bar, sidebar, the current page and the status bar. Built in code from the view model; a
 * language switch rebuilds it in place, keeping the open workbench and the current page.
 */
public final class MainWindow {

    private static final String STYLESHEET = "/org/custodian/assets/custodian.css";

    private final Stage stage;
    private final MainWindowViewModel model;
    private final StackPane overlay;
    private final Map<Page, PageView> pages = new EnumMap<>(Page.class);
    private final BorderPane frame = new BorderPane();
    // The current menu bar's listener on the recent files; replaced (and the old one collected) on rebuild.
    private javafx.collections.ListChangeListener<Path> recentListener;

    /** @param overlay the scene's root, also used by the dialog service for notifications */
    public MainWindow(Stage stage, MainWindowViewModel model, StackPane overlay) {
        this.stage = stage;
        this.model = model;
        this.overlay = overlay;
        overlay.getChildren().add(0, frame);
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
        model.i18nProperty().addListener((o, a, b) -> build());
        model.pageProperty().addListener((o, a, page) -> show(page));
        model.sessionProperty().addListener((o, a, b) -> updateTitle());
        // Quitting (the menu, the window's close box) with typed changes unsaved asks first.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        build();
        // The daily backup while the window stays open: checked hourly, taken when the newest is a day old.
        javafx.animation.Timeline daily = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.hours(1), e -> model.dailyBackupCheck()));
        daily.setCycleCount(javafx.animation.Animation.INDEFINITE);
        daily.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> daily.stop());
    }

    public Scene createScene(double width, double height) {
        Scene scene = new Scene(overlay, width, height);
        var css = MainWindow.class.getResource(STYLESHEET);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        // Esc closes the current page's detail drawer, wherever the focus is.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE),
                () -> pageView(model.pageProperty().get()).closeDrawer());
        return scene;
    }

    private void build() {
        I18n i18n = model.i18n();
        pages.values().forEach(PageView::dispose);
        pages.clear();
        frame.setTop(menuBar(i18n));
        frame.setLeft(new Sidebar(model, i18n));
        frame.setBottom(new StatusBar(model, i18n));
        show(model.pageProperty().get());
        updateTitle();
    }

    private void show(Page page) {
        frame.setCenter(pageView(page).node());
    }

    private PageView pageView(Page page) {
        return pages.computeIfAbsent(page, p -> switch (p) {
            case DASHBOARD -> new org.custodian.ui.oversight.DashboardPage(model);
            case WORKBENCH -> new WorkbenchPage(model, () -> model.pageProperty().set(Page.REFERENCE_LISTS));
            case DATASETS -> new org.custodian.ui.inventory.DatasetListView(model);
            case REFERENCE_LISTS -> new ReferenceListsPage(model);
            case REVIEWS -> new org.custodian.ui.classification.ReviewsPage(model);
            case SCHEME -> new org.custodian.ui.classification.SchemePage(model);
            case AGREEMENTS -> new org.custodian.ui.sharing.AgreementsPage(model);
            case AGREEMENTS_DUE -> new org.custodian.ui.sharing.AgreementsDuePage(model);
            case ASSESSMENTS -> new org.custodian.ui.assessment.AssessmentsPage(model);
            case FINDINGS -> new org.custodian.ui.oversight.FindingsPage(model);
            case DATA_FLOWS -> new org.custodian.ui.oversight.DataFlowMapPage(model);
            case AUDIT -> new org.custodian.ui.audit.AuditLogPage(model);
            case TRASH -> new org.custodian.ui.trash.TrashPage(model);
        });
    }

    private boolean mayClose() {
        boolean unsaved = pages.values().stream().anyMatch(PageView::hasUnsavedChanges);
        return !unsaved || model.dialogs().confirm(model.i18n().tr("quit.unsaved.title"),
                model.i18n().tr("quit.unsaved"), model.i18n().tr("quit.unsaved.discard"));
    }

    /** Before the pages are rebuilt or the workbench replaced: typed changes are lost only when the user says so. */
    private boolean mayDiscardEdits() {
        boolean unsaved = pages.values().stream().anyMatch(PageView::hasUnsavedChanges);
        return !unsaved || model.dialogs().confirm(model.i18n().tr("quit.unsaved.title"),
                model.i18n().tr("edits.unsaved"), model.i18n().tr("dataset.unsaved.discard"));
    }

    private void switchLanguage(String tag, Runnable tickCurrent) {
        if (mayDiscardEdits()) {
            model.setLanguage(tag);
        } else {
            tickCurrent.run();
        }
    }

    private Runnable guarded(Runnable action) {
        return () -> {
            if (mayDiscardEdits()) {
                action.run();
            }
        };
    }

    private void updateTitle() {
        var session = model.sessionProperty().get();
        stage.setTitle(session == null ? "Custodian" : "Custodian — " + session.file().getFileName()
                + (session.access() == Access.READ_ONLY ? " (" + model.i18n().tr("workbench.access.readOnly") + ")" : ""));
    }

    private MenuBar menuBar(I18n i18n) {
        ActionFactory actions = new ActionFactory(i18n);
        var noFile = model.sessionProperty().isNull();
        var busyOpening = model.openingProperty();

        Menu recent = new Menu(i18n.tr("menu.file.recent"));
        recent.setId("menu-recent");
        recent.disableProperty().bind(busyOpening);
        Runnable fillRecent = () -> {
            List<MenuItem> items = new ArrayList<>();
            for (Path p : model.recentFiles()) {
                MenuItem item = new MenuItem(p.toString());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> {
                    if (mayDiscardEdits()) {
                        model.open(p, false, Access.READ_WRITE);
                    }
                });
                items.add(item);
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem(i18n.tr("menu.file.recent.none"));
                none.setDisable(true);
                items.add(none);
            }
            recent.getItems().setAll(items);
        };
        fillRecent.run();
        recentListener = c -> fillRecent.run();
        model.recentFiles().addListener(new javafx.collections.WeakListChangeListener<>(recentListener));

        Menu file = new Menu(i18n.tr("menu.file"));
        file.getItems().addAll(
                actions.menuItem(StandardAction.NEW_WORKBENCH, guarded(model::chooseAndCreateWorkbench), busyOpening),
                actions.menuItem(StandardAction.OPEN_WORKBENCH, guarded(model::chooseAndOpenWorkbench), busyOpening),
                recent,
                new SeparatorMenuItem(),
                pageCommand(actions, StandardAction.NEW_RECORD, PageView.Command.NEW),
                pageCommand(actions, StandardAction.SAVE_RECORD, PageView.Command.SAVE),
                pageCommand(actions, StandardAction.IMPORT, PageView.Command.IMPORT),
                pageCommand(actions, StandardAction.EXPORT, PageView.Command.EXPORT),
                pageCommand(actions, StandardAction.REPORT, PageView.Command.REPORT),
                new SeparatorMenuItem(),
                actions.menuItem(StandardAction.BACKUP_NOW, model::chooseAndBackUp, noFile),
                actions.menuItem(StandardAction.BACKUP_ENCRYPTED, model::chooseAndBackUpEncrypted, noFile),
                actions.menuItem(StandardAction.RESTORE_BACKUP, guarded(model::chooseAndRestore), noFile),
                new SeparatorMenuItem(),
                actions.menuItem(StandardAction.QUIT, () -> {
                    if (mayClose()) {
                        stage.close();
                    }
                }, null));
        file.setId("menu-file");

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = actions.radioItem(StandardAction.THEME_LIGHT, () -> model.darkProperty().set(false));
        RadioMenuItem dark = actions.radioItem(StandardAction.THEME_DARK, () -> model.darkProperty().set(true));
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (model.darkProperty().get() ? dark : light).setSelected(true);
        Menu theme = new Menu(i18n.tr("menu.view.theme"), null, light, dark);

        ToggleGroup languages = new ToggleGroup();
        // Switching language rebuilds the pages, so typed changes are asked about first; kept, the tick goes back.
        RadioMenuItem[] items = new RadioMenuItem[2];
        Runnable tickCurrent = () -> items[I18n.TRADITIONAL_CHINESE.equals(model.i18n().locale()) ? 1 : 0]
                .setSelected(true);
        items[0] = actions.radioItem(StandardAction.LANGUAGE_ENGLISH, () -> switchLanguage("en", tickCurrent));
        items[1] = actions.radioItem(StandardAction.LANGUAGE_CHINESE, () -> switchLanguage("zh-TW", tickCurrent));
        RadioMenuItem english = items[0];
        RadioMenuItem chinese = items[1];
        english.setToggleGroup(languages);
        chinese.setToggleGroup(languages);
        tickCurrent.run();
        Menu language = new Menu(i18n.tr("menu.view.language"), null, english, chinese);
        language.setId("menu-language");

        Menu go = new Menu(i18n.tr("menu.view.go"));
        for (Page page : Page.values()) {
            MenuItem item = new MenuItem(i18n.tr(page.labelKey()));
            page.accelerator().ifPresent(item::setAccelerator);
            item.setOnAction(e -> model.pageProperty().set(page));
            go.getItems().add(item);
        }
        Menu view = new Menu(i18n.tr("menu.view"), null, go,
                actions.menuItem(StandardAction.FOCUS_SEARCH, this::focusSearch, null),
                new SeparatorMenuItem(), theme, language);
        view.setId("menu-view");

        Menu help = new Menu(i18n.tr("menu.help"), null,
                actions.menuItem(StandardAction.SHORTCUTS, this::showShortcuts, null),
                actions.menuItem(StandardAction.VERIFY_AUDIT, model::verifyAuditChain, noFile),
                new SeparatorMenuItem(),
                actions.menuItem(StandardAction.ABOUT, this::showAbout, null));
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** A menu item that runs a record command on the current page; disabled where the page has none. */
    private MenuItem pageCommand(ActionFactory actions, StandardAction action, PageView.Command command) {
        var unsupported = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.sessionProperty().get() == null || !pageView(model.pageProperty().get()).supports(command),
                model.pageProperty(), model.sessionProperty());
        return actions.menuItem(action, () -> {
            PageView current = pageView(model.pageProperty().get());
            if (current.supports(command)) {
                current.run(command);
            }
        }, unsupported);
    }

    private void focusSearch() {
        pageView(model.pageProperty().get()).focusSearch();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void showShortcuts() {
        I18n i18n = model.i18n();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (StandardAction a : StandardAction.values()) {
            if (a.accelerator() != null) {
                rows.add(Map.entry(i18n.tr(a.labelKey()).replace("…", ""), a.accelerator().getDisplayText()));
            }
        }
        for (Page page : Page.values()) {
            page.accelerator().ifPresent(k -> rows.add(Map.entry(i18n.tr(page.labelKey()), k.getDisplayText())));
        }
        rows.add(Map.entry(i18n.tr("shortcuts.closeDrawer"), "Esc"));
        model.dialogs().showFacts(i18n.tr("action.shortcuts").replace("…", ""), rows);
    }

    private void showAbout() {
        I18n i18n = model.i18n();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry(i18n.tr("about.version"), ProductVersion.current()));
        model.currentSummary().ifPresent(s -> {
            rows.add(Map.entry(i18n.tr("workbench.file"), s.file().toString()));
            rows.add(Map.entry(i18n.tr("workbench.schema"), s.schemaVersion()));
            rows.add(Map.entry(i18n.tr("workbench.actor"), s.actor()));
            rows.add(Map.entry(i18n.tr("about.auditHead"), s.auditHead().asText()));
        });
        rows.add(Map.entry(i18n.tr("about.java"), System.getProperty("java.version") + " / JavaFX "
                + System.getProperty("javafx.runtime.version", "?")));
        model.dialogs().showFacts(i18n.tr("about.title"), rows);
    }
}
