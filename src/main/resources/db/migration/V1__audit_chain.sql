-- The audit chain: every mutation appends one event in the same transaction.
-- seq is assigned by the appender (head + 1), not AUTOINCREMENT, so a gap always means a removed event.
CREATE TABLE audit_event (
    seq          INTEGER PRIMARY KEY,
    occurred_at  TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    entity_type  TEXT    NOT NULL,
    entity_id    TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    reason       TEXT,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);

CREATE INDEX audit_event_by_entity ON audit_event (entity_type, entity_id, seq);

-- Append-only inside the app; a person with the sqlite3 tool can drop these, which is why the chain exists.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
