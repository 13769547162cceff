-- Speech metrics, one row per analysed recording. The scalar metrics are columns so sampling
-- and reports can filter on them; the spans behind them (talk per side, dead air, overtalk)
-- are one JSON document for the player's timeline. A row is current only while its
-- content_hash and analyzer_version match the recording and the running analyzer.

CREATE TABLE recording_metrics (
    recording_id                   INTEGER PRIMARY KEY REFERENCES recordings (id),
    content_hash                   TEXT NOT NULL,
    analyzed_at                    TEXT NOT NULL,
    analyzer_version               INTEGER NOT NULL,
    duration_ms                    INTEGER NOT NULL,
    sample_rate                    INTEGER NOT NULL,
    -- 2: agent (left) and customer (right) apart; 1: mono, per-side columns are NULL.
    channels_analyzed              INTEGER NOT NULL CHECK (channels_analyzed IN (1, 2)),
    talk_ms                        INTEGER NOT NULL,
    talk_share                     REAL NOT NULL,
    silence_share                  REAL NOT NULL,
    agent_talk_ms                  INTEGER,
    customer_talk_ms               INTEGER,
    agent_talk_share               REAL,
    customer_talk_share            REAL,
    agent_longest_monologue_ms     INTEGER,
    customer_longest_monologue_ms  INTEGER,
    dead_air_threshold_ms          INTEGER NOT NULL,
    dead_air_count                 INTEGER NOT NULL,
    dead_air_longest_ms            INTEGER NOT NULL,
    dead_air_average_ms            INTEGER NOT NULL,
    overtalk_count                 INTEGER,
    overtalk_ms                    INTEGER,
    clipping_share                 REAL NOT NULL,
    loudness_lufs                  REAL,
    agent_loudness_lufs            REAL,
    customer_loudness_lufs         REAL,
    segments                       TEXT NOT NULL
);

CREATE INDEX recording_metrics_dead_air ON recording_metrics (dead_air_longest_ms);
CREATE INDEX recording_metrics_overtalk ON recording_metrics (overtalk_ms);
