package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.Browser;
import io.chargebase.api.support.GraphQl;
import io.chargebase.domain.identity.PasswordHashing;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;

/**
 * Wrong sign-ins cost an adaptive hash each; while they hash they hold no pool connection, so a burst of them (more
 * than the pool has connections) leaves every other tenant's API and chargers served. An address that keeps failing
 * is refused before any hash, at the sign-in form and at the OCPP handshake alike.
 */
@Import(SignInBurstIT.GatedHashing.class)
@TestPropertySource(properties = {"chargebase.security.failed-sign-ins-per-address=40",
        "chargebase.ocpp.failed-authentications-per-address=5", "chargebase.database.pool-size=10"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBurstIT extends OcppIntegrationTest {

    private static final int BURST = 16;

    @Test
    @Order(1)
    void aBurstOfWrongSignInsLeavesAnotherTenantsApiAndChargersServed() throws Exception {
        TestTenant attacked = aTenant();
        User victim = aUser(attacked, UserRole.TENANT_ADMIN, null, null);
        TestTenant other = aTenant();
        String token = tokenOf(other);
        RegisteredCharger charger = aCharger(other, "BURST-CP-1");

        GatedHashing.close();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int i = 0; i < BURST; i++) {
                    String email = i % 2 == 0 ? victim.email() : "nobody-" + i + "@example.com";
                    burst.add(CompletableFuture.supplyAsync(() -> browser().signIn(attacked.issuerPath() + "/login", email, "wrong password"), threads));
                }
                assertThat(GatedHashing.awaitWaiting(BURST)).as("every sign-in of the burst is inside its password check").isTrue();

                GraphQl.Response served = CompletableFuture.supplyAsync(() -> graphQl().query(token, "{ me { roles } }", null), threads)
                        .get(20, TimeUnit.SECONDS);
                assertThat(served.errors().isMissingNode()).as(served.raw()).isTrue();
                assertThat(served.data().path("me").path("roles").get(0).asString()).isEqualTo("TENANT_ADMIN");
                try (TestCharger connected = TestCharger.connected(connect(charger))) {
                    JsonNode booted = connected.call("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"X1\"}");
                    assertThat(booted.get(0).asInt()).as(booted.toString()).isEqualTo(3);
                }
            } finally {
                GatedHashing.open();
            }
            for (CompletableFuture<HttpResponse<String>> attempt : burst) {
                assertThat(Browser.location(attempt.get(30, TimeUnit.SECONDS))).contains("error=");
            }
        }
    }

    @Test
    @Order(2)
    void anAddressThatKeepsFailingIsRefusedBeforeAnyPasswordCheck() {
        TestTenant tenant = aTenant();
        User user = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        HttpResponse<String> refused = null;
        for (int i = 0; i < 41 && refused == null; i++) {
            HttpResponse<String> attempt = browser().signIn(tenant.issuerPath() + "/login", "someone-" + i + "@example.com", "wrong password");
            if (attempt.statusCode() == 429) {
                refused = attempt;
            }
        }
        assertThat(refused).as("refused within the limit of 40 failures").isNotNull();
        assertThat(refused.body()).contains("Too many failed sign-ins from your network address");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        int checksBefore = GatedHashing.checks.get();
        HttpResponse<String> rightPassword = browser().signIn(tenant.issuerPath() + "/login", user.email(), PASSWORD);
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(GatedHashing.checks.get()).as("no password was checked").isEqualTo(checksBefore);
    }

    @Test
    @Order(3)
    void aSourceThatKeepsFailingChargerAuthenticationIsRefusedWith429() {
        TestTenant tenant = aTenant();
        RegisteredCharger charger = aCharger(tenant, "GUESSED-CP-1");
        for (int i = 0; i < 5; i++) {
            assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), charger.identity(), charger.identity(),
                    "guess-" + i, "ocpp1.6"))).isEqualTo(401);
        }
        assertThat(TestCharger.refusal(connect(charger))).as("even the right secret, once the address is refused").isEqualTo(429);
    }

    /** Holds every password check at a gate while the test closes it, and counts the checks. */
    @TestConfiguration
    static class GatedHashing {

        static final AtomicInteger waiting = new AtomicInteger();
        static final AtomicInteger checks = new AtomicInteger();
        private static volatile CountDownLatch gate = new CountDownLatch(0);
        private static volatile CountDownLatch arrivals = new CountDownLatch(0);

        static void close() {
            waiting.set(0);
            arrivals = new CountDownLatch(BURST);
            gate = new CountDownLatch(1);
        }

        static void open() {
            gate.countDown();
        }

        static boolean awaitWaiting(int count) throws InterruptedException {
            return arrivals.await(30, TimeUnit.SECONDS) && waiting.get() >= count;
        }

        @org.springframework.context.annotation.Bean
        static BeanPostProcessor gatedPasswordHashing() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof PasswordHashing hashing)) {
                        return bean;
                    }
                    return new PasswordHashing() {
                        @Override
                        public String hash(String rawPassword) {
                            return hashing.hash(rawPassword);
                        }

                        @Override
                        public boolean matches(String rawPassword, String hash) {
                            checks.incrementAndGet();
                            CountDownLatch current = gate;
                            if (current.getCount() > 0) {
                                waiting.incrementAndGet();
                                arrivals.countDown();
                                try {
                                    current.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return hashing.matches(rawPassword, hash);
                        }
                    };
                }
            };
        }
    }
}
