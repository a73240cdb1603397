package io.chargebase.domain.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.chargebase.tenancy.TenantId;

class TokenAuthorisationsTest {

    private Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final TenantId otherTenant = new TenantId(UUID.randomUUID());
    private final Map<String, Token> stored = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final TokenAuthorisations authorisations = new TokenAuthorisations((t, uid) -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(stored.get(t + "/" + uid.value()));
    }, clock);

    private Token aToken(String uid, boolean blocked, Instant expiresAt, UUID owner) {
        Token token = new Token(UUID.randomUUID(), new TokenUid(uid), null, TokenType.RFID, blocked, expiresAt, owner, null,
                BillingTarget.OWN_PAYMENT_METHOD, now, now);
        stored.put(tenant + "/" + uid, token);
        return token;
    }

    @Test
    void anActiveTokenIsAcceptedWithItsOwnersParentIdTag() {
        UUID owner = UUID.randomUUID();
        aToken("04A1B2C3D4E5F6", false, null, owner);
        Authorisation answer = authorisations.authorise(tenant, "04a1b2c3d4e5f6");
        assertThat(answer.decision()).isEqualTo(Authorisation.Decision.ACCEPTED);
        assertThat(answer.parentIdTag()).hasSize(20).startsWith("P");
        aToken("04A1B2C3D4E5F7", false, null, owner);
        assertThat(authorisations.authorise(tenant, "04A1B2C3D4E5F7").parentIdTag()).isEqualTo(answer.parentIdTag());
    }

    @Test
    void blockedExpiredUnknownAndMalformedTagsAreRefused() {
        aToken("AABBCCDD", true, null, null);
        aToken("AABBCCEE", false, now.minusSeconds(1), null);
        assertThat(authorisations.authorise(tenant, "AABBCCDD").decision()).isEqualTo(Authorisation.Decision.BLOCKED);
        assertThat(authorisations.authorise(tenant, "AABBCCEE").decision()).isEqualTo(Authorisation.Decision.EXPIRED);
        assertThat(authorisations.authorise(tenant, "11223344").decision()).isEqualTo(Authorisation.Decision.INVALID);
        assertThat(authorisations.authorise(tenant, "not-hex-at-all").decision()).isEqualTo(Authorisation.Decision.INVALID);
        assertThat(authorisations.authorise(otherTenant, "AABBCCDD").decision()).as("another tenant's token").isEqualTo(Authorisation.Decision.INVALID);
    }

    @Test
    void aTokenExpiresWhileCached() {
        aToken("AABBCCDD", false, now.plusSeconds(5), null);
        assertThat(authorisations.authorise(tenant, "AABBCCDD").decision()).isEqualTo(Authorisation.Decision.ACCEPTED);
        now = now.plusSeconds(6);
        assertThat(authorisations.authorise(tenant, "AABBCCDD").decision()).isEqualTo(Authorisation.Decision.EXPIRED);
        assertThat(lookups.get()).isEqualTo(1);
    }

    @Test
    void answersComeFromTheCacheUntilTheTokenChangesOrTheEntryAges() {
        aToken("AABBCCDD", false, null, null);
        for (int i = 0; i < 100; i++) {
            authorisations.authorise(tenant, "AABBCCDD");
            authorisations.authorise(tenant, "99999999");
        }
        assertThat(lookups.get()).as("one lookup per tag, the unknown one included").isEqualTo(2);

        aToken("AABBCCDD", true, null, null);
        assertThat(authorisations.authorise(tenant, "AABBCCDD").decision()).as("stale until told").isEqualTo(Authorisation.Decision.ACCEPTED);
        authorisations.forget(new TokenChanged(tenant, new TokenUid("AABBCCDD")));
        assertThat(authorisations.authorise(tenant, "AABBCCDD").decision()).isEqualTo(Authorisation.Decision.BLOCKED);

        aToken("99999999", false, null, null);
        now = now.plus(TokenAuthorisations.MAX_AGE).plus(Duration.ofSeconds(1));
        assertThat(authorisations.authorise(tenant, "99999999").decision()).as("aged out").isEqualTo(Authorisation.Decision.ACCEPTED);
    }
}
