--liquibase formatted sql

-- Below the tenant: an OU admin's transactions carry app.ou_id and see only that unit's subtree and the profiles
-- in it; a driver's carry app.profile_id and see only their own profile and no units. These policies are
-- RESTRICTIVE: they narrow what the tenant policy allows and never widen it.

--changeset chargebase:organisation-003-ou-scope-on-units
CREATE POLICY narrowed_scope ON organisation_unit AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR path LIKE '%/' || current_setting('app.ou_id', true) || '/%'));

--changeset chargebase:organisation-004-ou-scope-on-profiles
-- The subquery reads organisation_unit under its own policies, so it yields exactly the units in scope.
CREATE POLICY narrowed_scope ON profile AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL
            OR organisation_unit_id IN (SELECT ou.id FROM organisation_unit ou))
           AND (nullif(current_setting('app.profile_id', true), '') IS NULL
                OR id = nullif(current_setting('app.profile_id', true), '')::uuid));
