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
  attended_at     TEXT,           -- checked by staff on the day; NULL: not (yet) marked present
  attended_by     INTEGER REFERENCES staff (id),
  reminded_at     TEXT,           -- the day-before reminder was queued (in the same transaction)
  invited_at      TEXT,           -- the survey invitation after the event was queued
  consent_at      TEXT NOT NULL,
  consent_policy  TEXT NOT NULL,
  consent_ip      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX event_registrations_email ON event_registrations (event_id, lower(email)) WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event ON event_registrations (event_id, status, id);

-- Citizens' questions, before and during the event: staff publish or hide them and answer in
-- public. Name and e-mail are optional (for a reply, or a PQRSD filed later) and never public.
CREATE TABLE event_questions (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  body            TEXT NOT NULL,
  name            TEXT,
  email           TEXT,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'hidden')),
  answer          TEXT,
  answered_at     TEXT,
  answered_by     INTEGER REFERENCES staff (id),
  created_at      TEXT NOT NULL,
  published_at    TEXT,
  consent_at      TEXT NOT NULL,
  consent_policy  TEXT NOT NULL,
  consent_ip      TEXT NOT NULL
) STRICT;
CREATE INDEX event_questions_event ON event_questions (event_id, state, id);

-- The sample plan of a new database (issue 12): dated from the day it is created (Bogotá), so
-- the demo always shows a live example: an upcoming rendición de cuentas with registration
-- open and questions, an enrolment period, a forum, a service fair already held and a
-- training still in draft. 09:00 in Bogotá is 14:00 UTC.
INSERT INTO events (slug, title, kind, summary, body, starts_at, ends_at, place, online_url, state, registration, capacity,
                    waitlist, questions, survey_slug, goals, created_at, updated_at, published_at)
VALUES
  ('rendicion-de-cuentas-' || strftime('%Y', 'now', '-5 hours', '+30 days'),
   'Audiencia pública de rendición de cuentas',
   'rendicion-cuentas',
   'La ECAM presenta los resultados de su gestión y responde las preguntas de la ciudadanía.',
   'Le contamos qué hicimos durante el año: cursos, atención al ciudadano, presupuesto y metas.' || char(10) ||
   'Puede asistir en el auditorio o seguir la transmisión en línea. Envíe sus preguntas antes o durante la audiencia.',
   strftime('%Y-%m-%dT14:00:00.000Z', 'now', '-5 hours', '+30 days'),
   strftime('%Y-%m-%dT17:00:00.000Z', 'now', '-5 hours', '+30 days'),
   'Auditorio principal de la ECAM', 'https://www.youtube.com/@ecam/live', 'published', 1, 150, 1, 1,
   'satisfaccion-servicio', '{"registrations":150,"surveyAnswers":80}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('inscripciones-cursos-' || strftime('%Y', 'now', '-5 hours', '+45 days'),
   'Inscripciones a los cursos del periodo',
   'inscripciones',
   'Periodo de inscripción a los cursos abiertos de la ECAM.',
   'Consulte la oferta de cursos y resuelva sus dudas con nuestros funcionarios durante el periodo de inscripciones.',
   strftime('%Y-%m-%dT13:00:00.000Z', 'now', '-5 hours', '+45 days'),
   strftime('%Y-%m-%dT22:00:00.000Z', 'now', '-5 hours', '+59 days'),
   'Sede principal, oficina de admisiones', NULL, 'published', 0, NULL, 0, 1,
   NULL, '{"questions":40}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('foro-egresados-' || strftime('%Y', 'now', '-5 hours', '+75 days'),
   'Foro con egresados y empleadores',
   'foro',
   'Diálogo sobre la pertinencia de los cursos con egresados y empleadores de la región.',
   'Un espacio de diálogo abierto: cuéntenos qué necesita la región y cómo pueden mejorar nuestros cursos.',
   strftime('%Y-%m-%dT20:00:00.000Z', 'now', '-5 hours', '+75 days'),
   strftime('%Y-%m-%dT22:00:00.000Z', 'now', '-5 hours', '+75 days'),
   NULL, 'https://meet.example.org/foro-ecam', 'published', 1, NULL, 0, 1,
   NULL, '{"registrations":60}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('feria-de-servicio-' || strftime('%Y', 'now', '-5 hours', '-20 days'),
   'Feria de servicio al ciudadano',
   'feria-servicio',
   'Trámites, orientación e inscripciones en un solo lugar.',
   'Funcionarios de todas las áreas atendieron trámites y preguntas en la plaza principal.',
   strftime('%Y-%m-%dT13:00:00.000Z', 'now', '-5 hours', '-20 days'),
   strftime('%Y-%m-%dT21:00:00.000Z', 'now', '-5 hours', '-20 days'),
   'Plaza principal del municipio', NULL, 'published', 0, NULL, 0, 0,
   NULL, '{}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('capacitacion-datos-abiertos-' || strftime('%Y', 'now', '-5 hours', '+100 days'),
   'Capacitación en datos abiertos para la ciudadanía',
   'capacitacion',
   'Cómo consultar y usar los datos abiertos de la ECAM.',
   'Taller práctico para veedurías y ciudadanía interesada.',
   strftime('%Y-%m-%dT14:00:00.000Z', 'now', '-5 hours', '+100 days'),
   strftime('%Y-%m-%dT16:00:00.000Z', 'now', '-5 hours', '+100 days'),
   'Sala de sistemas 2', NULL, 'draft', 1, 25, 1, 0,
   NULL, '{"registrations":25}',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL);
