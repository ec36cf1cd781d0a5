-- The live feed of an event's page (GET /api/events/:slug/live, issue 12). Every change of a
-- question that a citizen may see (its state, its answer or its text) takes the next number of
-- one counter per database into `live_seq`. Triggers write it, so whatever code path changes a
-- question (moderation, merging, filing it as a PQRSD...) is caught, and a viewer who
-- reconnects with Last-Event-ID: n gets every question of the event changed after n, in order.
CREATE TABLE live_counter (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL
) STRICT;
INSERT INTO live_counter (id, seq) VALUES (1, 0);

ALTER TABLE event_questions ADD COLUMN live_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX event_questions_live ON event_questions (event_id, live_seq);

CREATE TRIGGER event_questions_live_update AFTER UPDATE OF state, answer, body ON event_questions
  WHEN old.state IS NOT new.state OR old.answer IS NOT new.answer OR old.body IS NOT new.body
BEGIN
  UPDATE live_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE event_questions SET live_seq = (SELECT seq FROM live_counter WHERE id = 1) WHERE id = new.id;
END;

-- Questions arrive pending; one written straight into another state is a change too.
CREATE TRIGGER event_questions_live_insert AFTER INSERT ON event_questions
  WHEN new.state <> 'pending'
BEGIN
  UPDATE live_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE event_questions SET live_seq = (SELECT seq FROM live_counter WHERE id = 1) WHERE id = new.id;
END;

-- A question merged into another (or taken back out) changes the count the target shows
-- ("and 2 similar questions"): the target gets the next number too, old and new.
CREATE TRIGGER event_questions_live_merge AFTER UPDATE OF merged_into ON event_questions
  WHEN old.merged_into IS NOT new.merged_into
BEGIN
  UPDATE live_counter SET seq = seq + 1 WHERE id = 1;
  UPDATE event_questions SET live_seq = (SELECT seq FROM live_counter WHERE id = 1)
    WHERE id IN (old.merged_into, new.merged_into);
END;
