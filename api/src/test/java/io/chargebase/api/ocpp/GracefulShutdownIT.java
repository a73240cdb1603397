package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import io.chargebase.api.ChargebaseApplication;
import io.chargebase.api.support.FreshDatabase;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * An instance stopped under load, as a rolling update or a scale-down stops a replica: chargers send MeterValues one
 * after another as fast as they are answered, a GraphQL client holds a socket, and the application context closes.
 * Counted afterwards: every MeterValues that was answered with a CALLRESULT is in the database, every socket was
 * closed with 1001, and readiness went down before the first socket closed.
 */
class GracefulShutdownIT {

    private static final int CHARGERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_STOP = 60;
    private static final Instant SAMPLED_FROM = Instant.parse("2026-01-01T00:00:00Z");

    private record Charger(UUID chargePointId, String identity, String secret) {
    }

    /** One charger's run: the sequence numbers of its MeterValues that got a CALLRESULT, and how its socket ended. */
    private record Run(UUID chargePointId, List<Integer> acknowledged, int sent, int closeCode, long closedAtNanos) {
    }

    @Test
    void anInstanceStoppedUnderLoadStoresEveryAcknowledgedMeterValueAndClosesEverySocketWithGoingAway() throws Exception {
        try (FreshDatabase database = FreshDatabase.create()) {
            AtomicLong refusingTrafficAt = new AtomicLong();
            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
            arguments.addAll(database.ownerArguments());
            ConfigurableApplicationContext instance = new SpringApplicationBuilder(ChargebaseApplication.class)
                    .listeners((ApplicationListener<ApplicationEvent>) event -> {
                        if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.REFUSING_TRAFFIC) {
                            refusingTrafficAt.compareAndSet(0, System.nanoTime());
                        }
                    })
                    .run(arguments.toArray(String[]::new));
            int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
            Tenant tenant = instance.getBean(Tenants.class).create(new NewTenant("stopping", "Stopping Power", "EUR", "Europe/Amsterdam"));
            List<Charger> chargers = new ArrayList<>();
            for (int i = 0; i < CHARGERS; i++) {
                chargers.add(aCharger(instance, tenant, "CP-STOP-" + i));
            }
            GraphQlSocket graphQl = GraphQlSocket.open("http://localhost:" + port, null);
            assertThat(graphQl.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("connection_ack");

            AtomicInteger acknowledged = new AtomicInteger();
            // a thread each: the common pool may have a single one on a small machine
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            List<CompletableFuture<Run>> runs = new CopyOnWriteArrayList<>();
            List<TestCharger> sockets = new ArrayList<>();
            for (Charger charger : chargers) {
                sockets.add(TestCharger.connected(
                        TestCharger.connect(port, tenant.slug(), charger.identity(), charger.identity(), charger.secret(), "ocpp1.6")));
            }
            for (int i = 0; i < CHARGERS; i++) {
                Charger charger = chargers.get(i);
                TestCharger socket = sockets.get(i);
                runs.add(CompletableFuture.supplyAsync(() -> sendUntilClosed(charger, socket, acknowledged), threads));
            }
            awaitTrue(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_STOP, "the chargers never got going");

            instance.close();

            List<Run> finished = new ArrayList<>();
            for (CompletableFuture<Run> run : runs) {
                finished.add(run.get(60, TimeUnit.SECONDS));
            }
            JsonNode graphQlClosed = graphQl.next(Duration.ofSeconds(10));
            long firstClose = finished.stream().mapToLong(Run::closedAtNanos).min().orElseThrow();
            int answered = 0;
            int stored = 0;
            int sent = 0;
            int rows = 0;
            for (Run run : finished) {
                Set<Integer> inDatabase = storedSequenceNumbers(database, tenant, run.chargePointId());
                assertThat(inDatabase).as("every acknowledged MeterValues of %s is stored", run.chargePointId())
                        .containsAll(run.acknowledged());
                assertThat(run.closeCode()).as("close code of %s", run.chargePointId()).isEqualTo(1001);
                answered += run.acknowledged().size();
                stored += (int) run.acknowledged().stream().filter(inDatabase::contains).count();
                sent += run.sent();
                rows += inDatabase.size();
            }
            assertThat(graphQlClosed.path("type").asString()).isEqualTo("closed");
            assertThat(graphQlClosed.path("code").asInt()).isEqualTo(1001);
            assertThat(refusingTrafficAt.get()).as("readiness went down").isPositive();
            assertThat(refusingTrafficAt.get()).as("readiness went down before the first socket closed").isLessThan(firstClose);
            System.out.printf("GracefulShutdownIT: %d chargers sent %d MeterValues, %d acknowledged, %d of those stored"
                    + " (%d stored in all); readiness down %d ms before the first close%n", CHARGERS, sent, answered, stored, rows,
                    TimeUnit.NANOSECONDS.toMillis(firstClose - refusingTrafficAt.get()));
            assertThat(stored).isEqualTo(answered);
        }
    }

    /** MeterValues one after another, each waiting for its answer, until the socket closes. */
    private static Run sendUntilClosed(Charger charger, TestCharger socket, AtomicInteger acknowledged) {
        List<Integer> answered = new ArrayList<>();
        int sequence = 0;
        while (true) {
            sequence++;
            String id = "mv-" + sequence;
            try {
                socket.sendAsync("[2,\"" + id + "\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\""
                        + SAMPLED_FROM.plusSeconds(sequence) + "\",\"sampledValue\":[{\"value\":\"" + sequence
                        + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}]").join();
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
            Optional<JsonNode> answer = socket.answerOrClose(id);
            if (answer.isEmpty()) {
                break;
            }
            assertThat(answer.get().get(0).asInt()).as("answer to %s: %s", id, answer.get()).isEqualTo(3);
            answered.add(sequence);
            acknowledged.incrementAndGet();
        }
        return new Run(charger.chargePointId(), answered, sequence, socket.awaitClose(), socket.closedAtNanos());
    }

    private static Set<Integer> storedSequenceNumbers(FreshDatabase database, Tenant tenant, UUID chargePointId) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword())) {
            connection.createStatement().execute("select set_config('app.tenant_id', '" + tenant.id().value() + "', false)");
            try (PreparedStatement select = connection.prepareStatement("select value from meter_value where charge_point_id = ?")) {
                select.setObject(1, chargePointId);
                Set<Integer> values = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getBigDecimal(1).intValueExact());
                    }
                }
                return values;
            }
        }
    }

    private static Charger aCharger(ConfigurableApplicationContext instance, Tenant tenant, String identity) {
        Locations locations = instance.getBean(Locations.class);
        ChargePoints chargePoints = instance.getBean(ChargePoints.class);
        return TenantContext.callAs(TenantScope.of(tenant.id()), () -> {
            var location = locations.create(new NewLocation("Depot " + identity, "Stationsplein 1", "1012 AB", "Amsterdam", "NL",
                    new BigDecimal("52.378901"), new BigDecimal("4.900272"), "Europe/Amsterdam", AssetTypes.Access.PUBLIC, null, null));
            var registered = chargePoints.register(new NewChargePoint(location.id(), identity, "ACME", "X1", null,
                    AssetTypes.ChargePointStatus.ACTIVE, List.of(new NewChargePoint.NewEvse(null, AssetTypes.CurrentType.AC,
                    new BigDecimal("22"), List.of(new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.IEC_62196_T2,
                    AssetTypes.ConnectorFormat.SOCKET, AssetTypes.PowerType.AC_3_PHASE, 400, 32))))));
            return new Charger(registered.chargePoint().id(), identity, registered.secret());
        });
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(Duration.ofMillis(10));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
