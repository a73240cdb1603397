package io.chargebase.api.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.security.Principals;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 6: a password reset, disabling a user and "sign out everywhere" end the user's refresh tokens and
 * make the access tokens already issued fail at the resource server; a refresh never extends the sign-in's
 * lifetime; only the newest reset code works, and none after the password changed.
 */
class SignInRevocationIT extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("code: ([A-Za-z0-9_-]{20,})");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    io.chargebase.api.mail.MailOutbox mailOutbox;

    /** A driver's sign-in through the driver app: access and refresh token. */
    private record SignedIn(String access, String refresh) {
    }

    private SignedIn signedIn(TestTenant tenant, User user) {
        JsonNode tokens = signIn(tenant, user);
        return new SignedIn(tokens.path("access_token").asString(), tokens.path("refresh_token").asString());
    }

    private int meStatus(String token) {
        // a trusted document: drivers may send no other
        return graphQl().document(token, "driver-app/DriverMe", Map.of()).status();
    }

    /** The resource server hears of a revocation by an announcement, which takes a moment to arrive. */
    private int meStatusOnceRevoked(String token) {
        return Eventually.value(() -> meStatus(token), status -> status == 401);
    }

    private int refreshStatus(TestTenant tenant, User user, String refreshToken) {
        boolean driver = user.role() == UserRole.DRIVER;
        return browser().refresh(tenant.issuerPath(), driver ? DRIVER_APP : PORTAL, driver ? null : PORTAL_SECRET, refreshToken).status();
    }

    private void assertSignedOut(TestTenant tenant, User user, SignedIn before) {
        assertThat(meStatusOnceRevoked(before.access())).as("the access token issued before fails at the resource server").isEqualTo(401);
        assertThat(refreshStatus(tenant, user, before.refresh())).as("the refresh token is revoked").isEqualTo(400);
        assertThat(inTenant(tenant, () -> jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(Principals.tenantUser(tenant.tenant().id(), user.id())).query(Long.class).single()))
                .as("no authorization of the user is left").isZero();
        assertThat(meStatus(signedIn(tenant, user).access())).as("signing in again works").isEqualTo(200);
    }

    @Test
    void disablingAUserRevokesTheirTokens() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.ANALYST, null, null);
        SignedIn before = signedIn(tenant, admin);
        assertThat(meStatus(before.access())).isEqualTo(200);

        JsonNode disabled = graphQl().document(tokenOf(tenant), "tenant-portal/DisableUser",
                Map.of("input", Map.of("userId", io.chargebase.api.graphql.GlobalId.encode("User", admin.id())))).payload("disableUser");
        assertThat(disabled.path("user").path("status").asString()).isEqualTo("DISABLED");

        assertThat(meStatusOnceRevoked(before.access())).as("the access token of a disabled user fails").isEqualTo(401);
        assertThat(refreshStatus(tenant, admin, before.refresh())).isEqualTo(400);

        graphQl().document(tokenOf(tenant), "tenant-portal/EnableUser",
                Map.of("input", Map.of("userId", io.chargebase.api.graphql.GlobalId.encode("User", admin.id()))));
        assertThat(meStatus(before.access())).as("enabling the user again brings no old token back").isEqualTo(401);
        assertThat(refreshStatus(tenant, admin, before.refresh())).isEqualTo(400);
    }

    @Test
    void aPasswordResetRevokesTheUsersTokensAndEndsOlderCodes() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        SignedIn before = signedIn(tenant, admin);

        requestReset(tenant, admin);
        String older = lastCode(tenant, admin.email());
        requestReset(tenant, admin);
        String newer = lastCode(tenant, admin.email());
        assertThat(newer).isNotEqualTo(older);
        assertThat(reset(tenant, older, "a much better passphrase").path("userErrors").get(0).path("code").asString())
                .as("a newer code ends the older one").isEqualTo("INVALID");

        requestReset(tenant, admin);
        String unused = lastCode(tenant, admin.email());
        // the password changes by another way than this code: the code ends with it
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> users.setPassword(admin.id(), "another good passphrase"));
        assertThat(reset(tenant, unused, "a much better passphrase").path("userErrors").get(0).path("code").asString())
                .as("a password change ends the codes issued before it").isEqualTo("INVALID");

        assertThat(meStatusOnceRevoked(before.access())).as("a password change ends the access tokens").isEqualTo(401);
        assertThat(refreshStatus(tenant, admin, before.refresh())).isEqualTo(400);

        requestReset(tenant, admin);
        assertThat(reset(tenant, lastCode(tenant, admin.email()), PASSWORD).path("done").asBoolean()).isTrue();
        assertThat(meStatus(signedIn(tenant, admin).access())).as("the newest code works").isEqualTo(200);
    }

    @Test
    void signingOutEverywhereRevokesEverySignInOfTheUser() {
        TestTenant tenant = aTenant();
        User driver = aDriver(tenant);
        SignedIn phone = signedIn(tenant, driver);
        SignedIn tablet = signedIn(tenant, driver);

        JsonNode signedOut = graphQl().document(phone.access(), "driver-app/SignOutEverywhere", Map.of()).payload("signOutEverywhere");
        assertThat(signedOut.path("userErrors").isEmpty()).as(signedOut.toString()).isTrue();
        assertThat(signedOut.path("user").path("id").asString()).isNotBlank();

        assertSignedOut(tenant, driver, phone);
        assertThat(meStatusOnceRevoked(tablet.access())).isEqualTo(401);
        assertThat(refreshStatus(tenant, driver, tablet.refresh())).isEqualTo(400);

        JsonNode byClient = graphQl().document(tokenOf(tenant), "driver-app/SignOutEverywhere", Map.of()).payload("signOutEverywhere");
        assertThat(byClient.path("userErrors").get(0).path("code").asString()).as("a client's token is no sign-in").isEqualTo("INVALID");
    }

    @Test
    void aTenantAdminSignsAUserOutEverywhere() {
        TestTenant tenant = aTenant();
        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        SignedIn before = signedIn(tenant, analyst);
        JsonNode signedOut = graphQl().document(tokenOf(tenant), "tenant-portal/SignOutUserEverywhere",
                Map.of("input", Map.of("userId", io.chargebase.api.graphql.GlobalId.encode("User", analyst.id()))))
                .payload("signOutUserEverywhere");
        assertThat(signedOut.path("user").path("status").asString()).isEqualTo("ACTIVE");
        assertSignedOut(tenant, analyst, before);
    }

    @Test
    void aRefreshKeepsTheSignInsExpiry() {
        TestTenant tenant = aTenant();
        User driver = aDriver(tenant);
        SignedIn first = signedIn(tenant, driver);
        String principal = Principals.tenantUser(tenant.tenant().id(), driver.id());
        // as if the sign-in were 29 days old: one day of its 30 left
        inTenant(tenant, () -> jdbc.sql("update oauth2_authorization set refresh_token_expires_at = now() + interval '1 day' "
                + "where principal_name = ?").param(principal).update());
        Instant expiry = refreshExpiry(tenant, principal);

        GraphQl.Response refreshed = browser().refresh(tenant.issuerPath(), DRIVER_APP, null, first.refresh());
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshExpiry(tenant, principal)).as("the rotated refresh token expires when the first one did").isEqualTo(expiry);
        GraphQl.Response again = browser().refresh(tenant.issuerPath(), DRIVER_APP, null, refreshed.json().path("refresh_token").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(refreshExpiry(tenant, principal)).isEqualTo(expiry);
    }

    private Instant refreshExpiry(TestTenant tenant, String principal) {
        return inTenant(tenant, () -> jdbc.sql("select refresh_token_expires_at from oauth2_authorization where principal_name = ?")
                .param(principal).query(java.sql.Timestamp.class).single().toInstant());
    }

    @Autowired
    io.chargebase.domain.organisation.Profiles profiles;

    @Autowired
    io.chargebase.domain.organisation.OrganisationUnits units;

    private User aDriver(TestTenant tenant) {
        var profile = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> profiles.create(
                new io.chargebase.domain.organisation.NewProfile(units.root().id(), "A driver",
                "driver-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com", null, null)));
        return aUser(tenant, UserRole.DRIVER, null, profile.id());
    }

    private void requestReset(TestTenant tenant, User user) {
        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())))
                .payload("requestPasswordReset");
    }

    private JsonNode reset(TestTenant tenant, String code, String password) {
        return graphQlOf(tenant).document(null, "driver-app/ResetPassword",
                Map.of("input", Map.of("token", code, "newPassword", password))).payload("resetPassword");
    }

    private String lastCode(TestTenant tenant, String recipient) {
        List<String> mails = inTenant(tenant, () -> mailOutbox.waiting(100).stream().map(id -> mailOutbox.compose(id).orElseThrow())
                .map(mail -> mail.recipient() + " " + mail.text()).filter(mail -> mail.startsWith(recipient + " ")).toList());
        assertThat(mails).as("mail to " + recipient).isNotEmpty();
        Matcher matcher = CODE.matcher(mails.getLast());
        assertThat(matcher.find()).as(mails.getLast()).isTrue();
        return matcher.group(1);
    }

    private <T> T inTenant(TestTenant tenant, Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }
}
