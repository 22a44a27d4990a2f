package org.custodian.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The pages of the sidebar, in order; Ctrl+1… opens them. A capability adds its page here when it exists. */
public enum Page {
    WORKBENCH("nav.workbench", Material2OutlinedAL.HOME),
    DATASETS("nav.datasets", org.kordamp.ikonli.material2.Material2OutlinedMZ.TABLE_VIEW),
    REVIEWS("nav.reviews", Material2OutlinedAL.EVENT_AVAILABLE),
    AGREEMENTS("nav.agreements", org.kordamp.ikonli.material2.Material2OutlinedMZ.SWAP_HORIZ),
    AGREEMENTS_DUE("nav.agreementsDue", Material2OutlinedAL.ALARM),
    ASSESSMENTS("nav.assessments", Material2OutlinedAL.ASSIGNMENT),
    SCHEME("nav.scheme", org.kordamp.ikonli.material2.Material2OutlinedMZ.SECURITY),
    REFERENCE_LISTS("nav.referenceLists", Material2OutlinedAL.LIST_ALT),
    AUDIT("nav.audit", Material2OutlinedAL.HISTORY);

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
}
