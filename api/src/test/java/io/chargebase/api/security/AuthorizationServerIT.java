package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.PlatformTransactionManager;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

class AuthorizationServerIT extends IntegrationTest {

    @Autowired
    Issuers issuers;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    io.chargebase.api.secrets.Secrets secrets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void eachTenantIsAnIssuerWithItsOwnDiscoveryDocumentAndKeys() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        JsonNode discovery = tokens().get(one.issuerPath() + "/.well-known/openid-configuration").json();
        assertThat(discovery.path("issuer").asString()).isEqualTo(baseUrl() + one.issuerPath());
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(baseUrl() + one.issuerPath() + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(baseUrl() + one.issuerPath() + "/oauth2/jwks");
        JsonNode metadata = tokens().get("/.well-known/oauth-authorization-server" + two.issuerPath()).json();
        assertThat(metadata.path("issuer").asString()).isEqualTo(baseUrl() + two.issuerPath());

        String kidOne = tokens().get(one.issuerPath() + "/oauth2/jwks").json().path("keys").get(0).path("kid").asString();
        String kidTwo = tokens().get(two.issuerPath() + "/oauth2/jwks").json().path("keys").get(0).path("kid").asString();
        assertThat(kidOne).isNotBlank().isNotEqualTo(kidTwo);
        assertThat(tokens().get(one.issuerPath() + "/oauth2/jwks").raw()).doesNotContain("\"d\"");
    }

    @Test
    void unknownIssuersAreNotFound() {
        assertThat(tokens().get("/t/no-such-tenant/.well-known/openid-configuration").status()).isEqualTo(404);
        assertThat(tokens().get("/oauth2/jwks").status()).isEqualTo(404);
        assertThat(tokens().request("/t/no-such-tenant", "x", "y").status()).isEqualTo(404);
    }

    @Test
    void theLocalModeDemoCredentialsDoNotExistWithAConfiguredDatabase() {
        assertThat(tokens().request("/t/demo", "demo-integration", "demo-secret").status()).isIn(401, 404);
        assertThat(tokens().request("/platform", "platform-admin", "platform-secret").status()).isEqualTo(401);
    }

    @Test
    void clientCredentialsGiveATokenCarryingTheTenantAndRoles() throws Exception {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(baseUrl() + tenant.issuerPath());
        assertThat(claims.getStringClaim(Claims.TENANT_ID)).isEqualTo(tenant.tenant().id().toString());
        assertThat(claims.getStringListClaim(Claims.ROLES)).containsExactly("TENANT_ADMIN");
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void wrongSecretsAndClientsOfOtherIssuersAreRefused() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        assertThat(tokens().request(one.issuerPath(), one.clientId(), "wrong").status()).isEqualTo(401);
        // the same client id exists at both issuers; one's secret does not open two's door
        assertThat(tokens().request(two.issuerPath(), one.clientId(), one.secret()).status()).isEqualTo(401);
        assertThat(tokens().request("/platform", one.clientId(), one.secret()).status()).isEqualTo(401);
    }

