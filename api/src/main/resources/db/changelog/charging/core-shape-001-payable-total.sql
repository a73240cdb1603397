--liquibase formatted sql

--changeset chargebase:core-shape-001-payable-total
-- What billing charges for an MSP CDR: the total including VAT at the currency's scale (0 decimals for JPY, 3 for
-- BHD), rounded half-up once from the rating's full precision. Four decimals hold every ISO currency's scale. CDRs
-- rated before this column have it empty and are read as their stored total brought to the currency's scale.
ALTER TABLE msp_cdr ADD COLUMN payable_total numeric(14, 4) CHECK (payable_total >= 0);
