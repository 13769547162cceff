-- Fast criteria, population counts and Library pages at a million recordings.
--
-- recording_facts is one narrow row per recording with what sampling filters on and what the
-- Library sorts on: the call's local start (start plus its offset, so local-time criteria are
-- plain ranges), party ids and names, duration, direction, queue, disposition, the speech
-- metrics, and whether the call was reviewed or is in an open sample. Triggers keep it equal to
-- recordings, the party tables, recording_metrics, samples and sample_items; Hark's code never
-- writes it.
--
-- Measured on a 1,000,000-recording library (docs/BENCHMARKS.md): a row fetched from the wide
-- recordings table costs about 2.5 µs, an entry read from a narrow index about 0.1 µs. So:
-- - sampling reads only covering indexes of eligible calls (partial on `ok`, which they also
--   hold so SQLite counts them covering), led by the local start, agent, team or vendor; the
--   review flags are columns too, as a subquery per call would cost more than the rest;
-- - the Library walks an index on its sort column (names and metrics here, the others on
--   recordings) instead of sorting every matching row, and the ones here carry the filter
--   columns so the walk checks filters without fetching rows.

CREATE TABLE recording_facts (
    recording_id         INTEGER PRIMARY KEY,
    -- status = 'ok': only these calls are ever eligible for sampling.
    ok                   INTEGER NOT NULL,
    -- call_start_ms + call_utc_offset_min: the call's local wall clock as Unix-epoch ms.
    local_start_ms       INTEGER,
    agent_id             INTEGER,
    team_id              INTEGER,
    vendor_id            INTEGER,
    duration_ms          INTEGER,
    direction            TEXT,
    queue                TEXT,
    disposition          TEXT,
    has_problem          INTEGER NOT NULL,
    -- A sample call of this recording was completed (in any sample).
    reviewed             INTEGER NOT NULL DEFAULT 0,
    -- A call of an open sample, not replaced, is this recording.
    in_open_sample       INTEGER NOT NULL DEFAULT 0,
    silence_share        REAL,
    dead_air_longest_ms  INTEGER,
    dead_air_count       INTEGER,
    overtalk_ms          INTEGER,
    agent_talk_share     REAL,
    loudness_lufs        REAL,
    agent_name           TEXT,
    team_name            TEXT,
    vendor_name          TEXT
);

INSERT INTO recording_facts
SELECT r.id, r.status = 'ok', r.call_start_ms + coalesce(r.call_utc_offset_min, 0) * 60000,
       r.agent_id, r.team_id, r.vendor_id, r.duration_ms, r.direction, r.queue, r.disposition,
       r.problem IS NOT NULL,
       EXISTS (SELECT 1 FROM sample_items i WHERE i.recording_id = r.id
                                              AND i.completed_at IS NOT NULL),
       EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
               WHERE i.recording_id = r.id AND s.status = 'open' AND i.replaced_by IS NULL),
       m.silence_share, m.dead_air_longest_ms, m.dead_air_count,
       m.overtalk_ms, m.agent_talk_share, m.loudness_lufs, a.name, t.name, v.name
FROM recordings r
LEFT JOIN recording_metrics m ON m.recording_id = r.id
LEFT JOIN agents a ON a.id = r.agent_id
LEFT JOIN teams t ON t.id = r.team_id
LEFT JOIN vendors v ON v.id = r.vendor_id;

CREATE TRIGGER recording_facts_insert AFTER INSERT ON recordings
BEGIN
    INSERT INTO recording_facts
    SELECT NEW.id, NEW.status = 'ok',
           NEW.call_start_ms + coalesce(NEW.call_utc_offset_min, 0) * 60000,
           NEW.agent_id, NEW.team_id, NEW.vendor_id, NEW.duration_ms, NEW.direction,
           NEW.queue, NEW.disposition, NEW.problem IS NOT NULL, 0, 0, m.silence_share,
           m.dead_air_longest_ms, m.dead_air_count, m.overtalk_ms, m.agent_talk_share,
           m.loudness_lufs,
           (SELECT name FROM agents WHERE id = NEW.agent_id),
           (SELECT name FROM teams WHERE id = NEW.team_id),
           (SELECT name FROM vendors WHERE id = NEW.vendor_id)
    FROM (SELECT 1) LEFT JOIN recording_metrics m ON m.recording_id = NEW.id;
