-- Scorecards and evaluations: versioned forms, evaluations with drafts saved as the reviewer
-- types, submitted revisions that are never changed in place, per-question answers for
-- reports, acknowledgements and disputes. And agent profiles, so an agent can acknowledge or
-- dispute their own evaluations.

-- Profiles gain the agent role, linked to the agent record it speaks for. SQLite cannot alter
-- a CHECK constraint, so the table is rebuilt; deferred foreign keys let the rows referring to
-- users wait for the new table's identical rows within this transaction.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE users_before_0006 AS SELECT id, name, role, created_at FROM users;
DROP TABLE users;
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'auditor', 'admin', 'agent')),
    created_at  TEXT NOT NULL,
    -- For role 'agent': the agent this profile is.
    agent_id    INTEGER UNIQUE REFERENCES agents (id),
    CHECK ((role = 'agent') = (agent_id IS NOT NULL))
);
INSERT INTO users (id, name, role, created_at)
SELECT id, name, role, created_at FROM users_before_0006;
DROP TABLE users_before_0006;

CREATE TABLE scorecards (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0
);

-- One row per version of a form. The definition is JSON of hark::scorecard::ScorecardDefinition;
-- question and section keys stay the same across versions so reports can line them up.
CREATE TABLE scorecard_versions (
    id            INTEGER PRIMARY KEY,
    scorecard_id  INTEGER NOT NULL REFERENCES scorecards (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    definition    TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (scorecard_id, version)
);

CREATE TABLE evaluations (
    id                    INTEGER PRIMARY KEY,
    recording_id          INTEGER NOT NULL REFERENCES recordings (id),
    scorecard_version_id  INTEGER NOT NULL REFERENCES scorecard_versions (id),
    reviewer_id           INTEGER NOT NULL REFERENCES users (id),
    -- The recording's agent when the evaluation was started: feedback goes to them.
    agent_id              INTEGER REFERENCES agents (id),
    -- The sample call this evaluation reviews, if it was started from one.
    sample_id             INTEGER,
    sample_position       INTEGER,
    status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    started_at            TEXT NOT NULL,
    submitted_at          TEXT,
    FOREIGN KEY (sample_id, sample_position) REFERENCES sample_items (sample_id, position)
);
-- One draft per reviewer per call: opening the call again resumes it.
CREATE UNIQUE INDEX evaluations_one_draft ON evaluations (recording_id, reviewer_id)
    WHERE status = 'draft';
CREATE INDEX evaluations_recording ON evaluations (recording_id);
CREATE INDEX evaluations_agent ON evaluations (agent_id, submitted_at);
CREATE INDEX evaluations_version ON evaluations (scorecard_version_id);

-- A form version used by an evaluation (a draft included) is frozen.
CREATE TRIGGER scorecard_versions_frozen BEFORE UPDATE OF definition, version, scorecard_id
ON scorecard_versions
WHEN EXISTS (SELECT 1 FROM evaluations WHERE scorecard_version_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'this scorecard version is used by evaluations and is frozen');
END;
CREATE TRIGGER scorecard_versions_keep BEFORE DELETE ON scorecard_versions
WHEN EXISTS (SELECT 1 FROM evaluations WHERE scorecard_version_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'this scorecard version is used by evaluations and is frozen');
END;

-- A submitted evaluation stays submitted, on the call, form and reviewer it was made with.
CREATE TRIGGER evaluations_submitted_fixed BEFORE UPDATE ON evaluations
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a submitted evaluation is changed only by new revisions');
END;
CREATE TRIGGER evaluations_submitted_kept BEFORE DELETE ON evaluations
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a submitted evaluation is never deleted');
END;

-- The working copy of an evaluation in progress, saved as the reviewer types (JSON of
-- hark::scorecard::EvaluationContent). Removed when the evaluation is submitted.
CREATE TABLE evaluation_drafts (
    evaluation_id  INTEGER PRIMARY KEY REFERENCES evaluations (id),
    content        TEXT NOT NULL,
    saved_at       TEXT NOT NULL,
    saves          INTEGER NOT NULL DEFAULT 0
);

-- Every submitted state of an evaluation: revision 1 is the submission, each later change
-- (a correction, an accepted dispute) is a new revision with who, when and why. Append-only.
CREATE TABLE evaluation_revisions (
    evaluation_id   INTEGER NOT NULL REFERENCES evaluations (id),
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    content         TEXT NOT NULL,
    -- The score shown (0 on a critical fail) and the computed one, in percent.
    score           REAL,
    computed_score  REAL,
    critical_failed INTEGER NOT NULL,
    passed          INTEGER,
    made_by         INTEGER NOT NULL REFERENCES users (id),
    made_at         TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    -- The dispute whose acceptance made this revision.
    dispute_id      INTEGER,
    PRIMARY KEY (evaluation_id, revision)
) WITHOUT ROWID;

CREATE TRIGGER evaluation_revisions_no_update BEFORE UPDATE ON evaluation_revisions
BEGIN
    SELECT RAISE(ABORT, 'evaluation revisions are append-only');
END;
CREATE TRIGGER evaluation_revisions_no_delete BEFORE DELETE ON evaluation_revisions
BEGIN
    SELECT RAISE(ABORT, 'evaluation revisions are append-only');
END;

-- Each revision's answers, one row per question, for reports and coaching (weakest questions).
CREATE TABLE evaluation_answers (
    evaluation_id  INTEGER NOT NULL,
    revision       INTEGER NOT NULL,
    question_key   TEXT NOT NULL,
    section_key    TEXT NOT NULL,
    -- The answer as people read it ("Yes", "4 of 5", an option's label); NULL unanswered.
    answer         TEXT,
    na             INTEGER NOT NULL,
    earned         REAL,
    possible       REAL,
    weight         REAL,
    failed         INTEGER NOT NULL,
    comment        TEXT NOT NULL,
    PRIMARY KEY (evaluation_id, revision, question_key),
    FOREIGN KEY (evaluation_id, revision) REFERENCES evaluation_revisions (evaluation_id, revision)
) WITHOUT ROWID;

CREATE TRIGGER evaluation_answers_no_update BEFORE UPDATE ON evaluation_answers
BEGIN
    SELECT RAISE(ABORT, 'evaluation answers are append-only');
END;
CREATE TRIGGER evaluation_answers_no_delete BEFORE DELETE ON evaluation_answers
BEGIN
    SELECT RAISE(ABORT, 'evaluation answers are append-only');
END;

CREATE TABLE acknowledgements (
    id             INTEGER PRIMARY KEY,
    evaluation_id  INTEGER NOT NULL REFERENCES evaluations (id),
    -- The revision the agent saw.
    revision       INTEGER NOT NULL,
    comment        TEXT NOT NULL,
    -- The agent's own profile, or the lead who recorded it with the agent.
    by_user        INTEGER NOT NULL REFERENCES users (id),
    at             TEXT NOT NULL,
    FOREIGN KEY (evaluation_id, revision) REFERENCES evaluation_revisions (evaluation_id, revision)
);
CREATE INDEX acknowledgements_evaluation ON acknowledgements (evaluation_id);

CREATE TABLE disputes (
    id              INTEGER PRIMARY KEY,
    evaluation_id   INTEGER NOT NULL REFERENCES evaluations (id),
    -- The revision disputed.
    revision        INTEGER NOT NULL,
    question_key    TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    -- JSON of hark::scorecard::AnswerValue: the answer the agent proposes.
    proposed        TEXT NOT NULL,
    raised_by       INTEGER NOT NULL REFERENCES users (id),
    raised_at       TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    reply           TEXT,
    resolved_by     INTEGER REFERENCES users (id),
    resolved_at     TEXT,
    -- For an accepted dispute: the revision that re-scored the evaluation.
    new_revision    INTEGER,
    FOREIGN KEY (evaluation_id, revision) REFERENCES evaluation_revisions (evaluation_id, revision)
);
-- One open dispute per question of an evaluation.
CREATE UNIQUE INDEX disputes_one_open ON disputes (evaluation_id, question_key)
    WHERE status = 'open';
CREATE INDEX disputes_open ON disputes (status, raised_at);

-- A resolved dispute stays as resolved.
CREATE TRIGGER disputes_resolved_fixed BEFORE UPDATE ON disputes
WHEN OLD.status <> 'open'
BEGIN
    SELECT RAISE(ABORT, 'a resolved dispute is not changed');
END;

-- "reviewed" (sampling criteria) now also means: the call has a submitted evaluation. The
-- sample_items triggers of migration 0005 recompute it from sample items alone, so they are
-- replaced by ones computing both.
DROP TRIGGER recording_facts_item_insert;
DROP TRIGGER recording_facts_item_update;
DROP TRIGGER recording_facts_item_delete;

CREATE TRIGGER recording_facts_item_insert AFTER INSERT ON sample_items
BEGIN
    UPDATE recording_facts SET
        reviewed = EXISTS (SELECT 1 FROM sample_items i
                           WHERE i.recording_id = recording_facts.recording_id
                             AND i.completed_at IS NOT NULL)
                OR EXISTS (SELECT 1 FROM evaluations e
                           WHERE e.recording_id = recording_facts.recording_id
                             AND e.status = 'submitted'),
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
                             AND i.completed_at IS NOT NULL)
                OR EXISTS (SELECT 1 FROM evaluations e
                           WHERE e.recording_id = recording_facts.recording_id
                             AND e.status = 'submitted'),
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
                             AND i.completed_at IS NOT NULL)
                OR EXISTS (SELECT 1 FROM evaluations e
                           WHERE e.recording_id = recording_facts.recording_id
                             AND e.status = 'submitted'),
        in_open_sample = EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id
                                 WHERE i.recording_id = recording_facts.recording_id
                                   AND s.status = 'open' AND i.replaced_by IS NULL)
    WHERE recording_id = OLD.recording_id;
END;

CREATE TRIGGER recording_facts_evaluation_submitted AFTER UPDATE OF status ON evaluations
WHEN NEW.status = 'submitted'
BEGIN
    UPDATE recording_facts SET reviewed = 1 WHERE recording_id = NEW.recording_id;
END;
