-- The first schema: runs with their raw trials and environment, and the action log.
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    suite         TEXT NOT NULL,
    label         TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'interrupted')),
    options       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    error         TEXT,
    owner_pid     INTEGER,
    owner_started TEXT
);
CREATE INDEX runs_label ON runs (label);

CREATE TABLE environments (
    run_id           INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    hypervisor       TEXT NOT NULL,
    guest_type       TEXT,
    cpu_model        TEXT,
    cpu_count        INTEGER NOT NULL,
    memory_bytes     INTEGER NOT NULL,
    kernel           TEXT,
    os               TEXT,
    hostname         TEXT,
    hyperlab_version TEXT NOT NULL,
    java_version     TEXT
);

CREATE TABLE trials (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    test        TEXT NOT NULL,
    number      INTEGER NOT NULL CHECK (number >= 1),
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    UNIQUE (run_id, test, number)
);

CREATE TABLE measurements (
    trial_id         INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    metric           TEXT NOT NULL,
    unit             TEXT NOT NULL,
    higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
    value            REAL NOT NULL,
    PRIMARY KEY (trial_id, metric)
);

CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    actor       TEXT NOT NULL,
    host        TEXT,
    action      TEXT NOT NULL,
    parameters  TEXT NOT NULL DEFAULT '{}',
    outcome     TEXT NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed')),
    error       TEXT
);
CREATE INDEX actions_started ON actions (started_at);
