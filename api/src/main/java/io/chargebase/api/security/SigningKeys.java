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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.chargebase.api.secrets.SecretBox;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantProvisioner;
import io.chargebase.tenancy.TenantScope;

/**
 * The RSA keys each issuer signs with, kept in the database (row-level security gives each scope only its own) with
 * their private parts sealed under the configured encryption key. An issuer signs with its newest key; older keys
 * keep verifying until their {@code retired_at} and are then left out of the key set. Each process caches a scope's
 * keys; a change on any replica is announced on {@value #CHANNEL} and drops the entry everywhere, and an entry older
 * than {@link #MAX_CACHE_AGE} or a token naming an unknown key id reads the database again in any case.
 */
public class SigningKeys implements TenantProvisioner {

    public static final String CHANNEL = "signing_key_changed";
    static final Duration MAX_CACHE_AGE = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(10);
    private static final String PLATFORM = "platform";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox box;
    private final Clock clock;
    private final Map<TenantScope, Loaded> cache = new ConcurrentHashMap<>();
    // bumped by every forget, so a read that raced a change is used once but not cached
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private record StoredKey(RSAKey key, Instant createdAt, Instant retiredAt) {

        boolean verifiesAt(Instant now) {
            return retiredAt == null || retiredAt.isAfter(now);
        }
    }

    private record Loaded(List<StoredKey> keys, Instant loadedAt) {
    }

