--liquibase formatted sql

--changeset chargebase:billing-001-ledger-transaction
-- A double-entry ledger transaction (io.chargebase.domain.billing.Ledger): one money movement, posted once per
-- idempotency key (the key names its cause: a rated MSP CDR, a Stripe event), never changed afterwards. A driver's
-- transactions name the driver's profile, which is what narrows them to OU admins and to the driver.
CREATE TABLE ledger_transaction (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('SESSION', 'PAYMENT', 'APPLICATION_FEE', 'REFUND', 'DISPUTE')),
    profile_id      uuid,
    session_id      uuid,
    reference       text CHECK (length(reference) <= 255),
    description     text NOT NULL CHECK (length(description) <= 500),
    occurred_at     timestamptz NOT NULL,
    posted_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id)
);
CREATE UNIQUE INDEX ledger_transaction_idempotency_key ON ledger_transaction (tenant_id, idempotency_key);
CREATE INDEX ledger_transaction_session ON ledger_transaction (tenant_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX ledger_transaction_profile ON ledger_transaction (tenant_id, profile_id, posted_at DESC);
ALTER TABLE ledger_transaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_transaction FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_transaction
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- An OU admin sees the transactions of the profiles in their subtree, a driver their own: the profile policies decide.
CREATE POLICY narrowed_scope ON ledger_transaction AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));

--changeset chargebase:billing-002-ledger-entry
-- One leg of a ledger transaction: a signed amount on an account, debits positive and credits negative, so that an
-- account's balance is the sum of its entries and a transaction's entries sum to zero in each currency. A driver's
-- receivable is an account per profile; the others are the tenant's, one per currency.
CREATE TABLE ledger_entry (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    transaction_id uuid NOT NULL,
    line           smallint NOT NULL CHECK (line >= 1),
    account        text NOT NULL CHECK (account IN ('DRIVER_RECEIVABLE', 'REVENUE', 'VAT_PAYABLE', 'STRIPE_CLEARING',
                                                    'PLATFORM_FEES', 'REFUNDS', 'DISPUTES')),
    profile_id     uuid,
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount         numeric(14, 4) NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, transaction_id, line),
    FOREIGN KEY (tenant_id, transaction_id) REFERENCES ledger_transaction (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    CHECK ((account = 'DRIVER_RECEIVABLE') = (profile_id IS NOT NULL))
);
CREATE INDEX ledger_entry_account ON ledger_entry (tenant_id, account, profile_id, currency);
ALTER TABLE ledger_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_entry
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- Narrowed roles see the entries of the transactions they see (a driver's session also credits revenue and VAT).
CREATE POLICY narrowed_scope ON ledger_entry AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR transaction_id IN (SELECT t.id FROM ledger_transaction t));

--changeset chargebase:billing-003-ledger-balanced splitStatements:false
-- Checked at commit, once all legs are in: a transaction has at least two entries and they sum to zero per currency.
-- It fires for the transaction and for every entry, so legs added to a committed transaction are refused too.
CREATE FUNCTION ledger_check_balanced() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
DECLARE
    tx uuid;
    legs integer;
    unbalanced text;
BEGIN
    IF TG_TABLE_NAME = 'ledger_entry' THEN
        tx := NEW.transaction_id;
    ELSE
        tx := NEW.id;
    END IF;
    SELECT count(*) INTO legs FROM ledger_entry e WHERE e.tenant_id = NEW.tenant_id AND e.transaction_id = tx;
    IF legs < 2 THEN
        RAISE EXCEPTION 'ledger transaction % has % entries; it needs at least two', tx, legs USING ERRCODE = 'check_violation';
    END IF;
    SELECT string_agg(currency || ' ' || total, ', ') INTO unbalanced FROM (
        SELECT e.currency, sum(e.amount) AS total FROM ledger_entry e
        WHERE e.tenant_id = NEW.tenant_id AND e.transaction_id = tx GROUP BY e.currency HAVING sum(e.amount) <> 0) s;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: %', tx, unbalanced USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

--changeset chargebase:billing-004-ledger-immutable splitStatements:false
-- Entries and transactions are written once: corrections are new transactions. The application role may not update,
-- delete or truncate them, and the triggers refuse it to everyone else (the owner included).
CREATE FUNCTION ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (post a correcting transaction instead)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ledger_transaction_immutable BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_immutable BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_transaction, ledger_entry FROM "${app_role}";
