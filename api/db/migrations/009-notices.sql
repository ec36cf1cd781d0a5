-- Notices (avisos, CPACA art. 69; issue 11 item 3): the answer of a request that could not be
-- delivered, or of an anonymous one, published on the website without personal data for
-- 5 business days. The dates are computed once, at publication, and kept as the legal record.
CREATE TABLE notices (
  id            INTEGER PRIMARY KEY,
  pqrs_id       INTEGER NOT NULL UNIQUE REFERENCES pqrs (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('aviso', 'anonima')),
  text          TEXT NOT NULL,
  published_at  TEXT NOT NULL,  -- ISO instant, UTC
  published_on  TEXT NOT NULL,  -- Bogotá date of publication
  removal_on    TEXT NOT NULL,  -- last Bogotá day shown; removed at the end of it
  notified_on   TEXT NOT NULL,  -- notification done at the end of this Bogotá day
  staff_id      INTEGER REFERENCES staff (id),
  -- The personal-data flags staff confirmed as publishable (JSON array of flag ids).
  confirmed     TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX notices_removal ON notices (removal_on);

-- Answers staff could not deliver (a bounced e-mail, a returned letter): what makes a request
-- with an address eligible for a notice. The reason is internal (it may name the address).
CREATE TABLE delivery_failures (
  id        INTEGER PRIMARY KEY,
  pqrs_id   INTEGER NOT NULL REFERENCES pqrs (id) ON DELETE CASCADE,
  at        TEXT NOT NULL,
  channel   TEXT NOT NULL CHECK (channel IN ('email', 'postal')),
  reason    TEXT NOT NULL,
  staff_id  INTEGER REFERENCES staff (id)
) STRICT;
CREATE INDEX delivery_failures_pqrs ON delivery_failures (pqrs_id);
