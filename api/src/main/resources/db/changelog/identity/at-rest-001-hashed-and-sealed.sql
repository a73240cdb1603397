--liquibase formatted sql

-- Secrets at rest (see io.chargebase.api.secrets). Rows written by earlier versions are converted here where SQL
-- can do it; the private keys, which need the encryption key Liquibase never sees, are sealed by the application
-- at start-up (ClearSigningKeys). Tables that must be rewritten across tenants are taken out of FORCE ROW LEVEL
-- SECURITY inside the changeset's own transaction, so the migrating owner sees every row; DDL is transactional, so
-- no other session ever sees the table unforced.

--changeset chargebase:at-rest-001-hashed-token-values
-- Only the SHA-256 of each token value is kept ('sha256:' and 64 hex digits, as HashedTokenAuthorizationService
-- computes it). Existing values are hashed in place: codes, refresh tokens and access tokens issued before the
-- upgrade keep working, since a presented value is hashed before it is looked up.
ALTER TABLE oauth2_authorization NO FORCE ROW LEVEL SECURITY;
UPDATE oauth2_authorization SET
    authorization_code_value = CASE WHEN authorization_code_value IS NULL OR authorization_code_value ~ '^sha256:[0-9a-f]{64}$'
        THEN authorization_code_value ELSE 'sha256:' || encode(sha256(convert_to(authorization_code_value, 'UTF8')), 'hex') END,
    access_token_value = CASE WHEN access_token_value IS NULL OR access_token_value ~ '^sha256:[0-9a-f]{64}$'
        THEN access_token_value ELSE 'sha256:' || encode(sha256(convert_to(access_token_value, 'UTF8')), 'hex') END,
    oidc_id_token_value = CASE WHEN oidc_id_token_value IS NULL OR oidc_id_token_value ~ '^sha256:[0-9a-f]{64}$'
        THEN oidc_id_token_value ELSE 'sha256:' || encode(sha256(convert_to(oidc_id_token_value, 'UTF8')), 'hex') END,
    refresh_token_value = CASE WHEN refresh_token_value IS NULL OR refresh_token_value ~ '^sha256:[0-9a-f]{64}$'
        THEN refresh_token_value ELSE 'sha256:' || encode(sha256(convert_to(refresh_token_value, 'UTF8')), 'hex') END,
    user_code_value = CASE WHEN user_code_value IS NULL OR user_code_value ~ '^sha256:[0-9a-f]{64}$'
        THEN user_code_value ELSE 'sha256:' || encode(sha256(convert_to(user_code_value, 'UTF8')), 'hex') END,
    device_code_value = CASE WHEN device_code_value IS NULL OR device_code_value ~ '^sha256:[0-9a-f]{64}$'
        THEN device_code_value ELSE 'sha256:' || encode(sha256(convert_to(device_code_value, 'UTF8')), 'hex') END;
ALTER TABLE oauth2_authorization FORCE ROW LEVEL SECURITY;
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization (oidc_id_token_value);

--changeset chargebase:at-rest-002-sealed-signing-keys
-- The private key is kept sealed (AES-256-GCM under chargebase.security.signing-key-encryption-key). A row of an
-- earlier version keeps its clear private_key until the application seals it at start-up; a row has one or the other.
ALTER TABLE signing_key
    ALTER COLUMN private_key DROP NOT NULL,
    ADD COLUMN private_key_sealed bytea,
    ADD CONSTRAINT signing_key_one_private_part CHECK (num_nonnulls(private_key, private_key_sealed) = 1);
-- The migration owner may read every row; it is how the platform function below finds keys still in clear.
CREATE POLICY signing_key_owner_lookup ON signing_key FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:at-rest-003-platform-signing-key-scopes-in-clear splitStatements:false
-- Which issuers still have a private key in clear (null: the platform's); reveals nothing else.
CREATE FUNCTION platform_signing_key_scopes_in_clear()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT DISTINCT k.tenant_id FROM signing_key k WHERE k.private_key IS NOT NULL
$$;

--changeset chargebase:at-rest-004-platform-signing-key-scopes-in-clear-grants
REVOKE EXECUTE ON FUNCTION platform_signing_key_scopes_in_clear() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_signing_key_scopes_in_clear() TO "${app_role}";

--changeset chargebase:at-rest-005-outbound-mail-without-codes
-- A mailed code is no longer part of the stored body: the body holds {{code}} where the code goes, code_sealed the
-- code sealed under the encryption key until the message is delivered (then it is dropped), and expires_at when
-- the code stops working, after which the message must not be sent (io.chargebase.api.mail.MailOutbox).
-- Messages queued by earlier versions were never delivered (no delivery adapter existed; local mode printed them to
-- the log): their codes are struck out of the stored body and they count as expired, so they are never sent and
-- the housekeeping deletes them a week later. Whoever still needs a code asks for a new one.
ALTER TABLE outbound_mail
    ADD COLUMN code_sealed bytea,
    ADD COLUMN expires_at timestamptz;
ALTER TABLE outbound_mail NO FORCE ROW LEVEL SECURITY;
UPDATE outbound_mail
    SET body = regexp_replace(body, 'code: [A-Za-z0-9_-]{20,}', 'code: (no longer valid)', 'g'),
        expires_at = least(created_at, now());
ALTER TABLE outbound_mail FORCE ROW LEVEL SECURITY;
CREATE INDEX outbound_mail_expiry ON outbound_mail (tenant_id, expires_at) WHERE code_sealed IS NOT NULL;
