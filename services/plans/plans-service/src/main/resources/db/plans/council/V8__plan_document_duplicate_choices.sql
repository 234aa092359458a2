-- What the programme manager chose for each action whose ref the document uses twice (keep both,
-- renumber, merge into the first, leave out), by the later one's proposed ref: applied every time
-- the stored document is read again.
ALTER TABLE plan_document_proposal ADD COLUMN duplicates jsonb NOT NULL DEFAULT '{}'::jsonb;
