--liquibase formatted sql

--changeset chargebase:charging-003-charging-settings
-- A tenant's charging settings. No row means the platform defaults; a row overrides all of them at once.
CREATE TABLE charging_settings (
    tenant_id                    uuid NOT NULL REFERENCES tenant (id),
    heartbeat_interval_s         integer NOT NULL CHECK (heartbeat_interval_s BETWEEN 10 AND 86400),
    temporarily_unavailable_s    integer NOT NULL CHECK (temporarily_unavailable_s BETWEEN 10 AND 86400),
    long_term_unavailable_s      integer NOT NULL CHECK (long_term_unavailable_s BETWEEN 10 AND 604800),
    fail_start_timeout_s         integer NOT NULL CHECK (fail_start_timeout_s BETWEEN 10 AND 86400),
    inactivity_timeout_s         integer NOT NULL CHECK (inactivity_timeout_s BETWEEN 60 AND 604800),
    unknown_charge_points        text NOT NULL CHECK (unknown_charge_points IN ('REFUSE', 'ACCEPT_AS_PENDING')),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id),
    CHECK (long_term_unavailable_s > temporarily_unavailable_s)
);
ALTER TABLE charging_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_settings
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:charging-004-transaction-counter
-- OCPP 1.6 transaction ids are integers the central system hands out; one counter per tenant.
CREATE TABLE charging_transaction_counter (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    last_value integer NOT NULL,
    PRIMARY KEY (tenant_id)
);
ALTER TABLE charging_transaction_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_transaction_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_transaction_counter
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:charging-005-charger-connection
-- What the platform knows of a charger's link: its network status (by the time since it was last heard from),
-- the socket, and what it reported at boot and about firmware and diagnostics.
CREATE TABLE charger_connection (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    charge_point_id     uuid NOT NULL,
    network_status      text NOT NULL CHECK (network_status IN ('ONLINE', 'TEMPORARILY_UNAVAILABLE', 'LONG_TERM_UNAVAILABLE')),
    connected           boolean NOT NULL DEFAULT false,
    connected_at        timestamptz,
    disconnected_at     timestamptz,
    last_seen_at        timestamptz NOT NULL,
    protocol            text CHECK (length(protocol) <= 32),
    remote_address      text CHECK (length(remote_address) <= 128),
    registration        text CHECK (registration IN ('ACCEPTED', 'PENDING', 'REJECTED')),
    booted_at           timestamptz,
    vendor              text CHECK (length(vendor) <= 64),
    model               text CHECK (length(model) <= 64),
    serial_number       text CHECK (length(serial_number) <= 64),
    charge_box_serial   text CHECK (length(charge_box_serial) <= 64),
    firmware_version    text CHECK (length(firmware_version) <= 64),
    iccid               text CHECK (length(iccid) <= 64),
    imsi                text CHECK (length(imsi) <= 64),
    meter_type          text CHECK (length(meter_type) <= 64),
    meter_serial_number text CHECK (length(meter_serial_number) <= 64),
    firmware_status     text CHECK (length(firmware_status) <= 64),
    diagnostics_status  text CHECK (length(diagnostics_status) <= 64),
    PRIMARY KEY (tenant_id, charge_point_id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX charger_connection_last_seen ON charger_connection (tenant_id, last_seen_at);
ALTER TABLE charger_connection ENABLE ROW LEVEL SECURITY;
ALTER TABLE charger_connection FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charger_connection
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:charging-006-connector-status
-- The latest StatusNotification per connector (0 is the charge point itself), and every one of them in order.
CREATE TABLE connector_status (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    charge_point_id   uuid NOT NULL,
    connector_id      integer NOT NULL CHECK (connector_id BETWEEN 0 AND 99),
    status            text NOT NULL CHECK (length(status) <= 32),
    error_code        text CHECK (length(error_code) <= 64),
    info              text CHECK (length(info) <= 100),
    vendor_id         text CHECK (length(vendor_id) <= 255),
    vendor_error_code text CHECK (length(vendor_error_code) <= 100),
    status_at         timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, charge_point_id, connector_id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE connector_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE connector_status FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON connector_status
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE connector_status_history (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    charge_point_id   uuid NOT NULL,
    connector_id      integer NOT NULL CHECK (connector_id BETWEEN 0 AND 99),
    status            text NOT NULL CHECK (length(status) <= 32),
    error_code        text CHECK (length(error_code) <= 64),
    info              text CHECK (length(info) <= 100),
    vendor_id         text CHECK (length(vendor_id) <= 255),
    vendor_error_code text CHECK (length(vendor_error_code) <= 100),
    status_at         timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX connector_status_history_newest ON connector_status_history (tenant_id, charge_point_id, id DESC);
ALTER TABLE connector_status_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE connector_status_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON connector_status_history
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:charging-007-charging-session
-- One charging event on an EVSE. transaction_id is the OCPP transactionId we handed out (none while PENDING, and
-- none for a StopTransaction of a transaction we never started: reported_transaction_id keeps what the charger said).
-- Timestamps *_at are the charger's clock; *_received_at ours.
CREATE TABLE charging_session (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    transaction_id          integer,
    reported_transaction_id integer,
    charge_point_id         uuid NOT NULL,
    connector_id            integer CHECK (connector_id BETWEEN 0 AND 99),
    evse_id                 uuid,
    id_tag                  text CHECK (length(id_tag) <= 20),
    token_id                uuid,
    profile_id              uuid,
    status                  text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'FINISHED', 'FAILED')),
    authorisation           text CHECK (authorisation IN ('ACCEPTED', 'BLOCKED', 'EXPIRED', 'INVALID', 'CONCURRENT_TX')),
    meter_start_wh          bigint,
    meter_stop_wh           bigint,
    started_at              timestamptz,
    stopped_at              timestamptz,
    stop_reason             text CHECK (length(stop_reason) <= 64),
    reservation_id          integer,
    latest_energy_wh        numeric(16, 3),
    latest_power_w          numeric(16, 3),
    latest_soc_percent      numeric(6, 2),
    latest_sample_at        timestamptz,
    incomplete              boolean NOT NULL DEFAULT false,
    incomplete_reason       text CHECK (length(incomplete_reason) <= 500),
    cpo_cdr_id              uuid,
    msp_cdr_id              uuid,
    rating_error            text CHECK (length(rating_error) <= 500),
    created_at              timestamptz NOT NULL,
    start_received_at       timestamptz,
    stop_received_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id),
    FOREIGN KEY (tenant_id, evse_id) REFERENCES evse (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    FOREIGN KEY (tenant_id, cpo_cdr_id) REFERENCES cpo_cdr (tenant_id, id)
);
CREATE UNIQUE INDEX charging_session_transaction_key ON charging_session (tenant_id, transaction_id) WHERE transaction_id IS NOT NULL;
CREATE INDEX charging_session_newest ON charging_session (tenant_id, created_at DESC, id DESC);
CREATE INDEX charging_session_charge_point ON charging_session (tenant_id, charge_point_id, created_at DESC);
CREATE INDEX charging_session_profile ON charging_session (tenant_id, profile_id, created_at DESC);
CREATE INDEX charging_session_open ON charging_session (tenant_id, status, created_at) WHERE status IN ('PENDING', 'ACTIVE');
ALTER TABLE charging_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_session FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_session
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- An OU admin sees the sessions of the profiles in their subtree, a driver their own: the profile policies decide.
CREATE POLICY narrowed_scope ON charging_session AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));

