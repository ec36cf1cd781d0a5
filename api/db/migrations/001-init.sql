-- Foundation: PQRSD intake, attachments, consent, outbox, calendar closures, sequences.

CREATE TABLE closure_days (
  date   TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per (prefix, year): the last radicado number handed out. Bumped inside the
-- same transaction that inserts the request, so numbers are never reused nor skipped.
CREATE TABLE radicado_sequences (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
) STRICT;

CREATE TABLE pqrs (
  id                 INTEGER PRIMARY KEY,
  radicado           TEXT NOT NULL UNIQUE,
  tracking_hash      TEXT NOT NULL,
  type               TEXT NOT NULL,
  subject            TEXT NOT NULL,
  description        TEXT NOT NULL,
  response_channel   TEXT NOT NULL,
  requester_kind     TEXT NOT NULL,
  document_type      TEXT,
  document_number    TEXT,
  name               TEXT,
  email              TEXT,
  phone              TEXT,
  address            TEXT,
  city               TEXT,
  state              TEXT NOT NULL DEFAULT 'radicada',
  received_at        TEXT NOT NULL,  -- ISO instant, UTC
  effective_receipt  TEXT NOT NULL,  -- YYYY-MM-DD, Bogotá business day
  business_days      INTEGER NOT NULL,
  due_date           TEXT NOT NULL,  -- YYYY-MM-DD
  consent_at         TEXT NOT NULL,
  consent_policy     TEXT NOT NULL,
  consent_ip         TEXT NOT NULL
) STRICT;
CREATE INDEX pqrs_due ON pqrs (due_date);
CREATE INDEX pqrs_state ON pqrs (state);

CREATE TABLE pqrs_attachments (
  id           INTEGER PRIMARY KEY,
  pqrs_id      INTEGER NOT NULL REFERENCES pqrs (id) ON DELETE CASCADE,
  original_name TEXT NOT NULL,
  stored_name  TEXT NOT NULL UNIQUE,
  mime         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL
) STRICT;
CREATE INDEX pqrs_attachments_pqrs ON pqrs_attachments (pqrs_id);

CREATE TABLE pqrs_events (
  id          INTEGER PRIMARY KEY,
  pqrs_id     INTEGER NOT NULL REFERENCES pqrs (id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  state       TEXT NOT NULL,
  actor       TEXT,            -- NULL: the citizen or the system
  public_note TEXT
) STRICT;
CREATE INDEX pqrs_events_pqrs ON pqrs_events (pqrs_id);

CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  to_address  TEXT NOT NULL,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  sent_at     TEXT,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (sent_at) WHERE sent_at IS NULL;

-- Spent proof-of-work challenges, so one solution cannot be replayed.
CREATE TABLE spent_challenges (
  signature  TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) STRICT;
