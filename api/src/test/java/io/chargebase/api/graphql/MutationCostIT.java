package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.mail.MailOutbox;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.PendingChargePoints;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What the clients' mutation documents cost per request: a tenant's network built, changed and taken apart again with
 * the documents of {@code ui-contracts}, its chargers commanded while offline, its drivers' accounts run from the app
 * and a tenant run from the platform console, each request counted on its own ({@link StatementCounter#measure}) and
 * held to a small ceiling, whatever it writes; the imports cost no more for a hundred rows than for ten. A sibling of
 * {@link RequestCostIT}, which holds the query documents to theirs. The documents that need Stripe (card payments,
 * setup intents, refunds, Connect onboarding) are counted by {@link PaymentMutationCostIT} instead, against WireMock;
 * a mutation document counted in neither fails the test.
 */
class MutationCostIT extends IntegrationTest {

    /** The most statements a mutation document may cost. */
    static final long CEILING = 40;

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private static final Pattern MAILED_CODE = Pattern.compile("code: ([A-Za-z0-9_-]{20,})");

    @Autowired
    ChargerEvents chargerEvents;

    @Autowired
    PendingChargePoints pendingChargePoints;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TestTenant tenant;
    private String admin;
    private final Map<String, StatementCounter.Cost> costs = new TreeMap<>();

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void everyMutationOfTheNetworksLifeCostsAHandfulOfStatements() {
        tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();

        String unit = id(counted("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet")), "organisationUnit");
        counted("tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", unit, "name", "Fleet customers"));
        String empty = id(counted("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Empty")), "organisationUnit");
        counted("tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", empty));
        String workshop = id(counted("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Workshop")), "organisationUnit");
        counted("tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", workshop, "newParentId", unit));
        String profile = id(counted("tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Dora Driver",
                "email", "dora@example.com")), "profile");
        counted("tenant-portal/UpdateProfile", Map.of("profileId", profile, "phone", "+31205550000"));
        String token = id(counted("tenant-portal/CreateToken", Map.of("uid", "C0570001", "type", "RFID", "ownerProfileId", profile)), "token");
        counted("tenant-portal/UpdateToken", Map.of("tokenId", token, "visualNumber", "DORA-1"));
        counted("tenant-portal/BlockToken", Map.of("tokenId", token, "reason", "Lost"));
        counted("tenant-portal/UnblockToken", Map.of("tokenId", token, "reason", "Found"));
        String other = id(counted("tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Otto Other",
                "email", "otto@example.com")), "profile");
        counted("tenant-portal/DeactivateProfile", Map.of("profileId", other));
        counted("tenant-portal/ReactivateProfile", Map.of("profileId", other));

        String tariff = id(counted("tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21"))), "tariff");
        String plan = id(counted("tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true,
                "rules", List.of())), "tariffPlan");
        counted("tenant-portal/UpdateTariff", Map.of("tariffId", tariff, "description", "Weekdays and weekends alike"));
        counted("tenant-portal/UpdateTariffPlan", Map.of("tariffPlanId", plan, "name", "Standard plan"));
        String summer = id(counted("tenant-portal/CreateTariffPlan", Map.of("name", "Summer", "defaultTariffId", tariff, "activate", false,
                "rules", List.of())), "tariffPlan");
        counted("tenant-portal/ActivateTariffPlan", Map.of("tariffPlanId", summer));
        counted("tenant-portal/ActivateTariffPlan", Map.of("tariffPlanId", plan));
        counted("tenant-portal/DeleteTariffPlan", Map.of("tariffPlanId", summer));
        vatRates();
        settings();
        String location = id(counted("tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation())), "location");
        counted("tenant-portal/UpdateLocation", Map.of("locationId", location, "name", "Depot"));
        JsonNode chargePoint = counted("tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "COST-CP",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*CST*E0001*1"), AssetFixtures.anAcEvse("NL*CST*E0001*2"))))
                .path("chargePoint");
        String chargePointId = chargePoint.path("id").asString();
        counted("tenant-portal/UpdateChargePoint", Map.of("chargePointId", chargePointId, "serialNumber", "SN-1"));
        String spare = chargePoint.path("evses").get(1).path("id").asString();
        counted("tenant-portal/SetEvseStatus", Map.of("evseId", spare, "status", "INOPERATIVE"));
        counted("tenant-portal/SetEvseStatus", Map.of("evseId", spare, "status", "AVAILABLE"));
        String evse = chargePoint.path("evses").get(0).path("id").asString();
        String secret = siteSetUp(location, chargePointId, unit, spare);
        tariffGroup(evse, unit);
        operatorCommands(chargePointId);
        String template = id(counted("tenant-portal/CreateChargePointTemplate", Map.of("name", "ACME X1", "vendor", "ACME", "model", "X1",
                "evses", List.of(AssetFixtures.anAcEvse(null)))), "chargePointTemplate");
        pendingChargePoints(template);

        String group = id(counted("tenant-portal/CreateUserGroup", Map.of("name", "Early adopters", "profileIds", List.of(profile))), "userGroup");
        counted("tenant-portal/SetUserGroupMembers", Map.of("userGroupId", group, "profileIds", List.of(profile, other)));
        counted("tenant-portal/DeleteUserGroup", Map.of("userGroupId", group));
        String locations = id(counted("tenant-portal/CreateLocationGroup", Map.of("name", "Depots", "locationIds", List.of(location))),
                "locationGroup");
        counted("tenant-portal/DeleteLocationGroup", Map.of("locationGroupId", locations));
        counted("tenant-portal/UpdateBranding", Map.of("displayName", "Cost Mobility", "primaryColor", "#112233"));
        counted("tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 3));

        // a session ended and rated, then rated again
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), RequestCostIT.id(chargePointId), "COST-CP");
        Instant begin = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, "C0570001", 1_000, begin, null))
                    .transactionId();
            chargerEvents.meterValues(charger, 1, transaction, List.of(new ChargerEvents.MeterSample(begin.plus(10, ChronoUnit.MINUTES),
                    io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(3_000), "Sample.Periodic", "Outlet")));
            chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, "C0570001", 6_000,
                    begin.plus(20, ChronoUnit.MINUTES), io.chargebase.domain.charging.StopReason.EV_DISCONNECTED, List.of()));
        });
        String cpoCdr = graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of("first", 1)).data().path("cpoCdrs").path("edges").get(0)
                .path("node").path("id").asString();
        counted("tenant-portal/RerateCdr", Map.of("cpoCdrId", cpoCdr));
        counted("tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "ROAM-1", "evseId", evse, "tokenUid", "C0570001",
                "startAt", begin.toString(), "endAt", begin.plus(1, ChronoUnit.HOURS).toString(),
                "chargingPeriods", List.of(Map.of("startAt", begin.toString(), "dimensions", List.of(Map.of("type", "ENERGY", "volume", "10"))))));
        manualSessions(charger, evse, profile, token);

        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        String user = GlobalId.encode("User", analyst.id());
        counted("tenant-portal/DisableUser", Map.of("userId", user));
        counted("tenant-portal/EnableUser", Map.of("userId", user));
        usersAndClients(unit);
        driversLife(profile, other, topUps(profile), voucher(), secret);
        platformConsole();

        // imports write in batches: a hundred rows cost no more than ten. Each size is the cheapest of three imports of
        // other rows, as StatementCounter.steady does for queries: a request's caches (its tenant, its token's user)
        // reload every few seconds, and the import that happens to reload one costs a statement or two more
        StatementCounter.Cost tenProfiles = cheapestImport("tenant-portal/ImportProfiles", profiles(0, 10), profiles(10, 10), profiles(20, 10));
        StatementCounter.Cost hundredProfiles = cheapestImport("tenant-portal/ImportProfiles", profiles(100, 100), profiles(200, 100),
                profiles(300, 100));
        StatementCounter.Cost tenTokens = cheapestImport("tenant-portal/ImportTokens", tokens(0, 10), tokens(10, 10), tokens(20, 10));
        StatementCounter.Cost hundredTokens = cheapestImport("tenant-portal/ImportTokens", tokens(100, 100), tokens(200, 100), tokens(300, 100));

        System.out.println("MutationCostIT: " + costs);
        TreeSet<String> uncounted = notExercised();
        System.out.println("MutationCostIT: not exercised here: " + uncounted);
        // a mutation document added to a client is counted from its first day, here or in PaymentMutationCostIT
        assertThat(uncounted).as("mutation documents of ui-contracts counted nowhere").isEmpty();
        List<String> over = new ArrayList<>();
        costs.forEach((document, cost) -> {
            if (cost.statements() > CEILING) {
                over.add(document + " " + cost);
            }
        });
        assertThat(over).as("mutation documents over " + CEILING + " statements").isEmpty();
        assertThat(hundredProfiles.statements()).as("a hundred profiles imported").isLessThanOrEqualTo(tenProfiles.statements());
        assertThat(hundredTokens.statements()).as("a hundred tokens imported").isLessThanOrEqualTo(tenTokens.statements());
        assertThat(costs).hasSizeGreaterThanOrEqualTo(122);
    }

    private void vatRates() {
        Map<String, Object> reduced = new HashMap<>(Map.of("name", "Reduced", "percent", "9", "validFrom", "2020-01-01"));
        String rate = counted("tenant-portal/CreateVatRate", Map.of("rate", reduced)).path("vatRate").path("vatRateId").asString();
        reduced.put("validUntil", "2030-12-31");
        counted("tenant-portal/UpdateVatRate", Map.of("vatRateId", rate, "rate", reduced));
        counted("tenant-portal/UpdateVatSettings", Map.of("pricesIncludeVat", false));
        counted("tenant-portal/DeleteVatRate", Map.of("vatRateId", rate));
    }

    private void settings() {
        counted("tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 120, "temporarilyUnavailableAfterSeconds", 240,
                "longTermUnavailableAfterSeconds", 600, "failStartTimeoutSeconds", 60, "inactivityTimeoutSeconds", 1800,
                "unknownChargePoints", "ACCEPT_AS_PENDING"));
        counted("tenant-portal/UpdateReservationSettings", Map.of("enabled", true, "durationMinutes", 15, "reminderMinutes", 5, "maxPerDay", 3,
                "coolDownMinutes", 10));
        counted("tenant-portal/UpdateReceiptSettings", Map.of("mode", "MONTHLY"));
        counted("tenant-portal/UpdateCompanyDetails", Map.of("legalName", "Cost Mobility B.V.", "city", "Amsterdam", "country", "NL"));
        counted("tenant-portal/UpdateBillingStrategy", Map.of("strategy", "NO_PAYMENT_REQUIRED"));
    }

    /** The site's owner, access, zones and charger credentials; returns the charger's secret. */
    private String siteSetUp(String location, String chargePoint, String unit, String spare) {
        counted("tenant-portal/SetLocationOwner", Map.of("locationId", location, "organisationUnitId", unit));
        counted("tenant-portal/SetLocationAccess", Map.of("locationId", location, "access", "PUBLIC", "publicNotice", "Open around the clock",
                "invitedUserGroupIds", List.of()));
        counted("tenant-portal/SetChargePointAccess", Map.of("chargePointId", chargePoint, "managedByOperator", true));
        counted("tenant-portal/SetChargePointStatus", Map.of("chargePointId", chargePoint, "status", "ACTIVE"));
        counted("tenant-portal/SetEvseReservationTime", Map.of("evseId", spare, "minutes", 20));
        String zone = id(counted("tenant-portal/CreateChargingZone", Map.of("locationId", location, "name", "Deck A")), "chargingZone");
        counted("tenant-portal/PlaceChargePoint", Map.of("chargePointId", chargePoint, "zoneId", zone));
        counted("tenant-portal/SetChargingZoneDisabled", Map.of("zoneId", zone, "disabled", true));
        counted("tenant-portal/SetChargingZoneDisabled", Map.of("zoneId", zone, "disabled", false));
        counted("tenant-portal/SetChargerSecret", Map.of("chargePointId", chargePoint, "secret", "a-charger-secret-of-some-length"));
        String secret = counted("tenant-portal/RenewChargerSecret", Map.of("chargePointId", chargePoint)).path("chargerSecret").asString();
        // the charger is not connected: the settings are saved and its configuration reported offline
        counted("tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint, "enabled", true));
        counted("tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint, "enabled", false));
        return secret;
    }

    /** A tariff group on the EVSE: its base tariff, an ad-hoc and a partners' tariff, reordered, one taken out again. */
    private void tariffGroup(String evse, String unit) {
        String groupId = id(counted("tenant-portal/CreateTariffGroup", Map.of("name", "Public AC")), "tariffGroup");
        counted("tenant-portal/RenameTariffGroup", Map.of("tariffGroupId", groupId, "name", "Public AC chargers"));
        String partners = id(counted("tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Corporate", "organisationUnitIds", List.of(unit))),
                "businessPartnerGroup");
        String adHoc = tariff("Ad hoc", Map.of("adHocUsers", true));
        String corporate = tariff("Corporate", Map.of("businessPartnerGroupIds", List.of(partners)));
        counted("tenant-portal/AttachTariff", Map.of("tariffGroupId", groupId, "tariffId", adHoc));
        counted("tenant-portal/AttachTariff", Map.of("tariffGroupId", groupId, "tariffId", corporate));
        counted("tenant-portal/ReorderTariffGroup", Map.of("tariffGroupId", groupId, "tariffIds", List.of(corporate, adHoc)));
        counted("tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse, "tariffGroupId", groupId));
        counted("tenant-portal/DetachTariff", Map.of("tariffGroupId", groupId, "tariffId", corporate));
        counted("tenant-portal/DeleteTariff", Map.of("tariffId", corporate));
        counted("tenant-portal/DeleteBusinessPartnerGroup", Map.of("businessPartnerGroupId", partners));
        String unused = id(counted("tenant-portal/CreateTariffGroup", Map.of("name", "Unused")), "tariffGroup");
        counted("tenant-portal/DeleteTariffGroup", Map.of("tariffGroupId", unused));
    }

    private String tariff(String name, Map<String, Object> audience) {
        return id(counted("tenant-portal/CreateTariff", Map.of("name", name, "pricing", Map.of("kind", "FLAT", "pricePerSession", "5.00"),
                "audience", audience)), "tariff");
    }

    /** The remote-control actions, sent to a charger that is not connected: each is logged, its outcome OFFLINE. */
    private void operatorCommands(String chargePoint) {
        String profile = """
                {"chargingProfileId": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Relative",
                 "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}]}}""";
        command(chargePoint, "Reset", Map.of("type", "SOFT"));
        command(chargePoint, "UnlockConnector", Map.of("connectorId", 1));
        command(chargePoint, "ChangeAvailability", Map.of("connectorId", 0, "type", "INOPERATIVE"));
        command(chargePoint, "ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", "60"));
        command(chargePoint, "GetConfiguration", Map.of("keys", List.of("HeartbeatInterval")));
        command(chargePoint, "ClearCache", Map.of());
        command(chargePoint, "TriggerMessage", Map.of("requestedMessage", "HEARTBEAT"));
        command(chargePoint, "ReserveNow", Map.of("connectorId", 1, "idTag", "C0570001", "expiryDate", Instant.now().plusSeconds(900).toString()));
        command(chargePoint, "CancelReservation", Map.of("reservationId", 7));
        command(chargePoint, "SendLocalList", Map.of("updateType", "FULL"));
        command(chargePoint, "GetLocalListVersion", Map.of());
        command(chargePoint, "SetChargingProfile", Map.of("connectorId", 0, "chargingProfileJson", profile));
        command(chargePoint, "ClearChargingProfile", Map.of("id", 1));
        command(chargePoint, "GetCompositeSchedule", Map.of("connectorId", 1, "duration", 3600));
        command(chargePoint, "GetDiagnostics", Map.of("location", "ftp://diagnostics.example.com/upload"));
        command(chargePoint, "UpdateFirmware", Map.of("location", "https://firmware.example.com/x1-2.0.bin",
                "retrieveDate", Instant.now().plusSeconds(60).toString()));
        command(chargePoint, "DataTransfer", Map.of("vendorId", "com.example", "data", "ping"));
        command(chargePoint, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", "C0570001"));
        command(chargePoint, "RemoteStopTransaction", Map.of("transactionId", 42));
    }

    private void command(String chargePoint, String action, Map<String, Object> input) {
        Map<String, Object> withCharger = new HashMap<>(input);
        withCharger.put("chargePointId", chargePoint);
        withCharger.put("reason", "Operator check");
        assertThat(counted("tenant-portal/" + action, withCharger).path("command").path("outcome").asString()).as(action).isEqualTo("OFFLINE");
    }

    /** Two unknown chargers that connected: one accepted onto a new site from the template (and taken down again), one dismissed. */
    private void pendingChargePoints(String template) {
        String annex = id(counted("tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation())), "location");
        String accepted = id(counted("tenant-portal/AcceptPendingChargePoint", Map.of("pendingChargePointId", pending("COST-NEW"),
                "locationId", annex, "templateId", template)), "chargePoint");
        counted("tenant-portal/DismissPendingChargePoint", Map.of("pendingChargePointId", pending("COST-STRAY")));
        counted("tenant-portal/DeleteChargePoint", Map.of("chargePointId", accepted));
        counted("tenant-portal/DeleteLocation", Map.of("locationId", annex));
    }

    private String pending(String identity) {
        return GlobalId.encode("PendingChargePoint", TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                () -> pendingChargePoints.admit(identity, "192.0.2.7")).orElseThrow().id());
    }

    /**
     * An operator starts a session for Dora on the first EVSE, the charger starts it with her card, and the operator
     * asks for the stop; the charger is offline, so the session stays active.
     */
    private void manualSessions(ChargerRef charger, String evse, String profile, String token) {
        counted("tenant-portal/StartSession", Map.of("evseId", evse, "profileId", profile, "tokenId", token, "reason", "Driver called: no app"));
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> chargerEvents.startTransaction(charger,
                new ChargerEvents.TransactionStart(1, "C0570001", 0, Instant.now().minusSeconds(600), null)));
        counted("tenant-portal/StopSession", Map.of("sessionId", activeSession(), "reason", "Driver called: cannot unplug"));
    }

    private String activeSession() {
        return graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of("filter", Map.of("status", "ACTIVE"))).data()
                .path("chargingSessions").path("edges").get(0).path("node").path("id").asString();
    }

    private void usersAndClients(String unit) {
        String user = id(counted("tenant-portal/CreateUser", Map.of("email", "olga@example.com", "name", "Olga Ops", "role", "OU_ADMIN",
                "organisationUnitId", unit)), "user");
        counted("tenant-portal/SignOutUserEverywhere", Map.of("userId", user));
        counted("tenant-portal/RegisterClient", Map.of("clientId", "fleet-integration", "name", "Fleet integration", "kind", "INTEGRATION",
                "roles", List.of("ANALYST")));
        counted("tenant-portal/RemoveClient", Map.of("clientId", "fleet-integration"));
    }

    /** Top-up packages arranged and a balance credited; returns the package left. */
    private String topUps(String profile) {
        String twenty = topUpPackage("20.00", "1.00");
        String fifty = topUpPackage("50.00", "5.00");
        counted("tenant-portal/UpdateTopUpPackage", Map.of("packageId", twenty, "bonus", "1.50"));
        counted("tenant-portal/ReorderTopUpPackages", Map.of("packageIds", List.of(fifty, twenty)));
        counted("tenant-portal/DeleteTopUpPackage", Map.of("packageId", fifty));
        counted("tenant-portal/AddToUserBalance", Map.of("profileId", profile, "amount", "10.00", "reason", "Welcome credit"));
        return twenty;
    }

    /** A batch of vouchers printed; returns one's code. */
    private String voucher() {
        return counted("tenant-portal/CreateVouchers", Map.of("quantity", 5, "amount", "5.00", "redeemBefore",
                LocalDate.now().plusDays(30).toString(), "description", "Launch")).path("vouchers").get(0).path("code").asString();
    }

    private String topUpPackage(String price, String bonus) {
        return counted("tenant-portal/CreateTopUpPackage", Map.of("price", price, "bonus", bonus, "enabled", true)).path("topUpPackage")
                .path("packageId").asString();
    }

    /** Dora signs in to the app and runs her account; Otto deletes his; a newcomer signs up. */
    private void driversLife(String dora, String otto, String topUp, String voucher, String chargerSecret) {
        String driver = driverToken(dora);
        counted(driver, "driver-app/UpdateMyProfile", Map.of("phone", "+31205550001"));
        counted(driver, "driver-app/RedeemVoucher", Map.of("code", voucher));
        counted(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", topUp, "threshold", "5.00"));
        // the charger is offline: the start is answered OFFLINE, and the stop of the session the operator left running is asked for
        counted(driver, "driver-app/StartMySession", Map.of("evseId", "NL*CST*E0001*2"));
        counted(driver, "driver-app/StopMySession", Map.of("sessionId", activeSession()));
        // connected, the charger holds a reservation, and lets it go again
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "COST-CP", chargerSecret).join()) {
            charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                    .toCompletableFuture().join();
            String reservation = counted(driver, "driver-app/ReserveMyEvse", Map.of("evseId", "NL*CST*E0001*2")).path("reservation").path("id")
                    .asString();
            counted(driver, "driver-app/CancelMyReservation", Map.of("reservationId", reservation));
        }
        counted(driverToken(otto), "driver-app/DeleteMyAccount", Map.of("password", PASSWORD));
        countedPublic("driver-app/SignUpDriver", Map.of("email", "nina@example.com", "name", "Nina Newcomer", "password", PASSWORD));
        countedPublic("driver-app/VerifyEmail", Map.of("token", mailedCode("nina@example.com")));
        countedPublic("driver-app/RequestPasswordReset", Map.of("email", "nina@example.com"));
        countedPublic("driver-app/ResetPassword", Map.of("token", mailedCode("nina@example.com"), "newPassword", "another horse battery staple"));
        // last: it ends Dora's sessions, the token above included
        counted("driver-app/SignOutEverywhere", () -> graphQl().document(driver, "driver-app/SignOutEverywhere", Map.of()).payload("signOutEverywhere"));
    }

    /** The code in the latest mail to the recipient, as the mail outbox holds it. */
    private String mailedCode(String recipient) {
        String mail = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> new TransactionTemplate(transactionManager).execute(status ->
                mailOutbox.waiting(100).stream().map(id -> mailOutbox.compose(id).orElseThrow()).filter(m -> m.recipient().equals(recipient))
                        .map(m -> m.text()).toList().getLast()));
        Matcher code = MAILED_CODE.matcher(mail);
        assertThat(code.find()).as(mail).isTrue();
        return code.group(1);
    }

    private String driverToken(String profile) {
        return accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
    }

    /** The platform admin's console: a tenant created, given a domain and a fee, suspended and back, its key rotated. */
    private void platformConsole() {
        String platform = platformToken();
        String slug = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String created = counted(platform, "platform-console/CreateTenant", Map.of("slug", slug, "name", "Cost Tenant", "currency", "EUR",
                "timeZone", "Europe/Amsterdam")).path("tenant").path("id").asString();
        counted(platform, "platform-console/AddTenantDomain", Map.of("tenantId", created, "host", "charge-" + slug + ".example.com"));
        counted(platform, "platform-console/RemoveTenantDomain", Map.of("tenantId", created, "host", "charge-" + slug + ".example.com"));
        counted(platform, "platform-console/SetApplicationFee", Map.of("tenantId", created, "percent", "2.5"));
        counted(platform, "platform-console/SuspendTenant", Map.of("tenantId", created, "reason", "Unpaid invoice"));
        counted(platform, "platform-console/ReactivateTenant", Map.of("tenantId", created));
        counted(platform, "platform-console/RotateSigningKey", Map.of("tenantId", created));
    }

    /** The request's payload, its cost kept under the document's name (the highest, when it is sent more than once). */
    private JsonNode counted(String document, Map<String, ?> input) {
        return counted(admin, document, input);
    }

    private JsonNode counted(String token, String document, Map<String, ?> input) {
        return counted(document, () -> mutate(token, document, input));
    }

    /** A document of the tenant's public endpoint, sent without a token. */
    private JsonNode countedPublic(String document, Map<String, ?> input) {
        String field = Character.toLowerCase(document.charAt(document.indexOf('/') + 1)) + document.substring(document.indexOf('/') + 2);
        return counted(document, () -> graphQlOf(tenant).document(null, document, Map.of("input", input)).payload(field));
    }

    private JsonNode counted(String document, Supplier<JsonNode> request) {
        JsonNode[] payload = new JsonNode[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> payload[0] = request.get());
        assertThat(payload[0].path("userErrors")).as(document + ": " + payload[0]).isEmpty();
        costs.merge(document, cost, (a, b) -> a.statements() >= b.statements() ? a : b);
        return payload[0];
    }

    private StatementCounter.Cost importCost(String document, String csv) {
        JsonNode[] payload = new JsonNode[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> payload[0] = mutate(admin, document, Map.of("csv", csv)));
        assertThat(payload[0].path("imported").asInt()).as(document + ": " + payload[0]).isEqualTo(csv.split("\n").length - 1);
        costs.merge(document, cost, (a, b) -> a.statements() >= b.statements() ? a : b);
        return cost;
    }

    private StatementCounter.Cost cheapestImport(String document, String... csvs) {
        return java.util.Arrays.stream(csvs).map(csv -> importCost(document, csv))
                .min(java.util.Comparator.comparingLong(StatementCounter.Cost::statements)).orElseThrow();
    }

    private static String profiles(int from, int count) {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = from; i < from + count; i++) {
            csv.append("Imported ").append(i).append(",imported").append(i).append("@example.com\n");
        }
        return csv.toString();
    }

    private static String tokens(int from, int count) {
        StringBuilder csv = new StringBuilder("uid,type\n");
        for (int i = from; i < from + count; i++) {
            csv.append(String.format("1A%06d", i)).append(",RFID\n");
        }
        return csv.toString();
    }

    /** The mutation documents of the clients that neither this test nor {@link PaymentMutationCostIT} sends, for the record. */
    private TreeSet<String> notExercised() {
        TreeSet<String> left = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/**/*.graphql")) {
                String path = resource.getURL().getPath();
                String name = path.substring(path.lastIndexOf("/ui-contracts/") + "/ui-contracts/".length(), path.length() - ".graphql".length());
                if (GraphQl.load(name).stripLeading().startsWith("mutation") && !costs.containsKey(name)
                        && !PaymentMutationCostIT.STRIPE_DOCUMENTS.contains(name)) {
                    left.add(name);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return left;
    }

    private static String id(JsonNode payload, String field) {
        return payload.path(field).path("id").asString();
    }
}
