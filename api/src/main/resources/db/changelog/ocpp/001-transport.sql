--liquibase formatted sql

--changeset chargebase:ocpp-001-instance
-- The application instances that hold charger sockets, and when each last said it was alive. Platform machinery:
-- no tenant's data, so no tenant_id and no row-level security; the application role reads and writes it.
CREATE TABLE ocpp_instance (
    id         uuid PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    seen_at    timestamptz NOT NULL DEFAULT now()
);

--changeset chargebase:ocpp-002-connection
-- Where each connected charger's socket lives: one row per charge point, replaced when it connects again.
-- connection_id tells this connection from an older one of the same charger, so that the old one closing does not
-- remove the new one's row.
CREATE TABLE ocpp_connection (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    charge_point_id uuid NOT NULL,
    connection_id   uuid NOT NULL,
    instance_id     uuid NOT NULL,
    connected_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, charge_point_id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ocpp_connection_instance ON ocpp_connection (instance_id);
ALTER TABLE ocpp_connection ENABLE ROW LEVEL SECURITY;
ALTER TABLE ocpp_connection FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ocpp_connection
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- The migration owner may remove rows of any tenant; it is how the clean-up function below forgets dead instances.
CREATE POLICY ocpp_connection_owner_cleanup ON ocpp_connection FOR ALL TO CURRENT_USER USING (true);

--changeset chargebase:ocpp-003-relay-payload
-- Commands and answers relayed between instances travel in NOTIFY payloads; those over NOTIFY's 8000-byte limit
-- wait here for the instance they are addressed to, in the tenant's rows like everything else about its chargers.
CREATE TABLE ocpp_relay_payload (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ocpp_relay_payload_created ON ocpp_relay_payload (created_at);
ALTER TABLE ocpp_relay_payload ENABLE ROW LEVEL SECURITY;
ALTER TABLE ocpp_relay_payload FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ocpp_relay_payload
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY ocpp_relay_payload_owner_cleanup ON ocpp_relay_payload FOR ALL TO CURRENT_USER USING (true);

--changeset chargebase:ocpp-004-forget-dead-instances splitStatements:false
-- Instances that stopped saying they are alive (crashed, killed) leave connection rows behind; this narrow,
-- cross-tenant clean-up removes them and relayed payloads nobody collected, and nothing else.
CREATE FUNCTION ocpp_forget_dead_instances(p_silent_for interval)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    forgotten integer;
BEGIN
    DELETE FROM ocpp_instance WHERE seen_at < now() - p_silent_for;
    DELETE FROM ocpp_connection c WHERE NOT EXISTS (SELECT 1 FROM ocpp_instance i WHERE i.id = c.instance_id);
    GET DIAGNOSTICS forgotten = ROW_COUNT;
    DELETE FROM ocpp_relay_payload WHERE created_at < now() - interval '10 minutes';
    RETURN forgotten;
END
$$;
REVOKE EXECUTE ON FUNCTION ocpp_forget_dead_instances(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ocpp_forget_dead_instances(interval) TO "${app_role}";
