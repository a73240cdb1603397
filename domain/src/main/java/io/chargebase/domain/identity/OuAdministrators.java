package io.chargebase.domain.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.identity.internal.UserRows;
import io.chargebase.domain.organisation.UnitAdministrators;

/** Tells organisation whether OU admins are bound to a unit it is asked to delete. */
@Component
@Transactional(readOnly = true)
class OuAdministrators implements UnitAdministrators {

    private final UserRows rows;

    OuAdministrators(UserRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean administer(UUID unitId) {
        return rows.anyInUnit(unitId);
    }
}
