-- National holidays decreed by a law newer than the code (issue 11 item 1): an administrator adds
-- them from /admin, and the calendar reads them with the built-in rules of api/calendar/holidays.ts.
-- rule: the text form of parseRule (MM-DD, MM-DD trasladable, pascua±N, AAAA-MM-DD), canonical.
CREATE TABLE holiday_rules (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  rule       TEXT NOT NULL,
  source     TEXT NOT NULL,                 -- legal reference (law, article)
  from_year  INTEGER NOT NULL CHECK (from_year BETWEEN 1984 AND 2100),
  until_year INTEGER CHECK (until_year IS NULL OR until_year BETWEEN from_year AND 2100),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES staff (id)
) STRICT;
