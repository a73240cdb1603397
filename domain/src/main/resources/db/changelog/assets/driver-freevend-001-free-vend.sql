--liquibase formatted sql

--changeset chargebase:driver-freevend-001-free-vend-id-tag
-- Plug and charge without authorization (manual: charge point, "Plug-n-charge without authorization", issue 17 item 5):
-- the charger starts when a car is plugged in and sends this idTag with the transaction; the platform accepts it at
-- this charge point only, without a token, and the session is anonymous, priced for an ad-hoc customer. Null: off.
ALTER TABLE charge_point ADD COLUMN free_vend_id_tag text CHECK (length(free_vend_id_tag) BETWEEN 1 AND 20);
