-- The trash: what was deleted, kept whole so it can be put back. A row leaves only by restore or by purge, and
-- both are audited. rows_json holds the deleted row as column -> value, and links it had (actions of a risk).
CREATE TABLE trash_item (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('risk', 'action', 'evidence')),
    record_id    TEXT NOT NULL,
    label        TEXT NOT NULL,
    owner_type   TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    owner_label  TEXT NOT NULL,
    deleted_at   TEXT NOT NULL,
    deleted_by   TEXT NOT NULL,
    reason       TEXT,
    rows_json    TEXT NOT NULL
);
CREATE INDEX trash_item_by_time ON trash_item (deleted_at DESC);
