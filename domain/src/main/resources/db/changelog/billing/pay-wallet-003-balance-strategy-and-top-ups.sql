--liquibase formatted sql

--changeset chargebase:pay-wallet-005-balance-strategy
-- The manual's third billing strategy, "payment method OR minimum amount in balance" (BALANCE_OR_PAYMENT_METHOD):
-- balance_only is its "do not allow direct use of payment method" (cards then only buy top-ups), minimum_balance the
-- balance a start needs (null: any balance above the auto-stop amount), auto_stop_below the available balance at
-- which a session paid from the wallet is stopped (null: never stopped for it).
ALTER TABLE billing_strategy DROP CONSTRAINT billing_strategy_strategy_check;
ALTER TABLE billing_strategy ADD CONSTRAINT billing_strategy_strategy_check
    CHECK (strategy IN ('BILL_AFTER_SESSION', 'PRE_AUTHORISE', 'NO_PAYMENT_REQUIRED', 'BALANCE_OR_PAYMENT_METHOD'));
ALTER TABLE billing_strategy ADD COLUMN balance_only boolean NOT NULL DEFAULT false;
ALTER TABLE billing_strategy ADD COLUMN minimum_balance numeric(14, 4) CHECK (minimum_balance >= 0);
ALTER TABLE billing_strategy ADD COLUMN auto_stop_below numeric(14, 4) CHECK (auto_stop_below >= 0);
ALTER TABLE billing_strategy ADD CONSTRAINT billing_strategy_balance_fields
    CHECK (strategy = 'BALANCE_OR_PAYMENT_METHOD' OR (NOT balance_only AND minimum_balance IS NULL AND auto_stop_below IS NULL));

--changeset chargebase:pay-wallet-006-top-up-payment
-- A bought top-up is a card payment (purpose TOP_UP) of a package version's price; once it succeeded the wallet is
-- credited the price and the version's bonus (kept here as it was when bought), under the PaymentIntent's key. auto
-- marks the off-session ones the wallet's auto top-up sent: at most one of them is on its way per driver. A
-- CORRECTION is the off-session charge of what a corrected session costs more.
ALTER TABLE card_payment DROP CONSTRAINT card_payment_purpose_check;
ALTER TABLE card_payment ADD CONSTRAINT card_payment_purpose_check CHECK (purpose IN ('SESSION', 'BALANCE', 'HOLD', 'TOP_UP', 'CORRECTION'));
ALTER TABLE card_payment ADD COLUMN top_up_package_id uuid;
ALTER TABLE card_payment ADD COLUMN bonus numeric(14, 4) CHECK (bonus >= 0);
ALTER TABLE card_payment ADD COLUMN auto boolean NOT NULL DEFAULT false;
ALTER TABLE card_payment ADD CONSTRAINT card_payment_top_up_package FOREIGN KEY (tenant_id, top_up_package_id)
    REFERENCES top_up_package (tenant_id, id);
ALTER TABLE card_payment ADD CONSTRAINT card_payment_top_up_fields
    CHECK ((purpose = 'TOP_UP') = (top_up_package_id IS NOT NULL AND bonus IS NOT NULL) AND (NOT auto OR purpose = 'TOP_UP'));
CREATE UNIQUE INDEX card_payment_one_auto_top_up_on_its_way ON card_payment (tenant_id, profile_id)
    WHERE auto AND status IN ('PENDING', 'PROCESSING');

--changeset chargebase:pay-wallet-008-session-correction
-- A session rated again after its charger's late StopTransaction (SessionCorrected) posts the difference to what it
-- was charged, once per MSP CDR version (SESSION_CORRECTION): more is owed on the receivable and charged to the card
-- (a CORRECTION card payment, off-session) or paid from the wallet; less comes back to the wallet.
ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check CHECK (kind IN ('SESSION', 'PAYMENT', 'APPLICATION_FEE',
    'REFUND', 'DISPUTE', 'VOUCHER', 'OPERATOR_TOP_UP', 'TOP_UP', 'WALLET_PAYMENT', 'SESSION_CORRECTION'));
