-- Assessments: checklists answered against a frozen template. The template file itself is stored, by the SHA-256
-- of its bytes, so an assessment reads the same years later whatever happens to the file it came from.
CREATE TABLE assessment_template (
    hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
    template_id TEXT NOT NULL,
    version     TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    title_zh    TEXT NOT NULL,
    source      TEXT NOT NULL,
    frozen_at   TEXT NOT NULL
);
CREATE INDEX assessment_template_by_id ON assessment_template (template_id, version);

-- One row per revision; the department is an organisation code, checked when the user enters it (an imported
-- assessment keeps the code it came with). reference names the assessment across revisions. The score columns are the last
-- computed result, kept for lists and dashboards; the answers are the record.
CREATE TABLE assessment (
    row_key       INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    reference     TEXT NOT NULL COLLATE NOCASE,
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    lineage       TEXT NOT NULL,
    title         TEXT NOT NULL,
    subject_name  TEXT NOT NULL,
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('project', 'ai-system', 'data-flow')),
    department    TEXT,
    description   TEXT,
    template_hash TEXT NOT NULL REFERENCES assessment_template (hash),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes-requested', 'approved',
                      'approved-with-conditions', 'rejected')),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    review_due    TEXT,
    approved_hash TEXT,
    risk_level    TEXT,
    risk_percent  INTEGER NOT NULL DEFAULT 0,
    progress      REAL NOT NULL DEFAULT 0,
    knock_out     INTEGER NOT NULL DEFAULT 0 CHECK (knock_out IN (0, 1)),
    UNIQUE (reference, revision)
);
CREATE INDEX assessment_by_status ON assessment (status);
CREATE INDEX assessment_by_review ON assessment (review_due);

-- The code is kept as written: an assessment imported from another workbench keeps the datasets it names even
-- where this inventory does not hold them (dataset_key is then null).
CREATE TABLE assessment_dataset (
    assessment_key INTEGER NOT NULL REFERENCES assessment (row_key),
    position       INTEGER NOT NULL,
    dataset_code   TEXT NOT NULL,
    dataset_key    INTEGER REFERENCES dataset (row_key),
    PRIMARY KEY (assessment_key, position),
    UNIQUE (assessment_key, dataset_code)
);
CREATE INDEX assessment_dataset_by_dataset ON assessment_dataset (dataset_key);

CREATE TABLE assessment_answer (
    assessment_key INTEGER NOT NULL REFERENCES assessment (row_key),
    question_id    TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    prefilled_from TEXT NOT NULL DEFAULT '',
    changed_at     TEXT NOT NULL,
    changed_by     TEXT NOT NULL,
    PRIMARY KEY (assessment_key, question_id)
) WITHOUT ROWID;

CREATE TABLE assessment_evidence (
    row_key        INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    assessment_key INTEGER NOT NULL REFERENCES assessment (row_key),
    question_id    TEXT NOT NULL,
    file_name      TEXT,
    stored_name    TEXT UNIQUE,
    sha256         TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    size           INTEGER NOT NULL DEFAULT 0,
    reference      TEXT,
    added_at       TEXT NOT NULL,
    added_by       TEXT NOT NULL
);
CREATE INDEX assessment_evidence_by_assessment ON assessment_evidence (assessment_key, question_id);

CREATE TABLE assessment_risk (
    row_key             INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    assessment_key      INTEGER NOT NULL REFERENCES assessment (row_key),
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    description         TEXT,
    likelihood          INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
    impact              INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 4),
    mitigation          TEXT,
    residual_likelihood INTEGER NOT NULL CHECK (residual_likelihood BETWEEN 1 AND 4),
    residual_impact     INTEGER NOT NULL CHECK (residual_impact BETWEEN 1 AND 4),
    owner               TEXT,
    question_id         TEXT
);
CREATE INDEX assessment_risk_by_assessment ON assessment_risk (assessment_key);

