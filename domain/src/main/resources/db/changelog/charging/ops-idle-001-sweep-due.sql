--liquibase formatted sql

--changeset chargebase:ops-idle-001-sweep-due-indexes
-- The charging sweeper (io.chargebase.domain.charging.ChargingSweeper) asks once across tenants which of them have
-- anything due, instead of visiting every tenant: these partial indexes hold only the rows it asks about, so an idle
-- platform answers from (nearly) empty indexes. Open sessions are found through charging_session_open.
CREATE INDEX charger_connection_reachable ON charger_connection (last_seen_at) WHERE network_status <> 'LONG_TERM_UNAVAILABLE';
CREATE INDEX charging_session_unrated ON charging_session (tenant_id)
    WHERE status = 'FINISHED' AND msp_cdr_id IS NULL AND rating_error IS NULL AND NOT incomplete
      AND evse_id IS NOT NULL AND transaction_id IS NOT NULL;
-- The migration owner may read every row; it is how the platform function below finds the tenants with work due.
CREATE POLICY charger_connection_owner_lookup ON charger_connection FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY charging_session_owner_lookup ON charging_session FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY charging_settings_owner_lookup ON charging_settings FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:ops-idle-002-platform-tenants-with-charging-due splitStatements:false
-- Which tenants the charging sweep has work for at p_now: a charger past its tenant's unavailability threshold (the
-- platform defaults p_temporarily_s and p_long_term_s where the tenant saved none), a pending or active session (to fail,
-- mark, finish or check against its time limit), or a finished session whose rating was interrupted. Reveals nothing
-- else about the tenants.
CREATE FUNCTION platform_tenants_with_charging_due(p_now timestamptz, p_temporarily_s integer, p_long_term_s integer)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT c.tenant_id FROM charger_connection c LEFT JOIN charging_settings s ON s.tenant_id = c.tenant_id
    WHERE c.network_status <> 'LONG_TERM_UNAVAILABLE'
      -- no tenant's threshold is shorter (charging_settings' checks): a bound the index can use
      AND c.last_seen_at < p_now - interval '10 seconds'
      AND ((c.network_status = 'ONLINE' AND c.last_seen_at < p_now - make_interval(secs => coalesce(s.temporarily_unavailable_s, p_temporarily_s)))
        OR c.last_seen_at < p_now - make_interval(secs => coalesce(s.long_term_unavailable_s, p_long_term_s)))
    UNION
    SELECT o.tenant_id FROM charging_session o WHERE o.status IN ('PENDING', 'ACTIVE')
    UNION
    SELECT u.tenant_id FROM charging_session u
    WHERE u.status = 'FINISHED' AND u.msp_cdr_id IS NULL AND u.rating_error IS NULL AND NOT u.incomplete
      AND u.evse_id IS NOT NULL AND u.transaction_id IS NOT NULL
$$;

--changeset chargebase:ops-idle-003-platform-tenants-with-charging-due-grants
REVOKE EXECUTE ON FUNCTION platform_tenants_with_charging_due(timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenants_with_charging_due(timestamptz, integer, integer) TO "${app_role}";
