-- A newer version of a council's Word plan uploaded against its programme (programme_id set from
-- the start) is APPLIED rather than confirmed.
ALTER TABLE plan_document_proposal DROP CONSTRAINT plan_document_proposal_status_check;
ALTER TABLE plan_document_proposal
    ADD CONSTRAINT plan_document_proposal_status_check
    CHECK (status IN ('PROPOSED', 'CONFIRMED', 'APPLIED'));
