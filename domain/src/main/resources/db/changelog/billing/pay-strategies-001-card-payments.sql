--liquibase formatted sql

--changeset chargebase:pay-strategies-001-billing-strategy
-- A tenant's billing strategy (io.chargebase.domain.billing.BillingStrategy), when it chose one: without a row no
-- payment is required. PRE_AUTHORISE keeps the amount held at the start and how close the running cost may come to it
-- before the session is stopped (null: never stopped for it).
CREATE TABLE billing_strategy (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    strategy             text NOT NULL CHECK (strategy IN ('BILL_AFTER_SESSION', 'PRE_AUTHORISE', 'NO_PAYMENT_REQUIRED')),
    pre_authorise_amount numeric(14, 4) CHECK (pre_authorise_amount > 0),
    stop_below           numeric(14, 4) CHECK (stop_below >= 0),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id),
    CHECK (strategy <> 'PRE_AUTHORISE' OR pre_authorise_amount IS NOT NULL)
);
ALTER TABLE billing_strategy ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_strategy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_strategy
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:pay-strategies-002-card-payment
-- A card payment we ask the provider for (io.chargebase.domain.billing.CardPayments), and its outbox: the row is
-- written before anything is sent, in the transaction that posts its cause (the session's posting), and a worker
-- sends it with the idempotency key kept here, so a retry, a second worker or a restart sends the same request and
-- the provider creates one PaymentIntent. A HOLD (the pre-authorising strategy) is created at the start (operation
-- CREATE, manual capture), bound to the session it paid for, then due again to CAPTURE capture_amount (the final
-- amount, at most the amount held; the rest is released) or to CANCEL; each operation has its own key. send_state DUE until the provider answered (or refused for good);
-- next_attempt_at is both the backoff after a failure and the lease of the worker sending it. status follows the
-- PaymentIntent: from its answer while still PENDING, from webhooks (status_at: the newest event wins; SUCCEEDED and
-- CANCELED are final).
CREATE TABLE card_payment (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    profile_id        uuid NOT NULL,
    session_id        uuid,
    purpose           text NOT NULL CHECK (purpose IN ('SESSION', 'BALANCE', 'HOLD')),
    operation         text NOT NULL DEFAULT 'CREATE' CHECK (operation IN ('CREATE', 'CAPTURE', 'CANCEL')),
    capture_amount    numeric(14, 4) CHECK (capture_amount > 0),
    stop_requested_at timestamptz,
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount            numeric(14, 4) NOT NULL CHECK (amount > 0),
    idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    status            text NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'AUTHORISED', 'REQUIRES_ACTION', 'FAILED', 'SUCCEEDED', 'CANCELED')),
    status_at         timestamptz,
    payment_intent_id text CHECK (length(payment_intent_id) <= 255),
    client_secret     text CHECK (length(client_secret) <= 500),
    failure           text CHECK (length(failure) <= 500),
    send_state        text NOT NULL CHECK (send_state IN ('DUE', 'SENT', 'REFUSED')),
    attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text CHECK (length(last_error) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id)
);
CREATE UNIQUE INDEX card_payment_one_per_session ON card_payment (tenant_id, session_id) WHERE purpose = 'SESSION';
CREATE UNIQUE INDEX card_payment_one_hold_per_session ON card_payment (tenant_id, session_id) WHERE purpose = 'HOLD';
CREATE INDEX card_payment_by_intent ON card_payment (tenant_id, payment_intent_id);
CREATE INDEX card_payment_by_profile ON card_payment (tenant_id, profile_id, status);
CREATE INDEX card_payment_due ON card_payment (tenant_id, next_attempt_at) WHERE send_state = 'DUE';
ALTER TABLE card_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE card_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON card_payment
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON card_payment AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));
-- The migration owner may read every row; it is how the platform function below finds the tenants with payments due.
CREATE POLICY card_payment_owner_lookup ON card_payment FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:pay-strategies-003-platform-tenants-with-payments-due splitStatements:false
-- Which tenants have a card payment due to be sent at p_now; reveals nothing else about their payments.
CREATE FUNCTION platform_tenants_with_payments_due(p_now timestamptz)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT DISTINCT c.tenant_id FROM card_payment c WHERE c.send_state = 'DUE' AND c.next_attempt_at <= p_now
$$;

--changeset chargebase:pay-strategies-004-platform-tenants-with-payments-due-grants
REVOKE EXECUTE ON FUNCTION platform_tenants_with_payments_due(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenants_with_payments_due(timestamptz) TO "${app_role}";
