-- Hark schema v1. A landed migration is never edited: later changes are new numbered files.

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'auditor', 'admin')),
    created_at  TEXT NOT NULL
);

CREATE TABLE teams (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE vendors (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE agents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    team_id     INTEGER REFERENCES teams (id),
    vendor_id   INTEGER REFERENCES vendors (id),
    external_id TEXT
);

CREATE TABLE recordings (
    id                   INTEGER PRIMARY KEY,
    path                 TEXT NOT NULL UNIQUE,
    -- BLAKE3 of the file's bytes, hex; NULL only while a file could not be read.
    content_hash         TEXT,
    size_bytes           INTEGER NOT NULL,
    mtime_ns             INTEGER NOT NULL,
    container            TEXT,
    codec                TEXT,
    sample_rate          INTEGER,
    channels             INTEGER,
    duration_ms          INTEGER,
    -- Call start as Unix milliseconds (UTC) plus the offset the source gave, so reports can
    -- sort globally and still ask for the call centre's local weekday and hour.
    call_start_ms        INTEGER,
    call_utc_offset_min  INTEGER,
    direction            TEXT CHECK (direction IN ('inbound', 'outbound', 'internal')),
    agent_id             INTEGER REFERENCES agents (id),
    team_id              INTEGER REFERENCES teams (id),
    vendor_id            INTEGER REFERENCES vendors (id),
    queue                TEXT,
    disposition          TEXT,
    caller_number        TEXT,
    callee_number        TEXT,
    external_call_id     TEXT,
    -- 'ok', 'missing' (gone from disk, kept with its history) or 'unreadable' (see problem).
    status               TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'missing', 'unreadable')),
    problem              TEXT,
    imported_at          TEXT NOT NULL,
    imported_by          INTEGER REFERENCES users (id)
);

CREATE INDEX recordings_call_start ON recordings (call_start_ms);
CREATE INDEX recordings_agent ON recordings (agent_id, call_start_ms);
CREATE INDEX recordings_team ON recordings (team_id, call_start_ms);
CREATE INDEX recordings_vendor ON recordings (vendor_id, call_start_ms);
CREATE INDEX recordings_duration ON recordings (duration_ms);
CREATE INDEX recordings_hash ON recordings (content_hash);
CREATE INDEX recordings_call_id ON recordings (external_call_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Append-only, hash-chained: hash = BLAKE3 over this entry's fields and prev_hash.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER REFERENCES users (id),
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    object     TEXT NOT NULL,
    details    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

-- The newest entry, written in the same transaction as the entry itself, so deleting the last
-- rows of the log is detected too.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
