package io.chargebase.domain.organisation;

import java.util.UUID;

/**
 * Whether users administer an organisation unit, which keeps it from being deleted. Users are identity's, and
 * identity depends on organisation, so identity answers through this interface rather than organisation reading its
 * table.
 */
public interface UnitAdministrators {

    boolean administer(UUID unitId);
}
