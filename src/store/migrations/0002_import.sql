-- Import: saved file-name patterns and CDR column mappings, and the Problems filter's index.

CREATE TABLE filename_patterns (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    template    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- One column mapping per source (a vendor's export, a PBX), reused on the next import.
CREATE TABLE cdr_mappings (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL UNIQUE,
    mapping     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX recordings_status ON recordings (status);
