-- Verbal petitions (Decreto 1166 de 2016, compiled in Decreto 1069 de 2015, arts. 2.2.3.12.1 ff.;
-- issue 11 item 2): what the constancia records besides the pqrs row (radicado, requester, ID,
-- address for the answer, dates, channel). One row per verbal petition, written in the filing's
-- transaction. Rules and texts in api/pqrs/verbal.ts and api/pqrs/constancia.ts.
CREATE TABLE pqrs_verbal (
  pqrs_id                        INTEGER PRIMARY KEY REFERENCES pqrs (id) ON DELETE CASCADE,
  -- The object of the petition and its reasons, as the official wrote them down.
  object                         TEXT NOT NULL,
  reasons                        TEXT NOT NULL,
  -- Whoever speaks for the requester (apoderado, representante legal, acudiente), if anyone.
  representative_name            TEXT,
  representative_document_type   TEXT,
  representative_document_number TEXT,
  -- Documents handed in on paper (JSON array of descriptions); scanned ones are pqrs_attachments.
  paper_annexes                  TEXT NOT NULL DEFAULT '[]',
  -- The official who received and filed it, as they were named then.
  official_id                    INTEGER REFERENCES staff (id),
  official_name                  TEXT NOT NULL,
  official_username              TEXT NOT NULL,
  -- The explicit statement that the petition was made verbally, in the words recorded at filing.
  statement                      TEXT NOT NULL
) STRICT;