    public SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.box = box;
        this.clock = clock;
    }

    /** Every new tenant gets its key in the transaction that creates it. */
    @Override
    public void provision(Tenant tenant) {
        insertNewKey();
    }

    /** Makes sure the platform issuer has a key; safe to call from several replicas at once. */
    public void ensurePlatformKey() {
        TenantContext.runAs(TenantScope.PLATFORM, () -> transactions.executeWithoutResult(status -> {
            lockScope();
            if (load().stream().noneMatch(key -> key.verifiesAt(clock.instant()))) {
                insertNewKey();
                announce();
            }
        }));
    }

    /** The keys of the issuer the current thread acts for that still verify, private parts included. */
    public JWKSet currentKeys() {
        return scope().map(scope -> new JWKSet(List.copyOf(verifying(scope).stream().map(StoredKey::key).toList()))).orElseGet(JWKSet::new);
    }

    /** The one key the current issuer signs with now: its newest that has not been retired. */
    public JWKSet signingKey() {
        return scope().flatMap(scope -> verifying(scope).stream().filter(key -> key.retiredAt() == null).findFirst())
                .map(key -> new JWKSet(key.key())).orElseGet(JWKSet::new);
    }

    /** The public keys of an issuer, for verifying its tokens. */
    public JWKSet publicKeysOf(TenantScope scope) {
        return TenantContext.callAs(scope, () -> currentKeys().toPublicJWKSet());
    }

    /**
     * The public keys of an issuer after a token named a key id that is not among them: the key may have been made
     * on another replica a moment ago, so the database is read again, at most every few seconds per issuer.
     */
    public JWKSet publicKeysAfterUnknownKid(TenantScope scope) {
        Loaded loaded = cache.get(scope);
        if (loaded != null && loaded.loadedAt().isBefore(clock.instant().minus(UNKNOWN_KID_RELOAD))) {
            cache.remove(scope, loaded);
        }
        return publicKeysOf(scope);
    }

    /**
     * Makes a new key the issuer's signing key. The keys it replaces keep verifying for {@code overlap} (tokens they
     * signed stay good until they expire), or stop at once with a zero overlap, for a key that leaked.
     *
     * @return the new key's id, and when the keys it replaces stop verifying
     */
    public Rotation rotate(TenantScope scope, Duration overlap) {
        Rotation rotation = TenantContext.callAs(scope, () -> transactions.execute(status -> {
            lockScope();
            Instant retireAt = clock.instant().plus(overlap);
            jdbc.sql("update signing_key set retired_at = ? where retired_at is null or retired_at > ?")
                    .params(Timestamp.from(retireAt), Timestamp.from(retireAt)).update();
            String kid = insertNewKey();
            announce();
            return new Rotation(kid, retireAt);
        }));
        // this replica need not wait for its own notification
        forgetLocally(scope);
        return rotation;
    }

    /** A rotation's outcome: the new key's id, and when the keys it replaced stop verifying. */
    public record Rotation(String keyId, Instant previousKeysRetireAt) {
    }

    /** The issuer's newest key, when it is older than {@code maxAge}, is replaced; for the housekeeping's rotation. */
    public boolean rotateIfOlderThan(TenantScope scope, Duration maxAge, Duration overlap) {
        Instant newest = TenantContext.callAs(scope, () -> transactions.execute(status ->
                jdbc.sql("select max(created_at) from signing_key where retired_at is null").query(Timestamp.class).optional()
                        .map(Timestamp::toInstant).orElse(null)));
        if (newest != null && newest.isAfter(clock.instant().minus(maxAge))) {
            return false;
        }
        rotate(scope, overlap);
        return true;
    }

    /** Deletes the current scope's keys whose retirement has passed; call in a transaction. */
    long deleteRetired() {
        long deleted = jdbc.sql("delete from signing_key where retired_at <= ?").param(Timestamp.from(clock.instant())).update();
        if (deleted > 0) {
            announce();
        }
        return deleted;
    }

    /** Changes whenever this instance learns that some scope's keys changed, here or on another replica. */
    long generation() {
        return generation.get();
    }

    private void forgetLocally(TenantScope scope) {
        generation.incrementAndGet();
        cache.remove(scope);
    }

    /** Some replica changed this scope's keys: read them again when next needed. */
    void forget(String payload) {
        generation.incrementAndGet();
        if (PLATFORM.equals(payload)) {
            cache.remove(TenantScope.PLATFORM);
            return;
        }
        try {
            cache.remove(TenantScope.of(new TenantId(UUID.fromString(payload))));
        } catch (IllegalArgumentException notOurs) {
            cache.clear();
        }
    }

    private static Optional<TenantScope> scope() {
        TenantScope scope = TenantContext.current() instanceof TenantScope.OfTenant tenant ? tenant.whole() : TenantContext.current();
        return scope instanceof TenantScope.Nobody ? Optional.empty() : Optional.of(scope);
    }

    private List<StoredKey> verifying(TenantScope scope) {
        Instant now = clock.instant();
        Loaded loaded = cache.get(scope);
        if (loaded == null || !loaded.loadedAt().isAfter(now.minus(MAX_CACHE_AGE))) {
            long before = generation.get();
            loaded = new Loaded(TenantContext.callAs(scope, () -> transactions.execute(status -> load())), now);
            if (generation.get() == before) {
                cache.put(scope, loaded);
            }
        }
        return loaded.keys().stream().filter(key -> key.verifiesAt(now)).toList();
    }

    private void lockScope() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('signing-key:' || coalesce(nullif(current_setting('app.tenant_id', true), ''), 'platform'), 0))")
                .query((rs, n) -> 1).single();
    }

    private void announce() {
        jdbc.sql("select pg_notify('" + CHANNEL + "', coalesce(nullif(current_setting('app.tenant_id', true), ''), '" + PLATFORM + "'))")
                .query((rs, n) -> 1).single();
    }

    private List<StoredKey> load() {
        return jdbc.sql("""
                        select kid, public_key, private_key, private_key_sealed, created_at, retired_at from signing_key
                        order by created_at desc, kid""")
                .query((rs, row) -> {
                    String kid = rs.getString("kid");
                    byte[] sealed = rs.getBytes("private_key_sealed");
                    // a key stored before sealing existed, until the start-up step seals it
                    byte[] privateKey = sealed != null ? box.open(sealed, kid) : rs.getBytes("private_key");
                    Timestamp retired = rs.getTimestamp("retired_at");
                    return new StoredKey(rsaKey(kid, rs.getBytes("public_key"), privateKey), rs.getTimestamp("created_at").toInstant(),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private String insertNewKey() {
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        jdbc.sql("insert into signing_key (kid, algorithm, public_key, private_key_sealed, created_at) values (?, 'RS256', ?, ?, ?)")
                .params(kid, pair.getPublic().getEncoded(), box.seal(pair.getPrivate().getEncoded(), kid), Timestamp.from(clock.instant()))
                .update();
        return kid;
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
