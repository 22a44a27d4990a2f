package org.custodian.ui.shell;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.BackupRotation;
import org.custodian.ui.common.I18n;

/**
 * The backups of the open workbench with what their manifests say, for File › Restore: pick one (or another file)
 * to restore, and set how many routine backups are kept. Lays out only; the shell's model does the work.
 */
final class BackupsView extends VBox {

    /** Applies a rotation; {@code deleted} is told which backups it removed, so the list can drop them. */
    @FunctionalInterface
    interface RotationChange {
        void apply(int keepLast, int keepWeeks, java.util.function.Consumer<List<Path>> deleted);
    }

    private final ObjectProperty<Path> chosen = new SimpleObjectProperty<>();
    private final TableView<BackupEntry> table = new TableView<>();

    BackupsView(I18n i18n, Path folder, List<BackupEntry> entries, BackupRotation rotation,
                Supplier<java.util.Optional<Path>> chooseOther, RotationChange applyRotation) {
        setSpacing(10);
        setPadding(new Insets(4, 0, 0, 0));
        setPrefWidth(1000);
        Label intro = new Label(i18n.tr("backups.intro", folder));
        intro.setWrapText(true);

        // The audit log's way of writing a time: short, sortable, the same in both languages.
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
        table.setId("backups-table");
        table.setPlaceholder(new Label(i18n.tr("backups.none")));
        table.getColumns().add(column(i18n.tr("backups.column.taken"), 150, e -> when.format(e.takenAt())));
        table.getColumns().add(column(i18n.tr("backups.column.kind"), 130, e -> kindLabel(i18n, e.kind())));
        table.getColumns().add(column(i18n.tr("backups.column.datasets"), 80, e -> count(e, "datasets")));
        table.getColumns().add(column(i18n.tr("backups.column.agreements"), 100, e -> count(e, "agreements")));
        table.getColumns().add(column(i18n.tr("backups.column.assessments"), 105, e -> count(e, "assessments")));
        table.getColumns().add(column(i18n.tr("backups.column.auditHead"), 170, e -> e.manifest()
                .map(m -> m.auditSequence() + " · " + prefix(m.auditHash()))
                .orElse(i18n.tr("backups.noManifest"))));
        table.getColumns().add(column(i18n.tr("backups.column.size"), 80, e -> megabytes(e.bytes())));
        table.getItems().setAll(entries);
        table.setPrefHeight(300);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label selection = new Label(i18n.tr("backups.chooseOne"));
        selection.setId("backups-selection");
        selection.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosen.set(now.file());
                selection.setText(i18n.tr("backups.selected", now.file().getFileName(), now.manifest()
                        .map(m -> i18n.tr("backups.schema", m.schemaVersion(), m.count("auditEvents")))
                        .orElse(i18n.tr("backups.noManifest"))));
            }
        });
        Button other = new Button(i18n.tr("backups.otherFile"));
        other.setId("backups-other");
        other.setOnAction(e -> chooseOther.get().ifPresent(p -> {
            table.getSelectionModel().clearSelection();
            chosen.set(p);
            selection.setText(i18n.tr("backups.selectedOther", p));
        }));
        HBox choice = new HBox(10, other, selection);
        choice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Spinner<Integer> keepLast = new Spinner<>(1, BackupRotation.MAX_KEEP_LAST, rotation.keepLast());
        Spinner<Integer> keepWeeks = new Spinner<>(0, BackupRotation.MAX_KEEP_WEEKS, rotation.keepWeeks());
        // Arrows only: a typed number the spinner cannot read would be dropped without a word.
        keepLast.setEditable(false);
        keepWeeks.setEditable(false);
        keepLast.setPrefWidth(90);
        keepWeeks.setPrefWidth(90);
        keepLast.setId("backups-keep-last");
        keepWeeks.setId("backups-keep-weeks");
        Button apply = new Button(i18n.tr("backups.rotation.apply"));
        apply.setId("backups-rotation-apply");
        apply.setOnAction(e -> applyRotation.apply(keepLast.getValue(), keepWeeks.getValue(), deleted -> {
            table.getItems().removeIf(entry -> deleted.contains(entry.file()));
            if (deleted.contains(chosen.get())) {
                chosen.set(null);
                selection.setText(i18n.tr("backups.chooseOne"));
            }
        }));
        HBox rotationRow = new HBox(8, new Label(i18n.tr("backups.rotation.keepLast")), keepLast,
                new Label(i18n.tr("backups.rotation.keepWeeks")), keepWeeks,
                new Label(i18n.tr("backups.rotation.weeks")), apply);
        rotationRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label rotationNote = new Label(i18n.tr("backups.rotation.note"));
        rotationNote.setWrapText(true);
        rotationNote.getStyleClass().add("text-muted");

        getChildren().addAll(intro, table, choice, new javafx.scene.control.Separator(), rotationRow, rotationNote);
    }

    /** The backup to restore: the selected row, or the other file chosen. */
    Path chosen() {
        return chosen.get();
    }

    private static String kindLabel(I18n i18n, String kind) {
        String key = "backups.kind." + kind.replaceFirst("-v\\d+$", "");
        String text = i18n.tr(key);
        return text.startsWith("!") ? kind : text;
    }

    private static String count(BackupEntry e, String register) {
        return e.manifest().map(m -> String.valueOf(m.count(register))).orElse("–");
    }

    private static String prefix(String hash) {
        return hash == null ? "–" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static TableColumn<BackupEntry, String> column(String title, double width,
                                                           java.util.function.Function<BackupEntry, String> text) {
        TableColumn<BackupEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 100));
        c.setSortable(false);
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        return c;
    }
}
