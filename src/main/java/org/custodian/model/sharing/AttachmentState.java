package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/** What checking an attachment's copy against its recorded hash found. */
public enum AttachmentState implements CodedValue {
    INTACT,
    CHANGED,
    MISSING;

    @Override
    public String labelKey() {
        return "sharing.attachment.state." + code();
    }
}
