-- The review store: users, items with their versions and history, and the hash-chained audit trail.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_expires_at TEXT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    product TEXT NULL,
    channel TEXT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL,
    stage TEXT NULL,
    stage_entered_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    revision INTEGER NOT NULL
);

CREATE TABLE versions (
    item_id INTEGER NOT NULL REFERENCES items (id),
    number INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    findings_json TEXT NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    categories TEXT NOT NULL,
    rules_fingerprint TEXT NOT NULL,
    model_fingerprint TEXT NULL,
    tool_version TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (item_id, number)
);
CREATE INDEX versions_by_sha256 ON versions (sha256);

CREATE TABLE dispositions (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id),
    version INTEGER NOT NULL,
    finding_index INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL,
    FOREIGN KEY (item_id, version) REFERENCES versions (item_id, number)
);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    stage TEXT NOT NULL,
    kind TEXT NOT NULL,
    comment TEXT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL,
    voided_by_version INTEGER NULL,
    FOREIGN KEY (item_id, version) REFERENCES versions (item_id, number)
);
-- Whatever the application does, the database itself never holds two approvals of one stage for one version.
CREATE UNIQUE INDEX decisions_one_approval_per_stage ON decisions (item_id, version, stage)
    WHERE kind IN ('approve', 'approve-with-changes');

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id),
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    item_id INTEGER NULL,
    version_hash TEXT NULL,
    decision TEXT NULL,
    comment TEXT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_item ON audit_events (item_id);

-- The newest event, so deleting events at the end of the chain is noticed too.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: the application can never rewrite history (verification catches anyone who drops these).
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
