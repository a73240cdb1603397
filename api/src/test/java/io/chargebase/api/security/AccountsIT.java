package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.Browser;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Sign-up, e-mail verification, password reset, invitations and branding, end to end over HTTP. */
class AccountsIT extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("code: ([A-Za-z0-9_-]{20,})");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aDriverSignsUpVerifiesTheAddressAndSignsIn() throws Exception {
        TestTenant tenant = aTenant();
        String email = "new-driver-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode signedUp = graphQlOf(tenant).document(null, "driver-app/SignUpDriver",
                Map.of("input", Map.of("email", email, "name", "New Driver", "password", PASSWORD))).payload("signUpDriver");
        assertThat(signedUp.path("userErrors")).isEmpty();
        assertThat(signedUp.path("verificationPending").asBoolean()).isTrue();

        HttpResponse<String> tooEarly = browser().signIn(tenant.issuerPath() + "/login", email, PASSWORD);
        assertThat(Browser.location(tooEarly)).contains("error=");
        assertThat(browser().get(Browser.location(tooEarly)).body()).contains("Confirm your e-mail address");

        String code = lastCode(tenant, email);
        JsonNode verified = graphQlOf(tenant).document(null, "driver-app/VerifyEmail", Map.of("input", Map.of("token", code)))
                .payload("verifyEmail");
        assertThat(verified.path("verified").asBoolean()).isTrue();
        JsonNode again = graphQlOf(tenant).document(null, "driver-app/VerifyEmail", Map.of("input", Map.of("token", code)))
                .payload("verifyEmail");
        assertThat(again.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");

        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String authorizationCode = browser.authorizationCode(tenant.issuerPath(), DRIVER_APP, REDIRECT_URI, pkce, email, PASSWORD);
        String token = browser.exchangeCode(tenant.issuerPath(), DRIVER_APP, null, authorizationCode, REDIRECT_URI, pkce)
                .json().path("access_token").asString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim(Claims.ROLES)).containsExactly("DRIVER");
        JsonNode mine = graphQl().document(token, "driver-app/MyProfile", Map.of()).data().path("myProfile");
        assertThat(mine.path("email").asString()).isEqualTo(email);
    }

    @Test
    void signUpNeedsATenantEndpointAndGoodInputAndIsRateLimited() {
        TestTenant tenant = aTenant();
        JsonNode noTenant = graphQl().document(null, "driver-app/SignUpDriver",
                Map.of("input", Map.of("email", "x@example.com", "name", "X", "password", PASSWORD))).payload("signUpDriver");
        assertThat(noTenant.path("userErrors").get(0).path("code").asString()).isEqualTo("TENANT_REQUIRED");

        JsonNode weak = signUp(tenant, "weak@example.com", "password12");
        assertThat(weak.path("userErrors").get(0).path("code").asString()).isEqualTo("WEAK_PASSWORD");
        JsonNode badEmail = signUp(tenant, "not-an-address", PASSWORD);
        assertThat(badEmail.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID_EMAIL");
        assertThat(outbox(tenant)).isEmpty();

        int accepted = 0;
        String lastCode = null;
        for (int i = 0; i < 8; i++) {
            JsonNode payload = signUp(tenant, "burst" + i + "@example.com", PASSWORD);
            if (payload.path("userErrors").isEmpty()) {
                accepted++;
            } else {
                lastCode = payload.path("userErrors").get(0).path("code").asString();
            }
        }
        assertThat(accepted).isEqualTo(3); // two attempts above counted against the same hourly budget of five
        assertThat(lastCode).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aForgottenPasswordIsResetWithAMailedCode() {
        TestTenant tenant = aTenant();
        var user = aUser(tenant, io.chargebase.domain.identity.UserRole.TENANT_ADMIN, null, null);
        JsonNode unknown = graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset",
                Map.of("input", Map.of("email", "nobody-here@example.com"))).payload("requestPasswordReset");
        assertThat(unknown.path("accepted").asBoolean()).isTrue();
        assertThat(outbox(tenant)).isEmpty();

        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())))
                .payload("requestPasswordReset");
        String code = lastCode(tenant, user.email());
        JsonNode weak = reset(tenant, code, "short");
        assertThat(weak.path("userErrors").get(0).path("code").asString()).isEqualTo("WEAK_PASSWORD");
        JsonNode done = reset(tenant, code, "a much better passphrase");
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(reset(tenant, code, "yet another passphrase").path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");

        assertThat(Browser.location(browser().signIn(tenant.issuerPath() + "/login", user.email(), PASSWORD))).contains("error=");
        assertThat(Browser.location(browser().signIn(tenant.issuerPath() + "/login", user.email(), "a much better passphrase")))
                .doesNotContain("error=");
    }

    @Test
    void anExpiredCodeIsRefused() {
        TestTenant tenant = aTenant();
        var user = aUser(tenant, io.chargebase.domain.identity.UserRole.ANALYST, null, null);
        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())));
        String code = lastCode(tenant, user.email());
        inTenant(tenant, () -> jdbc.sql("update account_token set expires_at = now() - interval '1 minute'").update());
        assertThat(reset(tenant, code, "a much better passphrase").path("userErrors").get(0).path("code").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void anInvitedUserChoosesTheirPassword() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode created = mutate(admin, "tenant-portal/CreateUser", Map.of("email", email, "name", "Invited", "role", "ANALYST"));
        assertThat(created.path("userErrors")).isEmpty();
        assertThat(created.path("user").path("status").asString()).isEqualTo("ACTIVE");
        String code = lastCode(tenant, email);
        assertThat(reset(tenant, code, "my own good passphrase").path("done").asBoolean()).isTrue();
        assertThat(Browser.location(browser().signIn(tenant.issuerPath() + "/login", email, "my own good passphrase")))
                .doesNotContain("error=");
    }

    @Test
    void aTokenOfOneTenantIsRefusedAtAnotherTenantsEndpoint() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        GraphQl.Response refused = graphQlOf(two).document(tokenOf(one), "tenant-portal/CurrentTenant", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asString()).isEqualTo("wrong_tenant");
        assertThat(graphQlOf(one).document(tokenOf(one), "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);
        assertThat(new GraphQl(baseUrl(), "/t/no-such-tenant/graphql").document(null, "driver-app/Branding", Map.of("host", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void theBrandingIsPublicAndThemesTheSignInPage() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        JsonNode bad = mutate(admin, "tenant-portal/UpdateBranding", Map.of("primaryColor", "green"));
        assertThat(bad.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"primaryColor\"]");
        JsonNode insecure = mutate(admin, "tenant-portal/UpdateBranding", Map.of("logoUrl", "http://cdn.example/logo.png"));
        assertThat(insecure.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");

        JsonNode updated = mutate(admin, "tenant-portal/UpdateBranding", Map.of("displayName", "Volt & Co", "primaryColor", "#AA3300",
                "logoUrl", "https://cdn.example/volt.png", "supportEmail", "help@volt.example"));
        assertThat(updated.path("userErrors")).isEmpty();
        JsonNode branding = graphQl().document(null, "driver-app/Branding", Map.of("host", tenant.tenant().slug())).data().path("branding");
        assertThat(branding.path("displayName").asString()).isEqualTo("Volt & Co");
        assertThat(branding.path("primaryColor").asString()).isEqualTo("#aa3300");
        assertThat(graphQl().document(null, "driver-app/Branding", Map.of("host", "unknown-host.example")).data().path("branding").isNull())
                .isTrue();

        String page = browser().get(tenant.issuerPath() + "/login").body();
        assertThat(page).contains("Sign in to Volt &amp; Co", "#aa3300", "https://cdn.example/volt.png");
    }

    private JsonNode signUp(TestTenant tenant, String email, String password) {
        return graphQlOf(tenant).document(null, "driver-app/SignUpDriver",
                Map.of("input", Map.of("email", email, "name", "Someone", "password", password))).payload("signUpDriver");
    }

    private JsonNode reset(TestTenant tenant, String code, String password) {
        return graphQlOf(tenant).document(null, "driver-app/ResetPassword",
                Map.of("input", Map.of("token", code, "newPassword", password))).payload("resetPassword");
    }

    @Autowired
    io.chargebase.api.mail.MailOutbox mailOutbox;

    @Autowired
    IssuerHousekeeping housekeeping;

    /** Every waiting message as a delivery adapter would send it: recipient, a space, the full text. */
    private List<String> outbox(TestTenant tenant) {
        return inTenant(tenant, () -> mailOutbox.waiting(100).stream().map(id -> mailOutbox.compose(id).orElseThrow())
                .map(mail -> mail.recipient() + " " + mail.text()).toList());
    }

    private List<String> storedRows(TestTenant tenant) {
        return inTenant(tenant, () -> jdbc.sql("select recipient || ' ' || subject || ' ' || body || ' ' || coalesce(encode(code_sealed, 'escape'), '') "
                + "from outbound_mail order by created_at").query(String.class).list());
    }

    @Test
    void theOutboxKeepsNoLiveCodeAndDropsMessagesOnceDeliveredOrExpired() {
        TestTenant tenant = aTenant();
        var user = aUser(tenant, io.chargebase.domain.identity.UserRole.ANALYST, null, null);
        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())));
        String code = lastCode(tenant, user.email());

        assertThat(storedRows(tenant)).hasSize(1).allSatisfy(row -> assertThat(row).doesNotContain(code).contains("{{code}}"));
        java.util.UUID id = inTenant(tenant, () -> mailOutbox.waiting(10).getFirst());
        inTenant(tenant, () -> {
            mailOutbox.markDelivered(id);
            return null;
        });
        assertThat(outbox(tenant)).as("delivered: no longer waiting").isEmpty();
        assertThat(inTenant(tenant, () -> jdbc.sql("select count(*) from outbound_mail where code_sealed is not null").query(Long.class).single()))
                .as("the sealed code goes at delivery").isZero();
        assertThat(reset(tenant, code, "a much better passphrase").path("done").asBoolean()).as("the code itself still works").isTrue();

        // a second message whose code expires before anyone delivered it is never sent
        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())));
        inTenant(tenant, () -> jdbc.sql("update outbound_mail set expires_at = now() - interval '1 minute' where delivered_at is null").update());
        assertThat(outbox(tenant)).isEmpty();
        java.util.UUID expired = inTenant(tenant, () -> jdbc.sql("select id from outbound_mail where delivered_at is null").query(java.util.UUID.class).single());
        assertThat(inTenant(tenant, () -> mailOutbox.compose(expired))).isEmpty();

        housekeeping.run();
        assertThat(inTenant(tenant, () -> jdbc.sql("select count(*) from outbound_mail where code_sealed is not null").query(Long.class).single()))
                .as("an expired code is dropped").isZero();
        inTenant(tenant, () -> jdbc.sql("update outbound_mail set delivered_at = now() - interval '8 days' where delivered_at is not null").update());
        inTenant(tenant, () -> jdbc.sql("update outbound_mail set expires_at = now() - interval '8 days' where delivered_at is null").update());
        housekeeping.run();
        assertThat(storedRows(tenant)).as("delivered and expired messages are purged after a week").isEmpty();
    }

    private String lastCode(TestTenant tenant, String recipient) {
        List<String> mails = outbox(tenant).stream().filter(mail -> mail.startsWith(recipient + " ")).toList();
        assertThat(mails).as("mail to " + recipient).isNotEmpty();
        Matcher matcher = CODE.matcher(mails.getLast());
        assertThat(matcher.find()).as(mails.getLast()).isTrue();
        return matcher.group(1);
    }

    private <T> T inTenant(TestTenant tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }
}
