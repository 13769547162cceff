-- Sampling: named filters, drawn samples with everything needed to defend and re-draw them,
-- and their calls with replacements and assignments. Evaluations (the scorecard issue) will
-- point at sample_items; "reviewed" is an item with completed_at set until they exist.

CREATE TABLE saved_filters (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    -- The criteria in Hark's criteria language (the text `hark sample --where` takes).
    criteria    TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
);

CREATE TABLE samples (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    -- The method and its parameters (JSON of hark::sampling::Method).
    method           TEXT NOT NULL,
    criteria         TEXT NOT NULL,
    -- The generator named in full (e.g. "ChaCha20Rng, rand 0.10, Fisher-Yates over ids") and
    -- its seed (a u64 as decimal text: SQLite integers are signed).
    generator        TEXT NOT NULL,
    seed             TEXT NOT NULL,
    population_size  INTEGER NOT NULL,
    -- The eligible recording ids at draw time, ascending, delta + LEB128 encoded, and the
    -- BLAKE3 of that encoding: `hark sample verify` re-draws from exactly this population.
    population       BLOB NOT NULL,
    population_hash  TEXT NOT NULL,
    drawn_by         INTEGER NOT NULL REFERENCES users (id),
    drawn_at         TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'))
);

CREATE TABLE sample_items (
    sample_id       INTEGER NOT NULL REFERENCES samples (id),
    -- Draw order, from 0; replacements are appended after the original draw.
    position        INTEGER NOT NULL,
    recording_id    INTEGER NOT NULL REFERENCES recordings (id),
    -- The stratum or quota group the call was drawn for (NULL for simple random).
    stratum         TEXT,
    -- Set when this call was replaced: why, by whom, and the position of its replacement.
    replaced_reason TEXT,
    replaced_by     INTEGER,
    replaced_at     TEXT,
    assigned_to     INTEGER REFERENCES users (id),
    due_date        TEXT,
    completed_at    TEXT,
    PRIMARY KEY (sample_id, position)
) WITHOUT ROWID;

CREATE INDEX sample_items_recording ON sample_items (recording_id);
CREATE INDEX sample_items_assignee ON sample_items (assigned_to, due_date);
