-- Opinion surveys (issue 4): definitions, responses, single-use invitations. Rules in
-- api/survey/service.ts; wire shapes in api/survey/schemas.ts.

-- questions: the ordered question list as JSON (schemas.ts questionSchema). It changes only
-- while state = 'draft', so every response of an open survey answers the same questions.
CREATE TABLE surveys (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  state          TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  opens_at       TEXT,            -- ISO instant; NULL: open as soon as state = 'open'
  closes_at      TEXT,            -- ISO instant; NULL: until staff close it
  anonymous      INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
  results_public INTEGER NOT NULL DEFAULT 0 CHECK (results_public IN (0, 1)),
  thank_you      TEXT NOT NULL,
  questions      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(questions)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Single-use links of identified surveys: only the SHA-256 of the code is kept.
CREATE TABLE survey_invitations (
  id         INTEGER PRIMARY KEY,
  survey_id  INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  used_at    TEXT
);
CREATE INDEX survey_invitations_survey ON survey_invitations (survey_id);

-- One row per response. answers: { questionId: value } as JSON, only the questions shown.
-- token_id: the random id of the signed browser token that answered; the unique index is the
-- server-side duplicate check (a token answers once). invitation_id: identified surveys.
CREATE TABLE survey_responses (
  id            INTEGER PRIMARY KEY,
  survey_id     INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  submitted_at  TEXT NOT NULL,
  token_id      TEXT NOT NULL,
  invitation_id INTEGER REFERENCES survey_invitations (id),
  answers       TEXT NOT NULL CHECK (json_valid(answers))
);
CREATE UNIQUE INDEX survey_responses_token ON survey_responses (survey_id, token_id);
-- An invitation answers once (only identified surveys have one: anonymous answers skip the index).
CREATE UNIQUE INDEX survey_responses_invitation ON survey_responses (invitation_id) WHERE invitation_id IS NOT NULL;
-- Results and CSV read one survey's responses, optionally within a date range.
CREATE INDEX survey_responses_at ON survey_responses (survey_id, submitted_at);

-- Running counts for the results, kept by the same transaction that stores each response, so
-- results for 100,000 responses add up a few thousand rows instead of reading every answer.
-- Per Bogotá day, which is the granularity of the staff date filter. question: '' for the
-- response itself, the question id, or '<questionId>.<rowId>' for a matrix row; value: '' for
-- "answered", else the answer as JSON ("web", 5, true). Text answers count only as answered.
CREATE TABLE survey_tallies (
  survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  question  TEXT NOT NULL,
  value     TEXT NOT NULL,
  day       TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question, value, day)
) WITHOUT ROWID;

-- The HMAC key of the browser tokens, made once per database so restarts (and a restored
-- backup) keep accepting the tokens already handed out. Not an admin setting: settings.ts
-- reads only its own keys.
INSERT INTO settings (key, value) VALUES ('surveyTokenSecret', json_quote(lower(hex(randomblob(32)))));

-- The sample survey, open from the first start so the demo page works at once.
INSERT INTO surveys (slug, title, description, state, anonymous, results_public, thank_you, questions, created_at, updated_at)
VALUES (
  'satisfaccion-servicio',
  'Encuesta de satisfacción del servicio',
  'Cuéntenos cómo le fue con la atención de la ECAM. La encuesta es anónima y toma menos de tres minutos.',
  'open', 1, 1,
  '¡Gracias por su opinión! Con ella mejoramos nuestros cursos y servicios.',
  json('[
    {"id":"calificacion","type":"rating","label":"¿Cómo califica la atención recibida?","required":true},
    {"id":"recomendacion","type":"nps","label":"¿Qué tan probable es que recomiende la ECAM a un familiar o amigo?","required":true},
    {"id":"canal","type":"single","label":"¿Por qué medio nos contactó?","required":true,"options":[
      {"value":"presencial","label":"Presencial, en la sede"},
      {"value":"telefono","label":"Por teléfono"},
      {"value":"correo","label":"Por correo electrónico"},
      {"value":"web","label":"Por la página web"}]},
    {"id":"resuelto","type":"yesno","label":"¿Se resolvió su solicitud?","required":true},
    {"id":"motivo","type":"textarea","label":"¿Qué faltó para resolver su solicitud?","required":false,"showIf":{"question":"resuelto","equals":false}},
    {"id":"mejoras","type":"multiple","label":"¿Qué deberíamos mejorar? (elija hasta dos)","required":false,"max":2,"options":[
      {"value":"horarios","label":"Horarios de atención"},
      {"value":"tramites","label":"Sencillez de los trámites"},
      {"value":"informacion","label":"Información en la página web"},
      {"value":"instalaciones","label":"Instalaciones"},
      {"value":"cursos","label":"Oferta de cursos"}]},
    {"id":"atencion","type":"matrix","label":"¿Qué tan de acuerdo está con estas afirmaciones sobre la atención?","required":true,
     "rows":[{"id":"amabilidad","label":"Amabilidad"},{"id":"claridad","label":"Claridad de la información"},{"id":"tiempo","label":"Tiempo de respuesta"}],
     "options":[{"value":"1","label":"Muy en desacuerdo"},{"value":"2","label":"En desacuerdo"},{"value":"3","label":"Ni de acuerdo ni en desacuerdo"},{"value":"4","label":"De acuerdo"},{"value":"5","label":"Muy de acuerdo"}]},
    {"id":"comentarios","type":"textarea","label":"Comentarios adicionales","required":false}
  ]'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
);
