--liquibase formatted sql

--changeset chargebase:pay-wallet-001-wallet-accounts
-- The wallet (io.chargebase.domain.billing.Wallets): a driver's prepaid balance is the ledger account DRIVER_WALLET,
-- kept per profile like the receivable; what the tenant gave away to fill wallets is debited to VOUCHERS,
-- OPERATOR_TOP_UPS and TOP_UP_BONUSES. New kinds name the movements: a voucher redeemed, an operator's top-up, a
-- bought top-up, and the wallet paying a driver's receivable.
ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check CHECK (kind IN ('SESSION', 'PAYMENT', 'APPLICATION_FEE',
    'REFUND', 'DISPUTE', 'VOUCHER', 'OPERATOR_TOP_UP', 'TOP_UP', 'WALLET_PAYMENT'));
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_account_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_account_check CHECK (account IN ('DRIVER_RECEIVABLE', 'REVENUE', 'VAT_PAYABLE',
    'STRIPE_CLEARING', 'PLATFORM_FEES', 'REFUNDS', 'DISPUTES', 'DRIVER_WALLET', 'VOUCHERS', 'OPERATOR_TOP_UPS', 'TOP_UP_BONUSES'));
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_per_driver CHECK ((account IN ('DRIVER_RECEIVABLE', 'DRIVER_WALLET')) = (profile_id IS NOT NULL));

--changeset chargebase:pay-wallet-002-voucher
-- A voucher (io.chargebase.domain.billing.Vouchers): a code worth an amount in the tenant's currency, redeemable once
-- before its expiry. Operator top-ups and bought top-ups are vouchers too, created redeemed (the manual's Vouchers
-- Listing shows them together); for them the description is the operator's reason. Redeeming is one conditional
-- update (not yet redeemed, not expired), so of two drivers racing for a code exactly one gets it.
CREATE TABLE voucher (
    tenant_id             uuid NOT NULL REFERENCES tenant (id),
    id                    uuid NOT NULL,
    code                  text NOT NULL CHECK (code ~ '^[0-9A-Z]{16}$'),
    kind                  text NOT NULL CHECK (kind IN ('VOUCHER', 'OPERATOR_TOP_UP', 'TOP_UP')),
    currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount                numeric(14, 4) NOT NULL CHECK (amount > 0),
    redeem_before         date,
    expires_at            timestamptz,
    description           text CHECK (length(description) <= 500),
    created_by            text CHECK (length(created_by) <= 255),
    created_at            timestamptz NOT NULL,
    redeemed_by           uuid,
    redeemed_at           timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, redeemed_by) REFERENCES profile (tenant_id, id),
    CHECK ((redeemed_by IS NULL) = (redeemed_at IS NULL)),
    CHECK ((redeem_before IS NULL) = (expires_at IS NULL)),
    CHECK (kind = 'VOUCHER' OR redeemed_by IS NOT NULL)
);
CREATE INDEX voucher_created ON voucher (tenant_id, created_at DESC, id DESC);
CREATE INDEX voucher_redeemed_by ON voucher (tenant_id, redeemed_by) WHERE redeemed_by IS NOT NULL;
ALTER TABLE voucher ENABLE ROW LEVEL SECURITY;
ALTER TABLE voucher FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON voucher
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- A driver reaches the vouchers proper (a code is a bearer secret: redeeming one, and being told it was redeemed,
-- needs it) and their own top-ups; an OU admin those redeemed by their subtree's profiles.
CREATE POLICY narrowed_scope ON voucher AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR (nullif(current_setting('app.profile_id', true), '') IS NOT NULL AND kind = 'VOUCHER')
           OR redeemed_by IN (SELECT p.id FROM profile p));
