-- The queue is read a page at a time in order of stage entry (ids break ties: every index ends with the rowid), with
-- or without a stage or state filter; these let a page be read from its place onwards and stop at its limit.
CREATE INDEX items_by_stage_entry ON items (stage_entered_at);
CREATE INDEX items_by_stage ON items (stage, stage_entered_at);
CREATE INDEX items_by_state ON items (state, stage_entered_at);

-- What the queue shows of the current version, readable from the index alone: in the table those columns sit after
-- the content and the findings, usually on overflow pages.
CREATE INDEX versions_summary ON versions (item_id, number, sha256, errors, warnings, infos, categories);
