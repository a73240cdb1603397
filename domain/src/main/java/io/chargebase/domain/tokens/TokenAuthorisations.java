package io.chargebase.domain.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.chargebase.tenancy.TenantId;

/**
 * Answers "may this idTag charge here?" for the OCPP adapter, from a cache: a charger asks on every Authorize and
 * StartTransaction, and the answer rarely changes. Entries are dropped when their token changes, on this instance at
 * commit and on every other one through a PostgreSQL notification; {@link #MAX_AGE} bounds their age should a
 * notification be lost (a listener reconnecting). Unknown idTags are cached too, so a charger repeating a bad card costs no query.
 */
public class TokenAuthorisations {

    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 500_000;

    private final BiFunction<TenantId, TokenUid, Optional<Token>> lookup;
    private final Clock clock;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    /** @param lookup reads a token by UID for a tenant (the database, in the application) */
    public TokenAuthorisations(BiFunction<TenantId, TokenUid, Optional<Token>> lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    public Authorisation authorise(TenantId tenant, String idTag) {
        Optional<TokenUid> uid = TokenUid.fromIdTag(idTag);
        if (uid.isEmpty()) {
            return Authorisation.INVALID;
        }
        Instant now = clock.instant();
        return decide(entry(tenant, uid.get(), now).token(), now);
    }

    /** The token an idTag names, from the same cache (as fresh as the decisions made from it). */
    public Optional<Token> token(TenantId tenant, String idTag) {
        return TokenUid.fromIdTag(idTag).map(uid -> entry(tenant, uid, clock.instant()).token());
    }

    private Entry entry(TenantId tenant, TokenUid uid, Instant now) {
        Key key = new Key(tenant, uid);
        Entry entry = cache.get(key);
        if (entry == null || entry.loadedAt().isBefore(now.minus(MAX_AGE))) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            entry = new Entry(lookup.apply(tenant, uid).orElse(null), now);
            cache.put(key, entry);
        }
        return entry;
    }

    /** Drops what is cached for a token that changed. */
    public void forget(TokenChanged change) {
        cache.remove(new Key(change.tenant(), change.uid()));
    }

    static Authorisation decide(Token token, Instant now) {
        if (token == null) {
            return Authorisation.INVALID;
        }
        return switch (token.statusAt(now)) {
            case ACTIVE -> new Authorisation(Authorisation.Decision.ACCEPTED, parentIdTag(token), token.expiresAt());
            case BLOCKED -> new Authorisation(Authorisation.Decision.BLOCKED, parentIdTag(token), null);
            case EXPIRED -> new Authorisation(Authorisation.Decision.EXPIRED, parentIdTag(token), token.expiresAt());
        };
    }

    /** The same for all tokens of one owner, within OCPP's 20 characters. */
    static String parentIdTag(Token token) {
        return token.ownerProfileId() == null ? null : "P" + token.ownerProfileId().toString().replace("-", "").substring(0, 19).toUpperCase();
    }

    private record Key(TenantId tenant, TokenUid uid) {
    }

    private record Entry(Token token, Instant loadedAt) {
    }
}
