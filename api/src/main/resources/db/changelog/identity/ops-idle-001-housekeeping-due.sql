--liquibase formatted sql

--changeset chargebase:ops-idle-001-housekeeping-owner-lookup
-- The migration owner may read every row; it is how the platform function below finds the tenants with housekeeping due.
CREATE POLICY oauth2_authorization_owner_lookup ON oauth2_authorization FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY account_token_owner_lookup ON account_token FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:ops-idle-002-platform-tenants-with-housekeeping-due splitStatements:false
-- Which tenants io.chargebase.api.security.IssuerHousekeeping has work for at p_now: a signing key to replace (none in
-- use younger than p_key_max_age_s) or to delete, an authorization a day past its last expiry, a code a week past its
-- expiry, or outbound mail whose code expired or whose time is up. Reveals nothing else about the tenants.
CREATE FUNCTION platform_tenants_with_housekeeping_due(p_now timestamptz, p_key_max_age_s bigint)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id FROM tenant t
    WHERE NOT EXISTS (SELECT 1 FROM signing_key k WHERE k.tenant_id = t.id AND k.retired_at IS NULL
                        AND k.created_at > p_now - make_interval(secs => p_key_max_age_s))
    UNION
    SELECT k.tenant_id FROM signing_key k WHERE k.tenant_id IS NOT NULL AND k.retired_at <= p_now
    UNION
    SELECT a.tenant_id FROM oauth2_authorization a
    WHERE a.tenant_id IS NOT NULL
      AND greatest(a.access_token_expires_at, a.refresh_token_expires_at, a.authorization_code_expires_at,
                   a.oidc_id_token_expires_at, a.device_code_expires_at, a.user_code_expires_at) < p_now - interval '1 day'
    UNION
    SELECT c.tenant_id FROM account_token c WHERE c.expires_at < p_now - interval '7 days'
    UNION
    SELECT m.tenant_id FROM outbound_mail m
    WHERE (m.code_sealed IS NOT NULL AND m.expires_at <= p_now)
       OR m.delivered_at < p_now - interval '7 days' OR m.expires_at < p_now - interval '7 days'
       OR m.created_at < p_now - interval '30 days'
$$;

--changeset chargebase:ops-idle-003-platform-tenants-with-housekeeping-due-grants
REVOKE EXECUTE ON FUNCTION platform_tenants_with_housekeeping_due(timestamptz, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenants_with_housekeeping_due(timestamptz, bigint) TO "${app_role}";
