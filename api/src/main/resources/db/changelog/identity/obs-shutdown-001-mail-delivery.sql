--liquibase formatted sql

--changeset chargebase:obs-shutdown-001-mail-delivery-attempts
-- Delivery of outbound_mail over SMTP (io.chargebase.api.mail.SmtpDelivery): how often sending was tried, when it is
-- tried next (backing off exponentially after each failure) and what went wrong last. A message is due when it is
-- undelivered, its next attempt is not in the future and its code, if it has one, has not expired.
ALTER TABLE outbound_mail
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN last_error      text CHECK (length(last_error) <= 1000);
CREATE INDEX outbound_mail_due ON outbound_mail (tenant_id, next_attempt_at) WHERE delivered_at IS NULL;
-- The migration owner may read every row; it is how the platform function below finds the tenants with mail due.
CREATE POLICY outbound_mail_owner_lookup ON outbound_mail FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:obs-shutdown-002-platform-tenants-with-mail-due splitStatements:false
-- Which tenants have a message due at p_now; reveals nothing else about their mail.
CREATE FUNCTION platform_tenants_with_mail_due(p_now timestamptz)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT DISTINCT m.tenant_id FROM outbound_mail m
    WHERE m.delivered_at IS NULL AND m.next_attempt_at <= p_now AND (m.expires_at IS NULL OR m.expires_at > p_now)
$$;

--changeset chargebase:obs-shutdown-003-platform-tenants-with-mail-due-grants
REVOKE EXECUTE ON FUNCTION platform_tenants_with_mail_due(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenants_with_mail_due(timestamptz) TO "${app_role}";
