--liquibase formatted sql

-- Revocation that reaches what is already issued and already open (see io.chargebase.api.revocation). It lives in
-- the database, as row-level security does, so that whatever code starts a user's new token epoch, disables a
-- user, removes a client, suspends a tenant or changes a charger's secret or status, the revocation follows. Each such
-- change is announced on the channel chargebase_revoked when its transaction commits, to every instance.

--changeset chargebase:sec-revoke-001-token-epoch
-- A user's access tokens carry the epoch they were issued in; a token of an older epoch is refused.
ALTER TABLE app_user ADD COLUMN token_epoch integer NOT NULL DEFAULT 0;

--changeset chargebase:sec-revoke-002-user-revocation splitStatements:false
-- The domain starts a new epoch when a password is set, an account is disabled or its user signs out everywhere
-- (UserRows). A new epoch ends the user's authorizations (and so their refresh tokens) and every reset code not
-- yet used, whichever code started it.
CREATE FUNCTION app_user_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.token_epoch <> OLD.token_epoch THEN
        DELETE FROM oauth2_authorization WHERE tenant_id = NEW.tenant_id AND principal_name = 't:' || NEW.tenant_id || ':' || NEW.id;
        UPDATE account_token SET used_at = now()
            WHERE tenant_id = NEW.tenant_id AND user_id = NEW.id AND purpose = 'RESET_PASSWORD' AND used_at IS NULL;
    END IF;
    PERFORM pg_notify('chargebase_revoked', json_build_object('kind', 'user', 'tenant', NEW.tenant_id, 'user', NEW.id)::text);
    RETURN NEW;
END
$$;
CREATE TRIGGER app_user_revoked AFTER UPDATE OF token_epoch, status ON app_user FOR EACH ROW
    WHEN (NEW.token_epoch IS DISTINCT FROM OLD.token_epoch OR NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION app_user_revoked();

--changeset chargebase:sec-revoke-003-announcement splitStatements:false
-- Announces the changed row: the trigger's first argument is the kind; the others come in pairs, the announcement's
-- key and the row's column that gives its value (the old row for a removal, the new one otherwise).
CREATE FUNCTION announce_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    announcement jsonb := jsonb_build_object('kind', TG_ARGV[0]);
BEGIN
    FOR i IN 1 .. TG_NARGS - 1 BY 2 LOOP
        announcement := announcement || jsonb_build_object(TG_ARGV[i], changed -> TG_ARGV[i + 1]);
    END LOOP;
    PERFORM pg_notify('chargebase_revoked', announcement::text);
    RETURN NULL;
END
$$;

--changeset chargebase:sec-revoke-004-platform-user-tenant-and-client-revocation
CREATE TRIGGER platform_user_revoked AFTER UPDATE OF status ON platform_user FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION announce_revocation('user', 'user', 'id');
CREATE TRIGGER tenant_revoked AFTER UPDATE OF status ON tenant FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION announce_revocation('tenant', 'tenant', 'id');
CREATE TRIGGER oauth2_client_revoked AFTER DELETE ON oauth2_registered_client FOR EACH ROW
    EXECUTE FUNCTION announce_revocation('client', 'tenant', 'tenant_id', 'client', 'client_id');

--changeset chargebase:sec-revoke-005-charge-point-revocation
-- A charger's socket was opened with its secret while it was allowed in: a new secret, DISABLED, or the charge point's
-- removal ends it.
CREATE TRIGGER charge_point_revoked AFTER UPDATE OF secret_hash, status ON charge_point FOR EACH ROW
    WHEN (NEW.secret_hash IS DISTINCT FROM OLD.secret_hash OR (NEW.status = 'DISABLED' AND OLD.status IS DISTINCT FROM 'DISABLED'))
    EXECUTE FUNCTION announce_revocation('charge_point', 'tenant', 'tenant_id', 'chargePoint', 'id');
CREATE TRIGGER charge_point_removed AFTER DELETE ON charge_point FOR EACH ROW
    EXECUTE FUNCTION announce_revocation('charge_point', 'tenant', 'tenant_id', 'chargePoint', 'id');
