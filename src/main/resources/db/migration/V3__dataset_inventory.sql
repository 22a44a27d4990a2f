-- The classification scheme as data: a department may use another scheme (OFFICIAL / SECRET / TOP SECRET).
-- rank orders the levels, lowest first; colour is the chip colour every screen and report uses.
CREATE TABLE classification_level (
    code        TEXT PRIMARY KEY COLLATE NOCASE,
    rank        INTEGER NOT NULL UNIQUE,
    name_en     TEXT NOT NULL,
    name_tc     TEXT NOT NULL,
    colour      TEXT NOT NULL
);

INSERT INTO classification_level (code, rank, name_en, name_tc, colour) VALUES
    ('UNCLASSIFIED', 0, 'UNCLASSIFIED', '非保密', '#57606a'),
    ('RESTRICTED',   1, 'RESTRICTED',   '限閱文件', '#1f6feb'),
    ('CONFIDENTIAL', 2, 'CONFIDENTIAL', '機密',   '#bf8700'),
    ('SECRET',       3, 'SECRET',       '高度機密', '#cf222e'),
    ('TOP SECRET',   4, 'TOP SECRET',   '絕對機密', '#8250df');

-- One row per dataset. Department, category and level are codes of their reference lists; multi-valued
-- fields (keywords, formats, personal-data categories) are ';'-joined, the same spelling as the CSV.
CREATE TABLE dataset (
    row_key                  INTEGER PRIMARY KEY,
    id                       TEXT NOT NULL UNIQUE,
    code                     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title_en                 TEXT,
    title_tc                 TEXT,
    description_en           TEXT,
    description_tc           TEXT,
    department               TEXT NOT NULL REFERENCES organisation (code),
    custodian                TEXT,
    contact_email            TEXT,
    category                 TEXT REFERENCES category (code),
    keywords                 TEXT,
    formats                  TEXT,
    update_frequency         TEXT,
    source_system            TEXT,
    personal_data            TEXT NOT NULL DEFAULT 'not-recorded'
                                 CHECK (personal_data IN ('yes', 'no', 'not-recorded')),
    personal_data_categories TEXT,
    classification           TEXT REFERENCES classification_level (code),
    open_data_status         TEXT NOT NULL DEFAULT 'not-planned'
                                 CHECK (open_data_status IN ('not-planned', 'planned', 'published')),
    retention                TEXT,
    cross_boundary           INTEGER NOT NULL DEFAULT 0 CHECK (cross_boundary IN (0, 1)),
    lifecycle_status         TEXT NOT NULL DEFAULT 'draft'
                                 CHECK (lifecycle_status IN ('draft', 'active', 'superseded', 'retired')),
    landing_page             TEXT,
    last_updated             TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    CHECK (title_en IS NOT NULL OR title_tc IS NOT NULL)
);

-- Sort and facet columns; the code already has its unique index.
CREATE INDEX dataset_by_title_en ON dataset (title_en COLLATE NOCASE);
CREATE INDEX dataset_by_title_tc ON dataset (title_tc);
CREATE INDEX dataset_by_department ON dataset (department);
CREATE INDEX dataset_by_category ON dataset (category);
CREATE INDEX dataset_by_classification ON dataset (classification);
CREATE INDEX dataset_by_open_data ON dataset (open_data_status);
CREATE INDEX dataset_by_lifecycle ON dataset (lifecycle_status);
CREATE INDEX dataset_by_personal_data ON dataset (personal_data);
CREATE INDEX dataset_by_updated ON dataset (updated_at);

-- Search: one FTS5 index of words. The repository writes English text as it is (unicode61 makes words of it,
-- so a query finds words and their prefixes) and every run of Chinese characters as its adjacent pairs plus its
-- last character, so Chinese text of any length is found: one character as a prefix, two as a token, three or
-- more as a phrase of pairs. Contentless: the text itself lives in dataset.
CREATE VIRTUAL TABLE dataset_search USING fts5 (
    terms,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '1'
);
