package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.secrets.Secrets;
import io.chargebase.api.support.Browser;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** What a copy of the database gives away: no token that works, no private key in clear; and keys that rotate. */
class SecretsAtRestIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Secrets secrets;

    @Autowired
    Issuers issuers;

    @Autowired
    ClearSigningKeys clearSigningKeys;

    @Autowired
    PostgresNotifications notifications;

    private <T> T inTenant(TestTenant tenant, Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    @Test
    void codesAndTokensAreStoredOnlyAsHashesAndStillWork() throws Exception {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String code = browser.authorizationCode(tenant.issuerPath(), PORTAL, REDIRECT_URI, pkce, admin.email(), PASSWORD);
        List<String> codes = inTenant(tenant, () -> jdbc.sql("select authorization_code_value from oauth2_authorization "
                + "where authorization_code_value is not null").query(String.class).list());
        assertThat(codes).hasSize(1).allSatisfy(stored -> assertThat(stored).isEqualTo(HashedTokenAuthorizationService.hash(code)));

        JsonNode tokens = browser.exchangeCode(tenant.issuerPath(), PORTAL, PORTAL_SECRET, code, REDIRECT_URI, pkce).json();
        String access = tokens.path("access_token").asString();
        String refresh = tokens.path("refresh_token").asString();
        String idToken = tokens.path("id_token").asString();
        String stored = inTenant(tenant, () -> jdbc.sql("select concat_ws(' ', authorization_code_value, access_token_value, refresh_token_value, "
                + "oidc_id_token_value) from oauth2_authorization").query(String.class).single());
        assertThat(stored).doesNotContain(code, access, refresh, idToken).contains(HashedTokenAuthorizationService.hash(refresh),
                HashedTokenAuthorizationService.hash(access), HashedTokenAuthorizationService.hash(idToken));

        // looked up by hash: the refresh token, the OIDC user info (by access token) and revocation all still work
        GraphQl.Response refreshed = browser.refresh(tenant.issuerPath(), PORTAL, PORTAL_SECRET, refresh);
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        String second = refreshed.json().path("refresh_token").asString();
        assertThat(browser.refresh(tenant.issuerPath(), PORTAL, PORTAL_SECRET, refresh).status()).as("a used one is refused").isEqualTo(400);
        var revoked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + tenant.issuerPath() + "/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((PORTAL + ":" + PORTAL_SECRET).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + second)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(browser.refresh(tenant.issuerPath(), PORTAL, PORTAL_SECRET, second).status()).as("revoked").isEqualTo(400);
    }

    @Test
    void theUpgradeHashesOlderRowsExactlyAsLookupsDo() {
        // the expression of changeset at-rest-001, which hashed the values stored before
        String value = "a-refresh-token_of-an-earlier-version";
        String inSql = jdbc.sql("select 'sha256:' || encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(value).query(String.class).single();
        assertThat(inSql).isEqualTo(HashedTokenAuthorizationService.hash(value));
        // and the one of at-rest-005, which struck codes out of messages queued before
        String body = "Hello A,\n\nyour password-reset code: Qk3x_Jd9-LmPq2Rs8TuVw5XyZa0Bc1De\n\nIt is valid for one hour.";
        String struck = jdbc.sql("select regexp_replace(?, 'code: [A-Za-z0-9_-]{20,}', 'code: (no longer valid)', 'g')").param(body)
                .query(String.class).single();
        assertThat(struck).doesNotContain("Qk3x").contains("code: (no longer valid)\n\nIt is valid");
    }

    @Test
    void privateKeysAreStoredSealedAndAKeyStoredInClearIsSealedAtStartUp() throws Exception {
        TestTenant tenant = aTenant();
        Map<String, Object> row = inTenant(tenant, () -> jdbc.sql("select private_key, private_key_sealed from signing_key").query().singleRow());
        assertThat(row.get("private_key")).isNull();
        byte[] sealed = (byte[]) row.get("private_key_sealed");
        var privateKey = inTenant(tenant, () -> {
            try {
                return ((com.nimbusds.jose.jwk.RSAKey) new SigningKeys(jdbc, transactionManager, secrets.signingKeys(), Clock.systemUTC())
                        .currentKeys().getKeys().getFirst()).toPrivateKey().getEncoded();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(privateKey, 64, 96))).as("no part of the key in clear").isNegative();

        // a key written by an earlier version, in clear, as the issuer's newest
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var clear = pair.generateKeyPair();
        String kid = UUID.randomUUID().toString();
        inTenant(tenant, () -> jdbc.sql("insert into signing_key (kid, algorithm, public_key, private_key, created_at) "
                + "values (?, 'RS256', ?, ?, now() + interval '1 second')").params(kid, clear.getPublic().getEncoded(), clear.getPrivate().getEncoded()).update());
        assertThat(clearSigningKeys.sealAll()).isGreaterThanOrEqualTo(1);
        Map<String, Object> converted = inTenant(tenant, () -> jdbc.sql("select private_key, private_key_sealed from signing_key where kid = ?")
                .param(kid).query().singleRow());
        assertThat(converted.get("private_key")).isNull();
        assertThat(secrets.signingKeys().open((byte[]) converted.get("private_key_sealed"), kid)).isEqualTo(clear.getPrivate().getEncoded());
        awaitKeyIdOfNewTokens(tenant, kid);
    }

    @Test
    void aRotatedKeySignsAtOnceWhileTheOldOneVerifiesUntilItRetires() throws Exception {
        TestTenant tenant = aTenant();
        String platform = platformToken();
        String before = tokenOf(tenant);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        // another replica, which read (and cached) the tenant's keys before the rotation
        SigningKeys otherReplica = new SigningKeys(jdbc, transactionManager, secrets.signingKeys(), Clock.systemUTC());
        notifications.subscribe(SigningKeys.CHANNEL, otherReplica::forget);
        IssuerJwtDecoder otherDecoder = new IssuerJwtDecoder(issuers, otherReplica);
        assertThat(otherDecoder.decode(before).getClaimAsString(Claims.TENANT_ID)).isEqualTo(tenant.tenant().id().toString());

        String tenantId = GlobalId.encode("Tenant", tenant.tenant().id().value());
        JsonNode rotated = mutate(platform, "platform-console/RotateSigningKey", Map.of("tenantId", tenantId));
        assertThat(rotated.path("userErrors")).as(rotated.toString()).isEmpty();
        String newKid = rotated.path("keyId").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.path("previousKeysRetireAt").asString()).isNotBlank();

        String after = tokenOf(tenant);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(graphQl().document(before, "tenant-portal/CurrentTenant", Map.of()).status()).as("old key still verifies").isEqualTo(200);
        assertThat(graphQl().document(after, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);
        assertThat(otherDecoder.decode(after).getClaimAsString(Claims.TENANT_ID)).as("the other replica knows the new key").isNotNull();
        String published = tokens().get(tenant.issuerPath() + "/oauth2/jwks").raw();
        assertThat(published).contains(oldKid, newKid).doesNotContain("\"d\"");

        // a leaked key: retired at once, on every replica, without a restart
        JsonNode leaked = mutate(platform, "platform-console/RotateSigningKey", Map.of("tenantId", tenantId, "immediately", true));
        assertThat(leaked.path("userErrors")).isEmpty();
        assertThat(graphQl().document(after, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);
        assertThat(graphQl().document(before, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);
        long deadline = System.nanoTime() + 10_000_000_000L;
        boolean refusedThere = false;
        while (!refusedThere && System.nanoTime() < deadline) {
            try {
                otherDecoder.decode(after);
                Thread.onSpinWait();
            } catch (org.springframework.security.oauth2.jwt.JwtException refused) {
                refusedThere = true;
            }
        }
        assertThat(refusedThere).as("the other replica dropped the retired key").isTrue();
        assertThat(tokens().get(tenant.issuerPath() + "/oauth2/jwks").raw()).doesNotContain(oldKid, newKid)
                .contains(leaked.path("keyId").asString());
        assertThat(graphQl().document(tokenOf(tenant), "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);

        JsonNode platformRotated = mutate(platform, "platform-console/RotateSigningKey", Map.of());
        assertThat(platformRotated.path("userErrors")).isEmpty();
        assertThat(graphQl().document(platform, "platform-console/Tenants", Map.of()).status()).as("platform's old key still verifies").isEqualTo(200);
        assertThat(graphQl().document(tokenOf(tenant), "platform-console/RotateSigningKey", Map.of("input", Map.of())).errorTypes())
                .as("platform admins only").contains("FORBIDDEN");
    }

    private void awaitKeyIdOfNewTokens(TestTenant tenant, String kid) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = SignedJWT.parse(tokenOf(tenant)).getHeader().getKeyID();
            if (kid.equals(seen)) {
                return;
            }
        }
        throw new AssertionError("new tokens are still signed with " + seen + ", not the sealed key " + kid);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
