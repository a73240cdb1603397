package io.chargebase.api.graphql.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.security.Role;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.domain.charging.CommunicationLog;
import io.chargebase.domain.charging.PendingChargePoints;
import io.chargebase.domain.identity.NewUser;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.domain.operations.LocalAuthLists;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * One tenant with data behind every field a driver or an OU admin can reach, planted so that a leak shows: text only
 * staff may read carries {@link #STAFF_TAG} (a driver must never see it), text outside the OU admin's subtree or
 * outside every narrowed scope carries {@link #FOREIGN_TAG} (neither may see it); token UIDs and global ids out of each
 * role's scope are listed in {@link #hiddenFrom}.
 *
 * <p>The tree: root → "Unit Alpha" (the OU admin's) → "Unit Alpha One" (the driver's profile), and root → "Unit
 * Bravo". Location "Alpha Plaza" is owned by Alpha (the OU admin operates its charge point SCOPE-CP-A), "Bravo Garage" by
 * Bravo. Dora (the driver, Alpha One), Alma (Alpha) and Bruno (Bravo) each charged at SCOPE-CP-A; Bruno's card also
 * stopped a session at SCOPE-CP-B the platform never started.
 */
@TestPropertySource(properties = "chargebase.graphql.trusted-documents.enforce=false")
abstract class ScopeFixture extends IntegrationTest {

    /** In what staff may read (OU admins included) and a driver may not. */
    static final String STAFF_TAG = "stafftag7";
    /** In what lies outside the OU admin's subtree and outside every driver's scope. */
    static final String FOREIGN_TAG = "foreigntag9";

    static final String DORA_UID = "D0D0D0D0D0";
    static final String ALMA_UID = "A1A1A1A1A1";
    static final String BRUNO_UID = "B2B2B2B2B2";
    static final String ORPHAN_UID = "C3C3C3C3C3";
    static final String UNKNOWN_ID_TAG = "E4E4E4E4E4";
    static final String STAFF_CLIENT = "staff-" + STAFF_TAG;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    ChargerEvents chargerEvents;
    @Autowired
    io.chargebase.domain.receipts.Receipts receipts;
    @Autowired
    io.chargebase.domain.receipts.TenantCompany company;
    @Autowired
    ChargerCommandLog commandLog;
    @Autowired
    CommunicationLog communicationLog;
    @Autowired
    PendingChargePoints pendingChargePoints;
    @Autowired
    LocalAuthLists localLists;
    @Autowired
    ChargingSweeper sweeper;
    @Autowired
    io.chargebase.domain.operations.Reservations reservations;
    @Autowired
    io.chargebase.domain.operations.DriverReservations driverReservations;
    @Autowired
    io.chargebase.domain.assets.FreeVend freeVend;
    @Autowired
    io.chargebase.domain.operations.TenantReservationSettings reservationSettings;
    @Autowired
    io.chargebase.domain.tokens.Tokens domainTokens;
    @Autowired
    io.chargebase.domain.assets.ChargePoints chargePoints;

    TestTenant tenant;
    String admin;
    String driver;
    String ouAdmin;
    /** Global ids of every fixture object by GraphQL type, for node(id:) starts. */
    final Map<String, List<String>> nodes = new LinkedHashMap<>();
    /** Global ids and UIDs each narrowed role must never get back. */
    final Map<Role, Set<String>> hiddenFrom = new HashMap<>();

    String root;
    String unitA;
    String unitA1;
    String unitB;
    String dora;
    String alma;
    String bruno;
    String chargePointA;
    String chargePointB;
    String evseA;
    String evseB;
    String locationA;
    String doraSession;
    String almaSession;
    String brunoSession;
    ChargerRef chargerA;
    ChargerRef chargerB;

    void buildFixture() {
        tenant = aTenant();
        TenantScope whole = TenantScope.of(tenant.tenant().id());
        String secret = "staff-secret-" + UUID.randomUUID();
        TenantContext.runAs(whole, () -> clients.registerIntegration(STAFF_CLIENT, secret, "Staff " + STAFF_TAG, Set.of(Role.TENANT_ADMIN)));
        admin = tokens().clientCredentials(tenant.issuerPath(), STAFF_CLIENT, secret);
        hiddenFrom.put(Role.DRIVER, new LinkedHashSet<>(List.of(ALMA_UID, BRUNO_UID, ORPHAN_UID, UNKNOWN_ID_TAG)));
        hiddenFrom.put(Role.OU_ADMIN, new LinkedHashSet<>(List.of(BRUNO_UID, ORPHAN_UID, UNKNOWN_ID_TAG)));

        mutate(admin, "tenant-portal/UpdateBranding", Map.of("displayName", "Scope Charging", "supportEmail", "help@scope.example",
                "supportPhone", "+31201234567", "logoUrl", "https://scope.example/logo.svg", "primaryColor", "#112233", "accentColor", "#445566",
                "termsUrl", "https://scope.example/terms", "privacyUrl", "https://scope.example/privacy", "termsVersion", "2026-11"));
        assertThat(mutate(platformToken(), "platform-console/AddTenantDomain", Map.of("tenantId", GlobalId.encode("Tenant",
                tenant.tenant().id().value()), "host", "charge-" + tenant.tenant().slug() + ".scope.example")).path("userErrors")).isEmpty();
        root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        node("OrganisationUnit", root, Role.DRIVER, Role.OU_ADMIN);
        unitA = node("OrganisationUnit", created("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Unit Alpha " + STAFF_TAG),
                "organisationUnit"), Role.DRIVER);
        unitA1 = node("OrganisationUnit", created("tenant-portal/CreateOrganisationUnit", Map.of("parentId", unitA, "name",
                "Unit Alpha One " + STAFF_TAG), "organisationUnit"), Role.DRIVER);
        unitB = node("OrganisationUnit", created("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Unit Bravo " + FOREIGN_TAG),
                "organisationUnit"), Role.DRIVER, Role.OU_ADMIN);

        dora = node("Profile", created("tenant-portal/CreateProfile", Map.of("organisationUnitId", unitA1, "name", "Dora Driver",
                "email", "dora@scope.example", "phone", "+31 6 1000 0001", "externalReference", "EXT-DORA"), "profile"));
        alma = node("Profile", created("tenant-portal/CreateProfile", Map.of("organisationUnitId", unitA, "name", "Alma " + STAFF_TAG,
                "email", "alma." + STAFF_TAG + "@scope.example", "phone", "+31 6 2000 0002", "externalReference", "EXT-ALMA-" + STAFF_TAG),
                "profile"), Role.DRIVER);
        bruno = node("Profile", created("tenant-portal/CreateProfile", Map.of("organisationUnitId", unitB, "name", "Bruno " + FOREIGN_TAG,
                "email", "bruno." + FOREIGN_TAG + "@scope.example", "phone", "+31 6 3000 0003", "externalReference", "EXT-BRUNO-" + FOREIGN_TAG),
                "profile"), Role.DRIVER, Role.OU_ADMIN);

        User doraUser = user(UserRole.DRIVER, "dora.user@scope.example", null, dora);
        User ouAdminUser = user(UserRole.OU_ADMIN, "ou." + STAFF_TAG + "@scope.example", unitA, null);
        User brunoUser = user(UserRole.DRIVER, "bruno.user." + FOREIGN_TAG + "@scope.example", null, bruno);
        User adminUser = user(UserRole.TENANT_ADMIN, "admin." + FOREIGN_TAG + "@scope.example", null, null);
        node("User", GlobalId.encode("User", doraUser.id()));
        node("User", GlobalId.encode("User", ouAdminUser.id()), Role.DRIVER);
        node("User", GlobalId.encode("User", brunoUser.id()), Role.DRIVER, Role.OU_ADMIN);
        node("User", GlobalId.encode("User", adminUser.id()), Role.DRIVER, Role.OU_ADMIN);
        node("Tenant", GlobalId.encode("Tenant", tenant.tenant().id().value()));

        node("Token", created("tenant-portal/CreateToken", Map.of("uid", DORA_UID, "type", "RFID", "ownerProfileId", dora,
                "visualNumber", "DORA-CARD", "emaId", "NL-SCP-C00000001", "expiresAt", "2031-01-01T00:00:00Z"), "token"));
        String doraToken = nodes.get("Token").getLast();
        mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", doraToken, "reason", "Reported lost"));
        mutate(admin, "tenant-portal/UnblockToken", Map.of("tokenId", doraToken, "reason", "Found again"));
        node("Token", created("tenant-portal/CreateToken", Map.of("uid", ALMA_UID, "type", "RFID", "ownerProfileId", alma,
                "visualNumber", "ALMA-" + STAFF_TAG), "token"), Role.DRIVER);
        node("Token", created("tenant-portal/CreateToken", Map.of("uid", BRUNO_UID, "type", "RFID", "ownerProfileId", bruno,
                "visualNumber", "BRUNO-" + FOREIGN_TAG), "token"), Role.DRIVER, Role.OU_ADMIN);
        mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", nodes.get("Token").getLast(), "reason", "Unpaid " + FOREIGN_TAG));
        mutate(admin, "tenant-portal/UnblockToken", Map.of("tokenId", nodes.get("Token").getLast(), "reason", "Paid " + FOREIGN_TAG));
        node("Token", created("tenant-portal/CreateToken", Map.of("uid", ORPHAN_UID, "type", "RFID", "visualNumber", "SPARE-" + FOREIGN_TAG),
                "token"), Role.DRIVER, Role.OU_ADMIN);

        // the network
        Map<String, Object> plaza = new HashMap<>(AssetFixtures.aLocation());
        plaza.put("name", "Alpha Plaza");
        plaza.put("openingHours", "Mo-Su 06:00-23:00");
        plaza.put("operatorId", "NL*SCP");
        locationA = node("Location", created("tenant-portal/CreateLocation", plaza, "location"));
        Map<String, Object> garage = new HashMap<>(AssetFixtures.aLocation());
        garage.put("name", "Bravo Garage");
        garage.put("operatorId", "NL*SCP");
        String locationB = node("Location", created("tenant-portal/CreateLocation", garage, "location"));
        mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", locationA, "organisationUnitId", unitA));
        mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", locationB, "organisationUnitId", unitB));
        // prices: EVSE A by a tariff group with a partner tariff, everything else by the active plan
        String group = created("tenant-portal/CreateTariffGroup", Map.of("name", "AC group " + STAFF_TAG), "tariffGroup");
        node("TariffGroup", group, Role.DRIVER);
        JsonNode groupNode = graphQl().query(admin, "query($id: ID!) { node(id: $id) { ... on TariffGroup { baseTariff { id } } } }",
                Map.of("id", group)).data().path("node");
        String base = groupNode.path("baseTariff").path("id").asString();
        node("Tariff", base);
        assertThat(mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", base, "description", "Public price text",
                "information", "Public information", "learnMoreUrl", "https://scope.example/prices",
                "pricing", Map.of("kind", "DURATION_ENERGY", "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02",
                        "vatPercent", "21", "idleFeePerMinute", "0.10", "idleGraceMinutes", 30),
                "stopLimits", Map.of("maxMinutes", 600, "maxKwh", "80")))
                .path("userErrors")).isEmpty();
        String partnerGroup = node("BusinessPartnerGroup", created("tenant-portal/CreateBusinessPartnerGroup", Map.of("name",
                "Partners " + STAFF_TAG, "organisationUnitIds", List.of(unitB, unitA)), "businessPartnerGroup"), Role.DRIVER);
        String userGroup = node("UserGroup", created("tenant-portal/CreateUserGroup", Map.of("name", "Members " + STAFF_TAG,
                "profileIds", List.of(alma, bruno)), "userGroup"), Role.DRIVER);
        Map<String, Object> partnerTariff = new HashMap<>();
        partnerTariff.put("name", "Partner tariff " + STAFF_TAG);
        partnerTariff.put("description", "Public price text");
        partnerTariff.put("information", "Public partner information");
        partnerTariff.put("learnMoreUrl", "https://scope.example/partners");
        partnerTariff.put("pricing", Map.of("kind", "OCPI", "ocpiJson", "{\"currency\":\"EUR\",\"elements\":[{\"price_components\":"
                + "[{\"type\":\"ENERGY\",\"price\":0.35,\"vat\":21,\"step_size\":1},{\"type\":\"FLAT\",\"price\":0.50,\"step_size\":1}]}],"
                + "\"min_price\":{\"excl_vat\":1.00},\"max_price\":{\"excl_vat\":60.00}}"));
        partnerTariff.put("audience", Map.of("ownerUsers", true, "businessPartnerGroupIds", List.of(partnerGroup), "userGroupIds", List.of(userGroup)));
        String partner = node("Tariff", created("tenant-portal/CreateTariff", partnerTariff, "tariff"));
        mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", group, "tariffId", partner));
        Map<String, Object> planDefault = new HashMap<>();
        planDefault.put("name", "Plan default " + STAFF_TAG);
        planDefault.put("description", "Public price text");
        planDefault.put("pricing", Map.of("kind", "TIME_OF_DAY", "dayStartsAt", "07:00", "nightStartsAt", "23:00", "pricePerKwh", "0.40",
                "nightPricePerKwh", "0.20", "pricePerMinute", "0.01", "nightPricePerMinute", "0.01"));
        String plainTariff = node("Tariff", created("tenant-portal/CreateTariff", planDefault, "tariff"));
        node("Tariff", created("tenant-portal/CreateTariff", Map.of("name", "Flat " + STAFF_TAG, "pricing", Map.of("kind", "FLAT",
                "pricePerSession", "2.00", "vatPercent", "21")), "tariff"));
        node("Tariff", created("tenant-portal/CreateTariff", Map.of("name", "Power levels " + STAFF_TAG, "pricing", Map.of("kind", "POWER_LEVELS",
                "vatPercent", "21", "powerLevels", List.of(Map.of("maxAverageKw", "11", "pricePerMinute", "0.10"),
                        Map.of("maxAverageKw", "50", "pricePerMinute", "0.20")))), "tariff"));
        String locationGroup = node("LocationGroup", created("tenant-portal/CreateLocationGroup", Map.of("name", "Locations " + STAFF_TAG,
                "countries", List.of("NL"), "operatorIds", List.of("NL*SCP"), "currentType", "AC", "minPowerKw", 1, "maxPowerKw", 100,
                "locationIds", List.of(locationA, locationB)),
                "locationGroup"), Role.DRIVER);
        node("TariffPlan", created("tenant-portal/CreateTariffPlan", Map.of("name", "Plan " + STAFF_TAG, "defaultTariffId", plainTariff,
                "activate", true, "rules", List.of(Map.of("locationGroupId", locationGroup, "businessPartnerGroupId", partnerGroup,
                        "tariffId", plainTariff))), "tariffPlan"), Role.DRIVER);

        String zone = node("ChargingZone", created("tenant-portal/CreateChargingZone", Map.of("locationId", locationA, "name", "Deck 2"), "chargingZone"));
        node("ChargePointTemplate", created("tenant-portal/CreateChargePointTemplate", Map.of("name", "Template " + STAFF_TAG,
                "vendor", "Template vendor " + STAFF_TAG, "model", "T1", "evses", List.of(AssetFixtures.anAcEvse(null))), "chargePointTemplate"),
                Role.DRIVER);
        JsonNode registeredA = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", locationA, "ocppIdentity", "SCOPE-CP-A",
                "vendor", "Vendor " + STAFF_TAG, "model", "Model " + STAFF_TAG, "serialNumber", "SERIAL-" + STAFF_TAG,
                "evses", List.of(AssetFixtures.anAcEvse("NL*SCP*E0001*1")))).path("chargePoint");
        chargePointA = node("ChargePoint", registeredA.path("id").asString());
        evseA = node("Evse", registeredA.path("evses").get(0).path("id").asString());
        node("Connector", connectorOf(evseA));
        JsonNode registeredB = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", locationB, "ocppIdentity", "SCOPE-CP-B",
                "vendor", "Vendor B " + STAFF_TAG, "model", "Model B " + STAFF_TAG, "serialNumber", "SERIAL-B-" + STAFF_TAG,
                "evses", List.of(AssetFixtures.anAcEvse("NL*SCP*E0002*1")))).path("chargePoint");
        chargePointB = node("ChargePoint", registeredB.path("id").asString());
        evseB = node("Evse", registeredB.path("evses").get(0).path("id").asString());
        node("Connector", connectorOf(evseB));
        mutate(admin, "tenant-portal/PlaceChargePoint", Map.of("chargePointId", chargePointA, "zoneId", zone));
        mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evseA, "tariffGroupId", group));
        assertThat(mutate(admin, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 300,
                "temporarilyUnavailableAfterSeconds", 120, "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 60,
                "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "ACCEPT_AS_PENDING",
                "diagnosticsLocations", List.of("ftp://diag:pw-" + FOREIGN_TAG + "@diagnostics.scope.example/uploads/"))).path("userErrors")).isEmpty();
        UUID pending = TenantContext.callAs(whole, () -> pendingChargePoints.admit("PENDING-" + FOREIGN_TAG, "203.0.113.9")).orElseThrow().id();
        TenantContext.runAs(whole, () -> pendingChargePoints.events().boot(new ChargerRef(tenant.tenant().id(), pending, "PENDING-" + FOREIGN_TAG),
                new ChargerEvents.BootInfo("Pending vendor", "Pending model", "PSERIAL", "PBOX", "PFW", "PICCID", "PIMSI", "PMETER", "PMSERIAL")));
        node("PendingChargePoint", GlobalId.encode("PendingChargePoint", pending), Role.DRIVER, Role.OU_ADMIN);

        chargerA = new ChargerRef(tenant.tenant().id(), id(chargePointA), "SCOPE-CP-A");
        chargerB = new ChargerRef(tenant.tenant().id(), id(chargePointB), "SCOPE-CP-B");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TenantContext.runAs(whole, () -> {
            chargerEvents.connected(chargerA, "198.51.100.17", "ocpp1.6");
            chargerEvents.disconnected(chargerA);
            chargerEvents.connected(chargerA, "198.51.100.17", "ocpp1.6");
            chargerEvents.boot(chargerA, new ChargerEvents.BootInfo("Boot vendor " + STAFF_TAG, "Boot model " + STAFF_TAG, "BOOT-SERIAL-" + STAFF_TAG,
                    "BOX-" + STAFF_TAG, "FW-" + STAFF_TAG, "ICCID-" + STAFF_TAG, "IMSI-" + STAFF_TAG, "Meter " + STAFF_TAG, "METER-" + STAFF_TAG));
            chargerEvents.firmwareStatus(chargerA, "Installed");
            chargerEvents.diagnosticsStatus(chargerA, "Uploaded");
            chargerEvents.status(chargerA, new ChargerEvents.ConnectorStatus(1, ChargerEvents.ConnectorUse.CHARGING, "Charging", "OtherError", "Info " + STAFF_TAG, start,
                    "VendorId-" + STAFF_TAG, "VendorError-" + STAFF_TAG));
            chargerEvents.connected(chargerB, "198.51.100.29", "ocpp1.6");
            chargerEvents.boot(chargerB, new ChargerEvents.BootInfo("Boot vendor " + FOREIGN_TAG, "Boot model " + FOREIGN_TAG,
                    "BOOT-SERIAL-" + FOREIGN_TAG, "BOX-" + FOREIGN_TAG, "FW-" + FOREIGN_TAG, "ICCID-" + FOREIGN_TAG, "IMSI-" + FOREIGN_TAG,
                    "Meter " + FOREIGN_TAG, "METER-" + FOREIGN_TAG));
            chargerEvents.firmwareStatus(chargerB, "Downloaded");
            chargerEvents.diagnosticsStatus(chargerB, "Uploading");
            chargerEvents.status(chargerB, new ChargerEvents.ConnectorStatus(1, ChargerEvents.ConnectorUse.AVAILABLE, "Available", "NoError", "Info B " + STAFF_TAG, start,
                    "VendorId-B-" + STAFF_TAG, "VendorError-B-" + STAFF_TAG));
            session(chargerA, DORA_UID, start, 12_000);
            session(chargerA, ALMA_UID, start.plus(20, ChronoUnit.MINUTES), 8_000);
            session(chargerA, BRUNO_UID, start.plus(40, ChronoUnit.MINUTES), 5_000);
            // a stop of a transaction the platform never started: incomplete, with the charger's own transaction id
            chargerEvents.stopTransaction(chargerB, new ChargerEvents.TransactionStop(987_654, BRUNO_UID, 4_000, start.plus(2, ChronoUnit.HOURS),
                    io.chargebase.domain.charging.StopReason.LOCAL, List.of()));
            // Alma's car left charging at B, and the charger fell silent about it
            chargerEvents.startTransaction(chargerB, new ChargerEvents.TransactionStart(1, ALMA_UID, 2_000, start, null));
            localLists.accepted(chargerA.chargePointId(), new LocalAuthList(3, true, List.of(), Instant.now()));
        });
        sweeper.sweep(tenant.tenant().id(), Instant.now().plus(2, ChronoUnit.HOURS));
        // each driver's receipt for the month of their session: a driver reads only theirs, an OU admin their subtree's
        TenantContext.runAs(whole, () -> {
            company.update(new io.chargebase.domain.receipts.CompanyDetails("Scope Fixture B.V.", "Scope street 1", "1000 AA", "Amsterdam", "NL",
                    "NL000099998B57", "12345678", "billing@scope.example", "+31 20 123 4567", "https://scope.example"));
            java.time.ZoneId tenantZone = tenant.tenant().timeZone();
            receipts.issueMonth(java.time.YearMonth.from(start.atZone(tenantZone)));
            receipts.issueMonth(java.time.YearMonth.now(tenantZone));
            for (io.chargebase.domain.receipts.Receipt receipt : receipts.list(null, null, 10)) {
                if (!receipt.driverName().equals("Dora Driver")) {
                    hiddenFrom.get(Role.DRIVER).add(receipt.id().toString());
                }
                if (receipt.driverName().startsWith("Bruno")) {
                    hiddenFrom.get(Role.OU_ADMIN).add(receipt.id().toString());
                }
            }
        });
        commands(whole);
        frames(whole, start);

        JsonNode sessions = graphQl().query(admin, "{ chargingSessions(first: 20) { edges { node { id idTag transactionId cpoCdr { id } "
                + "mspCdr { id } } } } }", Map.of()).data().path("chargingSessions").path("edges");
        for (JsonNode edge : sessions) {
            JsonNode session = edge.path("node");
            String idTag = session.path("idTag").asString();
            Role[] hidden = idTag.equals(DORA_UID) ? new Role[0] : idTag.equals(ALMA_UID) ? new Role[] {Role.DRIVER}
                    : new Role[] {Role.DRIVER, Role.OU_ADMIN};
            String sessionId = node("ChargingSession", session.path("id").asString(), hidden);
            if (idTag.equals(DORA_UID)) {
                doraSession = sessionId;
            } else if (idTag.equals(ALMA_UID)) {
                almaSession = sessionId;
            } else if (!session.path("transactionId").isNull()) {
                brunoSession = sessionId;
            }
            if (!session.path("cpoCdr").isNull()) {
                node("CpoCdr", session.path("cpoCdr").path("id").asString(), hidden);
                node("MspCdr", session.path("mspCdr").path("id").asString(), hidden);
            }
        }
        assertThat(doraSession).isNotNull();
        assertThat(almaSession).isNotNull();
        // each driver's session has its card payment, as billing after the session records it
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                jdbc.sql("""
                        insert into card_payment (tenant_id, id, profile_id, session_id, purpose, currency, amount, idempotency_key, status, send_state)
                        select tenant_id, gen_random_uuid(), profile_id, id, 'SESSION', 'EUR', 1.00, 'session-payment:' || id, 'SUCCEEDED', 'SENT'
                        from charging_session where profile_id is not null""").update()));
        // a CDR a CPO reported with its own cost, rated twice
        JsonNode recorded = mutate(admin, "tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "CDR-" + STAFF_TAG, "evseId", evseB,
                "tokenUid", ALMA_UID, "startAt", start.toString(), "endAt", start.plus(1, ChronoUnit.HOURS).toString(),
                "chargingPeriods", List.of(Map.of("startAt", start.toString(), "dimensions", List.of(Map.of("type", "ENERGY", "volume", "10"),
                        Map.of("type", "TIME", "volume", "1")))), "cpoCost", Map.of("exclVat", "2.50", "inclVat", "3.03")));
        assertThat(recorded.path("userErrors")).as(recorded.toString()).isEmpty();
        node("MspCdr", recorded.path("mspCdr").path("id").asString(), Role.DRIVER);
        String cpoCdr = node("CpoCdr", recorded.path("mspCdr").path("cpoCdr").path("id").asString(), Role.DRIVER);
        node("MspCdr", mutate(admin, "tenant-portal/RerateCdr", Map.of("cpoCdrId", cpoCdr)).path("mspCdr").path("id").asString(), Role.DRIVER);
        JsonNode roaming = mutate(admin, "tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "CDR-ROAMING-" + FOREIGN_TAG, "evseId", evseB,
                "roamingParty", "NL*RMG", "startAt", start.toString(), "endAt", start.plus(1, ChronoUnit.HOURS).toString(),
                "chargingPeriods", List.of(Map.of("startAt", start.toString(), "dimensions", List.of(Map.of("type", "ENERGY", "volume", "5"))))));
        assertThat(roaming.path("userErrors")).as(roaming.toString()).isEmpty();
        node("MspCdr", roaming.path("mspCdr").path("id").asString(), Role.DRIVER, Role.OU_ADMIN);
        node("CpoCdr", roaming.path("mspCdr").path("cpoCdr").path("id").asString(), Role.DRIVER, Role.OU_ADMIN);

        driver = accessTokenOf(tenant, doraUser);
        ouAdmin = accessTokenOf(tenant, ouAdminUser);

        // wallets: dora's and a foreign one, the operator's reasons in their histories and actions logs; a package dora
        // tops up with automatically
        mutate(admin, "tenant-portal/AddToUserBalance", Map.of("profileId", dora, "amount", "5.00", "reason", "Scope welcome"));
        mutate(admin, "tenant-portal/AddToUserBalance", Map.of("profileId", bruno, "amount", "6.00", "reason", "Welcome " + FOREIGN_TAG));
        String topUpPackage = mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "20.00", "bonus", "1.00", "enabled", true))
                .path("topUpPackage").path("packageId").asString();
        mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", topUpPackage, "threshold", "5"));
    }

    private void session(ChargerRef charger, String idTag, Instant start, long wh) {
        int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, idTag, 1_000, start, null)).transactionId();
        chargerEvents.meterValues(charger, 1, transaction, List.of(
                new ChargerEvents.MeterSample(start.plus(10, ChronoUnit.MINUTES), io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh",
                        BigDecimal.valueOf(1_000 + wh / 2), "Sample.Periodic", "Outlet"),
                new ChargerEvents.MeterSample(start.plus(10, ChronoUnit.MINUTES), io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, null, "W", BigDecimal.valueOf(11_000),
                        "Sample.Periodic", "Outlet"),
                new ChargerEvents.MeterSample(start.plus(10, ChronoUnit.MINUTES), io.chargebase.domain.charging.Measurand.CURRENT_IMPORT, "L1", "A", BigDecimal.valueOf(16), "Sample.Periodic",
                        "Outlet"),
                new ChargerEvents.MeterSample(start.plus(10, ChronoUnit.MINUTES), io.chargebase.domain.charging.Measurand.SOC, null, "Percent", BigDecimal.valueOf(55), "Sample.Periodic", "EV")));
        chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, idTag, 1_000 + wh, start.plus(15, ChronoUnit.MINUTES),
                io.chargebase.domain.charging.StopReason.EV_DISCONNECTED, List.of()));
    }

    /** The actions log of SCOPE-CP-A, with every payload that carries idTags or secrets, and one command of SCOPE-CP-B. */
    private void commands(TenantScope whole) {
        TenantContext.runAs(whole, () -> {
            // reservations drivers made from the app (issue 17 item 4): Dora reads hers, never Alma's at B (made before
            // the staff's below, which hold B's connector)
            reservationSettings.update(new io.chargebase.domain.operations.ReservationSettings(true, java.time.Duration.ofMinutes(15),
                    java.time.Duration.ofMinutes(5), 3, java.time.Duration.ZERO));
            node("Reservation", GlobalId.encode("Reservation", driverReservation(dora, DORA_UID, evseA)));
            node("Reservation", GlobalId.encode("Reservation", driverReservation(alma, ALMA_UID, evseB)), Role.DRIVER, Role.OU_ADMIN);
            // A also charges without authorization (issue 17 item 5): its free-vend idTag is staff information
            freeVend.set(chargerA.chargePointId(), true, null);
            // the reservations ReserveNow made (issue 12, item 16): one at A for Alma cancelled, one
            // used, one at B that the OU admin never sees; logged before the commands below, which the log lists newest first
            reservation(chargerA, 17, ALMA_UID);
            reservation(chargerA, 19, ALMA_UID);
            reservation(chargerB, 18, FOREIGN_TAG);
            reservations.cancelled(chargerA.chargePointId(), 17);
            reservations.used(chargerA.chargePointId(), 19, ALMA_UID, java.time.Instant.now());
            // an unknown card at A: its UID is masked for the OU admin, as in the actions log
            chargerEvents.authorize(chargerA, UNKNOWN_ID_TAG);
            command(chargerA, "RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"" + BRUNO_UID + "\"}", "{\"status\":\"Accepted\"}");
            command(chargerA, "RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"" + ALMA_UID + "\"}", "{\"status\":\"Accepted\"}");
            command(chargerA, "ReserveNow", "{\"connectorId\":1,\"expiryDate\":\"2030-01-01T00:00:00Z\",\"idTag\":\"" + ORPHAN_UID
                    + "\",\"parentIdTag\":\"" + UNKNOWN_ID_TAG + "\",\"reservationId\":7}", "{\"status\":\"Accepted\"}");
            command(chargerA, "SendLocalList", "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":["
                    + "{\"idTag\":\"" + DORA_UID + "\",\"idTagInfo\":{\"status\":\"Accepted\"}},{\"idTag\":\"" + ALMA_UID + "\",\"idTagInfo\":{\"status\":\"Accepted\"}},"
                    + "{\"idTag\":\"" + BRUNO_UID + "\",\"idTagInfo\":{\"status\":\"Blocked\"}},{\"idTag\":\"" + ORPHAN_UID + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}",
                    "{\"status\":\"Accepted\"}");
            command(chargerA, "ChangeConfiguration", "{\"key\":\"AuthorizationKey\",\"value\":\"key-" + FOREIGN_TAG + "\"}", "{\"status\":\"Accepted\"}");
            command(chargerA, "GetConfiguration", "{}", "{\"configurationKey\":[{\"key\":\"AuthorizationKey\",\"readonly\":false,\"value\":\"cfg-"
                    + FOREIGN_TAG + "\"},{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"}],\"unknownKey\":[]}");
            command(chargerA, "UpdateFirmware", "{\"location\":\"ftp://fw:pw-" + FOREIGN_TAG + "@firmware.scope.example/cp.bin\","
                    + "\"retrieveDate\":\"2030-01-01T00:00:00Z\"}", "{}");
            command(chargerA, "DataTransfer", "{\"vendorId\":\"ACME\",\"messageId\":\"cards\",\"data\":\"data-" + FOREIGN_TAG + "\"}",
                    "{\"status\":\"Accepted\",\"data\":\"answer-" + FOREIGN_TAG + "\"}");
            ChargerCommand failed = commandLog.begin(chargerA.chargePointId(), "Reset", "{\"type\":\"Soft\"}", "Display frozen", STAFF_CLIENT);
            commandLog.complete(failed.id(), ChargerCommand.Outcome.CALL_ERROR, null, null, "InternalError: busy");
            node("ChargerCommand", GlobalId.encode("ChargerCommand", failed.id()), Role.DRIVER);
            command(chargerB, "Reset", "{\"type\":\"Hard\",\"note\":\"" + FOREIGN_TAG + "\"}", "{\"status\":\"Accepted\"}");
        });
        mutate(admin, "tenant-portal/SetEvseReservationTime", Map.of("evseId", evseA, "minutes", 15));
        // the authorisations recorded so far, each a Node a staff member may open by id
        for (JsonNode edge : graphQl().document(admin, "tenant-portal/Authorizations", Map.of("first", 50)).data().path("authorizations").path("edges")) {
            JsonNode authorization = edge.path("node");
            boolean atB = authorization.path("chargePoint").path("id").asString().equals(chargePointB);
            node("Authorization", authorization.path("id").asString(), atB ? new Role[] {Role.DRIVER, Role.OU_ADMIN} : new Role[] {Role.DRIVER});
        }
    }

    private UUID driverReservation(String profile, String uid, String evse) {
        return driverReservations.request(id(profile), domainTokens.findByUid(io.chargebase.domain.tokens.TokenUid.fromIdTag(uid).orElseThrow())
                .orElseThrow(), chargePoints.findEvse(id(evse)).orElseThrow(), null, STAFF_CLIENT).id();
    }

    private void reservation(ChargerRef charger, int reservationId, String idTag) {
        ChargerCommand logged = commandLog.begin(charger.chargePointId(), "ReserveNow", "{\"connectorId\":1,\"expiryDate\":\"2030-01-01T00:00:00Z\","
                + "\"idTag\":\"" + idTag + "\",\"reservationId\":" + reservationId + "}", "Held " + (charger == chargerB ? FOREIGN_TAG : "at A"),
                STAFF_CLIENT);
        io.chargebase.domain.operations.Reservation reservation = reservations.record(commandLog.complete(logged.id(),
                ChargerCommand.Outcome.ANSWERED, "Accepted", "{\"status\":\"Accepted\"}", null),
                io.chargebase.domain.operations.command.CommandStatus.ACCEPTED, 1, reservationId, idTag,
                java.time.Instant.parse("2030-01-01T00:00:00Z"));
        Role[] hidden = charger == chargerB ? new Role[] {Role.DRIVER, Role.OU_ADMIN} : new Role[] {Role.DRIVER};
        node("Reservation", GlobalId.encode("Reservation", reservation.id()), hidden);
    }

    private void command(ChargerRef charger, String action, String request, String response) {
        ChargerCommand logged = commandLog.begin(charger.chargePointId(), action, request, "Reason " + (charger == chargerB ? FOREIGN_TAG : "at A"),
                STAFF_CLIENT);
        commandLog.complete(logged.id(), ChargerCommand.Outcome.ANSWERED, "Accepted", response, null);
        Role[] hidden = charger == chargerB ? new Role[] {Role.DRIVER, Role.OU_ADMIN} : new Role[] {Role.DRIVER};
        node("ChargerCommand", GlobalId.encode("ChargerCommand", logged.id()), hidden);
    }

    /** The frames of both chargers; one of SCOPE-CP-A's is cut at the log's limit right after an idTag. */
    private void frames(TenantScope whole, Instant at) {
        TenantContext.runAs(whole, () -> {
            frame(chargerA, ChargerEvents.FrameDirection.IN, "Authorize", "[2,\"a1\",\"Authorize\",{\"idTag\":\"" + BRUNO_UID + "\"}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.OUT, "Authorize", "[3,\"a1\",{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":\""
                    + ORPHAN_UID + "\"}}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.IN, "Authorize", "[2,\"a2\",\"Authorize\",{\"idTag\":\"" + ALMA_UID + "\"}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.IN, "StartTransaction", "[2,\"a3\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\""
                    + UNKNOWN_ID_TAG + "\",\"meterStart\":0,\"timestamp\":\"" + at + "\"}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.OUT, "SendLocalList", "[2,\"a4\",\"SendLocalList\",{\"listVersion\":1,\"updateType\":\"Full\","
                    + "\"localAuthorizationList\":[{\"idTag\":\"" + DORA_UID + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.OUT, "ChangeConfiguration", "[2,\"a5\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\","
                    + "\"value\":\"frame-key-" + FOREIGN_TAG + "\"}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.IN, "DataTransfer", "[2,\"a6\",\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"frame-data-"
                    + FOREIGN_TAG + "\"}]", at);
            frame(chargerA, ChargerEvents.FrameDirection.IN, "StopTransaction", "[2,\"a7\",\"StopTransaction\",{\"transactionId\":1,\"idTag\":\""
                    + BRUNO_UID + "\",\"meterStop\":5000,\"timestamp\":\"" + at + "\",\"transactionData\":[{\"sampledValue\":[{\"value\":\""
                    + "9".repeat(8300) + "\"}]}]}]", at);
            frame(chargerB, ChargerEvents.FrameDirection.IN, "Heartbeat", "[2,\"b1\",\"Heartbeat\",{\"note\":\"" + FOREIGN_TAG + "\"}]", at);
        });
        communicationLog.flush();
    }

    private void frame(ChargerRef charger, ChargerEvents.FrameDirection direction, String action, String text, Instant at) {
        String messageId = text.split("\"")[1];
        chargerEvents.frame(charger, direction, action, messageId, text, at);
    }

    private String connectorOf(String evse) {
        return graphQl().query(admin, "query($id: ID!) { node(id: $id) { ... on Evse { connectors { id } } } }", Map.of("id", evse)).data()
                .path("node").path("connectors").get(0).path("id").asString();
    }

    private User user(UserRole role, String email, String unit, String profile) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> {
            User created = users.create(new NewUser(email, "User " + role.name().toLowerCase(Locale.ROOT), role,
                    unit == null ? null : id(unit), profile == null ? null : id(profile), PASSWORD));
            users.markEmailVerified(created.id());
            users.recordAcceptedTerms(created.id(), "2026-11");
            return users.find(created.id()).orElseThrow();
        });
    }

    private String created(String document, Map<String, ?> input, String field) {
        JsonNode payload = mutate(admin, document, input);
        assertThat(payload.path("userErrors")).as(document + ": " + payload).isEmpty();
        return payload.path(field).path("id").asString();
    }

    /** Records a fixture object for node(id:) starts; {@code hiddenFrom} the roles that must never get its id back. */
    String node(String type, String globalId, Role... hiddenFromRoles) {
        assertThat(globalId).as(type).isNotBlank();
        nodes.computeIfAbsent(type, t -> new ArrayList<>()).add(globalId);
        for (Role role : hiddenFromRoles) {
            hiddenFrom.get(role).add(globalId);
        }
        return globalId;
    }

    static UUID id(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().id();
    }

    /** Fails with what leaked when the text holds anything outside the role's scope. */
    void assertNothingHidden(Role role, String what, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> leaked = new ArrayList<>();
        if (lower.contains(FOREIGN_TAG)) {
            leaked.add(FOREIGN_TAG);
        }
        if (role == Role.DRIVER && lower.contains(STAFF_TAG)) {
            leaked.add(STAFF_TAG);
        }
        for (String hidden : hiddenFrom.get(role)) {
            if (text.contains(hidden)) {
                leaked.add(hidden);
            }
        }
        assertThat(leaked).as(role + " got what lies outside its scope from " + what + ":\n" + text).isEmpty();
    }
}
