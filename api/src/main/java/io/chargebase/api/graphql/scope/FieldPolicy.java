package io.chargebase.api.graphql.scope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.chargebase.api.security.Role;

/**
 * The field-level table for the roles narrowed below the tenant: for every field of every object type a driver or an
 * OU admin can reach, how each of them gets it ({@link FieldRule}); and which {@code Node} types a driver may resolve at
 * all. Root fields are {@code OperationPolicy}'s. A field that is missing here is refused to both roles, and
 * {@code FieldPolicyTest} fails the build until it is classified.
 *
 * <p>What a driver sees: their own account, profile, tokens, sessions and CDRs (row-level security keeps them to their
 * own), and of the charging network what a driver app needs: locations, charge points and EVSEs with connector
 * availability, and the prices that apply to them. Anything that describes how the tenant runs its business (vendor
 * and serial data, the actions and communication logs, connections, groups, tariff names and selection, who changed
 * what) is staff information. What an OU admin sees: the tenant's configuration, their subtree's people and records,
 * and the actions and communication logs and connections of the charge points they operate, with idTags of other
 * subtrees and the tenant's secrets redacted.
 */
public final class FieldPolicy {

    private static final Map<String, FieldRule> RULES = new Table()
            // the caller and the tenant they act for
            .type("Viewer").open("roles", "tenant", "user", "profile", "organisationUnit", "clientId")
            .type("Tenant").open("id", "slug", "name", "status", "suspendedReason", "currency", "timeZone", "domains", "createdAt",
                    "updatedAt", "branding")
            .type("Branding").open("slug", "displayName", "logoUrl", "primaryColor", "accentColor", "supportEmail", "supportPhone",
                    "termsUrl", "privacyUrl", "termsVersion")
            // people
            .type("User").open("id", "email", "name", "role", "status", "emailVerified", "createdAt", "termsVersion", "termsAcceptedAt").rls("organisationUnit", "profile")
            .type("Profile").open("id", "name", "email", "phone", "status", "externalReference", "createdAt", "updatedAt")
                    .rls("organisationUnit").staff("businessPartnerGroups")
            .type("ProfileConnection").open("edges", "pageInfo", "totalCount")
            .type("ProfileEdge").open("cursor", "node")
            .type("OrganisationUnit").open("id", "name", "depth", "isRoot", "createdAt", "updatedAt").rls("parent", "children", "ancestry")
            .type("BusinessPartnerGroup").staff("id", "name").staffRls("organisationUnits", "profileCount")
            .type("UserGroup").staff("id", "name").staffRls("members", "memberCount")
            // tokens
            .type("Token").open("id", "uid", "emaId", "type", "status", "expiresAt", "visualNumber", "billing", "createdAt")
                    .rls("owner", "statusHistory")
            .type("TokenStatusChange").open("fromStatus", "toStatus", "reason", "changedAt").staff("changedBy")
            .type("TokenConnection").open("edges", "pageInfo", "totalCount")
            .type("TokenEdge").open("cursor", "node")
            // billing: a driver's balance is read under row-level security; the connected account is the tenant's business
            .type("LedgerBalance").rls("amount", "currency")
            .type("ConnectedAccount").staff("accountId", "chargesEnabled", "payoutsEnabled", "detailsSubmitted", "disabledReason", "statusAt")
            // a driver's cards come from their own customer at the provider only; the settings are the tenant's business
            .type("PaymentMethod").open("paymentMethodId", "brand", "last4", "expMonth", "expYear", "isDefault")
            .type("BillingSettings").staff("maxPaymentMethods")
            .type("ApplicationFee").open("percent", "fixedAmount")
            .type("BillingStrategySettings").staff("strategy", "preAuthoriseAmount", "stopBelow", "balanceOnly", "minimumBalance", "autoStopBelow")
            .type("PaymentToComplete").rls("paymentIntentId", "clientSecret", "status", "amount", "currency", "failure")
            // the VAT table and settings are the tenant's configuration
            .type("VatRate").staff("vatRateId", "name", "percent", "validFrom", "validUntil")
            .type("VatSettings").staff("baseVatName", "pricesIncludeVat")
            // receipts: a driver's own under row-level security (receipt and receipt_line are narrowed to the profile);
            // the company on a receipt is what the driver was given; the settings and the tenant's details are staff's
            .type("Receipt").rls("receiptId", "kind", "number", "issuedAt", "periodFrom", "periodUntil", "currency", "net", "vat", "gross",
                    "company", "driverName", "driverEmail", "profileId", "lines", "vatBreakdown", "creditedReceiptId", "pdfUrl")
            .type("ReceiptLine").rls("position", "sessionId", "description", "startedAt", "endedAt", "energyKwh", "vatPercent", "net", "vat", "gross")
            .type("ReceiptVatLine").rls("vatPercent", "net", "vat", "gross")
            .type("ReceiptConnection").open("edges", "pageInfo")
            .type("ReceiptEdge").open("cursor", "node")
            .type("CompanyDetails").open("legalName", "street", "postalCode", "city", "country", "vatNumber", "registrationNumber", "email",
                    "phone", "website")
            .type("ReceiptSettings").staff("mode")
            // refunds are the tenant admins' business (OperationPolicy): staff fields
            // payment transactions: rows of the ledger, which row-level security narrows to an OU admin's subtree's profiles
            // and to a driver's own (myPayments, which also leaves out the platform's fees)
            .type("PaymentTransaction").rls("transactionId", "kind", "amount", "currency", "profileId", "sessionId", "reference", "description",
                    "occurredAt", "postedAt")
            .type("PaymentTransactionConnection").open("edges", "pageInfo")
            .type("PaymentTransactionEdge").open("cursor", "node")
            // wallets: ledger rows, narrowed by row-level security to the driver's own or an OU admin's subtree's profiles
            .type("Wallet").rls("balance", "entries")
            .type("WalletEntry").rls("transactionId", "kind", "credit", "debit", "balanceAfter", "currency", "description", "sessionId",
                    "occurredAt", "postedAt")
            // vouchers are the tenant's staff's business (OperationPolicy); a driver only redeems a code
            .type("Voucher").staff("voucherId", "code", "kind", "status", "amount", "currency", "redeemBefore", "description", "createdBy",
                    "createdAt", "redeemedBy", "redeemedAt")
            // top-up packages are what the app offers every driver; an auto top-up is the driver's own (row-level security)
            .type("TopUpPackage").open("packageId", "version", "price", "bonus", "credit", "currency", "enabled", "position")
            .type("AutoTopUp").rls("enabled", "package", "threshold", "currency", "disabledReason")
            // a driver account's actions log: staff information, rows narrowed for OU admins to their subtree's profiles
            .type("ProfileAction").staffRls("actionId", "action", "info", "reason", "actor", "happenedAt")
            .type("VoucherConnection").open("edges", "pageInfo")
            .type("VoucherEdge").open("cursor", "node")
            .type("Refund").staff("refundRequestId", "paymentId", "amount", "currency", "reason", "status", "refundId", "chargeId")
            // the charging network: what a driver app shows, and what only staff see
            .type("Location").open("id", "name", "address", "coordinates", "timeZone", "access", "openingHours", "operatorId",
                    "chargePoints", "zones", "publicNotice").staff("createdAt").staffRls("owner", "invitedUserGroups")
            .type("Address").open("street", "postalCode", "city", "country")
            .type("Coordinates").open("latitude", "longitude")
            .type("ChargingZone").open("id", "name").staff("disabled")
            .type("ChargePoint").open("id", "ocppIdentity", "status", "zone", "location", "evses", "connectorStatuses", "driverAccess")
                    .staff("vendor", "model", "serialNumber", "hasSecret", "createdAt", "statusHistory", "localListVersion", "freeVendIdTag")
                    .staffRls("connection", "commands", "communicationLog", "authorizations", "reservations", "networkStatusHistory")
            .type("Evse").open("id", "evseId", "ocppNumber", "currentType", "maxPowerKw", "status", "connectors", "connectorStatus", "price")
                    .staff("tariffGroup", "reservationMinutes")
            .type("Connector").open("id", "standard", "format", "powerType", "maxVoltage", "maxAmperage", "position").staff("locationGroups")
            .type("ConnectorStatus").open("connectorId", "status", "statusAt", "receivedAt")
                    .staff("errorCode", "info", "vendorId", "vendorErrorCode")
            .type("ChargePointAccess").open("access", "publicNotice", "managedByOperator", "operatorNotice", "driverNotice", "usable")
            .type("ChargerLocationConnection").open("edges", "pageInfo")
            .type("ChargerLocationEdge").open("cursor", "node", "distanceKm")
            .type("LocationConnection").open("edges", "pageInfo", "totalCount")
            .type("LocationEdge").open("cursor", "node")
            .type("ChargePointConnection").open("edges", "pageInfo", "totalCount")
            .type("ChargePointEdge").open("cursor", "node")
            .type("ConnectorStatusConnection").open("edges", "pageInfo")
            .type("ConnectorStatusEdge").open("cursor", "node")
            .type("LocationGroup").staff("id", "name", "isDefault", "countries", "operatorIds", "currentType", "minPowerKw", "maxPowerKw",
                    "locations", "connectorCount")
            .type("ChargePointTemplate").staff("id", "name", "vendor", "model", "evses")
            .type("TemplateEvse").staff("currentType", "maxPowerKw", "connectors")
            .type("TemplateConnector").staff("standard", "format", "powerType", "maxVoltage", "maxAmperage")
            .type("PendingChargePoint").staff("id", "ocppIdentity", "firstSeenAt", "lastSeenAt", "remoteAddress", "bootedAt", "vendor", "model",
                    "serialNumber", "chargeBoxSerialNumber", "firmwareVersion", "iccid", "imsi", "meterType", "meterSerialNumber")
            // a charger's link and logs: row-level security keeps OU admins to the charge points they operate
            .type("ChargerConnection").staff("networkStatus", "connected", "connectedAt", "disconnectedAt", "lastSeenAt", "protocol",
                    "remoteAddress", "registration", "bootedAt", "vendor", "model", "serialNumber", "chargeBoxSerialNumber", "firmwareVersion",
                    "iccid", "imsi", "meterType", "meterSerialNumber", "firmwareStatus", "diagnosticsStatus")
            .type("CommunicationLogConnection").open("edges", "pageInfo")
            .type("CommunicationLogEdge").open("cursor", "node")
            .type("CommunicationLogEntry").staff("direction", "action", "messageId", "truncated", "at")
                    .staffRedacted(Redaction.OCPP_PAYLOAD, "text")
            .type("ChargerCommand").staff("id", "chargePoint", "action", "reason", "requestedBy", "requestedAt", "outcome", "chargerStatus",
                    "error", "completedAt").staffRedacted(Redaction.OCPP_PAYLOAD, "request", "response")
            // the manual's ACTIVITY records: staff information, row-level security keeps OU admins to the charge points they operate
            .type("Authorization").staff("id", "chargePoint", "connectorId", "source", "result", "at").staffRls("token")
                    .staffRedacted(Redaction.ID_TAG, "idTag")
            .type("AuthorizationConnection").open("edges", "pageInfo", "totalCount")
            .type("AuthorizationEdge").open("cursor", "node")
            // a driver reads their own reservations (row-level security), without the actions log and who asked
            .type("Reservation").rls("id", "chargePoint", "evse", "connectorId", "reservationId", "expiresAt", "status", "chargerStatus",
                    "createdAt", "cancelledAt", "usedAt", "token").staff("requestedBy").staffRls("command").staffRedacted(Redaction.ID_TAG, "idTag")
            .type("ReservationSettings").staff("enabled", "durationMinutes", "reminderMinutes", "maxPerDay", "coolDownMinutes")
            .type("ReservationConnection").open("edges", "pageInfo", "totalCount")
            .type("ReservationEdge").open("cursor", "node")
            .type("NetworkStatusChange").staff("status", "previousStatus", "at")
            .type("NetworkStatusChangeConnection").open("edges", "pageInfo", "totalCount")
            .type("NetworkStatusChangeEdge").open("cursor", "node")
            .type("ChargerCommandConnection").open("edges", "pageInfo", "totalCount")
            .type("ChargerCommandEdge").open("cursor", "node")
            .type("ChargingSettings").staff("heartbeatIntervalSeconds", "temporarilyUnavailableAfterSeconds", "longTermUnavailableAfterSeconds",
                    "failStartTimeoutSeconds", "inactivityTimeoutSeconds", "unknownChargePoints", "finishAfterInactivitySeconds",
                    "meterValueSampleIntervalSeconds")
                    .staffRedacted(Redaction.URL_CREDENTIALS, "diagnosticsLocations")
            .type("ChargePointStatusEvent").staff("chargePoint", "connectorId", "status", "errorCode", "connection", "at")
            // sessions and records: row-level security keeps drivers to their own, OU admins to their subtree's
            .type("ChargingSession").open("id", "transactionId", "reportedTransactionId", "chargePoint", "evse", "connectorId", "idTag",
                    "status", "authorization", "meterStartWh", "meterStopWh", "energyWh", "startedAt", "stoppedAt", "stopReason",
                    "latestEnergyWh", "latestPowerW", "latestSocPercent", "latestSampleAt", "incomplete", "incompleteReason", "ratingError",
                    "demo", "createdAt").rls("profile", "inactivity", "cpoCdr", "mspCdr", "meterValues", "paymentStatus")
            .type("MeterValue").open("sampledAt", "measurand", "phase", "location", "unit", "value", "context")
            .type("SessionInactivity").open("flaggedAt", "lastActivityAt", "reason", "finishedAt", "correctedAt")
            .type("ChargingSessionConnection").open("edges", "pageInfo", "totalCount")
            .type("ChargingSessionEdge").open("cursor", "node")
            .type("SessionProgress").open("sessionId", "status", "connectorId", "energyKwh", "powerKw", "stateOfChargePercent", "runningCost",
                    "currency", "at")
            .type("CpoCdr").open("id", "cdrNumber", "location", "evse", "tokenUid", "customer", "roamingParty", "startAt", "endAt", "timeZone",
                    "chargingPeriods", "totalEnergyKwh", "totalTimeHours", "totalParkingHours", "currency", "demo", "createdAt")
                    .rls("profile", "mspCdr", "mspCdrs").staff("cpoCost", "recordedBy")
            .type("MspCdr").open("id", "cdrNumber", "version", "location", "tariff", "tariffVersion", "currency", "lines", "totalEnergyKwh",
                    "totalTimeHours", "totalParkingHours", "totalCost", "payableTotal", "startAt", "endAt", "ratedAt", "supersededAt")
                    .rls("cpoCdr", "profile").staff("selection", "ratedBy")
            .type("ChargingPeriod").open("startAt", "dimensions")
            .type("CdrDimension").open("type", "volume")
            .type("CdrLine").open("dimension", "quantity", "billedQuantity", "cost", "reservation")
            .type("CpoCdrConnection").open("edges", "pageInfo", "totalCount")
            .type("CpoCdrEdge").open("cursor", "node")
            .type("MspCdrConnection").open("edges", "pageInfo", "totalCount")
            .type("MspCdrEdge").open("cursor", "node")
            // prices: what a driver pays is theirs to read, how the tenant selects and names tariffs is not
            .type("Tariff").open("id", "kind", "currency", "currentVersion", "versions").staff("name", "isBase", "audience", "createdAt", "updatedAt")
            .type("TariffVersion").open("version", "pricing", "pricesIncludeVat", "description", "information", "learnMoreUrl", "stopLimits", "text", "elements",
                    "minPrice", "maxPrice", "ocpiJson", "createdAt").staff("createdBy")
            .type("TariffPricing").open("kind", "vatPercent", "pricePerSession", "connectionFee", "pricePerKwh", "pricePerMinute", "dayStartsAt",
                    "nightStartsAt", "nightPricePerKwh", "nightPricePerMinute", "powerLevels", "idleFeePerMinute", "idleGraceMinutes")
            .type("PowerLevel").open("maxAverageKw", "pricePerMinute")
            .type("StopLimits").open("maxMinutes", "maxKwh")
            .type("TariffElement").open("components", "restrictions")
            .type("PriceComponent").open("dimension", "price", "vatPercent", "stepSize")
            .type("PriceAmount").open("exclVat", "inclVat")
            .type("EvsePrice").open("evse", "currency", "description", "information", "learnMoreUrl", "text", "elements", "minPrice", "maxPrice",
                    "stopLimits", "estimate")
            .type("PriceEstimate").open("energyKwh", "durationMinutes", "lines", "total")
            .type("TariffAudience").staff("ownerUsers", "roamingUsers", "adHocUsers", "businessPartnerGroups").staffRls("userGroups")
            .type("TariffGroup").staff("id", "name", "baseTariff", "tariffs")
            .type("TariffPlan").staff("id", "name", "active", "defaultTariff", "rules")
            .type("TariffPlanRule").staff("precedence", "locationGroup", "businessPartnerGroup", "tariff")
            .type("ApplicableTariff").staff("tariff", "version", "source", "tariffGroup", "tariffPlan", "rulePrecedence", "reason")
            // what mutations answer: the caller's own change, and the refusals
            .type("PageInfo").open("hasNextPage", "hasPreviousPage", "startCursor", "endCursor")
            .type("UserError").open("code", "field", "message")
            .type("RowError").open("row", "field", "message")
            .type("UpdateMyProfilePayload").open("profile", "userErrors")
            .type("SignOutEverywherePayload").open("user", "userErrors")
            .type("DeleteMyAccountPayload").open("deleted", "userErrors")
            .type("DataExport").open("fileName", "contentType", "content", "createdAt")
            .type("SignUpDriverPayload").open("verificationPending", "userErrors")
            .type("VerifyEmailPayload").open("verified", "userErrors")
            .type("RequestPasswordResetPayload").open("accepted", "userErrors")
            .type("ResetPasswordPayload").open("done", "userErrors")
            .type("CreateOrganisationUnitPayload").open("organisationUnit", "userErrors")
            .type("RenameOrganisationUnitPayload").open("organisationUnit", "userErrors")
            .type("MoveOrganisationUnitPayload").open("organisationUnit", "userErrors")
            .type("DeleteOrganisationUnitPayload").open("deletedOrganisationUnitId", "userErrors")
            .type("CreateProfilePayload").open("profile", "userErrors")
            .type("UpdateProfilePayload").open("profile", "userErrors")
            .type("DeactivateProfilePayload").open("profile", "userErrors")
            .type("ReactivateProfilePayload").open("profile", "userErrors")
            .type("ImportProfilesPayload").open("imported", "rowErrors", "userErrors")
            .type("CreateTokenPayload").open("token", "userErrors")
            .type("UpdateTokenPayload").open("token", "userErrors")
            .type("TokenStatusPayload").open("token", "userErrors")
            .type("ImportTokensPayload").open("imported", "rowErrors", "userErrors")
            .type("ChargerCommandPayload").open("command", "userErrors")
            .type("StartSessionPayload").open("command", "session", "userErrors")
            .type("DriverReservationPayload").open("outcome", "chargerStatus", "message", "reservation", "userErrors")
            .type("UpdateReservationSettingsPayload").open("reservationSettings", "userErrors")
            .type("SetChargePointFreeVendPayload").open("chargePoint", "configuration", "userErrors")
            .type("DriverSessionCommandPayload").open("outcome", "chargerStatus", "message", "session", "userErrors")
            .type("SetEvseReservationTimePayload").open("evse", "userErrors")
            .type("AddPaymentMethodPayload").open("clientSecret", "userErrors")
            .type("PaymentMethodsPayload").open("paymentMethods", "userErrors")
            .type("StartConnectedAccountOnboardingPayload").open("url", "connectedAccount", "userErrors")
            .type("UpdateBillingSettingsPayload").open("billingSettings", "userErrors")
            .type("SetApplicationFeePayload").open("applicationFee", "userErrors")
            .type("UpdateBillingStrategyPayload").open("billingStrategy", "userErrors")
            .type("PayMyOutstandingBalancePayload").open("payments", "userErrors")
            .type("BuyTopUpPayload").open("payment", "userErrors")
            .type("RefundPaymentPayload").open("refund", "userErrors")
            .type("CreateVouchersPayload").open("vouchers", "userErrors")
            .type("RedeemVoucherPayload").open("wallet", "userErrors")
            .type("AddToUserBalancePayload").open("voucher", "wallet", "userErrors")
            .type("TopUpPackagePayload").open("topUpPackage", "userErrors")
            .type("DeleteTopUpPackagePayload").open("autoTopUpsTurnedOff", "userErrors")
            .type("TopUpPackagesPayload").open("topUpPackages", "userErrors")
            .type("SetMyAutoTopUpPayload").open("autoTopUp", "userErrors")
            .type("VatRatePayload").open("vatRate", "userErrors")
            .type("DeleteVatRatePayload").open("deletedVatRateId", "userErrors")
            .type("UpdateVatSettingsPayload").open("vatSettings", "userErrors")
            .type("UpdateCompanyDetailsPayload").open("companyDetails", "userErrors")
            .type("UpdateReceiptSettingsPayload").open("receiptSettings", "userErrors")
            .rules();

