-- The tools of an event (issue 12, second slice): a chat window with named officials, results
-- (memoria), merged questions, a question filed as a PQRSD (new channel `evento`), and e-mail
-- attachments (the event's .ics). Rules in api/events/service.ts, api/chat/service.ts.

-- E-mail attachments: a JSON array of { filename, contentType, content } (text content, e.g. an
-- iCalendar file); NULL when the message has none.
ALTER TABLE outbox ADD COLUMN attachments TEXT CHECK (attachments IS NULL OR json_valid(attachments));

-- The chat window of an event: both instants set, or neither (no chat for the event).
ALTER TABLE events ADD COLUMN chat_opens_at TEXT;
ALTER TABLE events ADD COLUMN chat_closes_at TEXT CHECK (chat_closes_at IS NULL OR chat_closes_at > chat_opens_at);
-- The officials who answer the event's chat.
CREATE TABLE event_chat_officials (
  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  staff_id  INTEGER NOT NULL REFERENCES staff (id),
  PRIMARY KEY (event_id, staff_id)
) STRICT, WITHOUT ROWID;
-- A conversation started from an event's page goes to that event's officials.
ALTER TABLE chat_conversations ADD COLUMN event_id INTEGER REFERENCES events (id) ON DELETE SET NULL;

-- Results (memoria): the staff's text, public once published (after the event ended).
ALTER TABLE events ADD COLUMN results_text TEXT;
ALTER TABLE events ADD COLUMN results_published_at TEXT;

-- Two tables get a wider CHECK, which SQLite changes only by rebuilding the table (the
-- procedure of sqlite.org/lang_altertable.html): a new table, the rows copied, the old one
-- dropped, the new one renamed. The runner applies this file with foreign keys off (the marker
-- below) and checks them all (PRAGMA foreign_key_check) before it commits: dropping the old
-- table must not cascade to the rows that reference it, which keep naming `pqrs` /
-- `event_questions` and so point at the new tables.
-- migrate: foreign_keys off

-- Questions: `merged` into a similar one (merged_into), and the radicado once filed as a PQRSD.
CREATE TABLE event_questions_013 (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  body            TEXT NOT NULL,
  name            TEXT,
  email           TEXT,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'hidden', 'merged')),
  answer          TEXT,
  answered_at     TEXT,
  answered_by     INTEGER REFERENCES staff (id),
  created_at      TEXT NOT NULL,
  published_at    TEXT,
  consent_at      TEXT NOT NULL,
  consent_policy  TEXT NOT NULL,
  consent_ip      TEXT NOT NULL,
  merged_into     INTEGER REFERENCES event_questions (id),
  radicado        TEXT,
  CHECK ((state = 'merged') = (merged_into IS NOT NULL))
) STRICT;
INSERT INTO event_questions_013 (id, event_id, body, name, email, state, answer, answered_at, answered_by, created_at,
                             published_at, consent_at, consent_policy, consent_ip)
  SELECT id, event_id, body, name, email, state, answer, answered_at, answered_by, created_at,
         published_at, consent_at, consent_policy, consent_ip
  FROM event_questions;
DROP TABLE event_questions;
ALTER TABLE event_questions_013 RENAME TO event_questions;
CREATE INDEX event_questions_event ON event_questions (event_id, state, id);
CREATE INDEX event_questions_merged ON event_questions (merged_into) WHERE merged_into IS NOT NULL;

-- PQRSD: the channel `evento` (a question of an event filed by staff; api/pqrs/channels.ts).
CREATE TABLE pqrs_013 (
  id                  INTEGER PRIMARY KEY,
  radicado            TEXT NOT NULL UNIQUE,
  tracking_hash       TEXT NOT NULL,
  type                TEXT NOT NULL,
  subject             TEXT NOT NULL,
  description         TEXT NOT NULL,
  response_channel    TEXT NOT NULL,
  requester_kind      TEXT NOT NULL,
  document_type       TEXT,
  document_number     TEXT,
  name                TEXT,
  email               TEXT,
  phone               TEXT,
  address             TEXT,
  city                TEXT,
  state               TEXT NOT NULL DEFAULT 'radicada',
  received_at         TEXT NOT NULL,  -- ISO instant, UTC
  effective_receipt   TEXT NOT NULL,  -- YYYY-MM-DD, Bogotá business day
  business_days       INTEGER NOT NULL,
  due_date            TEXT NOT NULL,  -- YYYY-MM-DD
  consent_at          TEXT NOT NULL,
  consent_policy      TEXT NOT NULL,
  consent_ip          TEXT NOT NULL,
  assignee_id         INTEGER REFERENCES staff (id),
  original_due_date   TEXT,
  extended_at         TEXT,
  extension_reason    TEXT,
  paused_at           TEXT,
  completion_deadline TEXT,
  completion_extended INTEGER NOT NULL DEFAULT 0 CHECK (completion_extended IN (0, 1)),
  paused_days         INTEGER NOT NULL DEFAULT 0,
  transferred_to      TEXT,
  transferred_at      TEXT,
  answer              TEXT,
  answered_at         TEXT,
  answered_by         INTEGER REFERENCES staff (id),
  denied              INTEGER NOT NULL DEFAULT 0 CHECK (denied IN (0, 1)),
  closed_at           TEXT,
  channel             TEXT NOT NULL DEFAULT 'web'
    CHECK (channel IN ('web', 'chat', 'buzon', 'presencial', 'telefonica', 'otro_verbal', 'evento'))
) STRICT;
INSERT INTO pqrs_013 (id, radicado, tracking_hash, type, subject, description, response_channel, requester_kind,
                  document_type, document_number, name, email, phone, address, city, state, received_at,
                  effective_receipt, business_days, due_date, consent_at, consent_policy, consent_ip, assignee_id,
                  original_due_date, extended_at, extension_reason, paused_at, completion_deadline,
                  completion_extended, paused_days, transferred_to, transferred_at, answer, answered_at,
                  answered_by, denied, closed_at, channel)
  SELECT id, radicado, tracking_hash, type, subject, description, response_channel, requester_kind,
         document_type, document_number, name, email, phone, address, city, state, received_at,
         effective_receipt, business_days, due_date, consent_at, consent_policy, consent_ip, assignee_id,
         original_due_date, extended_at, extension_reason, paused_at, completion_deadline,
         completion_extended, paused_days, transferred_to, transferred_at, answer, answered_at,
         answered_by, denied, closed_at, channel
  FROM pqrs;
DROP TABLE pqrs;
ALTER TABLE pqrs_013 RENAME TO pqrs;
CREATE INDEX pqrs_due ON pqrs (due_date);
CREATE INDEX pqrs_state_due ON pqrs (state, due_date);
CREATE INDEX pqrs_assignee_due ON pqrs (assignee_id, due_date);
CREATE INDEX pqrs_type_due ON pqrs (type, due_date);
CREATE INDEX pqrs_received ON pqrs (received_at);
CREATE INDEX pqrs_channel_received ON pqrs (channel, received_at);
