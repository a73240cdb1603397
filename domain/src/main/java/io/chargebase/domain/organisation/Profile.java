package io.chargebase.domain.organisation;

import java.time.Instant;
import java.util.UUID;

/** A person a tenant serves: a driver, an employee of a fleet customer, a member of a housing association. */
public record Profile(
        UUID id,
        UUID organisationUnitId,
        String name,
        EmailAddress email,
        PhoneNumber phone,
        ProfileStatus status,
        String externalReference,
        Instant createdAt,
        Instant updatedAt) {
}
