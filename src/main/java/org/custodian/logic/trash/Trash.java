package org.custodian.logic.trash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.logic.sharing.AttachmentFiles;
import org.custodian.model.workbench.TrashItem;
import org.custodian.store.Database;
import org.custodian.store.TrashBin;

/**
 * The trash of a workbench: what was deleted (risks, actions, evidence) is listed here and can be put back; purging
 * removes it for good, asks for a reason and is audited. Both faces use it.
 */
public final class Trash {

    private final Database database;
    private final TrashBin bin;
    private final AttachmentFiles evidenceFiles;

    public Trash(Database database, AttachmentFiles evidenceFiles) {
        this.database = database;
        this.bin = new TrashBin(database);
        this.evidenceFiles = evidenceFiles;
    }

    public List<TrashItem> list() {
        return bin.list();
    }

    public Optional<TrashItem> find(UUID id) {
        return bin.find(id);
    }

    /**
     * Puts the item back where it was, in one audited transaction. Refused (with the reason) when its record no
     * longer takes it: a decided assessment is frozen.
     */
    public TrashItem restore(UUID id) {
        try {
            return putBack(id);
        } catch (org.custodian.store.StoreException e) {
            // Its assessment was decided since, or the item is gone: a refusal with the reason, not a failure.
            throw new org.custodian.logic.io.InputRejectedException(e.getMessage(), e);
        }
    }

    private TrashItem putBack(UUID id) {
        return database.inTransaction(tx -> {
            TrashItem item = bin.restore(tx, id);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("trash_item", item.id().toString());
            after.put("kind", item.kind());
            after.put("record", item.recordId().toString());
            after.put("label", item.label());
            tx.audit(item.ownerType(), item.ownerId().toString(), "restore-from-trash", null, after, null);
            return item;
        });
    }

    /** Removes the item for good (and the evidence file nothing else names); the reason goes into the audit event. */
    public TrashItem purge(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new org.custodian.logic.io.InputRejectedException("Give a reason to purge: it is kept in the audit"
                    + " trail.");
        }
        TrashItem item = database.inTransaction(tx -> {
            TrashItem purged = bin.purge(tx, id);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("kind", purged.kind());
            before.put("record", purged.recordId().toString());
            before.put("label", purged.label());
            before.put("belonged_to", purged.ownerLabel());
            before.put("deleted_by", purged.deletedBy());
            before.put("deleted_at", purged.deletedAt().toString());
            tx.audit("trash", purged.id().toString(), "purge", before, null, reason.strip());
            return purged;
        });
        if (item.storedFile() != null && !bin.fileStillNamed(item.storedFile())) {
            evidenceFiles.discard(item.storedFile()); // it may hold personal data: not kept once nothing names it
        }
        return item;
    }
}