    /** The Node types a driver may resolve with {@code node(id:)}, each showing only what the rules above allow. */
    private static final Set<String> DRIVER_NODES = Set.of("Tenant", "User", "Profile", "Token", "ChargingSession", "CpoCdr", "MspCdr",
            "Location", "ChargePoint", "Evse", "Connector", "ChargingZone");
    /** The Node types only staff resolve; for OU admins row-level security still bounds them. */
    private static final Set<String> STAFF_NODES = Set.of("OrganisationUnit", "ChargePointTemplate", "PendingChargePoint", "LocationGroup",
            "BusinessPartnerGroup", "UserGroup", "Tariff", "TariffGroup", "TariffPlan", "ChargerCommand",
            "Authorization", "Reservation");

    private FieldPolicy() {
    }

    /** The rule of a field such as {@code ChargePoint.commands}; empty when none was written. */
    public static Optional<FieldRule> of(String coordinate) {
        return Optional.ofNullable(RULES.get(coordinate));
    }

    public static Map<String, FieldRule> all() {
        return RULES;
    }

    /** Whether {@code role} may resolve an object of this Node type by its global id; unclassified types are refused. */
    public static boolean resolvesNode(Role role, String type) {
        return switch (role) {
            case DRIVER -> DRIVER_NODES.contains(type);
            case OU_ADMIN -> DRIVER_NODES.contains(type) || STAFF_NODES.contains(type);
            default -> true;
        };
    }

