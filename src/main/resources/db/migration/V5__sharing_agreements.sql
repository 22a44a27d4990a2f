-- The register of data-sharing agreements. Multi-valued text fields (personal data categories, data subjects,
-- destinations) are ';'-joined, the same spelling as the CSV; parties and covered datasets are rows of their own
-- so that "agreements of this organisation" and "agreements covering this dataset" are index look-ups.
CREATE TABLE agreement (
    row_key                  INTEGER PRIMARY KEY,
    id                       TEXT NOT NULL UNIQUE,
    reference                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title                    TEXT NOT NULL,
    type                     TEXT NOT NULL CHECK (type IN ('inter-departmental-api', 'consented-exchange',
                                 'commercial-interchange', 'cross-boundary-transfer', 'contractor-processor',
                                 'open-data-release', 'other')),
    status                   TEXT NOT NULL CHECK (status IN ('draft', 'under-negotiation', 'active', 'suspended',
                                 'expired', 'terminated')),
    status_since             TEXT,
    purpose                  TEXT NOT NULL,
    legal_basis              TEXT CHECK (legal_basis IN ('statutory-function', 'consent', 'pdpo-exemption',
                                 'contract', 'other')),
    legal_basis_note         TEXT,
    personal_data_categories TEXT,
    data_subjects            TEXT,
    classification_ceiling   TEXT REFERENCES classification_level (code),
    mechanism                TEXT,
    frequency                TEXT,
    security_measures        TEXT,
    retention_disposal       TEXT,
    onward_sharing           TEXT,
    breach_notification      TEXT,
    rights_contact           TEXT,
    cross_boundary           INTEGER NOT NULL DEFAULT 0 CHECK (cross_boundary IN (0, 1)),
    destinations             TEXT,
    transfer_mechanism       TEXT,
    safeguards               TEXT,
    transfer_assessment      TEXT,
    effective_from           TEXT,
    expires_on               TEXT,
    review_due               TEXT,
    termination_conditions   TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);

CREATE INDEX agreement_by_title ON agreement (title COLLATE NOCASE);
CREATE INDEX agreement_by_status ON agreement (status);
CREATE INDEX agreement_by_type ON agreement (type);
CREATE INDEX agreement_by_expiry ON agreement (expires_on);
CREATE INDEX agreement_by_review ON agreement (review_due);

-- position keeps the parties in the order the agreement names them.
CREATE TABLE agreement_party (
    agreement_key INTEGER NOT NULL REFERENCES agreement (row_key),
    position      INTEGER NOT NULL,
    organisation  TEXT NOT NULL REFERENCES organisation (code),
    role          TEXT NOT NULL CHECK (role IN ('provider', 'recipient', 'joint-controller', 'processor')),
    signatory     TEXT,
    signed_on     TEXT,
    PRIMARY KEY (agreement_key, position)
);
CREATE INDEX agreement_party_by_organisation ON agreement_party (organisation);

CREATE TABLE agreement_dataset (
    agreement_key INTEGER NOT NULL REFERENCES agreement (row_key),
    position      INTEGER NOT NULL,
    dataset_key   INTEGER NOT NULL REFERENCES dataset (row_key),
    data_items    TEXT,
    PRIMARY KEY (agreement_key, position),
    UNIQUE (agreement_key, dataset_key)
);
CREATE INDEX agreement_dataset_by_dataset ON agreement_dataset (dataset_key);

-- The status timeline: every change with its date, who recorded it and why. Append-only, like decisions.
CREATE TABLE agreement_status_change (
    row_key       INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    agreement_key INTEGER NOT NULL REFERENCES agreement (row_key),
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    effective_on  TEXT NOT NULL,
    reason        TEXT,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
);
CREATE INDEX agreement_status_change_by_agreement ON agreement_status_change (agreement_key, row_key);
CREATE TRIGGER agreement_status_change_append_only_update BEFORE UPDATE ON agreement_status_change
BEGIN
    SELECT RAISE(ABORT, 'status changes are append-only: record a new change instead');
END;
CREATE TRIGGER agreement_status_change_append_only_delete BEFORE DELETE ON agreement_status_change
BEGIN
    SELECT RAISE(ABORT, 'status changes are append-only and cannot be deleted');
END;

-- Signed copies: the file lives in the attachments folder beside the workbench file; its hash, taken when it
-- was copied in, is checked whenever it is opened.
CREATE TABLE agreement_attachment (
    row_key       INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    agreement_key INTEGER NOT NULL REFERENCES agreement (row_key),
    file_name     TEXT NOT NULL,
    stored_name   TEXT NOT NULL UNIQUE,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL
);
CREATE INDEX agreement_attachment_by_agreement ON agreement_attachment (agreement_key);
