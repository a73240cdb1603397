package io.chargebase.api.local;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chargebase.api.security.ClientRegistrations;
import io.chargebase.api.security.Role;
import java.math.BigDecimal;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.domain.identity.NewUser;
import io.chargebase.domain.tokens.BillingTarget;
import io.chargebase.domain.tokens.NewToken;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenType;
import io.chargebase.domain.tokens.Tokens;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.NewProfile;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/** Seeds the demo tenants once, on the first start of a local database. */
public class DemoData {

    public static final String PLATFORM_CLIENT = "platform-admin";
    public static final String PLATFORM_SECRET = "platform-secret";
    public static final String USER_PASSWORD = "demo-password";
    public static final String PLATFORM_STAFF = "staff@chargebase.example";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Tenants tenants;
    private final OrganisationUnits units;
    private final Profiles profiles;
    private final ClientRegistrations clients;
    private final Users users;
    private final PlatformUsers platformUsers;
    private final Locations locations;
    private final ChargePoints chargePoints;
    private final Tokens tokens;
    private final io.chargebase.domain.assets.LocationGroups locationGroups;
    private final io.chargebase.domain.organisation.Groups groups;
    private final Pricing pricing;

    /** The tariff services, together because demo data only creates with them. */
    record Pricing(io.chargebase.domain.tariffs.Tariffs tariffs, io.chargebase.domain.tariffs.TariffGroups groups,
            io.chargebase.domain.tariffs.TariffPlans plans) {
    }

    public DemoData(Tenants tenants, OrganisationUnits units, Profiles profiles, ClientRegistrations clients, Users users,
            PlatformUsers platformUsers, Locations locations, ChargePoints chargePoints, Tokens tokens,
            io.chargebase.domain.assets.LocationGroups locationGroups, io.chargebase.domain.organisation.Groups groups, Pricing pricing) {
        this.pricing = pricing;
        this.locationGroups = locationGroups;
        this.groups = groups;
        this.locations = locations;
        this.chargePoints = chargePoints;
        this.tokens = tokens;
        this.tenants = tenants;
        this.units = units;
        this.profiles = profiles;
        this.clients = clients;
        this.users = users;
        this.platformUsers = platformUsers;
    }