    /** Every Node type classified for {@code node(id:)}, resolvable by drivers or by staff only. */
    public static Set<String> classifiedNodeTypes() {
        return union(DRIVER_NODES, STAFF_NODES);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return java.util.Collections.unmodifiableSet(all);
    }

    /** Builds the table type by type; a field named twice is a mistake and fails at class load. */
    private static final class Table {

        private final Map<String, FieldRule> rules = new LinkedHashMap<>();
        private String type;

        Table type(String name) {
            this.type = name;
            return this;
        }

        Table open(String... fields) {
            return put(FieldRule.OPEN, fields);
        }

        Table rls(String... fields) {
            return put(FieldRule.RLS, fields);
        }

        Table staff(String... fields) {
            return put(FieldRule.STAFF, fields);
        }

        Table staffRls(String... fields) {
            return put(FieldRule.STAFF_RLS, fields);
        }

        Table staffRedacted(Redaction redaction, String... fields) {
            return put(FieldRule.staffRedacted(redaction), fields);
        }

        private Table put(FieldRule rule, String... fields) {
            for (String field : fields) {
                if (rules.put(type + "." + field, rule) != null) {
                    throw new IllegalStateException(type + "." + field + " is classified twice");
                }
            }
            return this;
        }

        Map<String, FieldRule> rules() {
            return java.util.Collections.unmodifiableMap(rules);
        }
    }
}
