-- Events of the participation plan (issue 12, DOMAIN.md section 7): institutional moments
-- (rendición de cuentas, enrolment, forums...) with the tools they use. Instants are ISO UTC;
-- Bogotá has no daylight saving, so local times convert with a fixed -05:00.
CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  slug            TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('rendicion-cuentas', 'inscripciones', 'foro', 'consulta-normativa',
                                                'feria-servicio', 'capacitacion', 'otro')),
  summary         TEXT NOT NULL DEFAULT '',
  body            TEXT NOT NULL DEFAULT '',   -- plain text with line breaks, never HTML
  starts_at       TEXT NOT NULL,
  ends_at         TEXT NOT NULL CHECK (ends_at > starts_at),
  place           TEXT,
  online_url      TEXT,
  responsible_id  INTEGER REFERENCES staff (id),
  state           TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'cancelled')),
  -- Tools. Registration: capacity NULL = unlimited; closes_at NULL = at the start.
  registration    INTEGER NOT NULL DEFAULT 0 CHECK (registration IN (0, 1)),
  capacity        INTEGER CHECK (capacity IS NULL OR capacity > 0),
  waitlist        INTEGER NOT NULL DEFAULT 0 CHECK (waitlist IN (0, 1)),
  reg_closes_at   TEXT,
  questions       INTEGER NOT NULL DEFAULT 0 CHECK (questions IN (0, 1)),
  survey_slug     TEXT,
  -- Staff's targets, e.g. {"registrations":150,"surveyAnswers":80}.
  goals           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(goals)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  published_at    TEXT,
  cancelled_at    TEXT
) STRICT;
CREATE INDEX events_starts ON events (starts_at);

-- Registrations: one active per e-mail and event; the waiting list is ordered by id. The cancel
-- token is kept only as its SHA-256. Consent per Ley 1581 de 2012, as for the PQRSD.
CREATE TABLE event_registrations (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
  token_hash      TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  promoted_at     TEXT,
  cancelled_at    TEXT,
  consent_at      TEXT NOT NULL,
  consent_policy  TEXT NOT NULL,
  consent_ip      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX event_registrations_email ON event_registrations (event_id, lower(email)) WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event ON event_registrations (event_id, status, id);
