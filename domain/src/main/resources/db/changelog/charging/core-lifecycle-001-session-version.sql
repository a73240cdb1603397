--liquibase formatted sql

--changeset chargebase:core-lifecycle-001-session-version
-- The session lifecycle (io.chargebase.domain.charging.SessionLifecycle) loads a session's state, decides, and saves
-- over the version it loaded: a writer that lost a race (the fail-start sweep, which takes no charger lock, against a
-- StartTransaction) writes nothing and decides again. Counts status, start and stop changes; meter readings and CDR
-- links leave it alone.
ALTER TABLE charging_session ADD COLUMN version bigint NOT NULL DEFAULT 0;
