-- Reference lists that registers point at: organisations (bureaux, departments, public bodies),
-- the portal's categories and its data formats.
CREATE TABLE organisation (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name_en     TEXT,
    name_tc     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_tc IS NOT NULL)
);

CREATE TABLE category (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name_en     TEXT,
    name_tc     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_tc IS NOT NULL)
);

CREATE TABLE data_format (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name_en     TEXT,
    name_tc     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (name_en IS NOT NULL OR name_tc IS NOT NULL)
);
