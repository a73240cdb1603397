package io.chargebase.domain.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.chargebase.tenancy.TenantId;

/**
 * Warm authorisation lookups, as a busy charging network makes them: 10,000 tokens of one tenant, all cached, asked
 * for in random order. Run with {@code ./mvnw -B -pl tenancy,domain -am -Pjmh -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenAuthorisationBenchmark {

    private static final int TOKENS = 10_000;

    private TokenAuthorisations authorisations;
    private TenantId tenant;
    private String[] idTags;
    private int next;

    @Setup
    public void warmCache() {
        tenant = new TenantId(UUID.randomUUID());
        Map<TokenUid, Token> stored = new HashMap<>();
        Random random = new Random(42);
        idTags = new String[TOKENS];
        Instant now = Instant.now();
        for (int i = 0; i < TOKENS; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            TokenUid uid = new TokenUid(HexFormat.of().withUpperCase().formatHex(bytes));
            stored.put(uid, new Token(UUID.randomUUID(), uid, null, TokenType.RFID, i % 50 == 0, now.plusSeconds(86_400 * 365),
                    UUID.randomUUID(), null, BillingTarget.OWN_PAYMENT_METHOD, now, now));
            idTags[i] = uid.value();
        }
        authorisations = new TokenAuthorisations((t, uid) -> Optional.ofNullable(stored.get(uid)), Clock.systemUTC());
        for (String idTag : idTags) {
            authorisations.authorise(tenant, idTag);
        }
    }

    @Benchmark
    public Authorisation warmLookup() {
        next = (next + 7919) % TOKENS;
        return authorisations.authorise(tenant, idTags[next]);
    }
}
