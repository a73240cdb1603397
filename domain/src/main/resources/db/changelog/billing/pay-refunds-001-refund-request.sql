--liquibase formatted sql

--changeset chargebase:pay-refunds-001-refund-request
-- A refund a tenant admin asked for (io.chargebase.domain.billing.Refunds), recorded before it is sent: its
-- idempotency key at the provider is refund:<payment transaction>:<seq>, so sending it again (a retry after a lost
-- answer) refunds once. PENDING until the provider answers; the ledger entry is the charge's refund posting, keyed
-- like the charge.refunded webhook's, whichever comes first.
CREATE TABLE refund_request (
    tenant_id              uuid NOT NULL REFERENCES tenant (id),
    id                     uuid NOT NULL,
    payment_transaction_id uuid NOT NULL,
    seq                    integer NOT NULL CHECK (seq >= 1),
    currency               char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount                 numeric(14, 4) NOT NULL CHECK (amount > 0),
    reason                 text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    status                 text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    refund_id              text CHECK (length(refund_id) <= 255),
    charge_id              text CHECK (length(charge_id) <= 255),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, payment_transaction_id, seq),
    FOREIGN KEY (tenant_id, payment_transaction_id) REFERENCES ledger_transaction (tenant_id, id)
);
ALTER TABLE refund_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE refund_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refund_request
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
