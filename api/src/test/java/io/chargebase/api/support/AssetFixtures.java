package io.chargebase.api.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inputs for the asset mutations, as an admin portal would send them. */
public final class AssetFixtures {

    private AssetFixtures() {
    }

    public static Map<String, Object> aLocation() {
        Map<String, Object> location = new HashMap<>();
        location.put("name", "Central Station P1");
        location.put("street", "Stationsplein 1");
        location.put("postalCode", "1012 AB");
        location.put("city", "Amsterdam");
        location.put("country", "nl");
        location.put("latitude", 52.378901);
        location.put("longitude", 4.900272);
        location.put("timeZone", "Europe/Amsterdam");
        location.put("access", "PUBLIC");
        return location;
    }

    /** A 22 kW AC EVSE with one type 2 socket. */
    public static Map<String, Object> anAcEvse(String evseId) {
        Map<String, Object> evse = new HashMap<>();
        evse.put("evseId", evseId);
        evse.put("currentType", "AC");
        evse.put("maxPowerKw", 22.0);
        evse.put("connectors", List.of(Map.of("standard", "IEC_62196_T2", "format", "SOCKET", "powerType", "AC_3_PHASE",
                "maxVoltage", 400, "maxAmperage", 32)));
        return evse;
    }
}
