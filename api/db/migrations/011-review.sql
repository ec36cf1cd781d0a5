-- Review before answering, "visto bueno" (issue 11 item 6; rules in api/pqrs/review.ts).
-- For the PQRSD types listed in the setting `reviewTypes`, a funcionario's answer waits in state
-- en_revision until a reviewer approves it (then it is sent and published as any answer) or
-- returns it with a comment.

-- Who may approve or return an answer, besides admins (who always may).
ALTER TABLE staff ADD COLUMN reviewer INTEGER NOT NULL DEFAULT 0 CHECK (reviewer IN (0, 1));

-- One row per answer submitted for review. `input` is the whole reply input as the API validated
-- it (text, the access-denied flag, and whatever else the reply grows), `files` the answer
-- attachments already stored in the uploads dir (JSON list of StoredFile), recorded as answer
-- files only on approval, so the tracker never offers an unapproved one. `previous_state` is
-- where a returned answer sends the request back to.
CREATE TABLE pqrs_reviews (
  id             INTEGER PRIMARY KEY,
  pqrs_id        INTEGER NOT NULL REFERENCES pqrs (id) ON DELETE CASCADE,
  submitted_at   TEXT NOT NULL,
  author_id      INTEGER NOT NULL REFERENCES staff (id),
  author         TEXT NOT NULL,  -- username as it was
  input          TEXT NOT NULL CHECK (json_valid(input)),
  files          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files)),
  previous_state TEXT NOT NULL,
  decision       TEXT CHECK (decision IN ('approved', 'returned')),  -- NULL: waiting
  decided_at     TEXT,
  reviewer_id    INTEGER REFERENCES staff (id),
  reviewer       TEXT,
  comment        TEXT
) STRICT;
CREATE INDEX pqrs_reviews_pqrs ON pqrs_reviews (pqrs_id, id);
-- At most one answer waits for review per request.
CREATE UNIQUE INDEX pqrs_reviews_pending ON pqrs_reviews (pqrs_id) WHERE decision IS NULL;
