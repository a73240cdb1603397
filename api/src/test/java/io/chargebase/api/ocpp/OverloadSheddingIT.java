package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.ocpp.rpc.OutboundCallException;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 16 item 6: under overload the charger-facing path sheds by design. With one turn for database work and a
 * short admission wait, a StartTransaction held up in the database (its charge point's lock taken by the test) keeps
 * the only turn: another charger's Authorize is answered at once with a CALLERROR InternalError it can retry, its
 * Heartbeat with the time and no database, and nothing of either is half-made; once the turn is free both are served.
 */
@TestPropertySource(properties = {"chargebase.ocpp.max-in-flight=1", "chargebase.ocpp.admission-wait=300ms"})
class OverloadSheddingIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final ExecutorService HOLDERS = Executors.newVirtualThreadPerTaskExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04C1B2C3D4E5F6";
    private static final String OTHER_CARD = "04C1B2C3D4E5F7";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ChargerAdmission admission;

    @AfterAll
    static void stopThreads() {
        TIMERS.shutdownNow();
        HOLDERS.shutdownNow();
    }

    @Test
    void aMessageWithNoTurnIsAnsweredAtOnceWithARetryableCallErrorAndServedOnceATurnIsFree() throws Exception {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Olga Overload",
                "email", "olga@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        String otherProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Otto Other",
                "email", "otto@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", OTHER_CARD, "type", "RFID", "ownerProfileId", otherProfile));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode busy = register(admin, location, "SHED-CP-1");
        JsonNode other = register(admin, location, "SHED-CP-2");
        UUID busyId = GlobalId.decode(busy.path("chargePoint").path("id").asString()).orElseThrow().id();

        try (SimulatedCharger first = connect(tenant, "SHED-CP-1", busy); SimulatedCharger second = connect(tenant, "SHED-CP-2", other)) {
            TransactionTemplate tx = new TransactionTemplate(transactionManager);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            int[] holder = {0};
            // the charge point's session lock, the one a StartTransaction takes, held by the test
            CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> TenantContext.runAs(TenantScope.PLATFORM, () ->
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(busyId.toString()).query().singleRow();
                        holder[0] = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                        held.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })), HOLDERS);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            double shedBefore = shed("Authorize");
            double heartbeatsBefore = shed("Heartbeat");
            CompletableFuture<JsonNode> started = first.call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD)
                    .put("meterStart", 0).put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).toCompletableFuture();
            assertThat(Eventually.value(() -> waitingFor(holder[0]), waiting -> waiting)).as("the start waits in the database, holding the turn").isTrue();
            assertThat(admission.free()).isZero();

            Throwable refused = second.call("Authorize", SimulatedCharger.object().put("idTag", OTHER_CARD)).toCompletableFuture()
                    .handle((answer, failure) -> failure).join();
            Throwable cause = refused instanceof CompletionException wrapped ? wrapped.getCause() : refused;
            assertThat(cause).as("answered with a CALLERROR").isInstanceOf(OutboundCallException.Rejected.class);
            OutboundCallException.Rejected rejected = (OutboundCallException.Rejected) cause;
            assertThat(rejected.callError().errorCode()).isEqualTo(RpcErrorCode.INTERNAL_ERROR);
            assertThat(rejected.callError().errorDescription()).isEqualTo(ChargerAdmission.OVERLOADED);
            JsonNode beat = second.call("Heartbeat", SimulatedCharger.object()).toCompletableFuture().join();
            assertThat(beat.path("currentTime").asString()).as("a heartbeat is answered without the database").isNotBlank();
            assertThat(shed("Authorize")).isEqualTo(shedBefore + 1);
            assertThat(shed("Heartbeat")).isEqualTo(heartbeatsBefore + 1);
            assertThat(started).as("the held start is not failed meanwhile").isNotDone();

            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
            assertThat(started.get(10, TimeUnit.SECONDS).path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            assertThat(sessions(tenant)).as("the start, whole; nothing of the shed Authorize").containsExactly("ACTIVE");
            assertThat(second.call("Authorize", SimulatedCharger.object().put("idTag", OTHER_CARD)).toCompletableFuture().join().path("idTagInfo")
                    .path("status").asString()).as("the retry is served").isEqualTo("Accepted");
            assertThat(sessions(tenant)).as("the retried Authorize's session waits for the car").containsExactlyInAnyOrder("ACTIVE", "PENDING");
            assertThat(Eventually.value(admission::free, free -> free == 1)).isEqualTo(1);
        }
    }

    private List<String> sessions(TestTenant tenant) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> tx.execute(status ->
                jdbc.sql("select status from charging_session").query(String.class).list()));
    }

    private JsonNode register(String admin, String location, String identity) {
        return mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(null))));
    }

    private SimulatedCharger connect(TestTenant tenant, String identity, JsonNode registered) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                identity, registered.path("chargerSecret").asString()).join();
        JsonNode boot = charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
        assertThat(boot.path("status").asString()).isEqualTo("Accepted");
        return charger;
    }

    private double shed(String action) {
        var counter = registry.find("ocpp.shed").tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Whether a backend waits for a lock that the backend {@code pid} holds. */
    private boolean waitingFor(int pid) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return TenantContext.callAs(TenantScope.PLATFORM, () -> tx.execute(status -> jdbc.sql(
                "select exists (select 1 from pg_locks l where not l.granted and ? = any(pg_blocking_pids(l.pid)))").param(pid)
                .query(Boolean.class).single()));
    }
}
