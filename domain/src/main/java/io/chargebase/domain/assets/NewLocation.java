package io.chargebase.domain.assets;

import java.math.BigDecimal;

/** A location as submitted; {@link Locations#create} checks every field. */
public record NewLocation(String name, String street, String postalCode, String city, String country, BigDecimal latitude,
        BigDecimal longitude, String timeZone, AssetTypes.Access access, String openingHours, String operatorId) {
}
