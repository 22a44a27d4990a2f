package org.custodian.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The pages of the sidebar, in order; Ctrl+1…9 and Ctrl+0 open them. A capability adds its page here when it exists. */
public enum Page {
    DASHBOARD("nav.dashboard", Material2OutlinedAL.DASHBOARD),
    DATASETS("nav.datasets", org.kordamp.ikonli.material2.Material2OutlinedMZ.TABLE_VIEW),
    REVIEWS("nav.reviews", Material2OutlinedAL.EVENT_AVAILABLE),
    AGREEMENTS("nav.agreements", org.kordamp.ikonli.material2.Material2OutlinedMZ.SWAP_HORIZ),
    AGREEMENTS_DUE("nav.agreementsDue", Material2OutlinedAL.ALARM),
    ASSESSMENTS("nav.assessments", Material2OutlinedAL.ASSIGNMENT),
    FINDINGS("nav.findings", org.kordamp.ikonli.material2.Material2OutlinedMZ.REPORT_PROBLEM),
    DATA_FLOWS("nav.dataFlows", Material2OutlinedAL.ACCOUNT_TREE),
    AUDIT("nav.audit", Material2OutlinedAL.HISTORY),
    WORKBENCH("nav.workbench", Material2OutlinedAL.HOME),
    SCHEME("nav.scheme", org.kordamp.ikonli.material2.Material2OutlinedMZ.SECURITY),
    REFERENCE_LISTS("nav.referenceLists", Material2OutlinedAL.LIST_ALT),
    TRASH("nav.trash", Material2OutlinedAL.DELETE_OUTLINE);

    private final String labelKey;
    private final Ikon icon;

    Page(String labelKey, Ikon icon) {
        this.labelKey = labelKey;
        this.icon = icon;
    }

    public String labelKey() {
        return labelKey;
    }

    public Ikon icon() {
        return icon;
    }

    /** Ctrl+1…9 opens the first nine pages and Ctrl+0 the tenth; any later page has no shortcut. */
    public java.util.Optional<javafx.scene.input.KeyCodeCombination> accelerator() {
        int n = ordinal() + 1;
        if (n > 10) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.getKeyCode(Integer.toString(n % 10)),
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
    }
}
