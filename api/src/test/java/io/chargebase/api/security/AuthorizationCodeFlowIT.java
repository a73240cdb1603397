package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.Browser;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.organisation.NewProfile;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** The interactive OAuth2 flows over real HTTP: sign-in page, authorization code with PKCE, refresh rotation. */
class AuthorizationCodeFlowIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.chargebase.domain.organisation.Profiles profiles;

    @org.springframework.beans.factory.annotation.Autowired
    io.chargebase.domain.organisation.OrganisationUnits units;

    @Test
    void aTenantAdminSignsInToThePortalAndGetsTokensWithTheirRole() throws Exception {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        JsonNode tokens = signIn(tenant, admin);
        JWTClaimsSet access = SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo(admin.id().toString());
        assertThat(access.getStringClaim(Claims.TENANT_ID)).isEqualTo(tenant.tenant().id().toString());
        assertThat(access.getStringListClaim(Claims.ROLES)).containsExactly("TENANT_ADMIN");
        assertThat(access.getIssuer()).isEqualTo(baseUrl() + tenant.issuerPath());
        assertThat(access.getAudience()).contains(PORTAL, Claims.API_AUDIENCE);
        JWTClaimsSet id = SignedJWT.parse(tokens.path("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo(admin.id().toString());
        assertThat(id.getStringClaim("email")).isEqualTo(admin.email());
        // an ID token is for the client, not for the API
        assertThat(graphQl().document(tokens.path("id_token").asString(), "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();

        GraphQl.Response me = graphQl().document(tokens.path("access_token").asString(), "tenant-portal/CurrentTenant", Map.of());
        assertThat(me.data().path("currentTenant").path("slug").asString()).isEqualTo(tenant.tenant().slug());
    }

    @Test
    void aDriverSignsInToThePublicAppAndRefreshTokensRotate() throws Exception {
        TestTenant tenant = aTenant();
        User driver = aUser(tenant, UserRole.DRIVER, null, aProfile(tenant).id());
        JsonNode tokens = signIn(tenant, driver);
        JWTClaimsSet access = SignedJWT.parse(tokens.path("access_token").asString()).getJWTClaimsSet();
        assertThat(access.getStringListClaim(Claims.ROLES)).containsExactly("DRIVER");
        assertThat(access.getStringClaim(TokenClaimsCustomizer.PROFILE_ID)).isEqualTo(driver.profileId().toString());

        String first = tokens.path("refresh_token").asString();
        assertThat(first).isNotBlank();
        GraphQl.Response refreshed = browser().refresh(tenant.issuerPath(), DRIVER_APP, null, first);
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        String second = refreshed.json().path("refresh_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(refreshed.json().path("access_token").asString()).isNotEqualTo(tokens.path("access_token").asString());

        GraphQl.Response reused = browser().refresh(tenant.issuerPath(), DRIVER_APP, null, first);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(browser().refresh(tenant.issuerPath(), DRIVER_APP, null, second).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenWorksOnlyAtItsOwnIssuerAndForItsOwnClient() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        User admin = aUser(one, UserRole.TENANT_ADMIN, null, null);
        String refresh = signIn(one, admin).path("refresh_token").asString();
        assertThat(browser().refresh(two.issuerPath(), PORTAL, PORTAL_SECRET, refresh).status()).isEqualTo(400);
        assertThat(browser().refresh(one.issuerPath(), DRIVER_APP, null, refresh).status()).isEqualTo(400);
        assertThat(browser().refresh(one.issuerPath(), PORTAL, PORTAL_SECRET, refresh).status()).isEqualTo(200);
    }

    @Test
    void aWrongPkceVerifierGetsNoTokens() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String code = browser.authorizationCode(tenant.issuerPath(), DRIVER_APP, REDIRECT_URI, pkce, admin.email(), PASSWORD);
        GraphQl.Response refused = browser.exchangeCode(tenant.issuerPath(), DRIVER_APP, null, code, REDIRECT_URI, Browser.Pkce.create());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asString()).isEqualTo("invalid_grant");
        // the code is spent or refused either way: the right verifier afterwards gets nothing either
        GraphQl.Response after = browser.exchangeCode(tenant.issuerPath(), DRIVER_APP, null, code, REDIRECT_URI, pkce);
        assertThat(after.status()).isIn(200, 400);
    }

    @Test
    void anUnregisteredRedirectUriIsRefusedWithoutRedirecting() {
        TestTenant tenant = aTenant();
        HttpResponse<String> response = browser().get(browser().authorizeUrl(tenant.issuerPath(), DRIVER_APP,
                "https://evil.example/callback", Browser.Pkce.create()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Browser.location(response)).doesNotContain("evil.example");
    }

    @Test
    void wrongPasswordsReturnToTheFormAndFiveLockTheAccount() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        Browser browser = browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = browser.signIn(tenant.issuerPath() + "/login", admin.email(), "not the password " + attempt);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(Browser.location(wrong)).contains(tenant.issuerPath() + "/login?error=");
        }
        HttpResponse<String> locked = browser.signIn(tenant.issuerPath() + "/login", admin.email(), PASSWORD);
        assertThat(Browser.location(locked)).as("locked: even the right password is refused").contains("/login?error=");
        HttpResponse<String> unknown = browser.signIn(tenant.issuerPath() + "/login", "nobody@example.com", PASSWORD);
        // a stranger cannot tell a locked account from an address that has none
        assertThat(Browser.location(locked)).isEqualTo(Browser.location(unknown));
        assertThat(browser.get(Browser.location(locked)).body()).contains("Wrong e-mail address or password");
    }

    @Test
    void aDisabledAccountReadsLikeAWrongPassword() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()),
                () -> users.setStatus(admin.id(), io.chargebase.domain.identity.UserStatus.DISABLED));
        Browser browser = browser();
        HttpResponse<String> disabled = browser.signIn(tenant.issuerPath() + "/login", admin.email(), PASSWORD);
        HttpResponse<String> unknown = browser.signIn(tenant.issuerPath() + "/login", "nobody@example.com", PASSWORD);
        assertThat(Browser.location(disabled)).contains("/login?error=").isEqualTo(Browser.location(unknown));
        assertThat(browser.get(Browser.location(disabled)).body()).doesNotContain("disabled");
    }

    @Test
    void theSignInPageShowsOnlyItsOwnMessages() {
        TestTenant tenant = aTenant();
        String planted = "Your account is suspended. Call +44 20 7946 0000 to restore it";
        String page = browser().get(tenant.issuerPath() + "/login?error=" + java.net.URLEncoder.encode(planted,
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(page).doesNotContain("suspended", "7946").contains("Wrong e-mail address or password");
        assertThat(browser().get("/platform/login?error=%3Cb%3EOutage%3C%2Fb%3E").body()).doesNotContain("Outage");
    }

    @Test
    void aSessionAtOneTenantIsNotASessionAtAnother() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        User admin = aUser(one, UserRole.TENANT_ADMIN, null, null);
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        browser.authorizationCode(one.issuerPath(), PORTAL, REDIRECT_URI, pkce, admin.email(), PASSWORD);
        // same browser, signed in at tenant one, now asks tenant two's issuer
        HttpResponse<String> atTwo = browser.get(browser.authorizeUrl(two.issuerPath(), PORTAL, REDIRECT_URI, Browser.Pkce.create()));
        assertThat(atTwo.statusCode()).isEqualTo(302);
        assertThat(Browser.location(atTwo)).endsWith(two.issuerPath() + "/login");
        // and tenant one's user cannot sign in at tenant two
        HttpResponse<String> foreign = browser.signIn(two.issuerPath() + "/login", admin.email(), PASSWORD);
        assertThat(Browser.location(foreign)).contains("error=");
    }

    @Test
    void loggingOutEndsTheBrowserSession() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String code = browser.authorizationCode(tenant.issuerPath(), PORTAL, REDIRECT_URI, pkce, admin.email(), PASSWORD);
        String idToken = browser.exchangeCode(tenant.issuerPath(), PORTAL, PORTAL_SECRET, code, REDIRECT_URI, pkce).json()
                .path("id_token").asString();
        // still signed in: a second authorization needs no password
        HttpResponse<String> silent = browser.get(browser.authorizeUrl(tenant.issuerPath(), PORTAL, REDIRECT_URI, Browser.Pkce.create()));
        assertThat(Browser.location(silent)).startsWith(REDIRECT_URI + "?code=");

        HttpResponse<String> logout = browser.get(baseUrl() + tenant.issuerPath() + "/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + REDIRECT_URI + "&client_id=" + PORTAL);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout)).startsWith(REDIRECT_URI);
        HttpResponse<String> after = browser.get(browser.authorizeUrl(tenant.issuerPath(), PORTAL, REDIRECT_URI, Browser.Pkce.create()));
        assertThat(Browser.location(after)).endsWith(tenant.issuerPath() + "/login");
    }

    @Test
    void platformStaffSignInAtThePlatformIssuer() throws Exception {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@chargebase.example";
        TenantContext.runAs(TenantScope.PLATFORM, () -> platformUsers.create(email, "Staff", PASSWORD));
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        TenantContext.runAs(TenantScope.PLATFORM, () -> {
            if (!clients.isRegistered("console")) {
                clients.registerPortal("console", "console-secret", "Console", java.util.List.of(REDIRECT_URI));
            }
        });
        String code = browser.authorizationCode("/platform", "console", REDIRECT_URI, pkce, email, PASSWORD);
        GraphQl.Response tokens = browser.exchangeCode("/platform", "console", "console-secret", code, REDIRECT_URI, pkce);
        JWTClaimsSet access = SignedJWT.parse(tokens.json().path("access_token").asString()).getJWTClaimsSet();
        assertThat(access.getStringListClaim(Claims.ROLES)).containsExactly("PLATFORM_ADMIN");
        assertThat(access.getClaim(Claims.TENANT_ID)).isNull();
        assertThat(graphQl().document(tokens.json().path("access_token").asString(), "platform-console/Tenants", Map.of()).errorTypes()).isEmpty();
    }

    @Test
    void aDisabledUserGetsNoNewTokens() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        String refresh = signIn(tenant, admin).path("refresh_token").asString();
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()),
                () -> users.setStatus(admin.id(), io.chargebase.domain.identity.UserStatus.DISABLED));
        GraphQl.Response refused = browser().refresh(tenant.issuerPath(), PORTAL, PORTAL_SECRET, refresh);
        assertThat(refused.status()).isEqualTo(400);
        HttpResponse<String> signIn = browser().signIn(tenant.issuerPath() + "/login", admin.email(), PASSWORD);
        assertThat(Browser.location(signIn)).contains("error=");
    }

    private Profile aProfile(TestTenant tenant) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> profiles.create(new NewProfile(
                units.root().id(), "Driver", "driver-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null, null)));
    }
}
