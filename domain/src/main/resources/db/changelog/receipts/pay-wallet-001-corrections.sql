--liquibase formatted sql

--changeset chargebase:pay-wallet-009-receipt-corrections
-- A session already on a receipt that is rated again (its charger's late StopTransaction) gets a correcting document
-- for the difference, naming the receipt it corrects (credited_receipt_id): a receipt when it costs more, a credit
-- note when less. One per MSP CDR version (corrected_msp_cdr_id), so a replay issues nothing, and each is taken
-- against the original line plus the corrections before it (corrected_session_id).
ALTER TABLE receipt ADD COLUMN corrected_session_id uuid;
ALTER TABLE receipt ADD COLUMN corrected_msp_cdr_id uuid;
ALTER TABLE receipt ADD CONSTRAINT receipt_correction_fields CHECK ((corrected_session_id IS NULL) = (corrected_msp_cdr_id IS NULL));
CREATE UNIQUE INDEX receipt_one_per_correction ON receipt (tenant_id, corrected_msp_cdr_id) WHERE corrected_msp_cdr_id IS NOT NULL;
CREATE INDEX receipt_corrections_of_session ON receipt (tenant_id, corrected_session_id) WHERE corrected_session_id IS NOT NULL;
