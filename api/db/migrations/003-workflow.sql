-- PQRSD workflow (issue 3): assignment, deadline changes (extension, clock stop), transfer,
-- answer, closing; internal notes; answer attachments. Rules in api/pqrs/workflow.ts.

ALTER TABLE pqrs ADD COLUMN assignee_id INTEGER REFERENCES staff (id);
-- due_date (001) is the current due date: it moves with an extension and after a clock stop.
-- original_due_date is the legal due date computed at filing, never changed.
ALTER TABLE pqrs ADD COLUMN original_due_date TEXT;
ALTER TABLE pqrs ADD COLUMN extended_at TEXT;
ALTER TABLE pqrs ADD COLUMN extension_reason TEXT;       -- shown to the citizen
-- Clock stop (art. 17). paused_at: the instant completion was requested, NULL when the clock
-- runs; completion_deadline: last day (YYYY-MM-DD) the citizen may complete;
-- paused_days: business days the clock stood still, summed over every stop.
ALTER TABLE pqrs ADD COLUMN paused_at TEXT;
ALTER TABLE pqrs ADD COLUMN completion_deadline TEXT;
ALTER TABLE pqrs ADD COLUMN completion_extended INTEGER NOT NULL DEFAULT 0 CHECK (completion_extended IN (0, 1));
ALTER TABLE pqrs ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pqrs ADD COLUMN transferred_to TEXT;         -- receiving entity (art. 21)
ALTER TABLE pqrs ADD COLUMN transferred_at TEXT;
ALTER TABLE pqrs ADD COLUMN answer TEXT;
ALTER TABLE pqrs ADD COLUMN answered_at TEXT;
ALTER TABLE pqrs ADD COLUMN answered_by INTEGER REFERENCES staff (id);
-- Access to the requested information was denied (Ley 1712 report).
ALTER TABLE pqrs ADD COLUMN denied INTEGER NOT NULL DEFAULT 0 CHECK (denied IN (0, 1));
ALTER TABLE pqrs ADD COLUMN closed_at TEXT;               -- cerrada or desistida

UPDATE pqrs SET original_due_date = due_date;

-- The inbox filters by state, assignee and overdue and always sorts by due date; reports
-- select by reception instant.
DROP INDEX pqrs_state;
CREATE INDEX pqrs_state_due ON pqrs (state, due_date);
CREATE INDEX pqrs_assignee_due ON pqrs (assignee_id, due_date);
CREATE INDEX pqrs_type_due ON pqrs (type, due_date);
CREATE INDEX pqrs_received ON pqrs (received_at);

-- Who acted: actor (001) keeps the username as it was, actor_id the staff row.
ALTER TABLE pqrs_events ADD COLUMN actor_id INTEGER REFERENCES staff (id);

-- Intake files come from the citizen; answer files from staff, and only those are offered
-- to the citizen by the tracker.
ALTER TABLE pqrs_attachments ADD COLUMN kind TEXT NOT NULL DEFAULT 'intake' CHECK (kind IN ('intake', 'answer'));

-- Internal notes: staff only, never part of any public answer.
CREATE TABLE pqrs_notes (
  id       INTEGER PRIMARY KEY,
  pqrs_id  INTEGER NOT NULL REFERENCES pqrs (id) ON DELETE CASCADE,
  at       TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  author   TEXT NOT NULL,
  text     TEXT NOT NULL
) STRICT;
CREATE INDEX pqrs_notes_pqrs ON pqrs_notes (pqrs_id);
