-- Runs get an identity that travels with exports (so that a second import of the same run is
-- caught), and imported runs say where they came from. Existing runs get a random identity.
ALTER TABLE runs ADD COLUMN uid TEXT;
UPDATE runs SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX runs_uid ON runs (uid);
-- source: null for a run measured here, 'pts' for a Phoronix Test Suite composite.xml,
-- 'hyperlab' for a HyperLab JSON export; source_file: the imported file's name.
ALTER TABLE runs ADD COLUMN source TEXT CHECK (source IS NULL OR source IN ('pts', 'hyperlab'));
ALTER TABLE runs ADD COLUMN source_file TEXT;
ALTER TABLE runs ADD COLUMN imported_at TEXT;
