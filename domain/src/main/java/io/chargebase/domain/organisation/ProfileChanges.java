package io.chargebase.domain.organisation;

import java.util.UUID;

/**
 * Changes to a profile. A {@code null} field stays as it is; an empty phone or external reference clears it.
 */
public record ProfileChanges(UUID organisationUnitId, String name, String email, String phone, String externalReference) {
}
