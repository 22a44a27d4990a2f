package org.custodian.ui.sharing;

import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.AttachmentState;

/** An attachment with what the last check of its kept copy found (null until checked). */
record AttachmentRow(Attachment attachment, AttachmentState state) {
}
