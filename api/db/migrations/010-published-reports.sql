-- Published PQRSD reports (issue 11 item 4; DOMAIN.md section 5, Ley 1712 de 2014 art. 11 h):
-- what the entity published on its transparency page, frozen at publication. `snapshot` is the
-- report as JSON and `csv` its download, both written once; a correction is a new row for the
-- same period with the next version, naming the row it replaces. Rules in api/reports/published.ts.
CREATE TABLE published_reports (
  id                INTEGER PRIMARY KEY,
  period_kind       TEXT NOT NULL CHECK (period_kind IN ('trimestre', 'semestre', 'anio', 'personalizado')),
  period_from       TEXT NOT NULL,   -- Bogotá date, included
  period_to         TEXT NOT NULL,   -- Bogotá date, included
  version           INTEGER NOT NULL CHECK (version >= 1),
  replaces_id       INTEGER REFERENCES published_reports (id),
  correction_reason TEXT,            -- why the version it replaces was corrected (public)
  published_at      TEXT NOT NULL,
  published_by      INTEGER REFERENCES staff (id),
  published_by_name TEXT NOT NULL,   -- as it was at publication
  snapshot          TEXT NOT NULL,
  csv               TEXT NOT NULL,
  UNIQUE (period_from, period_to, version),
  CHECK ((version = 1) = (replaces_id IS NULL))
) STRICT;

-- A published report never changes and is never withdrawn: a correction is a new version.
CREATE TRIGGER published_reports_no_update BEFORE UPDATE ON published_reports
BEGIN SELECT RAISE(ABORT, 'a published report never changes'); END;
CREATE TRIGGER published_reports_no_delete BEFORE DELETE ON published_reports
BEGIN SELECT RAISE(ABORT, 'a published report is never deleted'); END;
