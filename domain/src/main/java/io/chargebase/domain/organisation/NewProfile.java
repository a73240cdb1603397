package io.chargebase.domain.organisation;

import java.util.UUID;

/** A profile as submitted; {@link Profiles#create} validates every field. */
public record NewProfile(UUID organisationUnitId, String name, String email, String phone, String externalReference) {
}
