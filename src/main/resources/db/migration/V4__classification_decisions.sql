-- Classification decisions, handling rules, derived data and access-rights reviews.

-- The scheme in use: its name and where it came from. One row; loading a scheme file replaces it.
CREATE TABLE classification_scheme (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    id          TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    name_tc     TEXT NOT NULL,
    loaded_from TEXT NOT NULL,
    loaded_at   TEXT NOT NULL
);
INSERT INTO classification_scheme VALUES
    (1, 'hk-government', 'Hong Kong Government', '香港特區政府', 'bundled', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Each level's marking for exports and its handling rules. Review intervals are whole months (a scheme file
-- writes them as P1Y, P6M); NULL means no scheduled review at that level. Mechanisms are ';'-joined codes.
ALTER TABLE classification_level ADD COLUMN marking TEXT NOT NULL DEFAULT '';
ALTER TABLE classification_level ADD COLUMN encryption_at_rest INTEGER NOT NULL DEFAULT 0
    CHECK (encryption_at_rest IN (0, 1));
ALTER TABLE classification_level ADD COLUMN open_data_allowed INTEGER NOT NULL DEFAULT 0
    CHECK (open_data_allowed IN (0, 1));
ALTER TABLE classification_level ADD COLUMN mechanisms TEXT NOT NULL DEFAULT '';
ALTER TABLE classification_level ADD COLUMN classification_review_months INTEGER
    CHECK (classification_review_months > 0);
ALTER TABLE classification_level ADD COLUMN access_review_months INTEGER CHECK (access_review_months > 0);
ALTER TABLE classification_level ADD COLUMN downgrade_approval INTEGER NOT NULL DEFAULT 0
    CHECK (downgrade_approval IN (0, 1));

-- The Hong Kong scheme's rules (the same as the bundled schemes/hk-government.yaml; a test keeps them equal).
UPDATE classification_level SET marking = 'UNCLASSIFIED', encryption_at_rest = 0, open_data_allowed = 1,
    mechanisms = 'api;gateway;secure-file-transfer;physical-media;other', classification_review_months = 36,
    access_review_months = NULL, downgrade_approval = 0 WHERE code = 'UNCLASSIFIED';
UPDATE classification_level SET marking = 'RESTRICTED 限閱文件', encryption_at_rest = 1, open_data_allowed = 0,
    mechanisms = 'api;gateway;secure-file-transfer;physical-media', classification_review_months = 24,
    access_review_months = 12, downgrade_approval = 1 WHERE code = 'RESTRICTED';
UPDATE classification_level SET marking = 'CONFIDENTIAL 機密', encryption_at_rest = 1, open_data_allowed = 0,
    mechanisms = 'api;secure-file-transfer;physical-media', classification_review_months = 12,
    access_review_months = 6, downgrade_approval = 1 WHERE code = 'CONFIDENTIAL';
UPDATE classification_level SET marking = 'SECRET 高度機密', encryption_at_rest = 1, open_data_allowed = 0,
    mechanisms = 'secure-file-transfer;physical-media', classification_review_months = 12,
    access_review_months = 3, downgrade_approval = 1 WHERE code = 'SECRET';
UPDATE classification_level SET marking = 'TOP SECRET 絕對機密', encryption_at_rest = 1, open_data_allowed = 0,
    mechanisms = 'physical-media', classification_review_months = 6,
    access_review_months = 3, downgrade_approval = 1 WHERE code = 'TOP SECRET';

-- Decisions are append-only (the triggers below refuse UPDATE and DELETE). A dataset's level is the level of its
-- latest confirmed decision by effective date, then by recording order (seq); dataset.classification keeps a copy
-- for listing and filtering, and a trigger refuses any change to it that does not match that decision.
CREATE TABLE classification_decision (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    dataset_id       TEXT NOT NULL REFERENCES dataset (id),
    status           TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed')),
    level            TEXT NOT NULL REFERENCES classification_level (code),
    previous_level   TEXT,
    rationale        TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    criteria         TEXT NOT NULL DEFAULT '{}',
    proposed_by      TEXT,
    decided_by       TEXT,
    approved_by      TEXT,
    justification    TEXT,
    effective_from   TEXT NOT NULL,
    review_due       TEXT,
    declassify_on    TEXT,
    declassify_event TEXT,
    supersedes       TEXT REFERENCES classification_decision (id),
    recorded_at      TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    CHECK (status = 'proposed' OR decided_by IS NOT NULL)
);
CREATE INDEX classification_decision_current
    ON classification_decision (dataset_id, status, effective_from DESC, seq DESC);

