package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.ocpp.v16.Action16;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of a running instance: Prometheus metrics on the management port (and not on the application's),
 * one trace per GraphQL request and per OCPP message down to their SQL, and JSON log lines carrying the tenant and
 * the trace, on the threads a request or message hops to as well. Every span is recorded here in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.tracing.sampling.probability=1.0", "logging.structured.format.console=ecs"})
@Import(ObservabilityIT.Recording.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOOT = "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\"}";
    private static final String FAILING_ON_PURPOSE = "FailingOnPurpose";

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordingSpans spans;

    @Autowired
    ChargerCommands commands;

    @Autowired
    Locations locations;

    @Autowired
    ChargePoints chargePoints;

    /**
     * The logging system is set up once per JVM, by the first application started in it; this test's JSON format
     * holds only if it sets it up again.
     */
    @BeforeAll
    static void logsSetUpAgainByThisApplication() {
        LoggingSystem.get(ObservabilityIT.class.getClassLoader()).cleanUp();
    }

    @Test
    void prometheusOnTheManagementPortOnlyWithBoundedSeries() throws Exception {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        assertThat(graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).status()).isEqualTo(200);
        graphQl().query(token, "{ organisationTree { id } }", Map.of());
        Registered charger = aCharger(tenant, "OBS-METRICS-1");
        // the platform reads the configuration defaults after the boot (it runs them already)
        try (TestCharger socket = connect(charger).answering((action, payload) -> switch (action) {
            case "Reset" -> JSON.readTree("{\"status\": \"Accepted\"}");
            case "GetConfiguration" -> JSON.readTree("{\"configurationKey\": [{\"key\": \"HeartbeatInterval\", \"readonly\": false, "
                    + "\"value\": \"300\"}, {\"key\": \"MeterValueSampleInterval\", \"readonly\": false, \"value\": \"60\"}]}");
            default -> null;
        })) {
            assertThat(socket.call("BootNotification", BOOT).get(0).asInt()).isEqualTo(3);
            assertThat(socket.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
            assertThat(socket.call("MeterValues", meterValues(1)).get(0).asInt()).isEqualTo(3);
            JsonNode notImplemented = socket.call("MadeUpAction", "{}");
            assertThat(notImplemented.get(0).asInt()).isEqualTo(4);
            assertThat(commands.call(tenant.tenant().id(), charger.chargePointId(), Action16.RESET, JSON.readTree("{\"type\": \"Soft\"}"),
                    Duration.ofSeconds(10)).toCompletableFuture().get(10, TimeUnit.SECONDS).path("status").asString()).isEqualTo("Accepted");

            String scrape = get(managementPort, "/actuator/prometheus").body();
            assertThat(value(scrape, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
            assertThat(value(scrape, "http_server_requests_seconds_count", "uri=\"/graphql\"")).isGreaterThanOrEqualTo(2);
            assertThat(value(scrape, "hikaricp_connections_max", "")).isPositive();
            assertThat(value(scrape, "graphql_request_seconds_count", "graphql_operation_name=\"OrganisationTree\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "graphql_request_seconds_count", "graphql_operation_name=\"anonymous\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_connections", "state=\"registered\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_messages_total", "action=\"BootNotification\",direction=\"in\",outcome=\"result\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_messages_total", "action=\"unknown\",direction=\"in\",outcome=\"error\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_callerrors_sent_total", "code=\"NotImplemented\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_meter_values_queued", "")).isGreaterThanOrEqualTo(0);
            assertThat(value(scrape, "ocpp_meter_values_batch_messages_count", "")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_command_round_trip_seconds_count", "action=\"Reset\",outcome=\"answered\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "ocpp_message_seconds_count", "ocpp_action=\"Heartbeat\"")).isGreaterThanOrEqualTo(1);
            // observations keep their timers and begin no long-task timer beside them (one per charger message was costly)
            assertThat(scrape).doesNotContain("ocpp_message_active", "http_server_requests_active", "graphql_request_active");
            // no series names a charger or a tenant
            assertThat(scrape).doesNotContain(charger.identity(), tenant.tenant().slug(), tenant.tenant().id().toString(), "MadeUpAction");
        }
        assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
        // what the chart's probes ask for
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aGraphQlRequestIsOneTraceDownToItsSql() {
        String token = tokenOf(aTenant());
        spans.clear();
        assertThat(graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).status()).isEqualTo(200);
        SpanData request = await().atMost(10, TimeUnit.SECONDS).until(
                () -> spans.named("http post /graphql").stream().findFirst().orElse(null), Objects::nonNull);
        assertThat(request.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(request.getTraceId());
            assertThat(trace).as(spans.describe()).anyMatch(span -> span.getName().startsWith("graphql query"));
            assertThat(trace).as(spans.describe()).anyMatch(ObservabilityIT::isSql);
        });
    }

    @Test
    void anOcppMessageIsOneTraceWithItsSql() {
        Registered charger = aCharger(aTenant(), "OBS-TRACE-1");
        try (TestCharger socket = connect(charger)) {
            socket.call("BootNotification", BOOT);
            spans.clear();
            assertThat(socket.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
            SpanData message = await().atMost(10, TimeUnit.SECONDS).until(
                    () -> spans.named("ocpp Heartbeat").stream().findFirst().orElse(null), Objects::nonNull);
            assertThat(message.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(spans.ofTrace(message.getTraceId())).as(spans.describe()).anyMatch(ObservabilityIT::isSql));
        }
    }

    @Test
    void logLinesAreJsonWithTheTenantAndTheTrace(CapturedOutput output) {
        TestTenant tenant = aTenant();
        String slug = tenant.tenant().slug();
        String tenantId = tenant.tenant().id().toString();
        Registered charger = aCharger(tenant, "OBS-LOGS-1");

        assertThat(TestCharger.refusal(TestCharger.connect(port, slug, charger.identity(), charger.identity(), "wrong", "ocpp1.6"))).isEqualTo(401);
        JsonNode refused = awaitLine(output, "Refused OCPP connection to /ocpp/" + slug + "/" + charger.identity());
        assertTenant(refused, tenantId, slug);
        assertThat(refused.path("traceId").asString()).as("the upgrade request's trace").isNotBlank();

        try (TestCharger socket = connect(charger)) {
            assertTenant(awaitLine(output, "identity=" + charger.identity() + "] connected"), tenantId, slug);
            socket.call("BootNotification", BOOT);
            spans.clear();
            // stored by the MeterValues writer, on a thread of its own, in the message's trace
            socket.call("MeterValues", meterValues(424242));
            JsonNode unknownTransaction = awaitLine(output, "meter values for unknown transaction 424242");
            assertTenant(unknownTransaction, tenantId, slug);
            SpanData message = await().atMost(10, TimeUnit.SECONDS).until(
                    () -> spans.named("ocpp MeterValues").stream().findFirst().orElse(null), Objects::nonNull);
            assertThat(unknownTransaction.path("traceId").asString()).isEqualTo(message.getTraceId());
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(spans.ofTrace(message.getTraceId())).as("the writer's SQL: " + spans.describe()).anyMatch(ObservabilityIT::isSql));
        }

        String token = tokenOf(tenant);
        GraphQlResponse failed = graphQlQuery(token, "query " + FAILING_ON_PURPOSE + " { organisationTree { id } }");
        assertThat(failed.raw()).contains("INTERNAL_ERROR");
        JsonNode error = awaitLine(output, "GraphQL /organisationTree failed");
        assertTenant(error, tenantId, slug);
        assertThat(error.path("traceId").asString()).isNotBlank();
        assertThat(error.path("log").path("level").asString()).isEqualTo("ERROR");
    }

    private GraphQlResponse graphQlQuery(String token, String query) {
        return new GraphQlResponse(graphQl().query(token, query, Map.of()).raw());
    }

    private record GraphQlResponse(String raw) {
    }

    private static void assertTenant(JsonNode line, String tenantId, String slug) {
        assertThat(line.path("tenant").path("id").asString()).as(line.toString()).isEqualTo(tenantId);
        assertThat(line.path("tenant").path("slug").asString()).as(line.toString()).isEqualTo(slug);
    }

    /** The first JSON line whose message contains {@code text}; every captured line must be JSON. */
    private static JsonNode awaitLine(CapturedOutput output, String text) {
        return await().atMost(10, TimeUnit.SECONDS).until(() -> {
            for (String line : output.getOut().split("\n")) {
                if (line.contains(text)) {
                    assertThat(line).as("a JSON line").startsWith("{");
                    JsonNode json = JSON.readTree(line);
                    if (json.path("message").asString().contains(text)) {
                        return json;
                    }
                }
            }
            return null;
        }, Objects::nonNull);
    }

    private static boolean isSql(SpanData span) {
        return span.getAttributes().asMap().keySet().stream()
                .anyMatch(key -> key.getKey().startsWith("jdbc.query") || key.getKey().equals("db.query.text"));
    }

    private static String meterValues(int transactionId) {
        return "{\"connectorId\": 1, \"transactionId\": " + transactionId + ", \"meterValue\": [{\"timestamp\": \"2026-11-25T10:00:00Z\","
                + " \"sampledValue\": [{\"value\": \"1000\", \"measurand\": \"Energy.Active.Import.Register\", \"unit\": \"Wh\"}]}]}";
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labels}. */
    private static double value(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (sample.find()) {
            if (sample.group(1) == null ? labels.isEmpty() : sample.group(1).contains(labels)) {
                sum += Double.parseDouble(sample.group(2));
                found = true;
            }
        }
        assertThat(found).as(name + " with " + labels + " in\n" + scrape).isTrue();
        return sum;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Registered(TestTenant tenant, java.util.UUID chargePointId, String identity, String secret) {
    }

    private Registered aCharger(TestTenant tenant, String identity) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> {
            var location = locations.create(new NewLocation("Observatory", "Sterrenweg 1", "1012 AB", "Amsterdam", "NL",
                    new BigDecimal("52.378901"), new BigDecimal("4.900272"), "Europe/Amsterdam", AssetTypes.Access.PUBLIC, null, null));
            var registered = chargePoints.register(new NewChargePoint(location.id(), identity, "ACME", "X1", null,
                    AssetTypes.ChargePointStatus.ACTIVE, List.of(new NewChargePoint.NewEvse(null, AssetTypes.CurrentType.AC,
                    new BigDecimal("22"), List.of(new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.IEC_62196_T2,
                    AssetTypes.ConnectorFormat.SOCKET, AssetTypes.PowerType.AC_3_PHASE, 400, 32))))));
            return new Registered(tenant, registered.chargePoint().id(), identity, registered.secret());
        });
    }

    private TestCharger connect(Registered charger) {
        return TestCharger.connected(TestCharger.connect(port, charger.tenant().tenant().slug(), charger.identity(), charger.identity(),
                charger.secret(), "ocpp1.6"));
    }

    /** Every span the application ends, kept in memory; and a field that fails for the operation named FailingOnPurpose. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        RecordingSpans recordingSpans() {
            return new RecordingSpans();
        }

        @Bean
        SimplePerformantInstrumentation failingOnPurpose() {
            return new SimplePerformantInstrumentation() {
                @Override
                public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                        InstrumentationState state) {
                    var operation = parameters.getExecutionContext().getOperationDefinition();
                    if (FAILING_ON_PURPOSE.equals(operation.getName()) && parameters.getEnvironment().getField().getName().equals("organisationTree")) {
                        return environment -> {
                            throw new IllegalStateException("failing on purpose");
                        };
                    }
                    return dataFetcher;
                }
            };
        }
    }

    static final class RecordingSpans implements SpanProcessor {

        private final Queue<SpanData> ended = new ConcurrentLinkedQueue<>();

        void clear() {
            ended.clear();
        }

        List<SpanData> named(String name) {
            return ended.stream().filter(span -> span.getName().equals(name)).toList();
        }

        List<SpanData> ofTrace(String traceId) {
            return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
        }

        String describe() {
            List<String> lines = new ArrayList<>();
            ended.forEach(span -> lines.add(span.getTraceId() + " " + span.getName() + " " + span.getAttributes().asMap().keySet()));
            return String.join("\n", lines);
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
