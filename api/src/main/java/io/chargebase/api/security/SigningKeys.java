package io.chargebase.api.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantProvisioner;
import io.chargebase.tenancy.TenantScope;

/**
 * The RSA keys each issuer signs with, kept in the database (row-level security gives each scope only its own).
 * Keys never change once written, so each scope's set is read once per process.
 */
@Component
public class SigningKeys implements TenantProvisioner {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<TenantScope, JWKSet> cache = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every new tenant gets its key in the transaction that creates it. */
    @Override
    public void provision(Tenant tenant) {
        insertNewKey();
    }

    /** Makes sure the platform issuer has a key; safe to call from several replicas at once. */
    public void ensurePlatformKey() {
        TenantContext.runAs(TenantScope.PLATFORM, () -> transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('platform-signing-key', 0))").query((rs, n) -> 1).single();
            if (load().isEmpty()) {
                insertNewKey();
            }
        }));
    }

    /** The keys of the issuer the current thread acts for, private parts included. */
    public JWKSet currentKeys() {
        TenantScope scope = TenantContext.current() instanceof TenantScope.OfTenant tenant ? tenant.whole() : TenantContext.current();
        if (scope instanceof TenantScope.Nobody) {
            return new JWKSet();
        }
        return cache.computeIfAbsent(scope, ignored -> new JWKSet(List.copyOf(transactions.execute(status -> load()))));
    }

    /** The public keys of an issuer, for verifying its tokens. */
    public JWKSet publicKeysOf(TenantScope scope) {
        return TenantContext.callAs(scope, () -> currentKeys().toPublicJWKSet());
    }

    private List<RSAKey> load() {
        return jdbc.sql("select kid, public_key, private_key from signing_key where retired_at is null order by created_at desc")
                .query((rs, row) -> rsaKey(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")))
                .list();
    }

    private void insertNewKey() {
        KeyPair pair = generate();
        jdbc.sql("insert into signing_key (kid, algorithm, public_key, private_key) values (?, 'RS256', ?, ?)")
                .params(UUID.randomUUID().toString(), pair.getPublic().getEncoded(), pair.getPrivate().getEncoded())
                .update();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    private static RSAKey rsaKey(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Signing key " + kid + " cannot be read", e);
        }
    }
}
