-- Indexes for listing runs by status and by label and status: the daemon counts the runs of a
-- filtered page on every request, and a count over a small index is ten times one over the table.
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_label_status ON runs (label, status);