    /**
     * Seeds what is missing; a second start finds everything and changes nothing. Each tenant is created with all
     * its demo content in one transaction, so an interrupted first start leaves no half-seeded tenant.
     */
    public void seed() {
        TenantContext.runAs(TenantScope.PLATFORM, () -> {
            if (clientMissing(PLATFORM_CLIENT)) {
                clients.registerIntegration(PLATFORM_CLIENT, PLATFORM_SECRET, "Platform console", Set.of(Role.PLATFORM_ADMIN));
            }
            if (platformUsers.findByEmail(PLATFORM_STAFF).isEmpty()) {
                platformUsers.create(PLATFORM_STAFF, "Platform Staff", "platform-password");
            }
        });
        if (tenants.findBySlug("demo").isEmpty()) {
            tenants.create(new NewTenant("demo", "Demo Charging", "EUR", "Europe/Amsterdam"), demo -> {
                OrganisationUnit root = units.root();
                OrganisationUnit fleet = units.create(root.id(), "Fleet customers");
                OrganisationUnit northwind = units.create(fleet.id(), "Northwind Logistics");
                OrganisationUnit taxi = units.create(fleet.id(), "Contoso Taxi");
                OrganisationUnit residential = units.create(root.id(), "Residential");
                profile(northwind, "Nora Jansen", "nora.jansen@northwind.example", "+31 20 555 0101", "NW-0001");
                profile(northwind, "Piet de Vries", "piet.devries@northwind.example", null, "NW-0002");
                profile(taxi, "Sam Bakker", "sam.bakker@contoso-taxi.example", "+31 6 5550 0199", null);
                profile(residential, "Eva Visser", "eva.visser@mail.example", null, null);
                Profile driver = profile(root, "Demo Driver", "driver@demo.example", "+31 6 5550 0123", "DEMO-DRIVER");
                clients.registerIntegration("demo-integration", "demo-secret", "Demo back office", Set.of(Role.TENANT_ADMIN));
                users("demo", fleet, driver);
                Location hq = locations.create(new NewLocation("Demo Charging HQ", "Keizersgracht 100", "1015 AA", "Amsterdam", "NL",
                        new BigDecimal("52.375620"), new BigDecimal("4.886900"), "Europe/Amsterdam", AssetTypes.Access.PUBLIC, null, "NL*DEM"));
                var demoCp = chargePoint(hq, "DEMO-CP-1", "demo-cp-secret", acEvse("NL*DEM*E0001*1"), acEvse("NL*DEM*E0001*2"));
                token("04A1B2C3D4E5F6", "NL-DEM-C00000001", driver, "DEM 0000 0001");
                Token spare = token("04A1B2C3D4E5F7", "NL-DEM-C00000002", driver, "DEM 0000 0002");
                tokens.block(spare.id(), "Reported lost by the driver", "demo-data");
                locationGroups.create("Amsterdam AC", List.of("NL"), null, AssetTypes.CurrentType.AC, null, null, null, null);
                groups.createBusinessPartnerGroup("Fleet customers", List.of(fleet.id()));
                var earlyAdopters = groups.createUserGroup("Early adopters", List.of(driver.id()));
                demoTariffs(demoCp, earlyAdopters.id());
            });
            log.info("Local mode: seeded tenant 'demo'");
        }
        if (tenants.findBySlug("acme").isEmpty()) {
            tenants.create(new NewTenant("acme", "Acme Mobility", "GBP", "Europe/London"), acme -> {
                OrganisationUnit root = units.root();
                OrganisationUnit employees = units.create(root.id(), "Employees");
                OrganisationUnit visitors = units.create(root.id(), "Visitors");
                profile(employees, "Alice Smith", "alice.smith@acme.example", "+44 20 7946 0011", "ACME-001");
                profile(employees, "Bob Jones", "bob.jones@acme.example", null, "ACME-002");
                Profile driver = profile(visitors, "Carol White", "carol.white@visitor.example", null, null);
                clients.registerIntegration("acme-integration", "acme-secret", "Acme back office", Set.of(Role.TENANT_ADMIN));
                users("acme", employees, driver);
                Location campus = locations.create(new NewLocation("Acme Campus", "1 Canal Street", "E1 6AN", "London", "GB",
                        new BigDecimal("51.515400"), new BigDecimal("-0.072000"), "Europe/London", AssetTypes.Access.SEMI_PUBLIC,
                        "Mo-Fr 07:00-20:00", "GB*ACM"));
                chargePoint(campus, "ACME-CP-1", "acme-cp-secret", new NewChargePoint.NewEvse("GB*ACM*E0001*1", AssetTypes.CurrentType.DC,
                        new BigDecimal("150"), List.of(new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.IEC_62196_T2_COMBO,
                                AssetTypes.ConnectorFormat.CABLE, AssetTypes.PowerType.DC, 920, 200))));
                token("0A1B2C3D", "GB-ACM-C00000001", driver, "ACM 0001");
                locationGroups.create("Rapid DC", null, null, AssetTypes.CurrentType.DC, new BigDecimal("50"), null, null, null);
                var staff = groups.createBusinessPartnerGroup("Staff", List.of(employees.id()));
                acmeTariffs(staff.id());
            });
            log.info("Local mode: seeded tenant 'acme'");
        }
    }

    private boolean clientMissing(String clientId) {
        return !clients.isRegistered(clientId);
    }

    private Profile profile(OrganisationUnit unit, String name, String email, String phone, String reference) {
        return profiles.create(new NewProfile(unit.id(), name, email, phone, reference));
    }

    private io.chargebase.domain.assets.ChargePoint chargePoint(Location location, String identity, String secret, NewChargePoint.NewEvse... evses) {
        ChargePoints.Registered registered = chargePoints.register(new NewChargePoint(location.id(), identity, "Chargebase",
                "Simulator", identity + "-SN", AssetTypes.ChargePointStatus.ACTIVE, List.of(evses)));
        chargePoints.setSecret(registered.chargePoint().id(), secret);
        return registered.chargePoint();
    }

    /**
     * Demo: DEMO-CP-1's EVSEs are priced by the tariff group "Demo HQ AC" (public: 0.50 connection fee, 0.35/kWh,
     * 0.02/min, idle fee after 3 hours; early adopters, the demo driver among them, pay 0.25/kWh by day and 0.18 at
     * night), and an active plan prices every other EVSE at 0.45/kWh.
     */
    private void demoTariffs(io.chargebase.domain.assets.ChargePoint chargePoint, java.util.UUID earlyAdopters) {
        var group = pricing.groups().create("Demo HQ AC", "demo-data");
        pricing.tariffs().update(group.baseTariffId(), new io.chargebase.domain.tariffs.NewTariff(null, null,
                new io.chargebase.domain.tariffs.TariffPricing(io.chargebase.domain.tariffs.TariffKind.DURATION_ENERGY, new BigDecimal("21"),
                        null, new BigDecimal("0.50"), new BigDecimal("0.35"), new BigDecimal("0.02"), null, null, null, null, null,
                        new BigDecimal("0.10"), 180, null),
                new io.chargebase.domain.tariffs.TariffInfo("Public AC charging", "Charging costs 0.35 per kWh and 0.02 per minute, plus "
                        + "0.50 per session. After 3 hours, a parked car that no longer charges pays 0.10 per minute.", null),
                new io.chargebase.domain.rating.StopLimits(720, null), null), "demo-data");
        var early = pricing.tariffs().create(new io.chargebase.domain.tariffs.NewTariff("Early adopters day/night", null,
                new io.chargebase.domain.tariffs.TariffPricing(io.chargebase.domain.tariffs.TariffKind.TIME_OF_DAY, new BigDecimal("21"),
                        null, null, new BigDecimal("0.25"), null, java.time.LocalTime.of(7, 0), java.time.LocalTime.of(23, 0),
                        new BigDecimal("0.18"), null, null, null, null, null),
                new io.chargebase.domain.tariffs.TariffInfo("Early adopter price", null, null), null,
                new io.chargebase.domain.tariffs.TariffAudience(false, false, false, List.of(), List.of(earlyAdopters))), "demo-data");
        pricing.groups().attach(group.id(), early.id());
        chargePoints.evsesOf(List.of(chargePoint.id())).getOrDefault(chargePoint.id(), List.of())
                .forEach(evse -> pricing.groups().assignToEvse(evse.id(), group.id()));
        var standard = pricing.tariffs().create(new io.chargebase.domain.tariffs.NewTariff("Standard", null,
                new io.chargebase.domain.tariffs.TariffPricing(io.chargebase.domain.tariffs.TariffKind.DURATION_ENERGY, new BigDecimal("21"),
                        null, null, new BigDecimal("0.45"), null, null, null, null, null, null, null, null, null),
                new io.chargebase.domain.tariffs.TariffInfo("Standard charging", null, null), null, null), "demo-data");
        pricing.plans().create("Demo standard plan", standard.id(), List.of(), true);
    }

    /** Acme: staff pay 0.20/kWh on DC; everyone else pays a 1.00 connection fee and 0.59/kWh (GBP, 20 % VAT). */
    private void acmeTariffs(java.util.UUID staff) {
        var tariffs = pricing.tariffs();
        var rapid = tariffs.create(new io.chargebase.domain.tariffs.NewTariff("Rapid", null,
                new io.chargebase.domain.tariffs.TariffPricing(io.chargebase.domain.tariffs.TariffKind.DURATION_ENERGY, new BigDecimal("20"),
                        null, new BigDecimal("1.00"), new BigDecimal("0.59"), null, null, null, null, null, null, null, null, null),
                new io.chargebase.domain.tariffs.TariffInfo("Rapid charging", null, null), null, null), "demo-data");
        var staffRate = tariffs.create(new io.chargebase.domain.tariffs.NewTariff("Staff DC", null,
                new io.chargebase.domain.tariffs.TariffPricing(io.chargebase.domain.tariffs.TariffKind.DURATION_ENERGY, new BigDecimal("20"),
                        null, null, new BigDecimal("0.20"), null, null, null, null, null, null, null, null, null),
                new io.chargebase.domain.tariffs.TariffInfo("Staff rate", null, null), null, null), "demo-data");
        pricing.plans().create("Acme plan", rapid.id(), List.of(new io.chargebase.domain.tariffs.TariffPlans.NewRule(null, staff, staffRate.id())), true);
    }

    private static NewChargePoint.NewEvse acEvse(String evseId) {
        return new NewChargePoint.NewEvse(evseId, AssetTypes.CurrentType.AC, new BigDecimal("22"), List.of(new NewChargePoint.NewConnector(
                AssetTypes.ConnectorStandard.IEC_62196_T2, AssetTypes.ConnectorFormat.SOCKET, AssetTypes.PowerType.AC_3_PHASE, 400, 32)));
    }

    private Token token(String uid, String emaId, Profile owner, String visual) {
        return tokens.create(new NewToken(uid, emaId, TokenType.RFID, owner.id(), visual, null, BillingTarget.OWN_PAYMENT_METHOD), "demo-data");
    }

    /** A user of every role, the tenant's driver app and its portal. */
    private void users(String slug, OrganisationUnit ouAdminUnit, Profile driver) {
        String domain = "@" + slug + ".example";
        verified(new NewUser("admin" + domain, "Tenant Admin", UserRole.TENANT_ADMIN, null, null, USER_PASSWORD));
        verified(new NewUser("ou-admin" + domain, "OU Admin", UserRole.OU_ADMIN, ouAdminUnit.id(), null, USER_PASSWORD));
        verified(new NewUser("analyst" + domain, "Analyst", UserRole.ANALYST, null, null, USER_PASSWORD));
        verified(new NewUser(driver.email().value(), driver.name(), UserRole.DRIVER, null, driver.id(), USER_PASSWORD));
        clients.registerDriverApp(slug + "-driver-app", "Driver app",
                List.of("http://localhost:3000/callback", "io.chargebase." + slug + ":/callback"));
        clients.registerPortal(slug + "-portal", slug + "-portal-secret", "Admin portal", List.of("http://localhost:3001/callback"));
    }

    private void verified(NewUser user) {
        users.markEmailVerified(users.create(user).id());
    }

    static List<String> demoCredentials() {
        return List.of("clients: demo-integration / demo-secret, acme-integration / acme-secret, "
                        + PLATFORM_CLIENT + " / " + PLATFORM_SECRET + " (platform)",
                "sign-in at /t/demo and /t/acme, password '" + USER_PASSWORD + "': admin@, ou-admin@, analyst@ (demo.example / acme.example),",
                "  drivers driver@demo.example and carol.white@visitor.example; platform staff " + PLATFORM_STAFF + " / platform-password");
    }
}
