package io.chargebase.ocpp.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.ocpp.rpc.RpcEndpoint;
import io.chargebase.ocpp.rpc.RpcSettings;
import io.chargebase.ocpp.rpc.TimeoutScheduler;
import io.chargebase.ocpp.v16.ChargePointRules16;

/**
 * An OCPP 1.6J charger over a real WebSocket: Basic auth, subprotocol {@code ocpp1.6}, every payload checked against
 * the OCA schemas on the charger's side. It answers the central system's commands like a well-behaved charger
 * (configuration keys, availability, resets, remote start and stop handed to {@link #onRemote}).
 */
public final class SimulatedCharger implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String identity;
    private final RpcEndpoint endpoint;
    private final WebSocket socket;
    private final Map<String, String> configuration = new ConcurrentHashMap<>(Map.of(
            "HeartbeatInterval", "300", "MeterValueSampleInterval", "60", "NumberOfConnectors", "2",
            "LocalAuthListEnabled", "true", "AuthorizeRemoteTxRequests", "false"));
    private volatile BiConsumer<String, JsonNode> onRemote = (action, payload) -> { };
    private volatile BiConsumer<String, JsonNode> onCommand = (action, payload) -> { };
    private volatile int localListVersion;
    private volatile String remoteStatus = "Accepted";
    private volatile String reservationStatus = "Accepted";

    private SimulatedCharger(String identity, RpcEndpoint endpoint, WebSocket socket) {
        this.identity = identity;
        this.endpoint = endpoint;
        this.socket = socket;
    }

    /** Connects {@code baseUrl + identity} (e.g. ws://localhost:8080/ocpp/demo/ + DEMO-CP-1) with the charger's password. */
    public static CompletableFuture<SimulatedCharger> connect(HttpClient http, ScheduledExecutorService timers, String baseUrl, String identity,
            String password) {
        Holder holder = new Holder();
        Listener listener = new Listener(holder);
        String basic = Base64.getEncoder().encodeToString((identity + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.newWebSocketBuilder()
                .subprotocols("ocpp1.6")
                .header("Authorization", "Basic " + basic)
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(baseUrl + identity), listener)
                .thenApply(socket -> {
                    SimulatedCharger charger = new SimulatedCharger(identity, new RpcEndpoint(identity, frame -> socket.sendText(frame, true).join(),
                            new ChargePointRules16(), (action, payload) -> holder.charger.answer(action, payload),
                            TimeoutScheduler.using(timers), RpcSettings.defaults()), socket);
                    holder.charger = charger;
                    holder.ready.complete(null);
                    return charger;
                });
    }

    public String identity() {
        return identity;
    }

    public CompletionStage<JsonNode> call(String action, JsonNode payload) {
        return endpoint.call(action, payload, Duration.ofSeconds(30));
    }

    /** Called with RemoteStartTransaction and RemoteStopTransaction requests after they are accepted. */
    public void onRemote(BiConsumer<String, JsonNode> handler) {
        this.onRemote = handler;
    }

    /** Answers RemoteStartTransaction and RemoteStopTransaction with {@code status} (Accepted, as it starts, or Rejected). */
    public SimulatedCharger answeringRemote(String status) {
        this.remoteStatus = status;
        return this;
    }

    /** Answers ReserveNow with {@code status}: Accepted, Occupied, Faulted, Unavailable or Rejected. */
    public SimulatedCharger answeringReservations(String status) {
        this.reservationStatus = status;
        return this;
    }

    /** Called with every call the central system makes, as it comes and before it is answered. */
    public void onCommand(BiConsumer<String, JsonNode> handler) {
        this.onCommand = handler;
    }

    /** Sets a configuration key as if the charger had been set up with it; null removes it (the charger does not know it). */
    public SimulatedCharger configure(String key, String value) {
        if (value == null) {
            configuration.remove(key);
        } else {
            configuration.put(key, value);
        }
        return this;
    }

    /** The value of a configuration key, as GetConfiguration would answer it; null when unknown. */
    public String configuration(String key) {
        return configuration.get(key);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String now() {
        return Instant.now().toString();
    }

    private CompletionStage<JsonNode> answer(String action, JsonNode payload) {
        onCommand.accept(action, payload);
        ObjectNode answer = object();
        switch (action) {
            case "GetConfiguration" -> {
                var known = answer.putArray("configurationKey");
                var unknown = JSON.createArrayNode();
                if (payload.has("key")) {
                    payload.path("key").forEach(key -> {
                        String value = configuration.get(key.asString());
                        if (value == null) {
                            unknown.add(key.asString());
                        } else {
                            known.addObject().put("key", key.asString()).put("readonly", false).put("value", value);
                        }
                    });
                } else {
                    configuration.forEach((key, value) -> known.addObject().put("key", key).put("readonly", false).put("value", value));
                }
                if (!unknown.isEmpty()) {
                    answer.set("unknownKey", unknown);
                }
            }
            case "ChangeConfiguration" -> {
                boolean known = configuration.containsKey(payload.path("key").asString());
                if (known) {
                    configuration.put(payload.path("key").asString(), payload.path("value").asString());
                }
                answer.put("status", known ? "Accepted" : "NotSupported");
            }
            case "RemoteStartTransaction", "RemoteStopTransaction" -> {
                String status = remoteStatus;
                answer.put("status", status);
                if (status.equals("Accepted")) {
                    Thread.ofVirtual().start(() -> onRemote.accept(action, payload));
                }
            }
            case "UnlockConnector" -> answer.put("status", "Unlocked");
            case "GetLocalListVersion" -> answer.put("listVersion", localListVersion);
            case "SendLocalList" -> {
                localListVersion = payload.path("listVersion").asInt();
                answer.put("status", "Accepted");
            }
            case "GetDiagnostics" -> answer.put("fileName", identity + "-diagnostics.log");
            case "UpdateFirmware" -> { }
            case "GetCompositeSchedule" -> answer.put("status", "Rejected");
            case "ClearChargingProfile" -> answer.put("status", "Unknown");
            case "DataTransfer" -> answer.put("status", "UnknownVendorId");
            case "ReserveNow" -> answer.put("status", reservationStatus);
            case "CancelReservation", "Reset", "ChangeAvailability", "ClearCache", "TriggerMessage", "SetChargingProfile" ->
                    answer.put("status", "Accepted");
            default -> answer.put("status", "Rejected");
        }
        return CompletableFuture.completedFuture(answer);
    }

    @Override
    public void close() {
        endpoint.close();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private static final class Holder {
        volatile SimulatedCharger charger;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
    }

    /** Reassembles fragmented text frames and hands each whole frame to the endpoint. */
    private static final class Listener implements WebSocket.Listener {

        private final Holder holder;
        private final StringBuilder partial = new StringBuilder();

        Listener(Holder holder) {
            this.holder = holder;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                holder.ready.thenRun(() -> holder.charger.endpoint.onFrame(frame));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            holder.ready.thenRun(() -> holder.charger.endpoint.close());
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            holder.ready.thenRun(() -> holder.charger.endpoint.close());
        }
    }
}
