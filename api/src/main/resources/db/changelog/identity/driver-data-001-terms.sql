--liquibase formatted sql

-- The terms drivers accept at sign-up (issue 17 item 6): the tenant names the version of the terms at its terms_url,
-- and each account records the version its person accepted, and when.

--changeset chargebase:driver-data-001-tenant-terms-version
ALTER TABLE tenant ADD COLUMN terms_version text CHECK (length(btrim(terms_version)) BETWEEN 1 AND 50);

--changeset chargebase:driver-data-002-accepted-terms
ALTER TABLE app_user
    ADD COLUMN terms_version     text CHECK (length(btrim(terms_version)) BETWEEN 1 AND 50),
    ADD COLUMN terms_accepted_at timestamptz,
    ADD CONSTRAINT app_user_terms_accepted CHECK ((terms_version IS NULL) = (terms_accepted_at IS NULL));
