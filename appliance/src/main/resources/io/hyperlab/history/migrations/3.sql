-- Hypervisor hosts: how to reach each one. The password is stored as given: the database file
-- and its -wal/-shm are readable by their owner only (mode 0600), see Database.restrictToOwner.
CREATE TABLE hosts (
    name        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('libvirt', 'xapi')),
    uri         TEXT NOT NULL,
    user        TEXT,
    password    TEXT,
    fingerprint TEXT,
    added_at    TEXT NOT NULL
);
CREATE INDEX actions_host ON actions (host, started_at);
-- The process doing an action, so that one left running by a killed process is marked failed.
ALTER TABLE actions ADD COLUMN owner_pid INTEGER;
ALTER TABLE actions ADD COLUMN owner_started TEXT;
