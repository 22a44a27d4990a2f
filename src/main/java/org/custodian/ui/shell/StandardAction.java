package org.custodian.ui.shell;

import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The catalogue of window actions: one label key, accelerator and icon each. Menus, buttons and the shortcuts
 * sheet are all built from it, so they cannot disagree.
 */
public enum StandardAction {
    NEW_WORKBENCH("action.newWorkbench", "Shortcut+Shift+N", Material2OutlinedAL.CREATE_NEW_FOLDER),
    OPEN_WORKBENCH("action.openWorkbench", "Shortcut+O", Material2OutlinedAL.FOLDER_OPEN),
    BACKUP_NOW("action.backupNow", "Shortcut+B", Material2OutlinedAL.BACKUP),
    BACKUP_ENCRYPTED("action.backupEncrypted", null, Material2OutlinedAL.LOCK),
    RESTORE_BACKUP("action.restoreBackup", null, Material2OutlinedMZ.SETTINGS_BACKUP_RESTORE),
    QUIT("action.quit", "Shortcut+Q", Material2OutlinedAL.EXIT_TO_APP),
    NEW_RECORD("action.newRecord", "Shortcut+N", Material2OutlinedAL.ADD),
    SAVE_RECORD("action.saveRecord", "Shortcut+S", Material2OutlinedMZ.SAVE),
    IMPORT("action.import", "Shortcut+I", Material2OutlinedAL.FILE_UPLOAD),
    EXPORT("action.export", "Shortcut+E", Material2OutlinedAL.GET_APP),
    REPORT("action.report", "Shortcut+P", Material2OutlinedMZ.PRINT),
    THEME_LIGHT("action.themeLight", null, null),
    THEME_DARK("action.themeDark", null, null),
    LANGUAGE_ENGLISH("action.languageEnglish", null, null),
    LANGUAGE_CHINESE("action.languageChinese", null, null),
    FOCUS_SEARCH("action.focusSearch", "Shortcut+F", Material2OutlinedMZ.SEARCH),
    VERIFY_AUDIT("action.verifyAudit", null, Material2OutlinedMZ.VERIFIED_USER),
    SHORTCUTS("action.shortcuts", "F1", Material2OutlinedAL.KEYBOARD),
    ABOUT("action.about", null, Material2OutlinedAL.INFO);

    private final String labelKey;
    private final String accelerator;
    private final Ikon icon;

    StandardAction(String labelKey, String accelerator, Ikon icon) {
        this.labelKey = labelKey;
        this.accelerator = accelerator;
        this.icon = icon;
    }

    public String labelKey() {
        return labelKey;
    }

    public KeyCombination accelerator() {
        return accelerator == null ? null : KeyCombination.keyCombination(accelerator);
    }

    public Ikon icon() {
        return icon;
    }
}
