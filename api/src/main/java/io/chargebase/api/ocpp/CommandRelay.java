package io.chargebase.api.ocpp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.ocpp.rpc.FrameCodec;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages between instances over PostgreSQL NOTIFY: each instance LISTENs on a channel of its own
 * ({@code ocpp_<instance id>}), so a message reaches only the instance it is addressed to. A message is a JSON object
 * with the tenant it concerns; one too long for NOTIFY (8000 bytes) is written to {@code ocpp_relay_payload} in its
 * tenant's rows, and the notification carries only the tenant and the row's id. The receiver reads and deletes the
 * row acting for that tenant. Received messages are handed to the listener on a virtual thread, never on the
 * listening connection's thread. The instance's one LISTEN connection ({@link PostgresNotifications}) carries them.
 */
@Component
class CommandRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandRelay.class);
    /** NOTIFY refuses payloads of 8000 bytes and more; leave room. */
    static final int MAX_NOTIFY_BYTES = 7900;

    private final PostgresNotifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OcppRuntime runtime;
    private final String channel;
    private volatile Consumer<ObjectNode> listener = message -> { };
    private volatile boolean running;

    CommandRelay(PostgresNotifications notifications, JdbcClient jdbc, PlatformTransactionManager transactionManager, OcppRuntime runtime,
            ConnectionRegistry registry) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtime = runtime;
        this.channel = channelOf(registry.instanceId());
        notifications.subscribe(channel, text -> runtime.work().execute(() -> deliver(text)));
    }

    static String channelOf(UUID instanceId) {
        return "ocpp_" + instanceId.toString().replace("-", "");
    }

    /** Who gets the messages addressed to this instance. */
    void onMessage(Consumer<ObjectNode> listener) {
        this.listener = listener;
    }

    /** Sends a message to another instance; it must have a {@code tenant} field. */
    void send(UUID instanceId, ObjectNode message) {
        TenantId tenant = new TenantId(UUID.fromString(message.path("tenant").asString()));
        String text = FrameCodec.mapper().writeValueAsString(message);
        TenantContext.runAs(TenantScope.of(tenant), () -> transactions.executeWithoutResult(status -> {
            String notification = text;
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFY_BYTES) {
                UUID id = UUID.randomUUID();
                jdbc.sql("insert into ocpp_relay_payload (tenant_id, id, body) values (?, ?, ?)").params(tenant.value(), id, text).update();
                ObjectNode reference = FrameCodec.mapper().createObjectNode();
                reference.put("tenant", tenant.value().toString());
                reference.put("stored", id.toString());
                notification = FrameCodec.mapper().writeValueAsString(reference);
            }
            // delivered when this transaction commits, together with the stored payload
            jdbc.sql("select pg_notify(?, ?)").params(channelOf(instanceId), notification).query(Object.class).optional();
        }));
    }

    boolean isListening() {
        return notifications.isListening();
    }

    @Override
    public void start() {
        running = true;
        // commands relayed here must not be lost in the moment before LISTEN takes effect
        long deadline = System.currentTimeMillis() + 5_000;
        while (!notifications.isListening() && System.currentTimeMillis() < deadline) {
            pause(20);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void deliver(String text) {
        try {
            JsonNode received = FrameCodec.mapper().readTree(text);
            Optional<ObjectNode> message = received.hasNonNull("stored") ? load(received) : Optional.of((ObjectNode) received);
            message.ifPresent(listener);
        } catch (RuntimeException e) {
            log.warn("Dropped a relayed OCPP message that could not be handled: {}", text.length() > 200 ? text.substring(0, 200) : text, e);
        }
    }

    private Optional<ObjectNode> load(JsonNode reference) {
        TenantId tenant = new TenantId(UUID.fromString(reference.path("tenant").asString()));
        UUID id = UUID.fromString(reference.path("stored").asString());
        Optional<String> body = TenantContext.callAs(TenantScope.of(tenant), () -> transactions.execute(status ->
                jdbc.sql("delete from ocpp_relay_payload where id = ? returning body").param(id).query(String.class).optional()));
        return body.map(text -> (ObjectNode) FrameCodec.mapper().readTree(text))
                .filter(message -> tenant.value().toString().equals(message.path("tenant").asString()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
