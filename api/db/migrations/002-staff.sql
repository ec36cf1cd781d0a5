-- Staff accounts, their sessions, failed-login lockouts, the audit log and admin settings.

-- Usernames are stored lower case (the API normalises them); NOCASE keeps the uniqueness
-- case-insensitive even for a row written by hand. Users are deactivated, never deleted,
-- so the audit log and the workflow history keep pointing at them.
CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name          TEXT NOT NULL,
  email         TEXT,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'funcionario')),
  password_hash TEXT NOT NULL,  -- self-describing scrypt string, see api/auth/passwords.ts
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

-- Only the SHA-256 of the cookie's session id is stored: a copy of the database cannot be
-- replayed as a login. Idle expiry is last_seen_at + the configured idle timeout.
CREATE TABLE staff_sessions (
  id_hash      TEXT PRIMARY KEY,
  staff_id     INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,  -- absolute timeout
  ip           TEXT NOT NULL,
  user_agent   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Failed logins per attempted username, existing or not, so a lockout says nothing about
-- whether the account exists. A successful login deletes the row.
CREATE TABLE login_failures (
  username     TEXT PRIMARY KEY COLLATE NOCASE,
  failures     INTEGER NOT NULL,
  last_failure TEXT NOT NULL,
  locked_until TEXT
) STRICT;

CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,  -- ISO instant, UTC
  staff_id INTEGER REFERENCES staff (id),  -- NULL: a failed login or the command line
  username TEXT NOT NULL,
  action   TEXT NOT NULL,  -- e.g. session.login, user.update, pqrs.assign
  target   TEXT,           -- what was acted on: a radicado, a username, a settings key
  ip       TEXT NOT NULL,
  details  TEXT CHECK (details IS NULL OR json_valid(details))
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_staff ON audit_log (username, at);

-- Admin settings that override the defaults of api/config.ts; one JSON value per key.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