CREATE TABLE assessment_action (
    row_key        INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    assessment_key INTEGER NOT NULL REFERENCES assessment (row_key),
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    owner          TEXT,
    due            TEXT,
    status         TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
    question_id    TEXT,
    risk_id        TEXT
);
CREATE INDEX assessment_action_by_assessment ON assessment_action (assessment_key);

-- The workflow: every step with who, in what role, when and why. Append-only.
CREATE TABLE assessment_step (
    row_key        INTEGER PRIMARY KEY,
    assessment_key INTEGER NOT NULL REFERENCES assessment (row_key),
    sequence       INTEGER NOT NULL,
    from_status    TEXT,
    to_status      TEXT NOT NULL,
    actor          TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('assessor', 'reviewer', 'third-line')),
    at             TEXT NOT NULL,
    comment        TEXT,
    content_hash   TEXT,
    UNIQUE (assessment_key, sequence)
);
CREATE TRIGGER assessment_step_append_only_update BEFORE UPDATE ON assessment_step
BEGIN
    SELECT RAISE(ABORT, 'workflow steps are append-only: record a new step instead');
END;
CREATE TRIGGER assessment_step_append_only_delete BEFORE DELETE ON assessment_step
BEGIN
    SELECT RAISE(ABORT, 'workflow steps are append-only and cannot be deleted');
END;

-- A decided assessment is frozen: the store itself refuses changes to its content, whatever the caller.
CREATE TRIGGER assessment_answer_frozen_insert BEFORE INSERT ON assessment_answer
WHEN (SELECT status FROM assessment WHERE row_key = NEW.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_answer_frozen_update BEFORE UPDATE ON assessment_answer
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_answer_frozen_delete BEFORE DELETE ON assessment_answer
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_frozen_update BEFORE UPDATE ON assessment
WHEN OLD.status IN ('approved', 'approved-with-conditions', 'rejected')
     AND (NEW.status IS NOT OLD.status OR NEW.title IS NOT OLD.title OR NEW.subject_name IS NOT OLD.subject_name
          OR NEW.subject_kind IS NOT OLD.subject_kind OR NEW.description IS NOT OLD.description
          OR NEW.template_hash IS NOT OLD.template_hash OR NEW.approved_hash IS NOT OLD.approved_hash
          OR NEW.department IS NOT OLD.department OR NEW.reference IS NOT OLD.reference
          OR NEW.revision IS NOT OLD.revision OR NEW.lineage IS NOT OLD.lineage)
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
-- Evidence, risks, actions and linked datasets are part of the decided content too.
CREATE TRIGGER assessment_evidence_frozen_insert BEFORE INSERT ON assessment_evidence
WHEN (SELECT status FROM assessment WHERE row_key = NEW.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_evidence_frozen_update BEFORE UPDATE ON assessment_evidence
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_evidence_frozen_delete BEFORE DELETE ON assessment_evidence
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_risk_frozen_insert BEFORE INSERT ON assessment_risk
WHEN (SELECT status FROM assessment WHERE row_key = NEW.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_risk_frozen_update BEFORE UPDATE ON assessment_risk
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_risk_frozen_delete BEFORE DELETE ON assessment_risk
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_action_frozen_insert BEFORE INSERT ON assessment_action
WHEN (SELECT status FROM assessment WHERE row_key = NEW.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_action_frozen_update BEFORE UPDATE ON assessment_action
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_action_frozen_delete BEFORE DELETE ON assessment_action
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_dataset_frozen_insert BEFORE INSERT ON assessment_dataset
WHEN (SELECT status FROM assessment WHERE row_key = NEW.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_dataset_frozen_update BEFORE UPDATE ON assessment_dataset
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
CREATE TRIGGER assessment_dataset_frozen_delete BEFORE DELETE ON assessment_dataset
WHEN (SELECT status FROM assessment WHERE row_key = OLD.assessment_key)
     IN ('approved', 'approved-with-conditions', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'the assessment is decided and frozen: start a new revision to change it');
END;
