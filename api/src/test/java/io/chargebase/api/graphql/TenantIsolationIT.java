package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

/**
 * Tenant "acme" tries every operation of the schema on tenant "demo"'s objects and never reads, lists, changes
 * or deletes any of them. The suite walks the schema: an operation with no case here fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    io.chargebase.domain.billing.Ledger ledger;

    @Autowired
    io.chargebase.domain.receipts.Receipts receipts;

    private String demo;
    private String acme;
    private String demoTenantId;
    private String demoRoot;
    private String demoUnit;
    private String demoProfile;
    private String acmeRoot;
    private String acmeUnit;
    private String acmeProfile;
    private String demoUser;
    private String demoUserEmail;
    private String demoUserToken;
    private String acmeDriver;
    private TestTenant acmeTenant;
    private String demoSlug;
    private String demoToken;
    private String demoLocation;
    private String demoChargePoint;
    private String demoGroup;
    private String demoPartnerGroup;
    private String demoUserGroup;
    private String demoTemplate;
    private String demoEvse;
    private String demoTariff;
    private String demoTariffGroup;
    private String demoPlan;
    private String demoCpoCdr;
    private String demoMspCdr;
    private String demoSession;
    private String demoPending;
    private String demoReservation;

    @Autowired
    io.chargebase.domain.operations.DriverReservations driverReservations;

    @Autowired
    io.chargebase.domain.tokens.Tokens domainTokens;

    @Autowired
    io.chargebase.domain.assets.ChargePoints chargePoints;
    private String demoVoucherCode;
    private String demoPackageId;
    private boolean demoToppedUp;

    @Autowired
    io.chargebase.domain.charging.PendingChargePoints pendingChargePoints;

    @Autowired
    io.chargebase.domain.charging.ChargerEvents chargerEvents;

    @Autowired
    io.chargebase.domain.billing.ConnectedAccounts connectedAccounts;
    private static final String DEMO_EMAIL = "secret.driver@demo.example";
    /** The demo EVSE's EVSE ID, as printed on the charger: another tenant's driver cannot start on it. */
    private static final String DEMO_EVSE_ID = "NL*DEM*E0001*1";

    @BeforeAll
    void twoTenants() {
        TestTenant demoTenant = aTenant();
        demoTenantId = GlobalId.encode("Tenant", demoTenant.tenant().id().value());
        demo = tokenOf(demoTenant);
        demoSlug = demoTenant.tenant().slug();
        mutate(demo, "tenant-portal/UpdateBranding", Map.of("displayName", "Demo Public Name"));
        acmeTenant = aTenant();
        acme = tokenOf(acmeTenant);
        demoRoot = root(demo);
        demoUnit = mutate(demo, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", demoRoot, "name", "Demo fleet"))
                .path("organisationUnit").path("id").asString();
        demoProfile = mutate(demo, "tenant-portal/CreateProfile",
                Map.of("organisationUnitId", demoUnit, "name", "Demo Secret", "email", DEMO_EMAIL, "externalReference", "DEMO-REF"))
                .path("profile").path("id").asString();
        acmeRoot = root(acme);
        acmeUnit = mutate(acme, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", acmeRoot, "name", "Acme unit"))
                .path("organisationUnit").path("id").asString();
        acmeProfile = mutate(acme, "tenant-portal/CreateProfile",
                Map.of("organisationUnitId", acmeUnit, "name", "Acme Person", "email", "person@acme.example"))
                .path("profile").path("id").asString();
        demoToken = mutate(demo, "tenant-portal/CreateToken", Map.of("uid", "DEADBEEF01", "type", "RFID", "ownerProfileId", demoProfile))
                .path("token").path("id").asString();
        java.util.Map<String, Object> plaza = new java.util.HashMap<>(io.chargebase.api.support.AssetFixtures.aLocation());
        plaza.put("name", "Demo Plaza");
        demoLocation = mutate(demo, "tenant-portal/CreateLocation", plaza).path("location").path("id").asString();
        JsonNode demoRegistered = mutate(demo, "tenant-portal/RegisterChargePoint", Map.of("locationId", demoLocation, "ocppIdentity",
                "DEMO-ISO-CP", "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(DEMO_EVSE_ID)))).path("chargePoint");
        demoChargePoint = demoRegistered.path("id").asString();
        demoEvse = demoRegistered.path("evses").get(0).path("id").asString();
        mutate(demo, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 300, "temporarilyUnavailableAfterSeconds", 120,
                "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 60, "inactivityTimeoutSeconds", 1800,
                "unknownChargePoints", "ACCEPT_AS_PENDING"));
        demoPending = GlobalId.encode("PendingChargePoint", io.chargebase.tenancy.TenantContext.callAs(
                io.chargebase.tenancy.TenantScope.of(demoTenant.tenant().id()),
                () -> pendingChargePoints.admit("DEMO-PENDING", "192.0.2.7")).orElseThrow().id());
        demoGroup = mutate(demo, "tenant-portal/CreateLocationGroup", Map.of("name", "Demo only group", "currentType", "AC"))
                .path("locationGroup").path("id").asString();
        demoPartnerGroup = mutate(demo, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Demo partners",
                "organisationUnitIds", List.of(demoUnit))).path("businessPartnerGroup").path("id").asString();
        demoUserGroup = mutate(demo, "tenant-portal/CreateUserGroup", Map.of("name", "Demo staff", "profileIds", List.of(demoProfile)))
                .path("userGroup").path("id").asString();
        demoTemplate = mutate(demo, "tenant-portal/CreateChargePointTemplate", Map.of("name", "Demo model",
                "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(null)))).path("chargePointTemplate").path("id").asString();
        demoTariff = mutate(demo, "tenant-portal/CreateTariff", Map.of("name", "Demo secret tariff",
                "pricing", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.31")))
                .path("tariff").path("id").asString();
        demoTariffGroup = mutate(demo, "tenant-portal/CreateTariffGroup", Map.of("name", "Demo tariff group"))
                .path("tariffGroup").path("id").asString();
        demoPlan = mutate(demo, "tenant-portal/CreateTariffPlan", Map.of("name", "Demo plan", "defaultTariffId", demoTariff, "activate", true))
                .path("tariffPlan").path("id").asString();
        JsonNode rated = mutate(demo, "tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "DEMO-CDR-1", "evseId", demoEvse, "tokenUid", "DEADBEEF01",
                "startAt", "2026-11-20T10:00:00Z", "endAt", "2026-11-20T11:00:00Z",
                "chargingPeriods", List.of(Map.of("startAt", "2026-11-20T10:00:00Z", "dimensions", List.of(Map.of("type", "ENERGY", "volume", "10"))))));
        assertThat(rated.path("userErrors")).as(rated.toString()).isEmpty();
        demoMspCdr = rated.path("mspCdr").path("id").asString();
        demoCpoCdr = rated.path("mspCdr").path("cpoCdr").path("id").asString();
        var demoCharger = new io.chargebase.domain.charging.ChargerRef(demoTenant.tenant().id(), GlobalId.decode(demoChargePoint).orElseThrow().id(),
                "DEMO-ISO-CP");
        int demoTransaction = io.chargebase.tenancy.TenantContext.callAs(io.chargebase.tenancy.TenantScope.of(demoTenant.tenant().id()),
                () -> chargerEvents.startTransaction(demoCharger, new io.chargebase.domain.charging.ChargerEvents.TransactionStart(1, "DEADBEEF01", 0,
                        java.time.Instant.now().minusSeconds(600), null))).transactionId();
        demoSession = graphQl().document(demo, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions").path("edges").get(0)
                .path("node").path("id").asString();
        assertThat(demoTransaction).isPositive();
        assertThat(mutate(demo, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 77,
                "temporarilyUnavailableAfterSeconds", 120, "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 60,
                "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "REFUSE")).path("userErrors")).isEmpty();
        var user = aUser(demoTenant, io.chargebase.domain.identity.UserRole.ANALYST, null, null);
        demoUserToken = accessTokenOf(demoTenant, user);
        demoUser = GlobalId.encode("User", user.id());
        demoUserEmail = user.email();
        JsonNode registered = mutate(demo, "tenant-portal/RegisterClient", Map.of("clientId", "demo-only-client",
                "name", "Demo's own", "kind", "PORTAL", "redirectUris", List.of("https://portal.demo.example/cb")));
        assertThat(registered.path("userErrors")).isEmpty();
        var driver = aUser(acmeTenant, io.chargebase.domain.identity.UserRole.DRIVER, null, GlobalId.decode(acmeProfile).orElseThrow().id());
        acmeDriver = accessTokenOf(acmeTenant, driver);
        assertThat(mutate(demo, "tenant-portal/UpdateReservationSettings", Map.of("enabled", true, "durationMinutes", 77, "reminderMinutes", 7,
                "maxPerDay", 7, "coolDownMinutes", 7)).path("userErrors")).isEmpty();
        // demo's driver holds demo's EVSE, as a request the charger has yet to answer
        demoReservation = GlobalId.encode("Reservation", io.chargebase.tenancy.TenantContext.callAs(
                io.chargebase.tenancy.TenantScope.of(demoTenant.tenant().id()), () -> driverReservations.request(
                        GlobalId.decode(demoProfile).orElseThrow().id(), domainTokens.find(GlobalId.decode(demoToken).orElseThrow().id()).orElseThrow(),
                        chargePoints.findEvse(GlobalId.decode(demoEvse).orElseThrow().id()).orElseThrow(), null, "isolation")).id());
    }

    private String root(String token) {
        return graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
    }

    /** What acme tries for each operation, and what must hold afterwards. */
    private Map<String, Runnable> cases() {
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("Query.node", () -> {
            for (String id : List.of(demoTenantId, demoRoot, demoUnit, demoProfile, demoUser, demoToken, demoLocation, demoChargePoint,
                    demoGroup, demoPartnerGroup, demoUserGroup, demoTemplate, demoTariff, demoTariffGroup, demoPlan, demoCpoCdr, demoMspCdr,
                    demoSession)) {
                assertThat(asAcme("tenant-portal/Node", Map.of("id", id)).data().path("node").isNull()).as(id).isTrue();
            }
        });
        cases.put("Query.nodes", () -> {
            JsonNode nodes = acmeQuery("query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                    Map.of("ids", List.of(demoTenantId, demoRoot, demoUnit, demoProfile))).data().path("nodes");
            assertThat(nodes).hasSize(4).allMatch(JsonNode::isNull);
        });
        cases.put("Query.currentTenant", () -> assertThat(asAcme("tenant-portal/CurrentTenant", Map.of())
                .data().path("currentTenant").path("id").asString()).isNotEqualTo(demoTenantId));
        cases.put("Query.tenants", () -> refused(asAcme("platform-console/Tenants", Map.of())));
        cases.put("Query.organisationTree", () -> assertThat(asAcme("tenant-portal/OrganisationTree", Map.of()).raw())
                .doesNotContain(demoRoot, demoUnit, "Demo fleet"));
        cases.put("Query.organisationUnits", () -> {
            assertThat(asAcme("tenant-portal/OrganisationUnits", Map.of()).raw()).doesNotContain(demoRoot, demoUnit, "Demo fleet");
            GraphQl.Response under = asAcme("tenant-portal/OrganisationUnits", Map.of("under", demoUnit));
            assertThat(under.errorTypes()).containsExactly("BAD_REQUEST");
            assertThat(under.raw()).doesNotContain("Demo fleet");
        });
        cases.put("Query.profiles", () -> {
            assertThat(asAcme("tenant-portal/Profiles", Map.of()).raw()).doesNotContain(demoProfile, DEMO_EMAIL);
            assertThat(asAcme("tenant-portal/Profiles", Map.of("filter", Map.of("text", DEMO_EMAIL)))
                    .data().path("profiles").path("totalCount").asInt()).isZero();
            assertThat(asAcme("tenant-portal/Profiles", Map.of("filter", Map.of("organisationUnitId", demoUnit))).raw())
                    .doesNotContain(DEMO_EMAIL);
        });
        cases.put("Mutation.createTenant", () -> refused(asAcme("platform-console/CreateTenant",
                Map.of("input", Map.of("slug", "stolen", "name", "x", "currency", "EUR", "timeZone", "Europe/Paris")))));
        cases.put("Mutation.suspendTenant", () -> refused(asAcme("platform-console/SuspendTenant", Map.of("input", Map.of("tenantId", demoTenantId)))));
        cases.put("Mutation.setApplicationFee", () -> refused(asAcme("platform-console/SetApplicationFee",
                Map.of("input", Map.of("tenantId", demoTenantId, "percent", "50")))));
        cases.put("Mutation.reactivateTenant", () -> refused(asAcme("platform-console/ReactivateTenant", Map.of("input", Map.of("tenantId", demoTenantId)))));
        cases.put("Mutation.createOrganisationUnit", () -> notFound(acmeMutation("tenant-portal/CreateOrganisationUnit",
                Map.of("parentId", demoUnit, "name", "Planted"))));
        cases.put("Mutation.renameOrganisationUnit", () -> notFound(acmeMutation("tenant-portal/RenameOrganisationUnit",
                Map.of("organisationUnitId", demoUnit, "name", "Renamed by acme"))));
        cases.put("Mutation.moveOrganisationUnit", () -> {
            notFound(acmeMutation("tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", demoUnit, "newParentId", acmeRoot)));
            notFound(acmeMutation("tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", acmeUnit, "newParentId", demoUnit)));
        });
        cases.put("Mutation.deleteOrganisationUnit", () -> notFound(acmeMutation("tenant-portal/DeleteOrganisationUnit",
                Map.of("organisationUnitId", demoUnit))));
        cases.put("Mutation.createProfile", () -> notFound(acmeMutation("tenant-portal/CreateProfile",
                Map.of("organisationUnitId", demoUnit, "name", "Planted", "email", "planted@acme.example"))));
        cases.put("Mutation.updateProfile", () -> {
            notFound(acmeMutation("tenant-portal/UpdateProfile", Map.of("profileId", demoProfile, "name", "Changed by acme")));
            notFound(acmeMutation("tenant-portal/UpdateProfile", Map.of("profileId", acmeProfile, "organisationUnitId", demoUnit)));
        });
        cases.put("Mutation.deactivateProfile", () -> notFound(acmeMutation("tenant-portal/DeactivateProfile", Map.of("profileId", demoProfile))));
        cases.put("Mutation.reactivateProfile", () -> notFound(acmeMutation("tenant-portal/ReactivateProfile", Map.of("profileId", demoProfile))));
        cases.put("Query.me", () -> assertThat(asAcme("tenant-portal/Me", Map.of()).data().path("me").path("tenant").path("id").asString())
                .isNotEqualTo(demoTenantId));
        cases.put("Query.users", () -> assertThat(asAcme("tenant-portal/Users", Map.of()).raw()).doesNotContain(demoUserEmail, demoUser));
        cases.put("Mutation.createUser", () -> {
            notFound(acmeMutation("tenant-portal/CreateUser", Map.of("email", "planted-admin@acme.example", "name", "Planted",
                    "role", "OU_ADMIN", "organisationUnitId", demoUnit)));
            notFound(acmeMutation("tenant-portal/CreateUser", Map.of("email", "planted-driver@acme.example", "name", "Planted",
                    "role", "DRIVER", "profileId", demoProfile)));
        });
        cases.put("Mutation.disableUser", () -> notFound(acmeMutation("tenant-portal/DisableUser", Map.of("userId", demoUser))));
        cases.put("Mutation.enableUser", () -> notFound(acmeMutation("tenant-portal/EnableUser", Map.of("userId", demoUser))));
        cases.put("Mutation.signOutUserEverywhere", () -> {
            notFound(acmeMutation("tenant-portal/SignOutUserEverywhere", Map.of("userId", demoUser)));
            assertThat(graphQl().document(demoUserToken, "tenant-portal/Me", Map.of()).data().path("me").path("roles").toString())
                    .as("the other tenant's user is still signed in").contains("ANALYST");
        });
        cases.put("Mutation.signOutEverywhere", () -> {
            String acmeAnalyst = accessTokenOf(acmeTenant, aUser(acmeTenant, io.chargebase.domain.identity.UserRole.ANALYST, null, null));
            JsonNode signedOut = graphQl().document(acmeAnalyst, "driver-app/SignOutEverywhere", Map.of()).payload("signOutEverywhere");
            assertThat(signedOut.path("userErrors")).as(signedOut.toString()).isEmpty();
            assertThat(graphQl().document(demoUserToken, "tenant-portal/Me", Map.of()).data().path("me").path("roles").toString())
                    .as("signing out in one tenant ends no sign-in of another").contains("ANALYST");
        });
        cases.put("Query.clients", () -> assertThat(asAcme("tenant-portal/Clients", Map.of()).raw()).doesNotContain("demo-only-client"));
        cases.put("Mutation.removeClient", () -> notFound(acmeMutation("tenant-portal/RemoveClient", Map.of("clientId", "demo-only-client"))));
        cases.put("Mutation.registerClient", () -> {
            JsonNode own = acmeMutation("tenant-portal/RegisterClient", Map.of("clientId", "demo-only-client", "name", "Acme's namesake",
                    "kind", "DRIVER_APP", "redirectUris", List.of("com.acme.app:/cb")));
            assertThat(own.path("userErrors")).as("client ids are per issuer").isEmpty();
            acmeMutation("tenant-portal/RemoveClient", Map.of("clientId", "demo-only-client"));
        });
        cases.put("Query.myProfile", () -> {
            refused(asAcme("driver-app/MyProfile", Map.of()));
            assertThat(graphQl().document(acmeDriver, "driver-app/MyProfile", Map.of()).data().path("myProfile").path("id").asString())
                    .isEqualTo(acmeProfile);
        });
        cases.put("Query.myOutstandingBalance", () -> {
            refused(asAcme("driver-app/MyOutstandingBalance", Map.of()));
            // demo's driver owes for demo's rated session; acme's driver owes nothing
            JsonNode balance = graphQl().document(acmeDriver, "driver-app/MyOutstandingBalance", Map.of()).data().path("myOutstandingBalance");
            assertThat(new java.math.BigDecimal(balance.path("amount").asString())).isZero();
        });
        cases.put("Query.connectedAccount", () -> {
            io.chargebase.tenancy.TenantId demoId = new io.chargebase.tenancy.TenantId(GlobalId.decode(demoTenantId).orElseThrow().id());
            io.chargebase.tenancy.TenantContext.runAs(io.chargebase.tenancy.TenantScope.of(demoId), () -> {
                if (connectedAccounts.current().isEmpty()) {
                    connectedAccounts.link("acct_demoIsolation1");
                }
            });
            assertThat(asAcme("tenant-portal/ConnectedAccount", Map.of()).data().path("connectedAccount").isNull()).isTrue();
        });
        cases.put("Query.myPaymentMethods", () -> {
            refused(asAcme("driver-app/MyPaymentMethods", Map.of()));
            demoConnected();
            // acme has no connected account: demo's account and its customers are never asked
            assertThat(graphQl().document(acmeDriver, "driver-app/MyPaymentMethods", Map.of()).data().path("myPaymentMethods")).isEmpty();
        });
        cases.put("Mutation.addPaymentMethod", () -> {
            demoConnected();
            JsonNode added = graphQl().document(acmeDriver, "driver-app/AddPaymentMethod", Map.of()).payload("addPaymentMethod");
            notFound(added);
            assertThat(added.path("userErrors").get(0).path("message").asString()).contains("no connected account");
            assertThat(added.path("clientSecret").isNull()).isTrue();
        });
        cases.put("Mutation.removePaymentMethod", () -> {
            demoConnected();
            notFound(mutate(acmeDriver, "driver-app/RemovePaymentMethod", Map.of("paymentMethodId", "pm_demoCard")));
        });
        cases.put("Mutation.setDefaultPaymentMethod", () -> {
            demoConnected();
            notFound(mutate(acmeDriver, "driver-app/SetDefaultPaymentMethod", Map.of("paymentMethodId", "pm_demoCard")));
        });
        cases.put("Mutation.startConnectedAccountOnboarding", () -> {
            demoConnected();
            // without a country acme must create its own account first: demo's is never linked to
            JsonNode onboarding = acmeMutation("tenant-portal/StartConnectedAccountOnboarding", Map.of(
                    "refreshUrl", "https://portal.acme.example/stripe/refresh", "returnUrl", "https://portal.acme.example/stripe/done"));
            assertThat(onboarding.path("userErrors").get(0).path("code").asString()).as(onboarding.toString()).isEqualTo("REQUIRED");
            assertThat(onboarding.path("url").isNull()).isTrue();
            assertThat(onboarding.path("connectedAccount").isNull()).isTrue();
        });
        cases.put("Query.billingSettings", () -> {
            assertThat(mutate(demo, "tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 3)).path("userErrors")).isEmpty();
            assertThat(asAcme("tenant-portal/BillingSettings", Map.of()).data().path("billingSettings").path("maxPaymentMethods").asInt())
                    .as("acme reads its own settings, never demo's").isNotEqualTo(3);
        });
        cases.put("Mutation.updateBillingSettings", () -> {
            mutate(demo, "tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 3));
            assertThat(acmeMutation("tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 7)).path("userErrors")).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/BillingSettings", Map.of()).data().path("billingSettings")
                    .path("maxPaymentMethods").asInt()).as("demo's maximum is untouched").isEqualTo(3);
        });
        cases.put("Query.billingStrategy", () -> {
            assertThat(mutate(demo, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BILL_AFTER_SESSION")).path("userErrors")).isEmpty();
            try {
                assertThat(asAcme("tenant-portal/BillingStrategy", Map.of()).data().path("billingStrategy").path("strategy").asString())
                        .as("acme reads its own strategy, never demo's").isEqualTo("NO_PAYMENT_REQUIRED");
            } finally {
                mutate(demo, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "NO_PAYMENT_REQUIRED"));
            }
        });
        cases.put("Mutation.updateBillingStrategy", () -> {
            assertThat(acmeMutation("tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BILL_AFTER_SESSION")).path("userErrors")).isEmpty();
            try {
                assertThat(graphQl().document(demo, "tenant-portal/BillingStrategy", Map.of()).data().path("billingStrategy")
                        .path("strategy").asString()).as("demo's strategy is untouched").isEqualTo("NO_PAYMENT_REQUIRED");
            } finally {
                acmeMutation("tenant-portal/UpdateBillingStrategy", Map.of("strategy", "NO_PAYMENT_REQUIRED"));
            }
        });
        cases.put("Mutation.payMyOutstandingBalance", () -> {
            demoPayment();
            // demo's driver owes and has payments; acme's owes nothing and is offered none of demo's
            JsonNode paying = graphQl().document(acmeDriver, "driver-app/PayMyOutstandingBalance", Map.of()).payload("payMyOutstandingBalance");
            assertThat(paying.path("userErrors")).as(paying.toString()).isEmpty();
            assertThat(paying.path("payments")).isEmpty();
        });
        cases.put("Query.vatRates", () -> {
            String demoRate = demoVatRate();
            var listed = asAcme("tenant-portal/VatRates", Map.of());
            assertThat(listed.raw()).as("acme never reads demo's VAT table").doesNotContain(demoRate);
            assertThat(listed.data().path("vatSettings").path("baseVatName").isNull()).isTrue();
        });
        cases.put("Query.vatSettings", () -> {
            demoVatRate();
            assertThat(asAcme("tenant-portal/VatRates", Map.of()).data().path("vatSettings").path("pricesIncludeVat").asBoolean())
                    .as("demo's entry mode is demo's").isFalse();
        });
        cases.put("Mutation.createVatRate", () -> {
            demoVatRate();
            // the same name and period are free in acme: demo's rates are not acme's to overlap
            JsonNode created = acmeMutation("tenant-portal/CreateVatRate", Map.of("rate", Map.of("name", "Demo isolation VAT only", "percent", "9",
                    "validFrom", "2020-01-01")));
            assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
            // taken away again, so that the name stays demo's alone for the other cases
            assertThat(acmeMutation("tenant-portal/DeleteVatRate", Map.of("vatRateId", created.path("vatRate").path("vatRateId").asString()))
                    .path("userErrors")).isEmpty();
        });
        cases.put("Mutation.updateVatRate", () -> notFound(acmeMutation("tenant-portal/UpdateVatRate", Map.of("vatRateId", demoVatRate(),
                "rate", Map.of("name", "Taken over", "percent", "1", "validFrom", "2020-01-01")))));
        cases.put("Mutation.deleteVatRate", () -> notFound(acmeMutation("tenant-portal/DeleteVatRate", Map.of("vatRateId", demoVatRate()))));
        cases.put("Mutation.updateVatSettings", () -> {
            demoVatRate();
            // demo's rate name is no base VAT acme can choose
            JsonNode saved = acmeMutation("tenant-portal/UpdateVatSettings", Map.of("baseVatName", "Demo isolation VAT only", "pricesIncludeVat", true));
            notFound(saved);
            assertThat(graphQl().document(demo, "tenant-portal/VatRates", Map.of()).data().path("vatSettings").path("baseVatName").asString())
                    .isEqualTo("Demo isolation VAT only");
        });
        cases.put("Query.myReceipts", () -> {
            String demoReceipt = demoCreditNote();
            var mine = graphQl().document(acmeDriver, "driver-app/MyReceipts", Map.of());
            assertThat(mine.data().path("myReceipts").path("edges")).as(mine.raw()).isEmpty();
            assertThat(mine.raw()).doesNotContain(demoReceipt);
        });
        cases.put("Query.receipts", () -> {
            String demoReceipt = demoCreditNote();
            var listed = asAcme("tenant-portal/Receipts", Map.of());
            assertThat(listed.data().path("receipts").path("edges")).as(listed.raw()).isEmpty();
            assertThat(listed.raw()).doesNotContain(demoReceipt);
        });
        cases.put("Query.companyDetails", () -> {
            assertThat(mutate(demo, "tenant-portal/UpdateCompanyDetails", Map.of("legalName", "Demo Isolation B.V.")).path("userErrors")).isEmpty();
            assertThat(asAcme("tenant-portal/CompanyDetails", Map.of()).raw()).doesNotContain("Demo Isolation B.V.");
        });
        cases.put("Mutation.updateCompanyDetails", () -> {
            mutate(demo, "tenant-portal/UpdateCompanyDetails", Map.of("legalName", "Demo Isolation B.V."));
            assertThat(acmeMutation("tenant-portal/UpdateCompanyDetails", Map.of("legalName", "Acme Own B.V.")).path("userErrors")).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/CompanyDetails", Map.of()).data().path("companyDetails").path("legalName").asString())
                    .isEqualTo("Demo Isolation B.V.");
        });
        cases.put("Query.receiptSettings", () -> {
            mutate(demo, "tenant-portal/UpdateReceiptSettings", Map.of("mode", "PER_SESSION"));
            assertThat(asAcme("tenant-portal/CompanyDetails", Map.of()).data().path("receiptSettings").path("mode").asString()).isEqualTo("MONTHLY");
        });
        cases.put("Mutation.updateReceiptSettings", () -> {
            mutate(demo, "tenant-portal/UpdateReceiptSettings", Map.of("mode", "PER_SESSION"));
            assertThat(acmeMutation("tenant-portal/UpdateReceiptSettings", Map.of("mode", "MONTHLY")).path("userErrors")).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/CompanyDetails", Map.of()).data().path("receiptSettings").path("mode").asString())
                    .isEqualTo("PER_SESSION");
        });
        cases.put("Query.paymentTransactions", () -> {
            demoPayment();
            var listed = asAcme("tenant-portal/PaymentTransactions", Map.of());
            assertThat(listed.data().path("paymentTransactions").path("edges")).as(listed.raw()).isEmpty();
            assertThat(listed.raw()).doesNotContain("pi_demoIsolation");
        });
        cases.put("Query.myPayments", () -> {
            demoPayment();
            GraphQl.Response mine = graphQl().document(acmeDriver, "driver-app/MyPayments", Map.of());
            assertThat(mine.data().path("myPayments").path("edges")).as(mine.raw()).isEmpty();
            assertThat(mine.raw()).doesNotContain("pi_demoIsolation");
        });
        cases.put("Mutation.refundPayment", () -> {
            java.util.UUID payment = demoPayment();
            JsonNode refunded = acmeMutation("tenant-portal/RefundPayment", Map.of("paymentId", payment.toString(), "amount", "1.00",
                    "reason", "acme refunding demo's payment"));
            notFound(refunded);
            assertThat(refunded.path("refund").isNull()).isTrue();
        });
        cases.put("Query.myWallet", () -> {
            demoToppedUp();
            GraphQl.Response mine = graphQl().document(acmeDriver, "driver-app/MyWallet", Map.of());
            assertThat(mine.data().path("myWallet").path("entries")).as(mine.raw()).isEmpty();
            assertThat(mine.data().path("myWallet").path("balance").path("amount").asString()).isEqualTo("0.00");
            assertThat(mine.raw()).doesNotContain("Demo isolation top-up");
        });
        cases.put("Query.walletOf", () -> {
            demoToppedUp();
            GraphQl.Response theirs = asAcme("tenant-portal/WalletOf", Map.of("profileId", demoProfile));
            assertThat(theirs.data().path("walletOf").isNull()).as(theirs.raw()).isTrue();
        });
        cases.put("Query.vouchers", () -> {
            String code = demoVoucher();
            GraphQl.Response listed = asAcme("tenant-portal/Vouchers", Map.of());
            assertThat(listed.raw()).doesNotContain(code, "Demo isolation");
        });
        cases.put("Mutation.createVouchers", () -> {
            String code = demoVoucher();
            JsonNode created = acmeMutation("tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "3.00",
                    "redeemBefore", java.time.LocalDate.now().plusDays(20).toString(), "description", "Acme own"));
            assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
            String theirs = created.path("vouchers").get(0).path("code").asString();
            assertThat(graphQl().document(demo, "tenant-portal/Vouchers", Map.of()).raw()).contains(code).doesNotContain(theirs, "Acme own");
        });
        cases.put("Mutation.redeemVoucher", () -> {
            String code = demoVoucher();
            JsonNode redeemed = mutate(acmeDriver, "driver-app/RedeemVoucher", Map.of("code", code));
            notFound(redeemed);
            assertThat(redeemed.path("wallet").isNull()).isTrue();
            assertThat(graphQl().document(demo, "tenant-portal/Vouchers", Map.of("filter", Map.of("status", "AVAILABLE"))).raw()).contains(code);
        });
        cases.put("Mutation.addToUserBalance", () -> {
            notFound(acmeMutation("tenant-portal/AddToUserBalance", Map.of("profileId", demoProfile, "amount", "100.00",
                    "reason", "acme crediting demo's driver")));
            assertThat(graphQl().document(demo, "tenant-portal/WalletOf", Map.of("profileId", demoProfile)).raw())
                    .doesNotContain("acme crediting");
        });
        cases.put("Query.profileActions", () -> {
            demoToppedUp();
            GraphQl.Response theirs = asAcme("tenant-portal/ProfileActions", Map.of("profileId", demoProfile));
            assertThat(theirs.data().path("profileActions")).as(theirs.raw()).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/ProfileActions", Map.of("profileId", demoProfile)).raw())
                    .contains("Demo isolation top-up");
        });
        cases.put("Query.topUpPackages", () -> {
            demoPackage();
            assertThat(asAcme("tenant-portal/TopUpPackages", Map.of()).raw()).doesNotContain("77.00");
        });
        cases.put("Query.availableTopUpPackages", () -> {
            demoPackage();
            assertThat(graphQl().document(acmeDriver, "driver-app/AvailableTopUpPackages", Map.of()).raw()).doesNotContain("77.00");
        });
        cases.put("Query.myAutoTopUp", () -> {
            GraphQl.Response mine = graphQl().document(acmeDriver, "driver-app/MyAutoTopUp", Map.of());
            assertThat(mine.data().path("myAutoTopUp").isNull()).as(mine.raw()).isTrue();
        });
        cases.put("Mutation.createTopUpPackage", () -> {
            demoPackage();
            JsonNode created = acmeMutation("tenant-portal/CreateTopUpPackage", Map.of("price", "66.00", "bonus", "0", "enabled", true));
            assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/TopUpPackages", Map.of()).raw()).contains("77.00").doesNotContain("66.00");
        });
        cases.put("Mutation.updateTopUpPackage", () -> {
            notFound(acmeMutation("tenant-portal/UpdateTopUpPackage", Map.of("packageId", demoPackage(), "price", "1.00")));
            assertThat(graphQl().document(demo, "tenant-portal/TopUpPackages", Map.of()).raw()).contains("77.00");
        });
        cases.put("Mutation.deleteTopUpPackage", () -> {
            notFound(acmeMutation("tenant-portal/DeleteTopUpPackage", Map.of("packageId", demoPackage())));
            assertThat(graphQl().document(demo, "tenant-portal/TopUpPackages", Map.of()).raw()).contains("77.00");
        });
        cases.put("Mutation.reorderTopUpPackages", () -> {
            JsonNode reordered = acmeMutation("tenant-portal/ReorderTopUpPackages", Map.of("packageIds", List.of(demoPackage())));
            assertThat(reordered.path("userErrors").get(0).path("code").asString()).as(reordered.toString()).isEqualTo("INVALID");
        });
        cases.put("Mutation.setMyAutoTopUp", () -> {
            notFound(mutate(acmeDriver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", demoPackage(), "threshold", "5")));
        });
        cases.put("Mutation.buyTopUp", () -> {
            // demo's package is not acme's to buy, whatever acme's driver has saved
            notFound(mutate(acmeDriver, "driver-app/BuyTopUp", Map.of("packageId", demoPackage())));
        });
        cases.put("Query.myDataExport", () -> {
            refused(asAcme("driver-app/MyDataExport", Map.of()));
            String content = graphQl().document(acmeDriver, "driver-app/MyDataExport", Map.of()).data().path("myDataExport")
                    .path("content").asString();
            assertThat(content).contains("person@acme.example").doesNotContain(DEMO_EMAIL, "Demo Secret", "DEADBEEF01");
        });
        cases.put("Mutation.deleteMyAccount", () -> {
            String leaving = mutate(acme, "tenant-portal/CreateProfile", Map.of("organisationUnitId", acmeUnit, "name", "Acme Leaver",
                    "email", "leaver@acme.example")).path("profile").path("id").asString();
            String token = accessTokenOf(acmeTenant, aUser(acmeTenant, io.chargebase.domain.identity.UserRole.DRIVER, null,
                    GlobalId.decode(leaving).orElseThrow().id()));
            JsonNode deleted = graphQl().document(token, "driver-app/DeleteMyAccount", Map.of("input", Map.of("password", PASSWORD)))
                    .payload("deleteMyAccount");
            assertThat(deleted.path("deleted").asBoolean()).as(deleted.toString()).isTrue();
            assertThat(graphQl().document(demo, "tenant-portal/Node", Map.of("id", demoProfile)).data().path("node").path("email").asString())
                    .as("deleting an account in one tenant erases nobody of another").isEqualTo(DEMO_EMAIL);
            assertThat(graphQl().document(demoUserToken, "tenant-portal/Me", Map.of()).data().path("me").path("roles").toString())
                    .as("nor ends a sign-in of another").contains("ANALYST");
        });
        cases.put("Mutation.updateMyProfile", () -> {
            JsonNode updated = graphQl().document(acmeDriver, "driver-app/UpdateMyProfile", Map.of("input", Map.of("name", "Renamed driver")))
                    .payload("updateMyProfile");
            assertThat(updated.path("profile").path("id").asString()).isEqualTo(acmeProfile);
        });
        cases.put("Mutation.addTenantDomain", () -> refused(asAcme("platform-console/AddTenantDomain",
                Map.of("input", Map.of("tenantId", demoTenantId, "host", "stolen.example")))));
        cases.put("Mutation.removeTenantDomain", () -> refused(asAcme("platform-console/RemoveTenantDomain",
                Map.of("input", Map.of("tenantId", demoTenantId, "host", "stolen.example")))));
        cases.put("Mutation.rotateSigningKey", () -> refused(asAcme("platform-console/RotateSigningKey",
                Map.of("input", Map.of("tenantId", demoTenantId, "immediately", true)))));
        cases.put("Query.tokens", () -> assertThat(asAcme("tenant-portal/Tokens", Map.of()).raw()).doesNotContain(demoToken, "DEADBEEF01"));
        cases.put("Mutation.createToken", () -> {
            notFound(acmeMutation("tenant-portal/CreateToken", Map.of("uid", "CAFE0001", "type", "RFID", "ownerProfileId", demoProfile)));
            assertThat(acmeMutation("tenant-portal/CreateToken", Map.of("uid", "DEADBEEF01", "type", "RFID")).path("userErrors"))
                    .as("UIDs are unique per tenant only").isEmpty();
        });
        cases.put("Mutation.blockToken", () -> notFound(acmeMutation("tenant-portal/BlockToken", Map.of("tokenId", demoToken, "reason", "x"))));
        cases.put("Mutation.unblockToken", () -> notFound(acmeMutation("tenant-portal/UnblockToken", Map.of("tokenId", demoToken, "reason", "x"))));
        cases.put("Query.locations", () -> assertThat(asAcme("tenant-portal/Locations", Map.of()).raw()).doesNotContain(demoLocation, "Demo Plaza"));
        cases.put("Query.chargePoints", () -> {
            assertThat(asAcme("tenant-portal/ChargePoints", Map.of()).raw()).doesNotContain(demoChargePoint, "DEMO-ISO-CP");
            assertThat(asAcme("tenant-portal/ChargePoints", Map.of("locationId", demoLocation)).data().path("chargePoints")
                    .path("totalCount").asInt()).isZero();
        });
        cases.put("Mutation.createLocation", () -> assertThat(acmeMutation("tenant-portal/CreateLocation",
                io.chargebase.api.support.AssetFixtures.aLocation()).path("userErrors")).isEmpty());
        cases.put("Mutation.registerChargePoint", () -> {
            notFound(acmeMutation("tenant-portal/RegisterChargePoint", Map.of("locationId", demoLocation, "ocppIdentity", "PLANTED",
                    "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(null)))));
            String acmeLocation = acmeMutation("tenant-portal/CreateLocation", io.chargebase.api.support.AssetFixtures.aLocation())
                    .path("location").path("id").asString();
            notFound(acmeMutation("tenant-portal/RegisterChargePoint", Map.of("locationId", acmeLocation, "ocppIdentity", "FROM-DEMO-TEMPLATE",
                    "templateId", demoTemplate)));
        });
        cases.put("Mutation.setChargePointStatus", () -> notFound(acmeMutation("tenant-portal/SetChargePointStatus",
                Map.of("chargePointId", demoChargePoint, "status", "DISABLED"))));
        cases.put("Mutation.renewChargerSecret", () -> notFound(acmeMutation("tenant-portal/RenewChargerSecret",
                Map.of("chargePointId", demoChargePoint))));
        cases.put("Mutation.setChargerSecret", () -> notFound(acmeMutation("tenant-portal/SetChargerSecret",
                Map.of("chargePointId", demoChargePoint, "secret", "taken-over-secret"))));
        cases.put("Query.locationGroups", () -> assertThat(asAcme("tenant-portal/LocationGroups", Map.of()).raw())
                .doesNotContain("Demo only group", demoGroup));
        cases.put("Mutation.createLocationGroup", () -> notFound(acmeMutation("tenant-portal/CreateLocationGroup",
                Map.of("name", "Planted", "locationIds", List.of(demoLocation)))));
        cases.put("Mutation.deleteLocationGroup", () -> notFound(acmeMutation("tenant-portal/DeleteLocationGroup",
                Map.of("locationGroupId", demoGroup))));
        cases.put("Query.businessPartnerGroups", () -> assertThat(asAcme("tenant-portal/BusinessPartnerGroups", Map.of()).raw())
                .doesNotContain("Demo partners", demoPartnerGroup));
        cases.put("Query.userGroups", () -> assertThat(asAcme("tenant-portal/UserGroups", Map.of()).raw()).doesNotContain("Demo staff", demoUserGroup));
        cases.put("Mutation.createBusinessPartnerGroup", () -> notFound(acmeMutation("tenant-portal/CreateBusinessPartnerGroup",
                Map.of("name", "Planted", "organisationUnitIds", List.of(demoUnit)))));
        cases.put("Mutation.deleteBusinessPartnerGroup", () -> notFound(acmeMutation("tenant-portal/DeleteBusinessPartnerGroup",
                Map.of("businessPartnerGroupId", demoPartnerGroup))));
        cases.put("Mutation.createUserGroup", () -> notFound(acmeMutation("tenant-portal/CreateUserGroup",
                Map.of("name", "Planted", "profileIds", List.of(demoProfile)))));
        cases.put("Mutation.setUserGroupMembers", () -> notFound(acmeMutation("tenant-portal/SetUserGroupMembers",
                Map.of("userGroupId", demoUserGroup, "profileIds", List.of(acmeProfile)))));
        cases.put("Mutation.deleteUserGroup", () -> notFound(acmeMutation("tenant-portal/DeleteUserGroup", Map.of("userGroupId", demoUserGroup))));
        cases.put("Query.search", () -> {
            for (String text : List.of("Demo", "DEADBEEF", "DEMO-ISO", DEMO_EMAIL)) {
                assertThat(asAcme("tenant-portal/Search", Map.of("text", text)).raw()).as(text)
                        .doesNotContain(demoProfile, demoToken, demoLocation, demoChargePoint);
            }
        });
        cases.put("Mutation.importProfiles", () -> {
            JsonNode imported = acmeMutation("tenant-portal/ImportProfiles", Map.of("csv", "name,email\nImported twin," + DEMO_EMAIL + "\n"));
            assertThat(imported.path("imported").asInt()).as("addresses are unique per tenant only").isEqualTo(1);
            JsonNode foreignUnit = acmeMutation("tenant-portal/ImportProfiles", Map.of("csv", "name,email,organisation_unit\nX,x@acme.example,Demo fleet\n"));
            assertThat(foreignUnit.path("rowErrors").get(0).path("field").asString()).isEqualTo("organisation_unit");
        });
        cases.put("Mutation.importTokens", () -> {
            JsonNode foreignOwner = acmeMutation("tenant-portal/ImportTokens", Map.of("csv", "uid,type,owner_email\nCAFE0002,RFID," + DEMO_EMAIL + "\n"));
            // acme imported its own profile with demo's address above: the card goes to that one, never to demo's
            assertThat(foreignOwner.path("imported").asInt()).isEqualTo(1);
            String owner = asAcme("tenant-portal/Tokens", Map.of("filter", Map.of("text", "CAFE0002"))).data().path("tokens")
                    .path("edges").get(0).path("node").path("owner").path("id").asString();
            assertThat(owner).isNotEqualTo(demoProfile);
            JsonNode twin = acmeMutation("tenant-portal/ImportTokens", Map.of("csv", "uid,type\nDEADBEEF02,RFID\n"));
            assertThat(twin.path("imported").asInt()).isEqualTo(1);
        });
        cases.put("Query.chargePointTemplates", () -> assertThat(asAcme("tenant-portal/ChargePointTemplates", Map.of()).raw())
                .doesNotContain("Demo model", demoTemplate));
        cases.put("Mutation.createChargePointTemplate", () -> assertThat(acmeMutation("tenant-portal/CreateChargePointTemplate",
                Map.of("name", "Demo model", "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(null)))).path("userErrors"))
                .as("template names are per tenant").isEmpty());
        cases.put("Mutation.setEvseStatus", () -> notFound(acmeMutation("tenant-portal/SetEvseStatus",
                Map.of("evseId", demoEvse, "status", "REMOVED"))));
        cases.put("Mutation.updateToken", () -> {
            notFound(acmeMutation("tenant-portal/UpdateToken", Map.of("tokenId", demoToken, "visualNumber", "HIJACKED")));
            String acmeToken = acmeMutation("tenant-portal/CreateToken", Map.of("uid", "CAFE0009", "type", "RFID")).path("token").path("id").asString();
            notFound(acmeMutation("tenant-portal/UpdateToken", Map.of("tokenId", acmeToken, "ownerProfileId", demoProfile)));
        });
        cases.put("Mutation.updateLocation", () -> notFound(acmeMutation("tenant-portal/UpdateLocation",
                Map.of("locationId", demoLocation, "name", "Renamed by acme"))));
        cases.put("Query.findChargers", () -> assertThat(graphQl().document(acmeDriver, "driver-app/FindChargers", Map.of("box",
                Map.of("south", -90, "west", -180, "north", 90, "east", 180))).raw()).doesNotContain(demoLocation, "Demo Plaza"));
        cases.put("Mutation.setLocationAccess", () -> notFound(acmeMutation("tenant-portal/SetLocationAccess",
                Map.of("locationId", demoLocation, "access", "PRIVATE", "invitedUserGroupIds", List.of()))));
        cases.put("Mutation.setChargePointAccess", () -> notFound(acmeMutation("tenant-portal/SetChargePointAccess",
                Map.of("chargePointId", demoChargePoint, "managedByOperator", true))));
        cases.put("Mutation.setChargingZoneDisabled", () -> {
            String demoZone = mutate(demo, "tenant-portal/CreateChargingZone", Map.of("locationId", demoLocation, "name", "Demo deck"))
                    .path("chargingZone").path("id").asString();
            notFound(acmeMutation("tenant-portal/SetChargingZoneDisabled", Map.of("zoneId", demoZone, "disabled", true)));
        });
        cases.put("Mutation.createChargingZone", () -> notFound(acmeMutation("tenant-portal/CreateChargingZone",
                Map.of("locationId", demoLocation, "name", "Planted"))));
        cases.put("Mutation.placeChargePoint", () -> notFound(acmeMutation("tenant-portal/PlaceChargePoint",
                Map.of("chargePointId", demoChargePoint))));
        cases.put("Mutation.deleteChargePoint", () -> notFound(acmeMutation("tenant-portal/DeleteChargePoint",
                Map.of("chargePointId", demoChargePoint))));
        cases.put("Mutation.deleteLocation", () -> notFound(acmeMutation("tenant-portal/DeleteLocation", Map.of("locationId", demoLocation))));
        cases.put("Mutation.updateChargePoint", () -> notFound(acmeMutation("tenant-portal/UpdateChargePoint",
                Map.of("chargePointId", demoChargePoint, "vendor", "Hijacked"))));
        cases.put("Mutation.updateBranding", () -> {
            JsonNode own = acmeMutation("tenant-portal/UpdateBranding", Map.of("displayName", "Acme Volt", "primaryColor", "#112233"));
            assertThat(own.path("tenant").path("id").asString()).isNotEqualTo(demoTenantId);
        });
        cases.put("Query.branding", () -> {
            JsonNode branding = asAcme("driver-app/Branding", Map.of("host", demoSlug)).data().path("branding");
            assertThat(branding.path("displayName").asString()).as("only the public face").isEqualTo("Demo Public Name");
            assertThat(branding.toString()).doesNotContain(DEMO_EMAIL, demoUnit);
        });
        cases.put("Mutation.setLocationOwner", () -> {
            notFound(acmeMutation("tenant-portal/SetLocationOwner", Map.of("locationId", demoLocation, "organisationUnitId", acmeUnit)));
            String own = acmeMutation("tenant-portal/CreateLocation", io.chargebase.api.support.AssetFixtures.aLocation()).path("location")
                    .path("id").asString();
            notFound(acmeMutation("tenant-portal/SetLocationOwner", Map.of("locationId", own, "organisationUnitId", demoUnit)));
        });
        cases.put("Mutation.startSession", () -> notFound(acmeMutation("tenant-portal/StartSession", Map.of("evseId", demoEvse,
                "profileId", demoProfile, "tokenId", demoToken, "tariffId", demoTariff, "reason", "Isolation check"))));
        cases.put("Mutation.stopSession", () -> notFound(acmeMutation("tenant-portal/StopSession", Map.of("sessionId", demoSession,
                "reason", "Isolation check"))));
        cases.put("Mutation.startMySession", () -> notFound(graphQl().document(acmeDriver, "driver-app/StartMySession",
                Map.of("input", Map.of("evseId", DEMO_EVSE_ID, "tokenId", demoToken))).data().path("startMySession")));
        cases.put("Mutation.stopMySession", () -> notFound(graphQl().document(acmeDriver, "driver-app/StopMySession",
                Map.of("input", Map.of("sessionId", demoSession))).data().path("stopMySession")));
        cases.put("Query.authorizations", () -> {
            GraphQl.Response response = asAcme("tenant-portal/Authorizations", Map.of());
            assertThat(response.data().path("authorizations").path("totalCount").asInt()).as(response.raw()).isZero();
            assertThat(response.raw()).doesNotContain("DEADBEEF01", demoChargePoint);
        });
        cases.put("Query.reservations", () -> {
            GraphQl.Response response = asAcme("tenant-portal/Reservations", Map.of());
            assertThat(response.data().path("reservations").path("totalCount").asInt()).as(response.raw()).isZero();
            assertThat(response.raw()).doesNotContain("DEADBEEF01", demoChargePoint);
        });
        cases.put("Query.reservationSettings", () -> assertThat(asAcme("tenant-portal/ReservationSettings", Map.of()).data()
                .path("reservationSettings").path("durationMinutes").asInt()).as("acme's own: the defaults").isEqualTo(15));
        cases.put("Mutation.updateReservationSettings", () -> {
            assertThat(acmeMutation("tenant-portal/UpdateReservationSettings", Map.of("enabled", false, "durationMinutes", 30,
                    "reminderMinutes", 0, "maxPerDay", 1, "coolDownMinutes", 0)).path("userErrors")).isEmpty();
            assertThat(graphQl().document(demo, "tenant-portal/ReservationSettings", Map.of()).data().path("reservationSettings")
                    .path("durationMinutes").asInt()).as("demo's unchanged").isEqualTo(77);
        });
        cases.put("Query.myReservations", () -> {
            GraphQl.Response response = graphQl().document(acmeDriver, "driver-app/MyReservations", Map.of());
            assertThat(response.data().path("myReservations").path("totalCount").asInt()).as(response.raw()).isZero();
        });
        cases.put("Mutation.reserveMyEvse", () -> notFound(graphQl().document(acmeDriver, "driver-app/ReserveMyEvse",
                Map.of("input", Map.of("evseId", DEMO_EVSE_ID))).data().path("reserveMyEvse")));
        cases.put("Mutation.cancelMyReservation", () -> notFound(graphQl().document(acmeDriver, "driver-app/CancelMyReservation",
                Map.of("input", Map.of("reservationId", demoReservation))).data().path("cancelMyReservation")));
        cases.put("Mutation.setChargePointFreeVend", () -> {
            JsonNode payload = acmeMutation("tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", demoChargePoint, "enabled", true));
            notFound(payload);
            assertThat(payload.path("configuration")).as("nothing sent to demo's charger").isEmpty();
        });
        cases.put("Mutation.setEvseReservationTime", () -> notFound(acmeMutation("tenant-portal/SetEvseReservationTime",
                Map.of("evseId", demoEvse, "minutes", 0))));
        cases.put("Mutation.remoteStartTransaction", () -> notFound(acmeMutation("tenant-portal/RemoteStartTransaction", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "idTag", "DEADBEEF01"))));
        cases.put("Mutation.remoteStopTransaction", () -> notFound(acmeMutation("tenant-portal/RemoteStopTransaction", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "transactionId", 1))));
        cases.put("Mutation.reset", () -> notFound(acmeMutation("tenant-portal/Reset", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "type", "HARD"))));
        cases.put("Mutation.unlockConnector", () -> notFound(acmeMutation("tenant-portal/UnlockConnector", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "connectorId", 1))));
        cases.put("Mutation.changeAvailability", () -> notFound(acmeMutation("tenant-portal/ChangeAvailability", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "connectorId", 0, "type", "INOPERATIVE"))));
        cases.put("Mutation.changeConfiguration", () -> notFound(acmeMutation("tenant-portal/ChangeConfiguration", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "key", "HeartbeatInterval", "value", "1"))));
        cases.put("Mutation.getConfiguration", () -> notFound(acmeMutation("tenant-portal/GetConfiguration", Map.of("reason", "Operator check", "chargePointId", demoChargePoint))));
        cases.put("Mutation.clearCache", () -> notFound(acmeMutation("tenant-portal/ClearCache", Map.of("reason", "Operator check", "chargePointId", demoChargePoint))));
        cases.put("Mutation.triggerMessage", () -> notFound(acmeMutation("tenant-portal/TriggerMessage", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "requestedMessage", "HEARTBEAT"))));
        cases.put("Mutation.reserveNow", () -> notFound(acmeMutation("tenant-portal/ReserveNow", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "connectorId", 1, "expiryDate", "2099-01-01T00:00:00Z", "idTag", "DEADBEEF01"))));
        cases.put("Mutation.cancelReservation", () -> notFound(acmeMutation("tenant-portal/CancelReservation", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "reservationId", 1))));
        cases.put("Mutation.sendLocalList", () -> notFound(acmeMutation("tenant-portal/SendLocalList", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "updateType", "FULL"))));
        cases.put("Mutation.getLocalListVersion", () -> notFound(acmeMutation("tenant-portal/GetLocalListVersion", Map.of("reason", "Operator check", "chargePointId", demoChargePoint))));
        cases.put("Mutation.setChargingProfile", () -> notFound(acmeMutation("tenant-portal/SetChargingProfile", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "connectorId", 1, "chargingProfileJson", "{}"))));
        cases.put("Mutation.clearChargingProfile", () -> notFound(acmeMutation("tenant-portal/ClearChargingProfile", Map.of("reason", "Operator check", "chargePointId", demoChargePoint))));
        cases.put("Mutation.getCompositeSchedule", () -> notFound(acmeMutation("tenant-portal/GetCompositeSchedule", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "connectorId", 1, "duration", 60))));
        cases.put("Mutation.getDiagnostics", () -> notFound(acmeMutation("tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "location", "ftp://example.com/up"))));
        cases.put("Mutation.updateFirmware", () -> notFound(acmeMutation("tenant-portal/UpdateFirmware", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "location", "https://example.com/fw.bin", "retrieveDate", "2099-01-01T00:00:00Z"))));
        cases.put("Mutation.dataTransfer", () -> notFound(acmeMutation("tenant-portal/DataTransfer", Map.of("reason", "Operator check", "chargePointId", demoChargePoint, "vendorId", "com.example"))));
        cases.put("Subscription.sessionProgress", () -> {
            try (var socket = io.chargebase.api.support.GraphQlSocket.open(baseUrl(), acmeDriver)) {
                assertThat(socket.next(java.time.Duration.ofSeconds(10)).path("type").asString()).isEqualTo("connection_ack");
                socket.subscribe("driver-app/SessionProgress", Map.of("sessionId", demoSession));
                assertThat(socket.next(java.time.Duration.ofSeconds(10)).toString()).contains("No charging session");
            }
        });
        cases.put("Subscription.chargePointStatus", () -> {
            try (var socket = io.chargebase.api.support.GraphQlSocket.open(baseUrl(), acme)) {
                assertThat(socket.next(java.time.Duration.ofSeconds(10)).path("type").asString()).isEqualTo("connection_ack");
                socket.subscribe("tenant-portal/ChargePointStatus", Map.of("chargePointId", demoChargePoint));
                assertThat(socket.next(java.time.Duration.ofSeconds(10)).toString()).contains("No charge point").doesNotContain("DEMO-ISO-CP");
            }
        });
        cases.put("Query.tariffs", () -> assertThat(asAcme("tenant-portal/Tariffs", Map.of()).raw()).doesNotContain("Demo secret tariff", demoTariff));
        cases.put("Query.tariffGroups", () -> assertThat(asAcme("tenant-portal/TariffGroups", Map.of()).raw())
                .doesNotContain(demoTariffGroup, "Demo tariff group: Base"));
        cases.put("Query.tariffPlans", () -> assertThat(asAcme("tenant-portal/TariffPlans", Map.of()).raw()).doesNotContain("Demo plan", demoPlan));
        cases.put("Query.applicableTariff", () -> {
            GraphQl.Response response = asAcme("tenant-portal/ApplicableTariff", Map.of("evseId", demoEvse, "customer", "AD_HOC"));
            assertThat(response.data().path("applicableTariff").isMissingNode() || response.data().path("applicableTariff").isNull()).isTrue();
            assertThat(response.raw()).doesNotContain("Demo secret tariff", demoTariff);
        });
        cases.put("Query.evsePrice", () -> {
            GraphQl.Response response = graphQl().document(acmeDriver, "driver-app/EvsePrice", Map.of("evseId", demoEvse));
            assertThat(response.data().path("evsePrice").isMissingNode() || response.data().path("evsePrice").isNull()).as(response.raw()).isTrue();
            assertThat(response.raw()).doesNotContain("0.31", demoTariff);
        });
        cases.put("Mutation.createTariff", () -> assertThat(acmeMutation("tenant-portal/CreateTariff", Map.of("name", "Demo secret tariff",
                "pricing", Map.of("kind", "FREE"))).path("userErrors")).as("tariff names are per tenant").isEmpty());
        cases.put("Mutation.updateTariff", () -> notFound(acmeMutation("tenant-portal/UpdateTariff", Map.of("tariffId", demoTariff, "name", "Hijacked"))));
        cases.put("Mutation.deleteTariff", () -> notFound(acmeMutation("tenant-portal/DeleteTariff", Map.of("tariffId", demoTariff))));
        cases.put("Mutation.createTariffGroup", () -> assertThat(acmeMutation("tenant-portal/CreateTariffGroup",
                Map.of("name", "Demo tariff group")).path("userErrors")).isEmpty());
        cases.put("Mutation.renameTariffGroup", () -> notFound(acmeMutation("tenant-portal/RenameTariffGroup",
                Map.of("tariffGroupId", demoTariffGroup, "name", "Hijacked"))));
        cases.put("Mutation.attachTariff", () -> {
            notFound(acmeMutation("tenant-portal/AttachTariff", Map.of("tariffGroupId", demoTariffGroup, "tariffId", demoTariff)));
            String own = acmeMutation("tenant-portal/CreateTariffGroup", Map.of("name", "Acme group")).path("tariffGroup").path("id").asString();
            notFound(acmeMutation("tenant-portal/AttachTariff", Map.of("tariffGroupId", own, "tariffId", demoTariff)));
        });
        cases.put("Mutation.detachTariff", () -> notFound(acmeMutation("tenant-portal/DetachTariff",
                Map.of("tariffGroupId", demoTariffGroup, "tariffId", demoTariff))));
        cases.put("Mutation.reorderTariffGroup", () -> notFound(acmeMutation("tenant-portal/ReorderTariffGroup",
                Map.of("tariffGroupId", demoTariffGroup, "tariffIds", List.of()))));
        cases.put("Mutation.deleteTariffGroup", () -> notFound(acmeMutation("tenant-portal/DeleteTariffGroup", Map.of("tariffGroupId", demoTariffGroup))));
        cases.put("Mutation.setEvseTariffGroup", () -> notFound(acmeMutation("tenant-portal/SetEvseTariffGroup", Map.of("evseId", demoEvse))));
        cases.put("Mutation.createTariffPlan", () -> notFound(acmeMutation("tenant-portal/CreateTariffPlan",
                Map.of("name", "Demo plan", "defaultTariffId", demoTariff))));
        cases.put("Mutation.updateTariffPlan", () -> notFound(acmeMutation("tenant-portal/UpdateTariffPlan", Map.of("tariffPlanId", demoPlan, "name", "X"))));
        cases.put("Mutation.activateTariffPlan", () -> notFound(acmeMutation("tenant-portal/ActivateTariffPlan", Map.of("tariffPlanId", demoPlan))));
        cases.put("Mutation.deleteTariffPlan", () -> notFound(acmeMutation("tenant-portal/DeleteTariffPlan", Map.of("tariffPlanId", demoPlan))));
        cases.put("Query.cpoCdrs", () -> assertThat(asAcme("tenant-portal/CpoCdrs", Map.of()).raw()).doesNotContain("DEMO-CDR-1", demoCpoCdr));
        cases.put("Query.mspCdrs", () -> assertThat(asAcme("tenant-portal/MspCdrs", Map.of("filter", Map.of("includeSuperseded", true))).raw())
                .doesNotContain("DEMO-CDR-1", demoMspCdr));
        cases.put("Query.myCdrs", () -> assertThat(graphQl().document(acmeDriver, "driver-app/MyCdrs", Map.of()).data().path("myCdrs")
                .path("totalCount").asInt()).isZero());
        cases.put("Mutation.recordCpoCdr", () -> notFound(acmeMutation("tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "ACME-1", "evseId", demoEvse,
                "startAt", "2026-11-20T10:00:00Z", "endAt", "2026-11-20T11:00:00Z",
                "chargingPeriods", List.of(Map.of("startAt", "2026-11-20T10:00:00Z", "dimensions", List.of(Map.of("type", "ENERGY", "volume", "1"))))))));
        cases.put("Mutation.rerateCdr", () -> notFound(acmeMutation("tenant-portal/RerateCdr", Map.of("cpoCdrId", demoCpoCdr))));
        cases.put("Query.chargingSessions", () -> {
            assertThat(asAcme("tenant-portal/ChargingSessions", Map.of()).raw()).doesNotContain(demoSession, "DEADBEEF01");
            assertThat(asAcme("tenant-portal/ChargingSessions", Map.of("filter", Map.of("chargePointId", demoChargePoint))).data()
                    .path("chargingSessions").path("totalCount").asInt()).isZero();
            assertThat(asAcme("tenant-portal/ChargingSession", Map.of("id", demoSession)).data().path("node").isNull()).isTrue();
        });
        cases.put("Query.mySessions", () -> assertThat(graphQl().document(acmeDriver, "driver-app/MySessions", Map.of()).data()
                .path("mySessions").path("totalCount").asInt()).isZero());
        cases.put("Query.pendingChargePoints", () -> {
            assertThat(asAcme("tenant-portal/PendingChargePoints", Map.of()).raw()).doesNotContain("DEMO-PENDING", demoPending);
            assertThat(graphQl().query(acme, "query($id: ID!) { node(id: $id) { id } }", Map.of("id", demoPending)).data().path("node").isNull())
                    .isTrue();
            assertThat(graphQl().document(demo, "tenant-portal/PendingChargePoints", Map.of()).raw()).as("demo sees its own").contains("DEMO-PENDING");
        });
        cases.put("Mutation.acceptPendingChargePoint", () -> {
            String acmeLocation = acmeMutation("tenant-portal/CreateLocation", io.chargebase.api.support.AssetFixtures.aLocation())
                    .path("location").path("id").asString();
            notFound(acmeMutation("tenant-portal/AcceptPendingChargePoint", Map.of("pendingChargePointId", demoPending, "locationId", acmeLocation,
                    "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(null)))));
        });
        cases.put("Mutation.dismissPendingChargePoint", () -> notFound(acmeMutation("tenant-portal/DismissPendingChargePoint",
                Map.of("pendingChargePointId", demoPending))));
        cases.put("Query.chargingSettings", () -> assertThat(asAcme("tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings")
                .path("heartbeatIntervalSeconds").asInt()).isEqualTo(300));
        cases.put("Mutation.updateChargingSettings", () -> assertThat(acmeMutation("tenant-portal/UpdateChargingSettings", Map.of(
                "heartbeatIntervalSeconds", 99, "temporarilyUnavailableAfterSeconds", 120, "longTermUnavailableAfterSeconds", 300,
                "failStartTimeoutSeconds", 60, "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "ACCEPT_AS_PENDING"))
                .path("chargingSettings").path("heartbeatIntervalSeconds").asInt()).isEqualTo(99));
        cases.put("Mutation.signUpDriver", () -> {
            JsonNode signedUp = graphQlOf(acmeTenant).document(acme, "driver-app/SignUpDriver", Map.of("input",
                    Map.of("email", demoUserEmail, "name", "Same address, other tenant", "password", PASSWORD))).payload("signUpDriver");
            assertThat(signedUp.path("userErrors")).as("addresses are unique per tenant only").isEmpty();
        });
        cases.put("Mutation.verifyEmail", () -> assertThat(graphQlOf(acmeTenant).document(acme, "driver-app/VerifyEmail",
                Map.of("input", Map.of("token", "not-a-code-of-acme"))).payload("verifyEmail").path("verified").asBoolean()).isFalse());
        cases.put("Mutation.requestPasswordReset", () -> assertThat(graphQlOf(acmeTenant).document(acme, "driver-app/RequestPasswordReset",
                Map.of("input", Map.of("email", demoUserEmail))).payload("requestPasswordReset").path("accepted").asBoolean()).isTrue());
        cases.put("Mutation.resetPassword", () -> assertThat(graphQlOf(acmeTenant).document(acme, "driver-app/ResetPassword",
                Map.of("input", Map.of("token", "not-a-code-of-acme", "newPassword", "some good passphrase")))
                .payload("resetPassword").path("done").asBoolean()).isFalse());
        return cases;
    }

    @Test
    void everyOperationOfTheSchemaHasAnIsolationCase() {
        assertThat(new TreeSet<>(cases().keySet())).isEqualTo(new TreeSet<>(rootFields()));
    }

    @Test
    void acmeNeverReachesDemosData() {
        cases().forEach((operation, attempt) -> {
            try {
                attempt.run();
            } catch (AssertionError e) {
                throw new AssertionError(operation + ": " + e.getMessage(), e);
            }
        });
        demoIsUntouched();
    }

    private void demoIsUntouched() {
        JsonNode unit = graphQl().document(demo, "tenant-portal/Node", Map.of("id", demoUnit)).data().path("node");
        assertThat(unit.path("name").asString()).isEqualTo("Demo fleet");
        JsonNode units = graphQl().document(demo, "tenant-portal/OrganisationUnits", Map.of()).data().path("organisationUnits");
        assertThat(units).hasSize(2);
        JsonNode profiles = graphQl().document(demo, "tenant-portal/Profiles", Map.of()).data().path("profiles");
        assertThat(profiles.path("totalCount").asInt()).isEqualTo(1);
        JsonNode profile = profiles.path("edges").get(0).path("node");
        assertThat(profile.path("name").asString()).isEqualTo("Demo Secret");
        assertThat(profile.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(profile.path("organisationUnit").path("id").asString()).isEqualTo(demoUnit);
        assertThat(graphQl().document(demo, "tenant-portal/CurrentTenant", Map.of()).data().path("currentTenant").path("status").asString())
                .isEqualTo("ACTIVE");
        JsonNode demoUsers = graphQl().document(demo, "tenant-portal/Users", Map.of()).data().path("users").path("edges");
        assertThat(demoUsers.toString()).contains(demoUserEmail, "ACTIVE");
        JsonNode demoClients = graphQl().document(demo, "tenant-portal/Clients", Map.of()).data().path("clients");
        assertThat(demoClients.toString()).contains("demo-only-client", "Demo's own");
        assertThat(graphQl().document(demo, "tenant-portal/Profiles", Map.of("filter", Map.of("text", "Imported twin")))
                .data().path("profiles").path("totalCount").asInt()).isZero();
        assertThat(graphQl().document(demo, "tenant-portal/Profiles", Map.of("filter", Map.of("text", "Same address")))
                .data().path("profiles").path("totalCount").asInt()).isZero();
        assertThat(graphQl().document(demo, "tenant-portal/LocationGroups", Map.of()).raw()).contains("Demo only group");
        assertThat(graphQl().document(demo, "tenant-portal/UserGroups", Map.of()).data().path("userGroups").get(0).path("memberCount").asInt())
                .isEqualTo(1);
        assertThat(graphQl().document(demo, "tenant-portal/BusinessPartnerGroups", Map.of()).raw()).contains("Demo partners");
        JsonNode demoChargePoints = graphQl().document(demo, "tenant-portal/ChargePoints", Map.of()).data().path("chargePoints");
        assertThat(demoChargePoints.path("totalCount").asInt()).isEqualTo(1);
        assertThat(demoChargePoints.path("edges").get(0).path("node").path("status").asString()).isEqualTo("ACTIVE");
        JsonNode demoTokens = graphQl().document(demo, "tenant-portal/Tokens", Map.of()).data().path("tokens");
        assertThat(demoTokens.path("totalCount").asInt()).isEqualTo(1);
        assertThat(demoTokens.path("edges").get(0).path("node").path("status").asString()).isEqualTo("ACTIVE");
        JsonNode demoBranding = graphQl().document(null, "driver-app/Branding", Map.of("host", demoSlug)).data().path("branding");
        assertThat(demoBranding.path("displayName").asString()).isEqualTo("Demo Public Name");
        assertThat(demoBranding.path("primaryColor").isNull()).isTrue();
        JsonNode demoTariffs = graphQl().document(demo, "tenant-portal/Tariffs", Map.of()).data().path("tariffs");
        assertThat(demoTariffs.toString()).contains("Demo secret tariff").doesNotContain("Hijacked");
        JsonNode demoPlans = graphQl().document(demo, "tenant-portal/TariffPlans", Map.of()).data().path("tariffPlans");
        assertThat(demoPlans.get(0).path("name").asString()).isEqualTo("Demo plan");
        assertThat(demoPlans.get(0).path("active").asBoolean()).isTrue();
        assertThat(graphQl().document(demo, "tenant-portal/TariffGroups", Map.of()).raw()).contains("Demo tariff group").doesNotContain("Hijacked");
        JsonNode demoRated = graphQl().document(demo, "tenant-portal/MspCdrs", Map.of("filter", Map.of("includeSuperseded", true)))
                .data().path("mspCdrs");
        assertThat(demoRated.path("totalCount").asInt()).isEqualTo(1);
        assertThat(demoRated.path("edges").get(0).path("node").path("totalCost").path("exclVat").asString()).isEqualTo("3.1000");
        JsonNode demoCommands = graphQl().document(demo, "tenant-portal/ChargePointCommands", Map.of("id", demoChargePoint)).data().path("node");
        assertThat(demoCommands.path("commands").path("totalCount").asInt()).as("acme's attempts reached no log").isZero();
        assertThat(graphQl().document(demo, "tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings")
                .path("heartbeatIntervalSeconds").asInt()).isEqualTo(77);
        JsonNode demoSessions = graphQl().document(demo, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions");
        assertThat(demoSessions.path("totalCount").asInt()).isEqualTo(1);
        assertThat(demoSessions.path("edges").get(0).path("node").path("status").asString()).isEqualTo("ACTIVE");
        JsonNode acmeUnitNow = graphQl().document(acme, "tenant-portal/Node", Map.of("id", acmeUnit)).data().path("node");
        assertThat(acmeUnitNow.path("name").asString()).isEqualTo("Acme unit");
    }

    /** Demo has a connected account, so acme's attempts could only fail by being kept to their own tenant. */
    private void demoConnected() {
        io.chargebase.tenancy.TenantId demoId = new io.chargebase.tenancy.TenantId(GlobalId.decode(demoTenantId).orElseThrow().id());
        io.chargebase.tenancy.TenantContext.runAs(io.chargebase.tenancy.TenantScope.of(demoId), () -> {
            if (connectedAccounts.current().isEmpty()) {
                connectedAccounts.link("acct_demoIsolation1");
            }
        });
    }

    private List<String> rootFields() {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> fields = new java.util.ArrayList<>();
        Consumer<GraphQLObjectType> add = type -> {
            if (type != null) {
                for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                    fields.add(type.getName() + "." + field.getName());
                }
            }
        };
        add.accept(schema.getQueryType());
        add.accept(schema.getMutationType());
        add.accept(schema.getSubscriptionType());
        return fields;
    }

    private GraphQl.Response asAcme(String document, Map<String, ?> variables) {
        return graphQl().document(acme, document, variables);
    }

    private GraphQl.Response acmeQuery(String query, Map<String, ?> variables) {
        return graphQl().query(acme, query, variables);
    }

    private JsonNode acmeMutation(String document, Map<String, ?> input) {
        return mutate(acme, document, input);
    }

    private static void refused(GraphQl.Response response) {
        assertThat(response.errorTypes()).containsExactly("FORBIDDEN");
        boolean noData = response.data().isNull() || response.data().isMissingNode();
        if (!noData) {
            response.data().forEach(field -> assertThat(field.isNull()).as(response.raw()).isTrue());
        }
    }

    /** A card payment of demo's driver in demo's ledger (posted once, whichever case asks first). */
    private java.util.UUID demoPayment() {
        io.chargebase.tenancy.TenantId demoId = new io.chargebase.tenancy.TenantId(GlobalId.decode(demoTenantId).orElseThrow().id());
        java.util.UUID demoDriver = GlobalId.decode(demoProfile).orElseThrow().id();
        return io.chargebase.tenancy.TenantContext.callAs(io.chargebase.tenancy.TenantScope.of(demoId), () -> {
            if (connectedAccounts.current().isEmpty()) {
                connectedAccounts.link("acct_demoIsolation1");
            }
            return ledger.post(io.chargebase.domain.billing.Posting.of("payment:pi_demoIsolation", io.chargebase.domain.billing.LedgerTransactionKind.PAYMENT,
                            demoDriver, null, "pi_demoIsolation", "Card payment", java.time.Instant.now())
                    .debit(io.chargebase.domain.billing.LedgerAccount.STRIPE_CLEARING, io.chargebase.domain.money.Money.of("5.00", "EUR"))
                    .credit(io.chargebase.domain.billing.LedgerAccount.DRIVER_RECEIVABLE, io.chargebase.domain.money.Money.of("5.00", "EUR")))
                    .transactionId();
        });
    }

    /** A top-up package of demo's (price 77.00), created once, whichever case asks first. */
    private String demoPackage() {
        if (demoPackageId == null) {
            demoPackageId = mutate(demo, "tenant-portal/CreateTopUpPackage", Map.of("price", "77.00", "bonus", "3.00", "enabled", true))
                    .path("topUpPackage").path("packageId").asString();
        }
        return demoPackageId;
    }

    /** A voucher of demo's, created once, whichever case asks first. */
    private String demoVoucher() {
        if (demoVoucherCode == null) {
            demoVoucherCode = mutate(demo, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "25.00",
                    "redeemBefore", java.time.LocalDate.now().plusDays(20).toString(), "description", "Demo isolation"))
                    .path("vouchers").get(0).path("code").asString();
        }
        return demoVoucherCode;
    }

    /** Demo's driver has a wallet credited by demo's operator, once. */
    private void demoToppedUp() {
        if (!demoToppedUp) {
            JsonNode added = mutate(demo, "tenant-portal/AddToUserBalance", Map.of("profileId", demoProfile, "amount", "15.00",
                    "reason", "Demo isolation top-up"));
            assertThat(added.path("userErrors")).as(added.toString()).isEmpty();
            demoToppedUp = true;
        }
    }

    /** A rate of demo's VAT table, named only there and demo's base VAT (created once, whichever case asks first). */
    private String demoVatRate() {
        var listed = graphQl().document(demo, "tenant-portal/VatRates", Map.of()).data().path("vatRates");
        for (JsonNode rate : listed) {
            if (rate.path("name").asString().equals("Demo isolation VAT only")) {
                return rate.path("vatRateId").asString();
            }
        }
        JsonNode created = mutate(demo, "tenant-portal/CreateVatRate", Map.of("rate", Map.of("name", "Demo isolation VAT only", "percent", "21",
                "validFrom", "2020-01-01")));
        assertThat(mutate(demo, "tenant-portal/UpdateVatSettings", Map.of("baseVatName", "Demo isolation VAT only", "pricesIncludeVat", false))
                .path("userErrors")).isEmpty();
        return created.path("vatRate").path("vatRateId").asString();
    }

    /** A credit note of demo's for a refund of demo's payment (issued once, whichever case asks first); its id. */
    private String demoCreditNote() {
        java.util.UUID payment = demoPayment();
        io.chargebase.tenancy.TenantId demoId = new io.chargebase.tenancy.TenantId(GlobalId.decode(demoTenantId).orElseThrow().id());
        java.util.UUID demoDriver = GlobalId.decode(demoProfile).orElseThrow().id();
        return io.chargebase.tenancy.TenantContext.callAs(io.chargebase.tenancy.TenantScope.of(demoId), () -> {
            ledger.post(io.chargebase.domain.billing.Posting.of("refund:ch_demoIsolation:100", io.chargebase.domain.billing.LedgerTransactionKind.REFUND,
                            demoDriver, null, "ch_demoIsolation", "Refund of " + payment, java.time.Instant.now())
                    .debit(io.chargebase.domain.billing.LedgerAccount.REFUNDS, io.chargebase.domain.money.Money.of("1.00", "EUR"))
                    .credit(io.chargebase.domain.billing.LedgerAccount.STRIPE_CLEARING, io.chargebase.domain.money.Money.of("1.00", "EUR")));
            receipts.issueCreditNotes(10);
            return receipts.list(demoDriver, null, 1).getFirst().id().toString();
        });
    }

    private static void notFound(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        assertThat(payload.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
    }
}