CREATE TRIGGER classification_decision_append_only_update BEFORE UPDATE ON classification_decision
BEGIN
    SELECT RAISE(ABORT, 'classification decisions are append-only: record a new decision instead');
END;
CREATE TRIGGER classification_decision_append_only_delete BEFORE DELETE ON classification_decision
BEGIN
    SELECT RAISE(ABORT, 'classification decisions are append-only and cannot be deleted');
END;

CREATE TRIGGER dataset_level_follows_decisions BEFORE UPDATE OF classification ON dataset
WHEN NEW.classification IS NOT (SELECT level FROM classification_decision
                                WHERE dataset_id = NEW.id AND status = 'confirmed'
                                ORDER BY effective_from DESC, seq DESC LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'a dataset''s level changes only through a classification decision');
END;

-- Levels recorded before decisions were kept become each dataset's first decision, effective the day the record
-- was last changed; their audit events (the dataset's create or update) already hold the level.
INSERT INTO classification_decision (id, dataset_id, status, level, rationale, decided_by, effective_from,
                                     review_due, recorded_at, recorded_by)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
             || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
             || hex(randomblob(6))),
       d.id, 'confirmed', d.classification,
       'Level recorded in the inventory before classification decisions were kept (carried over by the upgrade)',
       '(not recorded)', substr(d.updated_at, 1, 10),
       CASE WHEN l.classification_review_months IS NULL THEN NULL
            -- plus the interval as Java counts months: a day past the target month's end becomes its last day
            ELSE min(date(substr(d.updated_at, 1, 10), '+' || l.classification_review_months || ' months'),
                     date(substr(d.updated_at, 1, 10), 'start of month',
                          '+' || (l.classification_review_months + 1) || ' months', '-1 day')) END,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'upgrade'
FROM dataset d JOIN classification_level l ON l.code = d.classification
ORDER BY d.row_key;

-- Access-rights reviews, append-only like decisions.
CREATE TABLE access_review (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    dataset_id   TEXT NOT NULL REFERENCES dataset (id),
    reviewer     TEXT NOT NULL,
    reviewed_on  TEXT NOT NULL,
    scope        TEXT NOT NULL,
    findings     TEXT NOT NULL,
    actions      TEXT,
    next_due     TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);
CREATE INDEX access_review_latest ON access_review (dataset_id, reviewed_on DESC, seq DESC);

CREATE TRIGGER access_review_append_only_update BEFORE UPDATE ON access_review
BEGIN
    SELECT RAISE(ABORT, 'access reviews are append-only: record a new review instead');
END;
CREATE TRIGGER access_review_append_only_delete BEFORE DELETE ON access_review
BEGIN
    SELECT RAISE(ABORT, 'access reviews are append-only and cannot be deleted');
END;

-- Derived data: the datasets a dataset was made from.
CREATE TABLE dataset_source (
    dataset_id TEXT NOT NULL REFERENCES dataset (id),
    source_id  TEXT NOT NULL REFERENCES dataset (id),
    PRIMARY KEY (dataset_id, source_id),
    CHECK (dataset_id <> source_id)
) WITHOUT ROWID;
CREATE INDEX dataset_source_by_source ON dataset_source (source_id);

-- The reviews-due queue, kept by the same transactions that record decisions and access reviews (and rebuilt
-- when a scheme is loaded): one row per dataset and kind with the date it falls due, so the queue and the
-- overdue counts are a range read of this index rather than a pass over every dataset. A classification review
-- is due on the latest confirmed decision's review date; an access review on the last access review's next-due
-- date or, before the first one, the decision's effective date plus the level's access-review interval.
CREATE TABLE review_due (
    dataset_id   TEXT NOT NULL REFERENCES dataset (id),
    kind         TEXT NOT NULL CHECK (kind IN ('classification', 'access')),
    due_on       TEXT NOT NULL,
    last_done_on TEXT,
    PRIMARY KEY (dataset_id, kind)
) WITHOUT ROWID;
CREATE INDEX review_due_by_date ON review_due (due_on);

INSERT INTO review_due (dataset_id, kind, due_on, last_done_on)
SELECT c.dataset_id, 'classification', c.review_due, c.effective_from
FROM classification_decision c
WHERE c.review_due IS NOT NULL;

INSERT INTO review_due (dataset_id, kind, due_on, last_done_on)
SELECT c.dataset_id, 'access',
       min(date(c.effective_from, '+' || l.access_review_months || ' months'),
           date(c.effective_from, 'start of month', '+' || (l.access_review_months + 1) || ' months', '-1 day')),
       NULL
FROM classification_decision c JOIN classification_level l ON l.code = c.level
WHERE l.access_review_months IS NOT NULL;