END;

CREATE TRIGGER recording_facts_update
AFTER UPDATE OF status, call_start_ms, call_utc_offset_min, agent_id, team_id, vendor_id,
                duration_ms, direction, queue, disposition, problem ON recordings
BEGIN
    UPDATE recording_facts SET
        ok = NEW.status = 'ok',
        local_start_ms = NEW.call_start_ms + coalesce(NEW.call_utc_offset_min, 0) * 60000,
        agent_id = NEW.agent_id,
        team_id = NEW.team_id,
        vendor_id = NEW.vendor_id,
        duration_ms = NEW.duration_ms,
        direction = NEW.direction,
        queue = NEW.queue,
        disposition = NEW.disposition,
        has_problem = NEW.problem IS NOT NULL,
        agent_name = (SELECT name FROM agents WHERE id = NEW.agent_id),
        team_name = (SELECT name FROM teams WHERE id = NEW.team_id),
        vendor_name = (SELECT name FROM vendors WHERE id = NEW.vendor_id)
    WHERE recording_id = NEW.id;
END;

CREATE TRIGGER recording_facts_delete AFTER DELETE ON recordings
BEGIN
    DELETE FROM recording_facts WHERE recording_id = OLD.id;
END;

-- `INSERT OR REPLACE` (metrics::save) fires the insert trigger for the new row.
CREATE TRIGGER recording_facts_metrics_insert AFTER INSERT ON recording_metrics
BEGIN
    UPDATE recording_facts SET
        silence_share = NEW.silence_share,
        dead_air_longest_ms = NEW.dead_air_longest_ms,
        dead_air_count = NEW.dead_air_count,
        overtalk_ms = NEW.overtalk_ms,
        agent_talk_share = NEW.agent_talk_share,
        loudness_lufs = NEW.loudness_lufs
    WHERE recording_id = NEW.recording_id;
END;

CREATE TRIGGER recording_facts_metrics_update AFTER UPDATE ON recording_metrics
BEGIN
    UPDATE recording_facts SET
        silence_share = NEW.silence_share,
        dead_air_longest_ms = NEW.dead_air_longest_ms,
        dead_air_count = NEW.dead_air_count,
        overtalk_ms = NEW.overtalk_ms,
        agent_talk_share = NEW.agent_talk_share,
        loudness_lufs = NEW.loudness_lufs
    WHERE recording_id = NEW.recording_id;
END;

CREATE TRIGGER recording_facts_metrics_delete AFTER DELETE ON recording_metrics
BEGIN
    UPDATE recording_facts SET
        silence_share = NULL, dead_air_longest_ms = NULL, dead_air_count = NULL,
        overtalk_ms = NULL, agent_talk_share = NULL, loudness_lufs = NULL
    WHERE recording_id = OLD.recording_id;
END;

-- The review flags of the recordings a sample change touches.
CREATE TRIGGER recording_facts_item_insert AFTER INSERT ON sample_items
BEGIN
    UPDATE recording_facts SET
        reviewed = EXISTS (SELECT 1 FROM sample_items i
                           WHERE i.recording_id = recording_facts.recording_id
                             AND i.completed_at IS NOT NULL),
        in_open_sample = EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
                                 WHERE i.recording_id = recording_facts.recording_id
                                   AND s.status = 'open' AND i.replaced_by IS NULL)
    WHERE recording_id = NEW.recording_id;
END;

CREATE TRIGGER recording_facts_item_update
AFTER UPDATE OF sample_id, recording_id, replaced_by, completed_at ON sample_items
BEGIN
    UPDATE recording_facts SET
        reviewed = EXISTS (SELECT 1 FROM sample_items i
                           WHERE i.recording_id = recording_facts.recording_id
                             AND i.completed_at IS NOT NULL),
        in_open_sample = EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
                                 WHERE i.recording_id = recording_facts.recording_id
                                   AND s.status = 'open' AND i.replaced_by IS NULL)
    WHERE recording_id IN (OLD.recording_id, NEW.recording_id);
