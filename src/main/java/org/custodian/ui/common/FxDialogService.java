package org.custodian.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.custodian.model.workbench.SafeFileName;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The window's {@link DialogService}: JavaFX alerts owned by the main window, toasts in its overlay layer. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final StackPane overlay;
    private final Supplier<I18n> i18n;
    private final javafx.scene.layout.VBox toasts = new javafx.scene.layout.VBox(8);

    private final java.util.function.Consumer<String> showDocument;

    public FxDialogService(Supplier<Window> owner, StackPane overlay, Supplier<I18n> i18n) {
        this(owner, overlay, i18n, uri -> { });
    }

    /** @param showDocument opens a URI in the system's program for it (the application's host services) */
    public FxDialogService(Supplier<Window> owner, StackPane overlay, Supplier<I18n> i18n,
                           java.util.function.Consumer<String> showDocument) {
        this.showDocument = showDocument;
        this.owner = owner;
        this.overlay = overlay;
        this.i18n = i18n;
        // Toasts stack above the status bar, away from the header's search field and the table's pager.
        toasts.setAlignment(Pos.BOTTOM_CENTER);
        toasts.setPickOnBounds(false);
        toasts.setMaxSize(440, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(toasts, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toasts, new javafx.geometry.Insets(0, 0, 80, 0));
        overlay.getChildren().add(toasts);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().setMinWidth(520);
        // Centre on the window ourselves: without a window manager (and on some desktops) JavaFX places the
        // dialog before it knows its size, partly off screen.
        alert.setOnShown(e -> {
            Window parent = owner.get();
            Window self = alert.getDialogPane().getScene().getWindow();
            if (parent != null && self != null) {
                self.setX(parent.getX() + Math.max(0, (parent.getWidth() - self.getWidth()) / 2));
                self.setY(parent.getY() + Math.max(0, (parent.getHeight() - self.getHeight()) / 3));
            }
        });
        return alert;
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(6);
            alert.getDialogPane().setExpandableContent(area);
        }
        alert.getButtonTypes().setAll(new ButtonType(i18n.get().tr("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, message);
        alert.getButtonTypes().setAll(new ButtonType(i18n.get().tr("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get().tr("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(yes, no);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> actions) {
        // The ways out are full-width buttons under the message (command links), so long labels such as
        // "Restore workbench-20261129-0900.db" are never cut; Cancel stays in the button bar.
        Alert alert = alert(Alert.AlertType.WARNING, title, null);
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(12, text);
        int[] chosen = {-1};
        for (int i = 0; i < actions.size(); i++) {
            int index = i;
            javafx.scene.control.Button b = new javafx.scene.control.Button(actions.get(i));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setMnemonicParsing(false);
            if (i == 0) {
                b.getStyleClass().add(Styles.ACCENT);
            }
            b.setOnAction(e -> {
                chosen[0] = index;
                alert.setResult(ButtonType.OK);
                alert.close();
            });
            content.getChildren().add(b);
        }
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);
        alert.getButtonTypes().setAll(new ButtonType(i18n.get().tr("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.showAndWait();
        return chosen[0] < 0 ? Optional.empty() : Optional.of(chosen[0]);
    }

    @Override
    public void showFacts(String title, List<java.util.Map.Entry<String, String>> facts) {
        Alert alert = alert(Alert.AlertType.NONE, title, null);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (var fact : facts) {
            javafx.scene.control.Label label = new javafx.scene.control.Label(fact.getKey());
            label.getStyleClass().add(Styles.TEXT_MUTED);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.control.TextField value = new javafx.scene.control.TextField(fact.getValue());
            value.setEditable(false);
            value.getStyleClass().add("fact-value");
            value.setPrefColumnCount(Math.min(72, Math.max(16, fact.getValue().length())));
            grid.addRow(row++, label, value);
        }
        alert.getDialogPane().setContent(grid);
        // Wide enough for a 64-digit hash and a long path; resizable for longer ones.
        int longest = facts.stream().mapToInt(f -> f.getValue().length()).max().orElse(0);
        alert.getDialogPane().setMinWidth(Math.max(520, Math.min(900, 260 + 8.5 * longest)));
        alert.setResizable(true);
        alert.getButtonTypes().setAll(new ButtonType(i18n.get().tr("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait();
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt) {
        return askReason(title, message, confirmLabel, reasonPrompt, false);
    }

    @Override
    public Optional<String> askReason(String title, String message, String confirmLabel, String reasonPrompt,
                                      boolean required) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, null);
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        javafx.scene.control.TextField reason = new javafx.scene.control.TextField();
        reason.setPromptText(reasonPrompt);
        reason.setId("dialog-reason");
        javafx.scene.control.Label reasonLabel = new javafx.scene.control.Label(reasonPrompt);
        reasonLabel.setLabelFor(reason);
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(8, text, reasonLabel, reason));
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get().tr("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(yes, no);
        if (required) {
            alert.getDialogPane().lookupButton(yes).disableProperty().bind(javafx.beans.binding.Bindings
                    .createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        }
        javafx.application.Platform.runLater(reason::requestFocus);
        return alert.showAndWait().filter(b -> b == yes).map(b -> reason.getText().strip());
    }

    @Override
    public void openDocument(Path file) {
        showDocument.accept(file.toUri().toString());
    }

    @Override
    public boolean showForm(String title, javafx.scene.Node form, String confirmLabel,
                            java.util.function.BooleanSupplier accept) {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        Window parent = owner.get();
        // A long form scrolls inside the dialog rather than growing past the window.
        scroll.setPrefViewportHeight(parent == null ? 560 : Math.max(320, parent.getHeight() * 0.7));
        // Forms ask for their width (a side-by-side comparison is wide); never wider than most of the window.
        double wanted = Math.max(620, form.prefWidth(-1));
        double width = parent == null ? wanted : Math.min(wanted, Math.max(620, parent.getWidth() * 0.9));
        scroll.setPrefViewportWidth(width);
        dialog.getDialogPane().setMinWidth(width + 48);
        dialog.getDialogPane().setContent(scroll);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get().tr("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(yes, no);
        // A long form is not thrown away by a stray Esc: Cancel is a deliberate click.
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
            }
        });
        dialog.getDialogPane().lookupButton(yes).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!accept.getAsBoolean()) {
                e.consume(); // the form shows what is missing; the dialog stays open with everything typed
                javafx.application.Platform.runLater(() -> scrollToFirstMessage(scroll, form));
            }
        });
        dialog.setOnShown(e -> {
            Window self = dialog.getDialogPane().getScene().getWindow();
            if (parent != null && self != null) {
                self.setX(parent.getX() + Math.max(0, (parent.getWidth() - self.getWidth()) / 2));
                self.setY(parent.getY() + Math.max(0, (parent.getHeight() - self.getHeight()) / 4));
            }
        });
        return dialog.showAndWait().filter(b -> b == yes).isPresent();
    }

    /** Scrolls a form so its first field message (style class field-error) is in view. */
    private static void scrollToFirstMessage(javafx.scene.control.ScrollPane scroll, javafx.scene.Node form) {
        javafx.scene.Node first = null;
        double firstY = Double.MAX_VALUE;
        for (javafx.scene.Node n : form.lookupAll(".field-error")) {
            if (n.isVisible() && n instanceof javafx.scene.control.Label l && !l.getText().isEmpty()) {
                double y = form.sceneToLocal(n.localToScene(0, 0)).getY();
                if (y < firstY) {
                    firstY = y;
                    first = n;
                }
            }
        }
        double content = form.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (first != null && content > viewport) {
            scroll.setVvalue(Math.max(0, Math.min(1, (firstY - 80) / (content - viewport))));
        }
    }

    @Override
    public void notify(String message) {
        Notification note = new Notification(message, new FontIcon(Material2OutlinedAL.INFO));
        note.getStyleClass().addAll(Styles.ACCENT, Styles.ELEVATED_1);
        note.setPrefWidth(420);
        note.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setOnClose(e -> toasts.getChildren().remove(note));
        toasts.getChildren().add(note);
        new Timeline(new KeyFrame(Duration.seconds(6), e -> toasts.getChildren().remove(note))).play();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, String... patterns) {
        FileChooser chooser = chooser(title, initialFolder, filterName, patterns);
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName, String filterName,
                                           String... patterns) {
        FileChooser chooser = chooser(title, initialFolder, filterName, patterns);
        // Offered names are made from records and imported files (a report's marking, a file's stem): one safe name.
        chooser.setInitialFileName(initialName == null ? null : SafeFileName.of(initialName, "export"));
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialFolder, String filterName, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        // Start in the folder asked for, else its parent (e.g. the workbench's folder before backups/ exists).
        for (Path folder = initialFolder; folder != null; folder = folder == initialFolder ? folder.getParent() : null) {
            if (Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
                break;
            }
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        return chooser;
    }
}
