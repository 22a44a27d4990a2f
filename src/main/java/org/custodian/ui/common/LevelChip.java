package org.custodian.ui.common;

import javafx.scene.control.Label;
import org.custodian.model.inventory.ClassificationLevel;

/**
 * A classification level as every screen shows it: a small chip in the level's colour (from the scheme) with its
 * name, so the eye learns them.
 */
public final class LevelChip extends Label {

    public LevelChip() {
        getStyleClass().add("level-chip");
        setManaged(true);
        // A level's name is never cut short: the column or row gives way instead.
        setMinWidth(USE_PREF_SIZE);
    }

    public void show(ClassificationLevel level, String code, boolean chinese) {
        if (code == null) {
            setText(null);
            setStyle(null);
            setVisible(false);
            return;
        }
        setVisible(true);
        if (level == null) {
            setText(code);
            setStyle("-fx-background-color: -color-neutral-muted;");
            return;
        }
        setText(chinese ? level.nameTc() : level.nameEn());
        // The scheme's own colours are data; everything else comes from the theme.
        setStyle("-fx-background-color: " + level.colour() + ";");
    }
}
