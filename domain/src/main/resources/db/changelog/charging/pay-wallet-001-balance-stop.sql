--liquibase formatted sql

--changeset chargebase:pay-wallet-007-stop-limit-of-the-wallet
-- A session paid from the wallet is stopped once, like a tariff's limits, when the driver's available balance reaches
-- the auto-stop amount (WALLET_BALANCE); the row keeps it from asking the charger again on every reading.
ALTER TABLE charging_session_stop_limit DROP CONSTRAINT charging_session_stop_limit_stop_limit_check;
ALTER TABLE charging_session_stop_limit ADD CONSTRAINT charging_session_stop_limit_stop_limit_check
    CHECK (stop_limit IN ('MAX_MINUTES', 'MAX_KWH', 'WALLET_BALANCE'));