END;

CREATE TRIGGER recording_facts_item_delete AFTER DELETE ON sample_items
BEGIN
    UPDATE recording_facts SET
        reviewed = EXISTS (SELECT 1 FROM sample_items i
                           WHERE i.recording_id = recording_facts.recording_id
                             AND i.completed_at IS NOT NULL),
        in_open_sample = EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
                                 WHERE i.recording_id = recording_facts.recording_id
                                   AND s.status = 'open' AND i.replaced_by IS NULL)
    WHERE recording_id = OLD.recording_id;
END;

CREATE TRIGGER recording_facts_sample_status AFTER UPDATE OF status ON samples
BEGIN
    UPDATE recording_facts SET
        in_open_sample = EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
                                 WHERE i.recording_id = recording_facts.recording_id
                                   AND s.status = 'open' AND i.replaced_by IS NULL)
    WHERE recording_id IN (SELECT recording_id FROM sample_items WHERE sample_id = NEW.id);
END;

CREATE TRIGGER recording_facts_agent_name AFTER UPDATE OF name ON agents
BEGIN
    UPDATE recording_facts SET agent_name = NEW.name WHERE agent_id = NEW.id;
END;

CREATE TRIGGER recording_facts_team_name AFTER UPDATE OF name ON teams
BEGIN
    UPDATE recording_facts SET team_name = NEW.name WHERE team_id = NEW.id;
END;

CREATE TRIGGER recording_facts_vendor_name AFTER UPDATE OF name ON vendors
BEGIN
    UPDATE recording_facts SET vendor_name = NEW.name WHERE vendor_id = NEW.id;
END;

-- Sampling: eligible calls only, every column criteria read, led by what narrows them most.
CREATE INDEX recording_facts_eligible ON recording_facts (ok) WHERE ok;
CREATE INDEX recording_facts_eligible_start ON recording_facts (
    local_start_ms, agent_id, team_id, vendor_id, duration_ms, direction, queue, disposition,
    has_problem, reviewed, in_open_sample, silence_share, dead_air_longest_ms, dead_air_count,
    overtalk_ms, agent_talk_share, loudness_lufs, ok) WHERE ok;
CREATE INDEX recording_facts_eligible_agent ON recording_facts (
    agent_id, local_start_ms, team_id, vendor_id, duration_ms, direction, queue, disposition,
    has_problem, reviewed, in_open_sample, silence_share, dead_air_longest_ms, dead_air_count,
    overtalk_ms, agent_talk_share, loudness_lufs, ok) WHERE ok;
CREATE INDEX recording_facts_eligible_team ON recording_facts (
    team_id, local_start_ms, agent_id, vendor_id, duration_ms, direction, queue, disposition,
    has_problem, reviewed, in_open_sample, silence_share, dead_air_longest_ms, dead_air_count,
    overtalk_ms, agent_talk_share, loudness_lufs, ok) WHERE ok;
CREATE INDEX recording_facts_eligible_vendor ON recording_facts (
    vendor_id, local_start_ms, agent_id, team_id, duration_ms, direction, queue, disposition,
    has_problem, reviewed, in_open_sample, silence_share, dead_air_longest_ms, dead_air_count,
    overtalk_ms, agent_talk_share, loudness_lufs, ok) WHERE ok;

-- The Library: one index per sort column it did not have, walked in order for a page. The id
-- follows the sort column (the Library breaks ties by id), then the columns it filters on.
CREATE INDEX recording_facts_agent_name ON recording_facts (
    agent_name, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_team_name ON recording_facts (
    team_name, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_vendor_name ON recording_facts (
    vendor_name, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_silence ON recording_facts (
    silence_share, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_dead_air ON recording_facts (
    dead_air_longest_ms, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_overtalk ON recording_facts (
    overtalk_ms, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_agent_talk ON recording_facts (
    agent_talk_share, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recording_facts_loudness ON recording_facts (
    loudness_lufs, recording_id, agent_id, team_id, vendor_id, queue, direction);
CREATE INDEX recordings_queue ON recordings (queue);
CREATE INDEX recordings_direction ON recordings (direction);
CREATE INDEX recordings_disposition ON recordings (disposition);
