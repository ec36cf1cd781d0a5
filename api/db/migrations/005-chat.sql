-- Chat with an official and the contact mailbox (issue 5). Rules in api/chat/service.ts and
-- api/mailbox/; wire shapes in api/chat/schemas.ts and api/mailbox/schemas.ts.

-- token_hash: only the SHA-256 of the citizen's token (sent as X-Chat-Token) is kept.
-- last_seq: the last message number handed out, bumped in the transaction that stores the
-- message. last_activity_at: the last message (or the start), for the idle close.
-- pending_tracking_code: the tracking code of the PQRSD the chat became, kept in clear only
-- until the conversation closes (the citizen may have missed the live event).
CREATE TABLE chat_conversations (
  id                    INTEGER PRIMARY KEY,
  token_hash            TEXT NOT NULL,
  name                  TEXT,
  email                 TEXT,
  topic                 TEXT NOT NULL,
  state                 TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'active', 'closed')),
  agent_id              INTEGER REFERENCES staff (id),
  created_at            TEXT NOT NULL,
  taken_at              TEXT,
  closed_at             TEXT,
  closed_by             TEXT CHECK (closed_by IN ('citizen', 'staff', 'idle')),
  last_activity_at      TEXT NOT NULL,
  last_seq              INTEGER NOT NULL DEFAULT 0,
  citizen_read_seq      INTEGER NOT NULL DEFAULT 0,
  staff_read_seq        INTEGER NOT NULL DEFAULT 0,
  consent_at            TEXT NOT NULL,
  consent_policy        TEXT NOT NULL,
  consent_ip            TEXT NOT NULL,
  radicado              TEXT,
  pending_tracking_code TEXT
) STRICT;
CREATE INDEX chat_conversations_state ON chat_conversations (state, id);
CREATE INDEX chat_conversations_email ON chat_conversations (email);
CREATE INDEX chat_conversations_agent ON chat_conversations (agent_id);

-- body: plain text as typed, never HTML. staff_id: the official who wrote it (author 'staff').
CREATE TABLE chat_messages (
  id              INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  author          TEXT NOT NULL CHECK (author IN ('citizen', 'staff', 'system')),
  staff_id        INTEGER REFERENCES staff (id),
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (conversation_id, seq)
) STRICT;

-- The console's availability flag. An official counts as available only while the flag is set
-- AND a console event stream of theirs is open (kept in memory, api/chat/hub.ts).
CREATE TABLE chat_agents (
  staff_id   INTEGER PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  available  INTEGER NOT NULL DEFAULT 0 CHECK (available IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE chat_canned (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- One rating per conversation; staff_id: the official who attended it when it was rated.
CREATE TABLE chat_ratings (
  conversation_id INTEGER PRIMARY KEY REFERENCES chat_conversations (id) ON DELETE CASCADE,
  staff_id        INTEGER REFERENCES staff (id),
  score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment         TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX chat_ratings_created ON chat_ratings (created_at);

CREATE TABLE mailbox_messages (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  email          TEXT NOT NULL,
  subject        TEXT NOT NULL,
  message        TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'nuevo' CHECK (state IN ('nuevo', 'respondido', 'convertido')),
  created_at     TEXT NOT NULL,
  consent_at     TEXT NOT NULL,
  consent_policy TEXT NOT NULL,
  consent_ip     TEXT NOT NULL,
  radicado       TEXT
) STRICT;
CREATE INDEX mailbox_messages_state ON mailbox_messages (state, id);

CREATE TABLE mailbox_replies (
  id         INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES mailbox_messages (id) ON DELETE CASCADE,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX mailbox_replies_message ON mailbox_replies (message_id);
