--liquibase formatted sql

--changeset chargebase:operations-001-charger-command
-- The actions log: every command sent to a charger, who ran it and why, and what came back (or that nothing did).
CREATE TABLE charger_command (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    charge_point_id uuid NOT NULL,
    action          text NOT NULL CHECK (action ~ '^[A-Za-z]{1,40}$'),
    request         jsonb NOT NULL,
    reason          text CHECK (length(reason) <= 500),
    requested_by    text,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    outcome         text NOT NULL DEFAULT 'PENDING'
                    CHECK (outcome IN ('PENDING', 'ANSWERED', 'CALL_ERROR', 'TIMED_OUT', 'OFFLINE', 'FAILED')),
    charger_status  text CHECK (length(charger_status) <= 50),
    response        jsonb,
    error           text CHECK (length(error) <= 1000),
    completed_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX charger_command_charge_point ON charger_command (tenant_id, charge_point_id, requested_at DESC);
ALTER TABLE charger_command ENABLE ROW LEVEL SECURITY;
ALTER TABLE charger_command FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charger_command
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:operations-002-local-list
-- The local authorisation list each charger holds: the version last sent and when, so a differential update
-- sends only the tokens changed since.
CREATE TABLE local_list_state (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    charge_point_id uuid NOT NULL,
    version         integer NOT NULL CHECK (version >= 1),
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, charge_point_id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE local_list_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE local_list_state FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON local_list_state
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