    @Test
    void clientSecretsAreStoredHashed() {
        TestTenant tenant = aTenant();
        String stored = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () ->
                new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status ->
                        jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?")
                                .param(tenant.clientId()).query(String.class).single()));
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(tenant.secret());
    }

    @Test
    void aTokenSignedWithAnotherTenantsKeyOrClaimingAnotherTenantIsRefused() throws Exception {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        RSAKey twoKey = (RSAKey) TenantContext.callAs(TenantScope.of(two.tenant().id()), () -> signingKeys.currentKeys().getKeys().getFirst());

        // signed with tenant two's real key, but naming tenant one's issuer
        String crossIssuer = sign(twoKey, baseUrl() + one.issuerPath(), one.tenant().id().toString());
        assertThat(graphQl().document(crossIssuer, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);

        // signed by tenant two's issuer, claiming tenant one's id
        String crossTenant = sign(twoKey, baseUrl() + two.issuerPath(), one.tenant().id().toString());
        assertThat(graphQl().document(crossTenant, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);

        // a key nobody issued
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(twoKey.getKeyID()).generate();
        String forged = sign(stranger, baseUrl() + two.issuerPath(), two.tenant().id().toString());
        assertThat(graphQl().document(forged, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);

        // expired
        String expired = sign(twoKey, baseUrl() + two.issuerPath(), two.tenant().id().toString(), Instant.now().minusSeconds(3600));
        assertThat(graphQl().document(expired, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);

        // meant for another audience
        String elsewhere = sign(twoKey, baseUrl() + two.issuerPath(), two.tenant().id().toString(), Instant.now().plusSeconds(600), "another-api");
        assertThat(graphQl().document(elsewhere, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(401);

        // and the genuine article passes
        String genuine = sign(twoKey, baseUrl() + two.issuerPath(), two.tenant().id().toString());
        GraphQl.Response ok = graphQl().document(genuine, "tenant-portal/CurrentTenant", Map.of());
        assertThat(ok.data().path("currentTenant").path("slug").asString()).isEqualTo(two.tenant().slug());
    }

    @Test
    void garbageBearerTokensAreRefusedWithoutDetail() {
        GraphQl.Response response = graphQl().document("not.a.jwt", "tenant-portal/CurrentTenant", Map.of());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw()).doesNotContain("Exception");
    }

    @Test
    void anEncryptedOrUnsignedBearerTokenIsRefusedWith401() throws Exception {
        TestTenant tenant = aTenant();
        RSAKey key = (RSAKey) TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> signingKeys.currentKeys().getKeys().getFirst());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(baseUrl() + tenant.issuerPath()).audience(Claims.API_AUDIENCE)
                .claim(Claims.TENANT_ID, tenant.tenant().id().toString()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        com.nimbusds.jwt.EncryptedJWT encrypted = new com.nimbusds.jwt.EncryptedJWT(
                new com.nimbusds.jose.JWEHeader(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256, com.nimbusds.jose.EncryptionMethod.A256GCM), claims);
        encrypted.encrypt(new com.nimbusds.jose.crypto.RSAEncrypter(key.toRSAPublicKey()));
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims).serialize();

        for (String token : List.of(encrypted.serialize(), unsigned, "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.AAAA.AAAA.AAAA")) {
            GraphQl.Response response = graphQl().document(token, "tenant-portal/CurrentTenant", Map.of());
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.raw()).doesNotContain("Exception");
        }
    }

    @Test
    void keysLiveInTheDatabaseSoAnotherReplicaVerifiesTheSameTokens() {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        SigningKeys freshReplica = new SigningKeys(jdbc, transactionManager, secrets.signingKeys(), java.time.Clock.systemUTC());
        IssuerJwtDecoder decoder = new IssuerJwtDecoder(issuers, freshReplica);
        assertThat(decoder.decode(token).getClaimAsString(Claims.TENANT_ID)).isEqualTo(tenant.tenant().id().toString());
        assertThatThrownBy(() -> decoder.decode(token.substring(0, token.length() - 4) + "AAAA")).isInstanceOf(JwtException.class);
    }

    @Autowired
    IssuerHousekeeping housekeeping;

    @Test
    void housekeepingRemovesAuthorizationsLongExpired() {
        TestTenant tenant = aTenant();
        tokenOf(tenant);
        tokenOf(tenant);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        java.util.function.Supplier<Long> count = () -> TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                () -> transactions.execute(status -> jdbc.sql("select count(*) from oauth2_authorization").query(Long.class).single()));
        assertThat(count.get()).isEqualTo(2);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> transactions.executeWithoutResult(status ->
                jdbc.sql("update oauth2_authorization set access_token_expires_at = now() - interval '2 days' where id in "
                        + "(select id from oauth2_authorization limit 1)").update()));
        housekeeping.run();
        assertThat(count.get()).isEqualTo(1);
    }

    @Test
    void thePlatformIssuerGivesPlatformTokensWithoutATenant() throws Exception {
        String token = platformToken();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(baseUrl() + "/platform");
        assertThat(claims.getClaim(Claims.TENANT_ID)).isNull();
        assertThat(claims.getStringListClaim(Claims.ROLES)).isEqualTo(List.of("PLATFORM_ADMIN"));
    }

    private static String sign(RSAKey key, String issuer, String tenantId) throws Exception {
        return sign(key, issuer, tenantId, Instant.now().plusSeconds(600));
    }

    private static String sign(RSAKey key, String issuer, String tenantId, Instant expiry) throws Exception {
        return sign(key, issuer, tenantId, expiry, Claims.API_AUDIENCE);
    }

    private static String sign(RSAKey key, String issuer, String tenantId, Instant expiry, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(issuer)
                .subject("attacker")
                .claim(Claims.TENANT_ID, tenantId)
                .claim(Claims.ROLES, List.of("TENANT_ADMIN"))
                .issueTime(Date.from(expiry.minusSeconds(1200)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
