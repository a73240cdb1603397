package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.SessionStatus;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.charging.internal.SessionStore;
import io.chargebase.domain.charging.lifecycle.Active;
import io.chargebase.domain.charging.lifecycle.LostUpdate;
import io.chargebase.domain.charging.lifecycle.NewSession;
import io.chargebase.domain.charging.lifecycle.Pending;
import io.chargebase.domain.charging.lifecycle.StartFacts;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Two writers of one session: a save writes only over the version its state was loaded with, so the writer that
 * comes second learns that it lost (and writes nothing) instead of overwriting the first; the session lifecycle then
 * loads the session again and decides on what is there now.
 */
class SessionVersionIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F7";

    @Autowired
    SessionStore store;

    @Autowired
    SessionRows rows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterAll
    static void stopThreads() {
        TIMERS.shutdownNow();
        WRITERS.shutdownNow();
    }

    @Test
    void ofTwoWritersThatLoadedTheSameVersionTheSecondWritesNothing() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        UUID chargePoint = chargePoint(tenant, admin, "VERSION-CP-1");
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            UUID id = UUID.randomUUID();
            tx.executeWithoutResult(status -> store.save(Pending.awaitCar(new NewSession(id, chargePoint, null, null, CARD, null, null,
                    Instant.now()))));
            Pending first = (Pending) tx.execute(status -> store.find(id).orElseThrow().state());
            Pending second = (Pending) tx.execute(status -> store.find(id).orElseThrow().state());

            tx.executeWithoutResult(status -> store.save(first.start(new StartFacts(7, 1, null, 100, Instant.now(), null, Instant.now()))));
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> store.save(second.failStart(Instant.now()))))
                    .isInstanceOf(LostUpdate.class);

            var stored = tx.execute(status -> store.find(id).orElseThrow());
            assertThat(stored.state()).as("the first writer's start stands").isInstanceOf(Active.class);
            assertThat(stored.state().version()).isEqualTo(1);
            assertThat(stored.state().session().stopReason()).isNull();
            assertThat(stored.state().session().stopReceivedAt()).isNull();
        });
    }

    @Test
    void aStartTransactionThatLostToTheFailStartSweepDecidesAgainAndStartsANewSession() throws Exception {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Vera Version",
                "email", "vera@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "VERSION-CP-2",
                "evses", List.of(AssetFixtures.anAcEvse(null))));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "VERSION-CP-2", registered.path("chargerSecret").asString()).join()) {
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            // the driver swipes before plugging in: a session waits for the car
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", CARD)).path("idTagInfo").path("status").asString())
                    .isEqualTo("Accepted");
            UUID pending = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> tx.execute(status ->
                    jdbc.sql("select id from charging_session where status = 'PENDING'").query(UUID.class).single()));

            // the fail-start sweep (which takes no charger lock) fails it, and holds its transaction open
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            int[] sweeper = {0};
            CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                    () -> tx.execute(status -> {
                        int count = rows.failPending(Instant.now().plus(Duration.ofMinutes(1)), Instant.now());
                        sweeper[0] = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                        failed.countDown();
                        await(commit);
                        return count;
                    })), WRITERS);
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();

            // the charger starts meanwhile: its lifecycle loads the session still pending and decides to start it
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            CompletableFuture<JsonNode> started = charger.call("StartTransaction", SimulatedCharger.object().put("connectorId", 1)
                    .put("idTag", CARD).put("meterStart", 100).put("timestamp", startedAt.toString())).toCompletableFuture();
            // its save waits for the sweep's row lock
            assertThat(Eventually.value(() -> waitingFor(sweeper[0]), waiting -> waiting)).as("the start's save waits for the sweep").isTrue();
            commit.countDown();
            assertThat(sweep.get(10, TimeUnit.SECONDS)).isEqualTo(1);

            JsonNode answer = started.get(10, TimeUnit.SECONDS);
            assertThat(answer.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            int transactionId = answer.path("transactionId").asInt();
            record Row(UUID id, String status, Integer transactionId, String stopReason, boolean stopReceived, long version) {
            }
            List<Row> sessions = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> tx.execute(status -> jdbc.sql(
                    "select id, status, transaction_id, stop_reason, stop_received_at is not null as stop_received, version "
                            + "from charging_session order by created_at").query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                                    rs.getString("status"), (Integer) rs.getObject("transaction_id"), rs.getString("stop_reason"),
                                    rs.getBoolean("stop_received"), rs.getLong("version"))).list()));
            assertThat(sessions).hasSize(2);
            assertThat(sessions.get(0)).as("the sweep's failure stands").isEqualTo(new Row(pending, SessionStatus.FAILED.name(), null, "FailStart",
                    true, 1));
            assertThat(sessions.get(1).status()).as("decided again: a session of its own").isEqualTo(SessionStatus.ACTIVE.name());
            assertThat(sessions.get(1).transactionId()).isEqualTo(transactionId);
            assertThat(sessions.get(1).stopReceived()).isFalse();

            // and it stops as usual
            JsonNode stopped = call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transactionId).put("idTag", CARD)
                    .put("meterStop", 2100).put("timestamp", startedAt.plus(Duration.ofMinutes(20)).toString()).put("reason", "Local"));
            assertThat(stopped.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            String status = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> tx.execute(s -> jdbc.sql(
                    "select status from charging_session where transaction_id = ?").param(transactionId).query(String.class).single()));
            assertThat(status).isEqualTo("FINISHED");
        }
    }

    /** Whether a backend waits for a lock that the backend {@code pid} holds (the start's save, for the sweep's row lock). */
    private boolean waitingFor(int pid) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return TenantContext.callAs(TenantScope.PLATFORM, () -> tx.execute(status -> jdbc.sql(
                "select exists (select 1 from pg_locks l where not l.granted and ? = any(pg_blocking_pids(l.pid)))").param(pid)
                .query(Boolean.class).single()));
    }

    private UUID chargePoint(TestTenant tenant, String admin, String identity) {
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(null))));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> tx.execute(status ->
                jdbc.sql("select id from charge_point where ocpp_identity = ?").param(identity).query(UUID.class).single()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
