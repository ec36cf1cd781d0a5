-- Appropriation (issue 13): counts of use, never a person. Rules in api/appropriation/.

-- What the widgets report, one row per Bogotá day, widget, page (origin + path, never the query
-- or the fragment), measure and coarse device ('phone' or 'other'). Only ever incremented; no
-- raw event, IP, cookie, identifier or user agent is kept anywhere.
CREATE TABLE usage_daily (
  day     TEXT NOT NULL,
  widget  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  path    TEXT NOT NULL,
  measure TEXT NOT NULL,
  device  TEXT NOT NULL CHECK (device IN ('phone', 'other')),
  count   INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (day, widget, origin, path, measure, device)
) WITHOUT ROWID;

-- The same counts per Bogotá month, bumped in the same transaction: the dashboard reads a month
-- of use from here (a few thousand rows at most) instead of summing its days.
CREATE TABLE usage_monthly (
  month   TEXT NOT NULL,
  widget  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  path    TEXT NOT NULL,
  measure TEXT NOT NULL,
  device  TEXT NOT NULL CHECK (device IN ('phone', 'other')),
  count   INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (month, widget, origin, path, measure, device)
) WITHOUT ROWID;

-- Daily counters of work that leaves no row of its own (a tracker lookup), by name.
CREATE TABLE work_counters (
  day     TEXT NOT NULL,
  counter TEXT NOT NULL,
  count   INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (day, counter)
) WITHOUT ROWID;

-- The month figures of the work (PQRSD, surveys, chat, mailbox, tracker, events), computed
-- from the work tables by the rollup job (api/appropriation/rollup.ts). Every figure is additive
-- (counts, sums, histogram buckets), so a period's figure is the sum of its months'.
CREATE TABLE appropriation_monthly (
  month  TEXT NOT NULL,
  figure TEXT NOT NULL,
  value  INTEGER NOT NULL,
  PRIMARY KEY (month, figure)
) WITHOUT ROWID;

-- When each month was last computed: a month computed after it ended (plus a settling day) is final.
CREATE TABLE appropriation_months (
  month       TEXT PRIMARY KEY,
  computed_at TEXT NOT NULL
) STRICT;