--changeset chargebase:charging-008-meter-value
-- Sampled values, per session, or per connector when no transaction runs. Energy is kept in Wh and power in W
-- whatever unit the charger used. The unique key makes a replayed sample a no-op (phase and location '' when absent).
CREATE TABLE meter_value (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    charge_point_id uuid NOT NULL,
    connector_id    integer NOT NULL CHECK (connector_id BETWEEN 0 AND 99),
    session_id      uuid,
    sampled_at      timestamptz NOT NULL,
    measurand       text NOT NULL CHECK (length(measurand) <= 64),
    phase           text NOT NULL DEFAULT '' CHECK (length(phase) <= 8),
    location        text NOT NULL DEFAULT '' CHECK (length(location) <= 16),
    unit            text CHECK (length(unit) <= 16),
    value           numeric(20, 4) NOT NULL,
    context         text CHECK (length(context) <= 32),
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id) REFERENCES charging_session (tenant_id, id)
);
CREATE UNIQUE INDEX meter_value_sample_key ON meter_value (tenant_id, charge_point_id, connector_id, sampled_at, measurand, phase, location);
CREATE INDEX meter_value_session ON meter_value (tenant_id, session_id, sampled_at) WHERE session_id IS NOT NULL;
ALTER TABLE meter_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE meter_value FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meter_value
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON meter_value AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR session_id IN (SELECT s.id FROM charging_session s));

--changeset chargebase:charging-009-communication-log
-- Every frame between a charger and the platform, newest read first. Written in batches; text is truncated.
CREATE TABLE communication_log (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    charge_point_id uuid NOT NULL,
    direction       text NOT NULL CHECK (direction IN ('IN', 'OUT')),
    action          text CHECK (length(action) <= 64),
    message_id      text CHECK (length(message_id) <= 64),
    text            text NOT NULL CHECK (length(text) <= 8192),
    truncated       boolean NOT NULL DEFAULT false,
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX communication_log_newest ON communication_log (tenant_id, charge_point_id, id DESC);
ALTER TABLE communication_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE communication_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON communication_log
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- Drivers never read the chargers' traffic.
CREATE POLICY narrowed_scope ON communication_log AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL);
