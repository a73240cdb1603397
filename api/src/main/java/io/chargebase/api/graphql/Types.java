package io.chargebase.api.graphql;

/** GraphQL type names, as global ids carry them. */
public final class Types {

    public static final String TENANT = "Tenant";
    public static final String ORGANISATION_UNIT = "OrganisationUnit";
    public static final String PROFILE = "Profile";
    public static final String USER = "User";
    public static final String TOKEN = "Token";
    public static final String LOCATION = "Location";
    public static final String CHARGE_POINT = "ChargePoint";
    public static final String EVSE = "Evse";
    public static final String CONNECTOR = "Connector";
    public static final String CHARGE_POINT_TEMPLATE = "ChargePointTemplate";
    public static final String PENDING_CHARGE_POINT = "PendingChargePoint";
    public static final String AUTHORIZATION = "Authorization";
    public static final String RESERVATION = "Reservation";
    public static final String CHARGING_ZONE = "ChargingZone";
    public static final String LOCATION_GROUP = "LocationGroup";
    public static final String BUSINESS_PARTNER_GROUP = "BusinessPartnerGroup";
    public static final String USER_GROUP = "UserGroup";
    public static final String TARIFF = "Tariff";
    public static final String TARIFF_GROUP = "TariffGroup";
    public static final String TARIFF_PLAN = "TariffPlan";
    public static final String CPO_CDR = "CpoCdr";
    public static final String MSP_CDR = "MspCdr";
    public static final String CHARGER_COMMAND = "ChargerCommand";
    public static final String CHARGING_SESSION = "ChargingSession";

    private Types() {
    }
}
